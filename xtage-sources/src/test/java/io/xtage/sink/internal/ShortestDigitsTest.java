package io.xtage.sink.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.doubles;
import static org.quicktheories.generators.SourceDSL.integers;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import org.junit.jupiter.api.Test;

class ShortestDigitsTest {

    private static String appended(double x) {
        StringWriter w = new StringWriter();
        try (TextOut out = new TextOut(w, 64)) {
            ShortestDigits.append(out, x);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return w.toString();
    }

    /** Java's digits in the plain form sinks use. */
    private static String javaPlain(double x) {
        String plain = new BigDecimal(Double.toString(x)).stripTrailingZeros().toPlainString();
        return plain.indexOf('.') < 0 ? plain + ".0" : plain;
    }

    /** The shortest decimal that reads back as x, closest to x, by brute force with BigDecimal. */
    private static BigDecimal shortest(double x) {
        BigDecimal exact = new BigDecimal(x);
        for (int digits = 1; digits <= 17; digits++) {
            BigDecimal best = null;
            BigDecimal down = exact.round(new MathContext(digits, RoundingMode.FLOOR));
            BigDecimal unit = BigDecimal.ONE.scaleByPowerOfTen(-down.scale());
            for (BigDecimal c : new BigDecimal[] {down, down.add(unit)}) {
                if (c.doubleValue() == x) {
                    int cmp = best == null ? -1 : c.subtract(exact).abs().compareTo(best.subtract(exact).abs());
                    if (cmp < 0 || cmp == 0 && c.unscaledValue().testBit(0) == false) {
                        best = c;
                    }
                }
            }
            if (best != null) {
                return best;
            }
        }
        throw new AssertionError(x);
    }

    private static void assertShortestAndClosest(double x) {
        String s = ShortestDigits.format(x);
        assertThat(new BigDecimal(s).compareTo(shortest(x))).as("%s (%s)", s, Double.toString(x)).isZero();
        assertThat(Double.parseDouble(s)).isEqualTo(x);
        assertThat(appended(x)).isEqualTo(s);
    }

    @Test
    void floorLogarithmsAreExact() {
        for (int e = -1100; e <= 1100; e++) {
            BigDecimal pow2 = e >= 0 ? new BigDecimal(java.math.BigInteger.TWO.pow(e))
                : BigDecimal.ONE.divide(new BigDecimal(java.math.BigInteger.TWO.pow(-e)));
            int exact10 = pow2.precision() - pow2.scale() - 1; // floor(log10(2^e))
            assertThat(ShortestDigits.flog10pow2(e)).as("e=%d", e).isEqualTo(exact10);
            BigDecimal threeQuarters = pow2.multiply(new BigDecimal("0.75"));
            assertThat(ShortestDigits.flog10threeQuartersPow2(e)).as("e=%d", e)
                .isEqualTo(threeQuarters.precision() - threeQuarters.scale() - 1);
            if (e >= 0 && e <= 330) {
                // 2^f <= 10^e < 2^(f+1)
                assertThat(ShortestDigits.flog2pow10(e)).as("e=%d", e)
                    .isEqualTo(java.math.BigInteger.TEN.pow(e).bitLength() - 1);
            }
        }
    }

    @Test
    void negativePowersOfTenHaveFloorLog2() {
        for (int e = -330; e < 0; e++) {
            // 2^f <= 10^e < 2^(f+1)
            int f = ShortestDigits.flog2pow10(e);
            BigDecimal pow10 = BigDecimal.ONE.scaleByPowerOfTen(e);
            BigDecimal low = BigDecimal.ONE.divide(new BigDecimal(java.math.BigInteger.TWO.pow(-f)));
            BigDecimal high = -f - 1 > 0 ? BigDecimal.ONE.divide(new BigDecimal(java.math.BigInteger.TWO.pow(-f - 1)))
                : BigDecimal.ONE;
            assertThat(low.compareTo(pow10)).as("e=%d", e).isLessThanOrEqualTo(0);
            assertThat(pow10.compareTo(high)).as("e=%d", e).isLessThan(0);
        }
    }

    @Test
    void isTheShortestClosestDecimal_anyDoubleInRange() {
        qt().withExamples(20_000).forAll(doubles().between(ShortestDigits.MIN, ShortestDigits.MAX))
            .checkAssert(x -> {
                if (x < ShortestDigits.MAX) {
                    assertShortestAndClosest(x);
                    assertShortestAndClosest(-x);
                }
            });
    }

    @Test
    void isTheShortestClosestDecimal_productsOfPricesAndRates() {
        qt().withExamples(20_000).forAll(integers().between(1, 1_000_000), integers().between(1, 30_000))
            .checkAssert((cents, rate) -> assertShortestAndClosest(cents / 100.0 * (rate / 10_000.0)));
    }

    @Test
    void isTheShortestClosestDecimal_nearPowersOfTwoAndTen() {
        for (int e = -23; e <= 53; e++) {
            double p = Math.scalb(1.0, e);
            for (double x : new double[] {p, Math.nextDown(p), Math.nextUp(p), Math.nextUp(Math.nextUp(p))}) {
                if (ShortestDigits.handles(x)) {
                    assertShortestAndClosest(x);
                }
            }
        }
        for (int e = -7; e <= 15; e++) {
            double p = Double.parseDouble("1e" + e);
            for (double x : new double[] {p, Math.nextDown(p), Math.nextUp(p)}) {
                if (ShortestDigits.handles(x)) {
                    assertShortestAndClosest(x);
                }
            }
        }
    }

    @Test
    void agreesWithJavasDigits() {
        qt().withExamples(20_000).forAll(doubles().between(ShortestDigits.MIN, ShortestDigits.MAX - 1))
            .checkAssert(x -> assertThat(ShortestDigits.format(x)).isEqualTo(javaPlain(x)));
    }

    @Test
    void formatsTheEdgesOfTheRange() {
        assertThat(ShortestDigits.handles(1e-7)).isTrue();
        assertThat(ShortestDigits.handles(Math.nextDown(1e-7))).isFalse();
        assertThat(ShortestDigits.handles(1e16)).isFalse();
        assertThat(ShortestDigits.handles(0.0)).isFalse();
        assertThat(ShortestDigits.format(1e-7)).isEqualTo("0.0000001");
        assertThat(ShortestDigits.format(-1.2345e-5)).isEqualTo("-0.000012345");
        assertThat(ShortestDigits.format(Math.nextDown(1e16))).isEqualTo("9999999999999998.0");
        assertThat(ShortestDigits.format(0.1 + 0.2)).isEqualTo("0.30000000000000004");
        assertThat(ShortestDigits.format(9 * 137.89)).isEqualTo("1241.0099999999998");
        assertThat(ShortestDigits.format(3.0)).isEqualTo("3.0");
        assertThat(ShortestDigits.format(12345678.0)).isEqualTo("12345678.0");
        assertThat(appended(Math.nextDown(1e16))).isEqualTo("9999999999999998.0");
        assertThat(appended(1e-7)).isEqualTo("0.0000001");
    }
}
