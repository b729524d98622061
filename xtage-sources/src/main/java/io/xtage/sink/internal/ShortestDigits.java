package io.xtage.sink.internal;

import java.io.IOException;
import java.math.BigInteger;

/**
 * The shortest decimal that reads back as a given double, and among those the closest to it (ties
 * to an even last digit): Raffaello Giulietti's Schubfach algorithm ("The Schubfach way to render
 * doubles", 2020), which is also what {@link Double#toString(double)} computes from JDK 19 on.
 * Written here for the plain range sinks print, [1e-7, 1e16), without allocating.
 *
 * <p>JDK 17's {@code Double.toString} gives the same digits for all but rare doubles
 * (JDK-4511638), where it has one digit too many; this gives the shorter text, which reads back
 * as the same double.
 *
 * <p>Stateless and thread-safe. No compatibility promise.
 */
final class ShortestDigits {
    /** Smallest magnitude handled: below it sinks keep Java's exponent form. */
    static final double MIN = 1e-7;
    /** Magnitudes from here on keep Java's exponent form. */
    static final double MAX = 1e16;

    private static final int P = 53;
    private static final long C_MIN = 1L << (P - 1);
    private static final long MASK_63 = (1L << 63) - 1;
    private static final int Q_BIAS = 1075;

    /** The range of decimal exponents k that magnitudes in [MIN, MAX) need, with a margin. */
    private static final int K_LOW = -30;
    private static final int K_HIGH = 5;
    /** g = floor(10^-k * 2^(125 - floor(log2 10^-k))) + 1, split into its high and low 63 bits. */
    private static final long[] G1 = new long[K_HIGH - K_LOW + 1];
    private static final long[] G0 = new long[K_HIGH - K_LOW + 1];

    private static final long[] POW10 = new long[18];

    static {
        for (int k = K_LOW; k <= K_HIGH; k++) {
            int e = -k;
            int r = 125 - flog2pow10(e);
            BigInteger g;
            if (e >= 0) {
                BigInteger p = BigInteger.TEN.pow(e);
                g = r >= 0 ? p.shiftLeft(r) : p.shiftRight(-r);
            } else {
                g = BigInteger.ONE.shiftLeft(r).divide(BigInteger.TEN.pow(-e));
            }
            g = g.add(BigInteger.ONE);
            G1[k - K_LOW] = g.shiftRight(63).longValueExact();
            G0[k - K_LOW] = g.longValue() & MASK_63;
        }
        long p = 1;
        for (int i = 0; i < POW10.length; i++) {
            POW10[i] = p;
            p *= 10;
        }
    }

    private ShortestDigits() {
    }

    /** @return whether {@code x} is finite, not zero, and of a magnitude this class renders */
    static boolean handles(double x) {
        double a = Math.abs(x);
        return a >= MIN && a < MAX;
    }

    /**
     * Appends {@code x} in plain notation ({@code 0.000123}, {@code 12.5}, {@code 3.0}).
     *
     * @param out where to append
     * @param x a double for which {@link #handles(double)} is true
     * @throws IOException from the writer
     */
    static void append(TextOut out, double x) throws IOException {
        long bits = Double.doubleToRawLongBits(x);
        long d = decimal(bits);
        long f = digitsOf(d);
        int e = exponentOf(d);
        if (bits < 0) {
            out.append('-');
        }
        while (f % 10 == 0) {
            f /= 10;
            e++;
        }
        if (e >= 0) {
            // an integer below 10^16: its digits and ".0"
            out.appendDecimal(f * POW10[e] * 10, 1);
        } else {
            out.appendDecimal(f, -e);
        }
    }

    /**
     * @param x a double for which {@link #handles(double)} is true
     * @return {@code x} in plain notation, the text {@link #append} appends
     */
    static String format(double x) {
        StringBuilder b = new StringBuilder(24);
        long bits = Double.doubleToRawLongBits(x);
        long d = decimal(bits);
        long f = digitsOf(d);
        int e = exponentOf(d);
        if (bits < 0) {
            b.append('-');
        }
        while (f % 10 == 0) {
            f /= 10;
            e++;
        }
        if (e >= 0) {
            return b.append(f * POW10[e]).append(".0").toString();
        }
        String digits = Long.toString(f);
        int point = digits.length() + e;
        if (point > 0) {
            return b.append(digits, 0, point).append('.').append(digits, point, digits.length()).toString();
        }
        b.append("0.");
        for (int i = point; i < 0; i++) {
            b.append('0');
        }
        return b.append(digits).toString();
    }

    /** Bits of a packed result that hold the decimal exponent, biased by -K_LOW. */
    private static final int E_BITS = 6;

    /**
     * The shortest decimal of a normal double in the handled range, as {@code f * 10^e}, packed
     * as {@code f << 6 | (e - K_LOW)} (f is below 2^57) so that nothing is allocated.
     */
    private static long decimal(long bits) {
        long t = bits & (C_MIN - 1);
        int bq = (int) (bits >>> (P - 1)) & 0x7ff;
        int q = bq - Q_BIAS;
        long c = C_MIN | t;
        if (q < 0 && q > -P) {
            long f = c >> -q;
            if (f << -q == c) {
                return pack(f, 0);
            }
        }
        return toDecimal(q, c);
    }

    private static long pack(long f, int e) {
        return f << E_BITS | (e - K_LOW);
    }

    private static long digitsOf(long packed) {
        return packed >>> E_BITS;
    }

    private static int exponentOf(long packed) {
        return (int) (packed & ((1 << E_BITS) - 1)) + K_LOW;
    }

    private static long toDecimal(int q, long c) {
        int out = (int) c & 0x1;
        long cb = c << 2;
        long cbr = cb + 2;
        long cbl;
        int k;
        if (c != C_MIN) {
            cbl = cb - 2;
            k = flog10pow2(q);
        } else {
            // at a power of two the gap below is half the gap above
            cbl = cb - 1;
            k = flog10threeQuartersPow2(q);
        }
        int h = q + flog2pow10(-k) + 2;
        long g1 = G1[k - K_LOW];
        long g0 = G0[k - K_LOW];
        long vb = rop(g1, g0, cb << h);
        long vbl = rop(g1, g0, cbl << h);
        long vbr = rop(g1, g0, cbr << h);
        long s = vb >> 2;
        if (s >= 100) {
            // one digit less: the multiple of 10 just below s, or the one above
            long sp10 = 10 * Math.multiplyHigh(s, 115_292_150_460_684_698L << 4);
            long tp10 = sp10 + 10;
            boolean upin = vbl + out <= sp10 << 2;
            boolean wpin = (tp10 << 2) + out <= vbr;
            if (upin != wpin) {
                return pack(upin ? sp10 : tp10, k);
            }
        }
        long t = s + 1;
        boolean uin = vbl + out <= s << 2;
        boolean win = (t << 2) + out <= vbr;
        if (uin != win) {
            return pack(uin ? s : t, k);
        }
        long cmp = vb - (s + t << 1);
        return pack(cmp < 0 || cmp == 0 && (s & 0x1) == 0 ? s : t, k);
    }

    /** Rounds {@code g * cp / 2^127} to odd: the floor, with its last bit set when anything was cut. */
    private static long rop(long g1, long g0, long cp) {
        long x1 = Math.multiplyHigh(g0, cp);
        long y0 = g1 * cp;
        long y1 = Math.multiplyHigh(g1, cp);
        long z = (y0 >>> 1) + x1;
        long vbp = y1 + (z >>> 63);
        return vbp | (z & MASK_63) + MASK_63 >>> 63;
    }

    /** @return floor(e * log10(2)) for |e| up to 5,456,721 */
    static int flog10pow2(int e) {
        return (int) (e * 661_971_961_083L >> 41);
    }

    /** @return floor(log10(3/4 * 2^e)) for |e| up to 3,286,577 */
    static int flog10threeQuartersPow2(int e) {
        return (int) (e * 661_971_961_083L + -274_743_187_321L >> 41);
    }

    /** @return floor(e * log2(10)) for |e| up to 1,838,394 */
    static int flog2pow10(int e) {
        return (int) (e * 913_124_641_741L >> 38);
    }
}
