package io.xtage.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class RejectPolicyTest {

    @Test
    void describesItself() {
        assertThat(RejectPolicy.lenient().describe()).isEqualTo("lenient");
        assertThat(RejectPolicy.strict().describe()).isEqualTo("strict");
        assertThat(RejectPolicy.maxRows(100).describe()).isEqualTo("max_rows(100)");
        assertThat(RejectPolicy.maxFraction(0.01).describe()).isEqualTo("max_fraction(0.01)");
    }

    @Test
    void strictIsStrictAndLenientIsNot() {
        assertThat(RejectPolicy.strict().isStrict()).isTrue();
        assertThat(RejectPolicy.lenient().isStrict()).isFalse();
        assertThat(RejectPolicy.maxRows(0).isStrict()).isFalse();
    }

    @Test
    void rejectsBadLimits() {
        assertThatThrownBy(() -> RejectPolicy.maxRows(-1)).isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining("-1");
        assertThatThrownBy(() -> RejectPolicy.maxFraction(1.5)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> RejectPolicy.maxFraction(Double.NaN)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void equalPoliciesAreEqual() {
        assertThat(RejectPolicy.maxRows(3)).isEqualTo(RejectPolicy.maxRows(3)).hasSameHashCodeAs(RejectPolicy.maxRows(3))
            .isNotEqualTo(RejectPolicy.maxRows(4));
    }
}
