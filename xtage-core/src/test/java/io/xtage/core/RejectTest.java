package io.xtage.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class RejectTest {

    @Test
    void messageFollowsTheTemplate() {
        Reject r = Reject.builder("sales_data.csv", 12).lineNumber(13).column("price").rawValue("abc")
            .reason("cannot parse 'abc' as DOUBLE").kind(RejectKind.TYPE).build();
        assertThat(r.message())
            .isEqualTo("sales_data.csv record 12 (line 13), column 'price': cannot parse 'abc' as DOUBLE");
    }

    @Test
    void messageOfAWholeRecordJsonReject() {
        Reject r = Reject.builder("api", 3).lineNumber(1).columnNumber(88).reason("not an object")
            .kind(RejectKind.SHAPE).rowDropped(true).build();
        assertThat(r.message()).isEqualTo("api record 3 (line 1, column 88): not an object");
        assertThat(r.column()).isEmpty();
    }

    @Test
    void controlCharactersInTheReasonArePrintable() {
        Reject r = Reject.builder("s", 1).reason("bad\nvalue").build();
        assertThat(r.message()).isEqualTo("s record 1: bad\\u000avalue");
    }

    @Test
    void toMapHasSnakeCaseKeys() {
        Reject r = Reject.builder("s", 1).lineNumber(2).column("c").rawValue("x").reason("why").rowDropped(true)
            .build();
        assertThat(r.toMap()).containsExactly(
            org.assertj.core.api.Assertions.entry("source", "s"),
            org.assertj.core.api.Assertions.entry("record", 1L),
            org.assertj.core.api.Assertions.entry("line", 2L),
            org.assertj.core.api.Assertions.entry("column", "c"),
            org.assertj.core.api.Assertions.entry("value", "x"),
            org.assertj.core.api.Assertions.entry("reason", "why"),
            org.assertj.core.api.Assertions.entry("kind", "TYPE"),
            org.assertj.core.api.Assertions.entry("row_dropped", true));
    }

    @Test
    void toBuilderCopiesEveryField() {
        Reject r = Reject.builder("s", 5).lineNumber(6).columnNumber(7).column("c").rawValue("x").reason("why")
            .kind(RejectKind.CONSTRAINT).rowDropped(true).build();
        assertThat(r.toBuilder().build()).isEqualTo(r).hasSameHashCodeAs(r);
        assertThat(r.toBuilder().rowDropped(false).build().isRowDropped()).isFalse();
    }

    @Test
    void rawValueIsTruncated() {
        Reject r = Reject.builder("s", 1).rawValue("a".repeat(1000)).reason("why").build();
        assertThat(r.rawValue()).hasSize(256 + "…[744 more chars]".length()).endsWith("…[744 more chars]");
    }

    @Test
    void reasonIsRequiredAndRecordNumberNotNegative() {
        assertThatThrownBy(() -> Reject.builder("s", 1).build()).isInstanceOf(NullPointerException.class)
            .hasMessageContaining("reason");
        assertThatThrownBy(() -> Reject.builder("s", -1)).isInstanceOf(IllegalArgumentException.class);
    }
}
