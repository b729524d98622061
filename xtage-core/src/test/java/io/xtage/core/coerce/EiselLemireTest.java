package io.xtage.core.coerce;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.doubles;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Eisel-Lemire against Double.parseDouble: never a different double; it may only give up. */
class EiselLemireTest {

    private static void assertAgrees(long significand, int exp10) {
        long bits = EiselLemire.toDoubleBits(significand, exp10);
        if (bits != EiselLemire.FAIL) {
            double expected = Double.parseDouble(Long.toUnsignedString(significand) + "e" + exp10);
            assertThat(Double.longBitsToDouble(bits)).as("%se%d", Long.toUnsignedString(significand), exp10)
                .isEqualTo(expected);
        }
    }

    @Test
    void agreesWithParseDouble_anySignificandAndPowerOfTen() {
        qt().withExamples(50_000).forAll(longs().between(1, Long.MAX_VALUE),
                integers().between(EiselLemire.MIN_EXP10, EiselLemire.MAX_EXP10))
            .checkAssert(EiselLemireTest::assertAgrees);
    }

    @Test
    void agreesWithParseDouble_manyRandomDecimals() {
        SplittableRandom r = new SplittableRandom(11);
        int fails = 0;
        int n = 1_000_000;
        for (int i = 0; i < n; i++) {
            int digits = 1 + r.nextInt(19);
            long sig = Math.abs(r.nextLong()) % (long) Math.pow(10, Math.min(digits, 18));
            if (sig == 0) {
                continue;
            }
            int exp = r.nextInt(EiselLemire.MIN_EXP10, EiselLemire.MAX_EXP10 + 1);
            long bits = EiselLemire.toDoubleBits(sig, exp);
            if (bits == EiselLemire.FAIL) {
                fails++;
            } else {
                assertThat(Double.longBitsToDouble(bits)).as("%de%d", sig, exp)
                    .isEqualTo(Double.parseDouble(sig + "e" + exp));
            }
        }
        // it gives up on exact ties (small significands times positive powers), which Double.parseDouble settles
        assertThat(fails).as("gives up rarely").isLessThan(n / 100);
    }

    @Test
    void agreesWithParseDouble_nearHalfwayBetweenDoubles() {
        qt().withExamples(20_000).forAll(doubles().between(1e-40, 1e40)).checkAssert(d -> {
            BigDecimal mid = new BigDecimal(d).add(new BigDecimal(Math.nextUp(d))).divide(BigDecimal.valueOf(2));
            for (int digits : new int[] {17, 18, 19}) {
                for (RoundingMode mode : new RoundingMode[] {RoundingMode.FLOOR, RoundingMode.CEILING}) {
                    BigDecimal near = mid.round(new MathContext(digits, mode));
                    BigDecimal unscaled = new BigDecimal(near.unscaledValue());
                    if (unscaled.compareTo(new BigDecimal(Long.MAX_VALUE)) <= 0) {
                        assertAgrees(near.unscaledValue().longValueExact(), -near.scale());
                    }
                }
            }
        });
    }

    @Test
    void exactPowersAndSmallValues() {
        for (int e = EiselLemire.MIN_EXP10; e <= EiselLemire.MAX_EXP10; e++) {
            for (long sig : new long[] {1, 2, 5, 9, 10, 123, 999_999_999_999_999_999L, 1L << 53, (1L << 53) + 1,
                Long.MAX_VALUE}) {
                assertAgrees(sig, e);
            }
        }
        assertThat(EiselLemire.toDoubleBits(0, 0)).isEqualTo(EiselLemire.FAIL);
        assertThat(EiselLemire.toDoubleBits(1, EiselLemire.MAX_EXP10 + 1)).isEqualTo(EiselLemire.FAIL);
    }

    @Test
    void parseDoubleReadsLongDecimalsExactly() {
        assertThat(Coercers.parseDouble("1296.1000000000001", CoercionOptions.DEFAULT)).isEqualTo(1296.1000000000001);
        assertThat(Coercers.parseDouble("-60.900000000000006", CoercionOptions.DEFAULT)).isEqualTo(-60.900000000000006);
        qt().withExamples(50_000).forAll(doubles().between(-1e12, 1e12)).checkAssert(d -> {
            String s = Double.toString(d);
            assertThat(Coercers.parseDouble(s, CoercionOptions.DEFAULT)).as(s).isEqualTo(Double.parseDouble(s));
            String plain = new BigDecimal(s).toPlainString();
            assertThat(Coercers.parseDouble(plain, CoercionOptions.DEFAULT)).as(plain).isEqualTo(d);
        });
    }
}
