package io.xtage.examples.generate;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * Formats a {@code double} as the shortest decimal text that reads back as the same
 * double, the way Python's {@code repr(float)} does ({@code 1241.0099999999998},
 * {@code 0.1}, {@code 1500.0}), but always in plain notation, never with an exponent.
 *
 * <p>On JDK 17 {@link Double#toString(double)} does not always give the shortest
 * round-trip text (JDK-4511638, fixed in JDK 19), so pandas, DuckDB and the Python
 * data generator would print some values with fewer digits than Java. This class
 * closes that gap.
 *
 * <p>Stateless and thread-safe.
 *
 * <pre>{@code
 * ShortestDouble.format(9 * 137.89);  // "1241.0099999999998"
 * ShortestDouble.format(0.1 + 0.2);   // "0.30000000000000004"
 * ShortestDouble.format(1500.0);      // "1500.0"
 * ShortestDouble.format(2.0E23);      // "200000000000000000000000.0" (JDK 17: "1.9999999999999998E23")
 * }</pre>
 *
 * @since 0.1.0
 */
public final class ShortestDouble {

    /** Significant digits that are always enough for a double to round trip. */
    private static final int MAX_DIGITS = 17;

    /**
     * Below this many significant digits, a decimal that reads back as {@code x} is the
     * 15-digit rounding of {@code x} (an ulp of a normal double is less than a quarter
     * of a unit in the 15th digit), so one rounding finds every shorter candidate.
     */
    private static final int SAFE_DIGITS = 15;

    private static final long[] POW10 = {
        1L, 10L, 100L, 1_000L, 10_000L, 100_000L, 1_000_000L, 10_000_000L, 100_000_000L,
        1_000_000_000L,
    };

    private ShortestDouble() {
    }

    /**
     * Returns the shortest plain decimal text that {@link Double#parseDouble(String)}
     * reads back as {@code x}; among equally short texts the one closest to {@code x}.
     * The text always has a decimal point and at least one digit after it
     * ({@code "3.0"}), a leading {@code "-"} for negative values (also {@code "-0.0"}),
     * and no exponent.
     *
     * @param x a finite double
     * @return the text, never null
     * @throws IllegalArgumentException if {@code x} is NaN or infinite
     * @since 0.1.0
     */
    public static String format(double x) {
        if (!Double.isFinite(x)) {
            throw new IllegalArgumentException("x must be finite (was " + x + ")");
        }
        if (x == 0.0) {
            return Double.doubleToRawLongBits(x) < 0 ? "-0.0" : "0.0";
        }
        BigDecimal exact = new BigDecimal(x);
        // Subnormals have fewer bits than 15 digits can tell apart: search from 1 digit.
        int first = Math.abs(x) < Double.MIN_NORMAL ? 1 : SAFE_DIGITS;
        for (int digits = first; digits <= MAX_DIGITS; digits++) {
            BigDecimal nearest = exact.round(new MathContext(digits, RoundingMode.HALF_EVEN));
            if (nearest.doubleValue() == x) {
                return plain(nearest);
            }
            if (digits > SAFE_DIGITS) {
                // At a power of two the gap below x is half the gap above, so the nearest
                // candidate may miss while its neighbour on the other side of x still reads
                // back as x.
                BigDecimal unit = BigDecimal.ONE.scaleByPowerOfTen(-nearest.scale());
                BigDecimal other = nearest.compareTo(exact) < 0
                        ? nearest.add(unit) : nearest.subtract(unit);
                if (other.doubleValue() == x) {
                    return plain(other);
                }
            }
        }
        throw new AssertionError("no round-trip text for " + x + " in " + MAX_DIGITS + " digits");
    }

    /**
     * Appends the decimal {@code unscaled / 10^scale} ({@code (12345, 2)} → {@code 123.45},
     * {@code (1230, 2)} → {@code 12.3}, {@code (1200, 2)} → {@code 12.0}) exactly as
     * {@link #format} prints the double {@code unscaled / (double) 10^scale}. For at most
     * 15 significant digits that double's shortest text is the decimal itself (any other
     * text that short lies too far from it), so no search is needed.
     *
     * @param out where to append
     * @param unscaled the digits, at least 0 and below 10^15
     * @param scale digits after the decimal point, 1 to 9
     * @return {@code out}
     */
    static StringBuilder appendDecimal(StringBuilder out, long unscaled, int scale) {
        long pow = POW10[scale];
        long whole = unscaled / pow;
        long frac = unscaled % pow;
        out.append(whole).append('.');
        if (frac == 0) {
            return out.append('0');
        }
        int digits = scale;
        while (frac % 10 == 0) {
            frac /= 10;
            digits--;
        }
        String f = Long.toString(frac);
        for (int i = f.length(); i < digits; i++) {
            out.append('0');
        }
        return out.append(f);
    }

    private static String plain(BigDecimal value) {
        String s = value.stripTrailingZeros().toPlainString();
        return s.indexOf('.') < 0 ? s + ".0" : s;
    }
}
