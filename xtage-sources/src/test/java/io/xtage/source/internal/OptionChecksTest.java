package io.xtage.source.internal;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class OptionChecksTest {

    @Test
    void atLeastOneAcceptsOne() {
        assertThatCode(() -> OptionChecks.atLeastOne("sampleRows", 1, "X.Builder.sampleRows(int)"))
            .doesNotThrowAnyException();
    }

    @Test
    void atLeastOneRefusalNamesTheOptionTheValueAndTheSetter() {
        assertThatThrownBy(() -> OptionChecks.atLeastOne("sampleRows", 0, "CsvOptions.Builder.sampleRows(int)"))
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessage("sampleRows must be at least 1 (was 0); change CsvOptions.Builder.sampleRows(int)");
    }
}
