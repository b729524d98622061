package io.xtage.examples.generate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.booleans;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.quicktheories.core.Gen;

class ShortestDoubleTest {

    /** Every magnitude the generator prints, and some margin: 0.001 .. 10^7. */
    private static final Gen<Double> GENERATOR_RANGE = longs()
            .between(Double.doubleToLongBits(1e-3), Double.doubleToLongBits(1e7))
            .zip(booleans().all(), (bits, negative) -> {
                double x = Double.longBitsToDouble(bits);
                return negative ? -x : x;
            });

    // Expected texts are Python 3's repr of the same doubles.
    @ParameterizedTest
    @CsvSource({
        "1241.0099999999998, 1241.0099999999998",
        "0.30000000000000004, 0.30000000000000004",
        "1500, 1500.0",
        "0.5, 0.5",
        "0.1, 0.1",
        "1.5, 1.5",
        "-564.36, -564.36",
        "276.65999999999997, 276.65999999999997",
        "1e-3, 0.001",
        "123456789.125, 123456789.125",
        "1e15, 1000000000000000.0",
        "1e22, 10000000000000000000000.0",
    })
    void printsLikePythonRepr(double x, String expected) {
        assertThat(ShortestDouble.format(x)).isEqualTo(expected);
    }

    // JDK 17's Double.toString prints these with more digits than needed (JDK-4511638):
    // 9.999999999999999E22, 1.9999999999999998E23, 8.409999999999999E21, 2.82879384806159008E17.
    // Python's repr prints 1e+23, 2e+23, 8.41e+21, 2.82879384806159e+17.
    @ParameterizedTest
    @CsvSource({
        "1.0E23, 100000000000000000000000.0",
        "2.0E23, 200000000000000000000000.0",
        "8.41E21, 8410000000000000000000.0",
        "2.82879384806159E17, 282879384806159000.0",
    })
    void printsShorterThanJdk17DoubleToString(double x, String expected) {
        assertThat(ShortestDouble.format(x)).isEqualTo(expected);
    }

    @Test
    void findsShortestSubnormal() {
        assertThat(ShortestDouble.format(Double.MIN_VALUE)).endsWith("0005").startsWith("0.000");
        assertThat(Double.parseDouble(ShortestDouble.format(Double.MIN_VALUE))).isEqualTo(Double.MIN_VALUE);
    }

    @Test
    void keepsSignOfZero() {
        assertThat(ShortestDouble.format(0.0)).isEqualTo("0.0");
        assertThat(ShortestDouble.format(-0.0)).isEqualTo("-0.0");
    }

    @Test
    void rejectsNaNAndInfinities() {
        assertThatThrownBy(() -> ShortestDouble.format(Double.NaN))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("NaN");
        assertThatThrownBy(() -> ShortestDouble.format(Double.POSITIVE_INFINITY))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Infinity");
    }

    @Test
    void roundTripsInGeneratorRange() {
        qt().forAll(GENERATOR_RANGE).checkAssert(x -> {
            String s = ShortestDouble.format(x);
            assertThat(Double.parseDouble(s)).isEqualTo(x);
            assertThat(s).doesNotContain("E").doesNotContain("e").contains(".");
        });
    }

    @Test
    void isNoLongerThanSeventeenDigitsOrJdkText() {
        qt().forAll(GENERATOR_RANGE).checkAssert(x -> {
            String s = ShortestDouble.format(x);
            assertThat(significantDigits(s)).isBetween(1, 17)
                    .isLessThanOrEqualTo(significantDigits(plainJdk(x)));
        });
    }

    @Test
    void cannotBeShortened() {
        // Dropping the last significant digit (rounding either way) must not read back as x.
        qt().forAll(GENERATOR_RANGE).checkAssert(x -> {
            BigDecimal shortest = new BigDecimal(ShortestDouble.format(x));
            int digits = shortest.stripTrailingZeros().precision();
            if (digits > 1) {
                BigDecimal exact = new BigDecimal(x);
                for (RoundingMode mode : new RoundingMode[] {
                    RoundingMode.FLOOR, RoundingMode.CEILING}) {
                    double shorter = exact.round(new MathContext(digits - 1, mode)).doubleValue();
                    assertThat(shorter).isNotEqualTo(x);
                }
            }
        });
    }

    @Test
    void amountFastPathEqualsGeneralFormat() {
        qt().forAll(integers().between(1, 10), integers().between(50, 15000)).checkAssert((q, cents) -> {
            StringBuilder sb = new StringBuilder();
            W1DataGenerator.appendAmount(sb, q, cents);
            assertThat(sb.toString()).isEqualTo(ShortestDouble.format(q * (cents / 100.0)));
        });
    }

    @Test
    void appendDecimalStripsTrailingZeros() {
        assertThat(ShortestDouble.appendDecimal(new StringBuilder(), 12345, 2)).hasToString("123.45");
        assertThat(ShortestDouble.appendDecimal(new StringBuilder(), 1230, 2)).hasToString("12.3");
        assertThat(ShortestDouble.appendDecimal(new StringBuilder(), 1200, 2)).hasToString("12.0");
        assertThat(ShortestDouble.appendDecimal(new StringBuilder(), 1005, 4)).hasToString("0.1005");
        assertThat(ShortestDouble.appendDecimal(new StringBuilder(), 10000, 4)).hasToString("1.0");
        assertThat(ShortestDouble.appendDecimal(new StringBuilder(), 7, 2)).hasToString("0.07");
    }

    private static String plainJdk(double x) {
        return new BigDecimal(Double.toString(x)).toPlainString();
    }

    private static int significantDigits(String plain) {
        return new BigDecimal(plain).stripTrailingZeros().precision();
    }
}
