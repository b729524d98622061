package io.xtage.core.coerce;

import java.math.BigInteger;

/**
 * Decimal to double, correctly rounded, for significands of up to 19 digits: the Eisel-Lemire
 * algorithm (Daniel Lemire, "Number Parsing at a Gigabyte per Second", 2021; as Nigel Tao
 * describes it). It multiplies the significand by a 128-bit approximation of the power of ten
 * and gives up, rather than guess, in the rare cases where that approximation cannot decide the
 * rounding; callers then fall back to {@link Double#parseDouble(String)}.
 *
 * <p>Only powers of ten in [{@value #MIN_EXP10}, {@value #MAX_EXP10}] are tabled, which covers
 * the numbers data files hold. Stateless and thread-safe.
 */
final class EiselLemire {
    static final int MIN_EXP10 = -64;
    static final int MAX_EXP10 = 64;

    /** Returned when the algorithm cannot decide: not a double's bit pattern any caller expects. */
    static final long FAIL = -1L;

    /** 10^e ~ (HI[e] * 2^64 + LO[e]) * 2^k, rounded down, with the top bit of HI set. */
    private static final long[] HI = new long[MAX_EXP10 - MIN_EXP10 + 1];
    private static final long[] LO = new long[MAX_EXP10 - MIN_EXP10 + 1];

    static {
        BigInteger mask64 = BigInteger.ONE.shiftLeft(64).subtract(BigInteger.ONE);
        for (int e = MIN_EXP10; e <= MAX_EXP10; e++) {
            BigInteger m;
            if (e >= 0) {
                BigInteger p = BigInteger.TEN.pow(e);
                int bits = p.bitLength();
                m = bits <= 128 ? p.shiftLeft(128 - bits) : p.shiftRight(bits - 128);
            } else {
                BigInteger p = BigInteger.TEN.pow(-e);
                // floor(2^s / 10^-e) with enough bits, then down to 128 (floor of a floor is the floor)
                BigInteger q = BigInteger.ONE.shiftLeft(128 + p.bitLength()).divide(p);
                m = q.shiftRight(q.bitLength() - 128);
            }
            HI[e - MIN_EXP10] = m.shiftRight(64).longValue();
            LO[e - MIN_EXP10] = m.and(mask64).longValue();
        }
    }

    private EiselLemire() {
    }

    /**
     * @param significand the decimal digits as an integer, greater than 0 (unsigned up to 2^64 - 1)
     * @param exp10 the power of ten to multiply it by
     * @return the bits of the nearest positive double (ties to even), or {@link #FAIL} when this
     *     algorithm cannot tell, the power of ten is out of the table, or the result is not a
     *     normal double
     */
    static long toDoubleBits(long significand, int exp10) {
        if (significand == 0 || exp10 < MIN_EXP10 || exp10 > MAX_EXP10) {
            return FAIL;
        }
        int clz = Long.numberOfLeadingZeros(significand);
        long man = significand << clz;
        long exp2 = (217_706L * exp10 >> 16) + 64 + 1023 - clz;
        long hi = HI[exp10 - MIN_EXP10];
        long lo = LO[exp10 - MIN_EXP10];
        long xHi = unsignedMultiplyHigh(man, hi);
        long xLo = man * hi;
        if ((xHi & 0x1FF) == 0x1FF && Long.compareUnsigned(xLo + man, man) < 0) {
            // the first product may be short by a carry from the lower half: look wider
            long yHi = unsignedMultiplyHigh(man, lo);
            long yLo = man * lo;
            long mergedHi = xHi;
            long mergedLo = xLo + yHi;
            if (Long.compareUnsigned(mergedLo, xLo) < 0) {
                mergedHi++;
            }
            if ((mergedHi & 0x1FF) == 0x1FF && mergedLo + 1 == 0 && Long.compareUnsigned(yLo + man, man) < 0) {
                return FAIL;
            }
            xHi = mergedHi;
            xLo = mergedLo;
        }
        long msb = xHi >>> 63;
        long mantissa = xHi >>> (msb + 9);
        exp2 -= 1 ^ msb;
        if (xLo == 0 && (xHi & 0x1FF) == 0 && (mantissa & 3) == 1) {
            // exactly half way between two doubles, as far as these bits tell
            return FAIL;
        }
        mantissa += mantissa & 1;
        mantissa >>>= 1;
        if (mantissa >>> 53 > 0) {
            mantissa >>>= 1;
            exp2++;
        }
        if (exp2 < 1 || exp2 >= 0x7FF) {
            return FAIL;
        }
        return exp2 << 52 | mantissa & ((1L << 52) - 1);
    }

    /** Math.unsignedMultiplyHigh, which Java 17 does not have yet. */
    private static long unsignedMultiplyHigh(long a, long b) {
        return Math.multiplyHigh(a, b) + ((a >> 63) & b) + ((b >> 63) & a);
    }
}
