package io.xtage.preprocess.internal;

import io.xtage.preprocess.PreprocessException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Descriptive statistics on primitive arrays, computed the way NumPy and pandas compute them so
 * that results agree to the last bit where the algorithm allows it: pairwise summation, the
 * median as the mean of the two middle values, quantiles by linear interpolation. Internal.
 */
public final class Stats {
    /** NumPy's PW_BLOCKSIZE: below it, eight accumulators; above it, split in two. */
    private static final int BLOCK = 128;

    private Stats() {
    }

    /** The sum of {@code a[from, from+n)} by NumPy's pairwise summation. */
    public static double pairwiseSum(double[] a, int from, int n) {
        if (n < 8) {
            double res = 0.0;
            for (int i = 0; i < n; i++) {
                res += a[from + i];
            }
            return res;
        } else if (n <= BLOCK) {
            double r0 = a[from];
            double r1 = a[from + 1];
            double r2 = a[from + 2];
            double r3 = a[from + 3];
            double r4 = a[from + 4];
            double r5 = a[from + 5];
            double r6 = a[from + 6];
            double r7 = a[from + 7];
            int i;
            for (i = 8; i < n - (n % 8); i += 8) {
                int j = from + i;
                r0 += a[j];
                r1 += a[j + 1];
                r2 += a[j + 2];
                r3 += a[j + 3];
                r4 += a[j + 4];
                r5 += a[j + 5];
                r6 += a[j + 6];
                r7 += a[j + 7];
            }
            double res = ((r0 + r1) + (r2 + r3)) + ((r4 + r5) + (r6 + r7));
            for (; i < n; i++) {
                res += a[from + i];
            }
            return res;
        } else {
            int n2 = n / 2;
            n2 -= n2 % 8;
            return pairwiseSum(a, from, n2) + pairwiseSum(a, from + n2, n - n2);
        }
    }

    /** The mean of {@code a} (no missing values), or NaN when empty. */
    public static double mean(double[] a) {
        if (a.length == 0) {
            return Double.NaN;
        }
        return pairwiseSum(a, 0, a.length) / a.length;
    }

    /**
     * The population standard deviation (ddof 0) around {@code mean}, computed as pandas does:
     * the pairwise sum of {@code (mean - x)^2}, divided by n, square root.
     */
    public static double populationStd(double[] a, double mean) {
        if (a.length == 0) {
            return Double.NaN;
        }
        double[] sq = new double[a.length];
        for (int i = 0; i < a.length; i++) {
            double d = mean - a[i];
            sq[i] = d * d;
        }
        return Math.sqrt(pairwiseSum(sq, 0, sq.length) / a.length);
    }

    /** Sorts a copy of {@code a}. */
    public static double[] sorted(double[] a) {
        double[] s = a.clone();
        Arrays.sort(s);
        return s;
    }

    /** The median of sorted values: the middle one, or the mean of the two middle ones. NaN when empty. */
    public static double medianOfSorted(double[] s) {
        int n = s.length;
        if (n == 0) {
            return Double.NaN;
        }
        if (n % 2 == 1) {
            return s[n / 2];
        }
        return (s[n / 2 - 1] + s[n / 2]) / 2.0;
    }

    /**
     * The median of unsorted values (no NaN), by selection in linear time: the middle value, or
     * the mean of the two middle values. Reorders {@code a}. NaN when empty.
     */
    public static double median(double[] a) {
        int n = a.length;
        if (n == 0) {
            return Double.NaN;
        }
        int k = n / 2;
        if (n >= RADIX_MIN) {
            // Radix selection reads the values and moves none. It orders -0.0 before 0.0, which
            // the comparisons below treat as equal: a median at zero takes the path below.
            double upper = radixSelect(a, k);
            if (upper != 0.0) {
                if (n % 2 == 1) {
                    return upper;
                }
                double lower = radixSelect(a, k - 1);
                if (lower != 0.0) {
                    return (lower + upper) / 2.0;
                }
            }
        }
        select(a, k);
        if (n % 2 == 1) {
            return a[k];
        }
        double lowerMax = a[0];
        for (int i = 1; i < k; i++) {
            if (a[i] > lowerMax) {
                lowerMax = a[i];
            }
        }
        return (lowerMax + a[k]) / 2.0;
    }

    /** Below this many values, selection by partitioning is as quick. */
    static final int RADIX_MIN = 4096;

    /**
     * The value that sorting {@code a} (no NaN) would put at index {@code k}, found by counting
     * 16-bit digits of each value's order-preserving bits, most significant first: a few passes
     * over {@code a}, none of which moves a value. {@code a} is left as it was.
     */
    static double radixSelect(double[] a, int k) {
        int n = a.length;
        int[] count = new int[1 << 16];
        // the top digit straight from the values, then only the values of the chosen bucket
        for (int i = 0; i < n; i++) {
            count[digit(sortable(a[i]), 48)]++;
        }
        int bucket = 0;
        while (k >= count[bucket]) {
            k -= count[bucket];
            bucket++;
        }
        long[] keys = new long[count[bucket]];
        int m = 0;
        for (int i = 0; i < n; i++) {
            long key = sortable(a[i]);
            if (digit(key, 48) == bucket) {
                keys[m++] = key;
            }
        }
        for (int shift = 32; ; shift -= 16) {
            if (m <= 64 || shift < 0) {
                long[] rest = Arrays.copyOf(keys, m);
                Arrays.sort(rest);
                return unsortable(rest[k]);
            }
            Arrays.fill(count, 0);
            for (int i = 0; i < m; i++) {
                count[digit(keys[i], shift)]++;
            }
            bucket = 0;
            while (k >= count[bucket]) {
                k -= count[bucket];
                bucket++;
            }
            // keep only the values of that bucket, at the front
            int kept = 0;
            for (int i = 0; i < m; i++) {
                if (digit(keys[i], shift) == bucket) {
                    keys[kept++] = keys[i];
                }
            }
            m = kept;
        }
    }

    /** The 16 bits of an order-preserving key at {@code shift}, as an unsigned bucket in key order. */
    private static int digit(long key, int shift) {
        return (int) ((key ^ Long.MIN_VALUE) >>> shift) & 0xFFFF;
    }

    /** A long whose signed order is the double's order (-0.0 just below 0.0; no NaN). */
    private static long sortable(double d) {
        long bits = Double.doubleToRawLongBits(d);
        return bits ^ ((bits >> 63) & Long.MAX_VALUE);
    }

    private static double unsortable(long key) {
        return Double.longBitsToDouble(key ^ ((key >> 63) & Long.MAX_VALUE));
    }

    /**
     * Reorders {@code a} so that a[k] is the value that sorting would put there, everything
     * before it is <= a[k] and everything after it >= a[k]. Three-way partitioning, so runs of
     * equal values cost nothing; falls back to sorting if partitioning degrades.
     */
    static void select(double[] a, int k) {
        int lo = 0;
        int hi = a.length - 1;
        int budget = 2 * (32 - Integer.numberOfLeadingZeros(a.length)) + 8;
        while (hi > lo) {
            if (budget-- == 0) {
                Arrays.sort(a, lo, hi + 1);
                return;
            }
            int mid = (lo + hi) >>> 1;
            double x = a[lo];
            double y = a[mid];
            double z = a[hi];
            double pivot = x < y ? (y < z ? y : (x < z ? z : x)) : (x < z ? x : (y < z ? z : y));
            int lt = lo;
            int gt = hi;
            int i = lo;
            while (i <= gt) {
                double v = a[i];
                if (v < pivot) {
                    a[i++] = a[lt];
                    a[lt++] = v;
                } else if (v > pivot) {
                    a[i] = a[gt];
                    a[gt--] = v;
                } else {
                    i++;
                }
            }
            if (k < lt) {
                hi = lt - 1;
            } else if (k > gt) {
                lo = gt + 1;
            } else {
                return;
            }
        }
    }

    /** The median of sorted longs, as a double (the mean of the two middle ones for even counts). */
    public static double medianOfSorted(long[] s) {
        int n = s.length;
        if (n == 0) {
            return Double.NaN;
        }
        if (n % 2 == 1) {
            return (double) s[n / 2];
        }
        return ((double) s[n / 2 - 1] + (double) s[n / 2]) / 2.0;
    }

    /**
     * The {@code q} quantile of sorted values by linear interpolation between the closest ranks
     * (NumPy's default method and its lerp), NaN when empty.
     */
    public static double quantileOfSorted(double[] s, double q) {
        int n = s.length;
        if (n == 0) {
            return Double.NaN;
        }
        double pos = q * (n - 1);
        int lo = (int) Math.floor(pos);
        int hi = Math.min(lo + 1, n - 1);
        double t = pos - lo;
        double a = s[lo];
        double b = s[hi];
        double diff = b - a;
        if (t >= 0.5) {
            return b - diff * (1 - t);
        }
        return a + diff * t;
    }

    /**
     * The most frequent value of sorted values; of several equally frequent, the smallest (as
     * pandas {@code mode().iloc[0]}). NaN when empty.
     */
    public static double modeOfSorted(double[] s) {
        double best = Double.NaN;
        int bestCount = 0;
        int i = 0;
        while (i < s.length) {
            int j = i + 1;
            while (j < s.length && s[j] == s[i]) {
                j++;
            }
            if (j - i > bestCount) {
                bestCount = j - i;
                best = s[i];
            }
            i = j;
        }
        return best == 0.0 ? 0.0 : best;
    }

    /** As {@link #modeOfSorted(double[])} for longs; requires a non-empty array. */
    public static long modeOfSorted(long[] s) {
        long best = s[0];
        int bestCount = 0;
        int i = 0;
        while (i < s.length) {
            int j = i + 1;
            while (j < s.length && s[j] == s[i]) {
                j++;
            }
            if (j - i > bestCount) {
                bestCount = j - i;
                best = s[i];
            }
            i = j;
        }
        return best;
    }

    /** Compares two strings by Unicode code point, as Python sorts them. */
    public static int compareCodePoints(String a, String b) {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            int ca = a.codePointAt(i);
            int cb = b.codePointAt(j);
            if (ca != cb) {
                return Integer.compare(ca, cb);
            }
            i += Character.charCount(ca);
            j += Character.charCount(cb);
        }
        return Integer.compare(a.length() - i, b.length() - j);
    }

    /**
     * The edges of quantile bins, as both engines fit them: the quantiles at {@code 0, 1/q, ...,
     * 1}, equal neighbours merged (many equal values make fewer bins), one edge doubled when all
     * values are equal.
     *
     * @param atFractions the quantile at {@code k / quantiles} for {@code k = 0..quantiles}
     * @param quantiles the number of bins asked for
     * @param labels the number of labels given, 0 for the default {@code q1, q2, ...}
     * @param step the step type, for the message
     * @param column the column, for the message
     * @return the edges, ascending: one more than the bins
     * @throws PreprocessException when labels were given and fewer bins remain than labels
     */
    public static List<Double> quantileBinEdges(double[] atFractions, int quantiles, int labels, String step,
                                                String column) {
        List<Double> edges = new ArrayList<>();
        for (double e : atFractions) {
            if (edges.isEmpty() || e > edges.get(edges.size() - 1)) {
                edges.add(e);
            }
        }
        if (edges.size() == 1) {
            edges.add(edges.get(0));
        }
        int bins = edges.size() - 1;
        if (labels > 0 && bins != quantiles) {
            throw new PreprocessException(step, column, "only " + bins + " distinct quantile bins of the " + quantiles
                + " asked for (many equal values), so the " + quantiles + " labels do not fit; ask for fewer bins");
        }
        return edges;
    }
}
