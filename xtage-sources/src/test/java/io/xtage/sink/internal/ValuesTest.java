package io.xtage.sink.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.doubles;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import tech.tablesaw.columns.dates.PackedLocalDate;

class ValuesTest {

    private static String appended(double x) {
        StringWriter w = new StringWriter();
        try (TextOut out = new TextOut(w, 64)) {
            Values.appendDouble(out, x);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return w.toString();
    }

    @Test
    void everyDoubleReadsBackExactly() {
        qt().withExamples(20_000).forAll(doubles().any()).check(x -> {
            if (Double.isNaN(x)) {
                return true;
            }
            String s = Values.formatDouble(x);
            return Double.doubleToRawLongBits(Double.parseDouble(s)) == Double.doubleToRawLongBits(x);
        });
    }

    @Test
    void appendAndFormatAgree() {
        qt().withExamples(20_000).forAll(doubles().any()).check(x -> Double.isNaN(x)
            || appended(x).equals(Values.formatDouble(x)));
    }

    @Test
    void decimalsPrintAsTheDecimalTheyCameFrom() {
        qt().withExamples(20_000).forAll(longs().between(-999_999_999_999L, 999_999_999_999L), integers().between(0, 9))
            .check((m, k) -> {
                double x = Double.parseDouble(BigDecimal.valueOf(m, k).toPlainString());
                if (Math.abs(x) < 1e-7) {
                    return true;
                }
                BigDecimal printed = new BigDecimal(Values.formatDouble(x));
                return printed.compareTo(BigDecimal.valueOf(m, k)) == 0;
            });
    }

    @Test
    void neverLongerThanJavasOwnDigits() {
        qt().withExamples(20_000).forAll(doubles().between(1e-7, 1e15)).check(x -> {
            BigDecimal mine = new BigDecimal(Values.formatDouble(x)).stripTrailingZeros();
            BigDecimal java = new BigDecimal(Double.toString(x)).stripTrailingZeros();
            return mine.precision() <= java.precision();
        });
    }

    @Test
    void formatsTypicalValuesLikePandas() {
        assertThat(Values.formatDouble(12.5)).isEqualTo("12.5");
        assertThat(Values.formatDouble(3)).isEqualTo("3.0");
        assertThat(Values.formatDouble(-0.0)).isEqualTo("-0.0");
        assertThat(Values.formatDouble(0.0)).isEqualTo("0.0");
        assertThat(Values.formatDouble(0.1 + 0.2)).isEqualTo("0.30000000000000004");
        assertThat(Values.formatDouble(9 * 137.89)).isEqualTo("1241.0099999999998");
        assertThat(Values.formatDouble(0.0001)).isEqualTo("0.0001");
        assertThat(Values.formatDouble(-1.5e-5)).isEqualTo("-0.000015");
        assertThat(Values.formatDouble(123456789.125)).isEqualTo("123456789.125");
        assertThat(Values.formatDouble(1e12)).isEqualTo("1000000000000.0");
        assertThat(Values.formatDouble(Double.POSITIVE_INFINITY)).isEqualTo("Infinity");
        assertThat(Values.formatDouble(Double.NEGATIVE_INFINITY)).isEqualTo("-Infinity");
    }

    @Test
    void keepsExponentOutsideThePlainRange() {
        assertThat(Values.formatDouble(1e-8)).isEqualTo("1.0E-8");
        assertThat(Values.formatDouble(1e16)).isEqualTo("1.0E16");
        assertThat(Values.formatDouble(-2.5e300)).isEqualTo("-2.5E300");
    }

    @Test
    void datesAreIsoWithFourDigitYears() throws IOException {
        StringWriter w = new StringWriter();
        try (TextOut out = new TextOut(w, 64)) {
            Values.appendDate(out, PackedLocalDate.pack(LocalDate.of(7, 1, 9)));
            out.append(' ');
            Values.appendDate(out, PackedLocalDate.pack(LocalDate.of(2024, 12, 31)));
        }
        assertThat(w.toString()).isEqualTo("0007-01-09 2024-12-31");
    }

    @Test
    void textOutWritesLongsAsJavaDoes() {
        qt().withExamples(5_000).forAll(longs().all()).check(v -> {
            StringWriter w = new StringWriter();
            try (TextOut out = new TextOut(w, 64)) {
                out.append("ab").append(v);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return w.toString().equals("ab" + v);
        });
    }

    @Test
    void textOutHandlesTextLargerThanItsBuffer() throws IOException {
        StringWriter w = new StringWriter();
        String big = "x".repeat(1000);
        try (TextOut out = new TextOut(w, 64)) {
            out.append('a').append(big).append('b');
        }
        assertThat(w.toString()).isEqualTo("a" + big + "b");
    }
}
