package io.xtage.preprocess.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The median by radix selection against sorting, and against selection by partitioning. */
class Stats_MedianTest {

    private static double[] values(long seed, int n, int kind) {
        Random r = new Random(seed);
        double[] a = new double[n];
        for (int i = 0; i < n; i++) {
            switch (kind) {
                case 0:
                    a[i] = Math.round(r.nextGaussian() * 10_000) / 100.0; // prices, repeats
                    break;
                case 1:
                    a[i] = r.nextInt(5) - 2; // few values, zeros of both signs below
                    if (a[i] == 0 && r.nextBoolean()) {
                        a[i] = -0.0;
                    }
                    break;
                case 2:
                    a[i] = Double.longBitsToDouble(r.nextLong());
                    if (Double.isNaN(a[i])) {
                        a[i] = Double.POSITIVE_INFINITY;
                    }
                    break;
                default:
                    a[i] = r.nextInt(100) + 18; // ages
            }
        }
        return a;
    }

    private static double sortedMedian(double[] a) {
        double[] s = a.clone();
        Arrays.sort(s);
        int n = s.length;
        return n % 2 == 1 ? s[n / 2] : (s[n / 2 - 1] + s[n / 2]) / 2.0;
    }

    @Test
    void radixSelectGivesTheSortedValue() {
        qt().withExamples(300).forAll(longs().all(), integers().between(1, 20_000), integers().between(0, 3))
            .checkAssert((seed, n, kind) -> {
                double[] a = values(seed, n, kind);
                double[] s = a.clone();
                Arrays.sort(s);
                int k = (int) Math.floorMod(seed, (long) n);
                double[] copy = a.clone();
                assertThat(Double.doubleToRawLongBits(Stats.radixSelect(a, k))).isEqualTo(Double.doubleToRawLongBits(s[k]));
                assertThat(a).isEqualTo(copy);
            });
    }

    @Test
    void medianIsTheSameWithOrWithoutRadixSelection() {
        qt().withExamples(300).forAll(longs().all(), integers().between(1, 20_000), integers().between(0, 3))
            .checkAssert((seed, n, kind) -> {
                double[] a = values(seed, n, kind);
                double fast = Stats.median(a.clone());
                // the partitioning path alone, as before radix selection
                double[] b = a.clone();
                int k = n / 2;
                Stats.select(b, k);
                double slow = b[k];
                if (n % 2 == 0) {
                    double lowerMax = b[0];
                    for (int i = 1; i < k; i++) {
                        if (b[i] > lowerMax) {
                            lowerMax = b[i];
                        }
                    }
                    slow = (lowerMax + b[k]) / 2.0;
                }
                assertThat(Double.doubleToRawLongBits(fast)).as("n=%d kind=%d", n, kind)
                    .isEqualTo(Double.doubleToRawLongBits(slow));
                assertThat(fast).isEqualTo(sortedMedian(a), org.assertj.core.data.Offset.offset(0.0));
            });
    }
}
