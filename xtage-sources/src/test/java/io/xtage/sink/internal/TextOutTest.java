package io.xtage.sink.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import org.junit.jupiter.api.Test;

class TextOutTest {

    private interface Appender {
        void append(TextOut out) throws IOException;
    }

    private static String text(Appender a) {
        StringWriter w = new StringWriter();
        try (TextOut out = new TextOut(w, 64)) {
            for (int i = 0; i < 5; i++) {
                a.append(out); // several times, so that appends cross buffer drains
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return w.toString();
    }

    @Test
    void appendsAnyLongAsLongToStringDoes() {
        qt().withExamples(20_000).forAll(longs().all())
            .checkAssert(v -> assertThat(text(o -> o.append(v))).isEqualTo(Long.toString(v).repeat(5)));
        for (long v : new long[] {0, 9, 10, 99, 100, Integer.MAX_VALUE, Integer.MAX_VALUE + 1L, -Integer.MAX_VALUE - 1L,
            Long.MAX_VALUE, Long.MIN_VALUE, Long.MIN_VALUE + 1, 999_999_999_999_999_999L}) {
            assertThat(text(o -> o.append(v))).isEqualTo(Long.toString(v).repeat(5));
        }
    }

    @Test
    void padsWithZerosToTheWidth() {
        qt().withExamples(20_000).forAll(longs().between(0, Long.MAX_VALUE), integers().between(1, 25))
            .checkAssert((v, w) -> assertThat(text(o -> o.appendPadded(v, w)))
                .isEqualTo(String.format("%0" + w + "d", v).repeat(5)));
        qt().withExamples(20_000).forAll(integers().between(0, Integer.MAX_VALUE), integers().between(1, 12))
            .checkAssert((v, w) -> assertThat(text(o -> o.appendPadded(v, w)))
                .isEqualTo(String.format("%0" + w + "d", v).repeat(5)));
    }

    @Test
    void appendsDecimalsWithThePointWhereTheScaleSays() {
        qt().withExamples(20_000).forAll(longs().between(0, Long.MAX_VALUE), integers().between(1, 30))
            .checkAssert((v, scale) -> assertThat(text(o -> o.appendDecimal(v, scale)))
                .isEqualTo(new java.math.BigDecimal(java.math.BigInteger.valueOf(v), scale).toPlainString().repeat(5)));
        assertThat(text(o -> o.appendDecimal(331, 2))).isEqualTo("3.31".repeat(5));
        assertThat(text(o -> o.appendDecimal(5, 3))).isEqualTo("0.005".repeat(5));
        assertThat(text(o -> o.appendDecimal(930, 1))).isEqualTo("93.0".repeat(5));
        assertThat(text(o -> o.appendDecimal(0, 1))).isEqualTo("0.0".repeat(5));
        assertThat(text(o -> o.appendDecimal(Long.MAX_VALUE, 1))).isEqualTo("922337203685477580.7".repeat(5));
    }

    @Test
    void datesAreWhatLocalDateToStringGives() {
        qt().withExamples(20_000).forAll(longs().between(java.time.LocalDate.of(0, 1, 1).toEpochDay(),
                java.time.LocalDate.of(9999, 12, 31).toEpochDay()))
            .checkAssert(day -> {
                java.time.LocalDate d = java.time.LocalDate.ofEpochDay(day);
                assertThat(text(o -> Values.appendDate(o, tech.tablesaw.columns.dates.PackedLocalDate.pack(d))))
                    .isEqualTo(d.toString().repeat(5));
            });
    }
}
