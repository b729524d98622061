package io.xtage.sink.internal;

import java.io.IOException;
import java.math.BigDecimal;
import java.time.format.DateTimeFormatter;
import tech.tablesaw.columns.dates.PackedLocalDate;
import tech.tablesaw.columns.datetimes.PackedLocalDateTime;

/**
 * The text every sink writes for a value, so CSV, COPY, SQL and JSON agree. Stateless and
 * thread-safe. No compatibility promise.
 */
public final class Values {
    /** Below this magnitude a double keeps Java's exponent form ({@code 1.0E-8}). */
    static final double PLAIN_MIN = 1e-7;
    /** From this magnitude on a double keeps Java's exponent form ({@code 1.0E16}), as Python's repr does. */
    static final double PLAIN_MAX = 1e16;

    private Values() {
    }

    /**
     * Formats a finite or infinite double the way pandas and DuckDB print it where it matters:
     * the shortest digits that read back as the same double, in plain notation
     * ({@code 0.0001}, {@code 12345678.9}, {@code 3.0}) for magnitudes in [1e-7, 1e16), Java's
     * exponent form outside ({@code 1.0E-8}, {@code 1.0E16}), and {@code Infinity},
     * {@code -Infinity}. Every text reads back as the same double.
     *
     * <p>Values with at most 9 decimals and 15 significant digits (prices, rates) take a fast
     * path that prints the decimal they are nearest to, which is their shortest text. Other
     * values in the plain range get their shortest digits from {@link ShortestDigits} (the
     * digits {@link Double#toString(double)} gives from Java 19 on; Java 17's occasionally have
     * one digit more, JDK-4511638). Outside the plain range the text is Java's own.
     *
     * @param x a double that is not NaN (NaN is Tablesaw's missing value; callers write it as missing)
     * @return the text
     */
    public static String formatDouble(double x) {
        int scale = decimalScale(x);
        if (scale > 0) {
            StringBuilder b = new StringBuilder(24);
            long m = Math.abs((long) Math.rint(x * POW10[scale]));
            if (x < 0) {
                b.append('-');
            }
            long p = POW10[scale];
            b.append(m / p).append('.');
            long frac = m % p;
            if (frac == 0) {
                return b.append('0').toString();
            }
            int digits = scale;
            while (frac % 10 == 0) {
                frac /= 10;
                digits--;
            }
            String f = Long.toString(frac);
            for (int i = f.length(); i < digits; i++) {
                b.append('0');
            }
            return b.append(f).toString();
        }
        if (ShortestDigits.handles(x)) {
            return ShortestDigits.format(x);
        }
        String s = Double.toString(x);
        if (s.indexOf('E') < 0) {
            return s;
        }
        double a = Math.abs(x);
        if (a < PLAIN_MIN || a >= PLAIN_MAX) {
            return s;
        }
        // The decimal Double.toString chose, exactly: no new digits appear, so it still round-trips.
        String plain = new BigDecimal(s).stripTrailingZeros().toPlainString();
        return plain.indexOf('.') < 0 ? plain + ".0" : plain;
    }

    /**
     * Appends {@link #formatDouble(double)}'s text, without allocating on the fast path.
     *
     * @param out where to append
     * @param x a double that is not NaN
     * @throws IOException from the writer
     */
    public static void appendDouble(TextOut out, double x) throws IOException {
        double a = Math.abs(x);
        if (a >= PLAIN_MIN && a < 1e9) {
            // two decimals first (prices): the same decimal the scale-9 path finds, found cheaper
            long m2 = (long) Math.rint(a * 100);
            if (m2 / 100.0 == a) {
                if (x < 0) {
                    out.append('-');
                }
                if (m2 % 10 == 0) {
                    out.appendDecimal(m2 / 10, 1);
                } else {
                    out.appendDecimal(m2, 2);
                }
                return;
            }
        }
        int scale = decimalScale(x);
        if (scale <= 0) {
            if (ShortestDigits.handles(x)) {
                ShortestDigits.append(out, x);
            } else {
                out.append(formatDouble(x));
            }
            return;
        }
        long m = (long) Math.rint(a * POW10[scale]);
        if (x < 0) {
            out.append('-');
        }
        while (scale > 1 && m % 10 == 0) {
            m /= 10;
            scale--;
        }
        out.appendDecimal(m, scale);
    }

    private static final long[] POW10 = {1L, 10L, 100L, 1_000L, 10_000L, 100_000L, 1_000_000L, 10_000_000L,
        100_000_000L, 1_000_000_000L};

    /**
     * Finds whether {@code x} is the double nearest to some decimal {@code m / 10^s} with
     * {@code |m| < 10^15} (so at most 15 significant digits). Such a decimal is x's shortest
     * round-trip text: any other decimal of at most 15 digits lies at least one unit of the 15th
     * digit away, farther than x's neighbours. Scale 9 covers all smaller scales (m gains zeros).
     *
     * @return the scale to print with (9 or 6), or 0 when the fast path does not apply
     */
    private static int decimalScale(double x) {
        double a = Math.abs(x);
        int scale;
        if (a >= PLAIN_MIN && a < 1e6) {
            scale = 9;
        } else if (a >= 1e6 && a < 1e9) {
            scale = 6;
        } else {
            return 0;
        }
        double m = Math.rint(a * POW10[scale]);
        return m < 1e15 && m / POW10[scale] == a ? scale : 0;
    }

    /**
     * Appends a packed Tablesaw date as ISO {@code yyyy-MM-dd}.
     *
     * @param out where to append
     * @param packed a packed date that is not missing
     * @throws IOException from the writer
     */
    public static void appendDate(TextOut out, int packed) throws IOException {
        int y = PackedLocalDate.getYear(packed);
        if (y < 0 || y > 9999) {
            out.append(PackedLocalDate.asLocalDate(packed).toString());
            return;
        }
        out.appendIsoDate(y, PackedLocalDate.getMonthValue(packed), PackedLocalDate.getDayOfMonth(packed));
    }

    /**
     * @param packed a packed Tablesaw date that is not missing
     * @return ISO {@code yyyy-MM-dd}
     */
    public static String formatDate(int packed) {
        return PackedLocalDate.asLocalDate(packed).toString();
    }

    /**
     * @param packed a packed Tablesaw date-time that is not missing
     * @return ISO {@code yyyy-MM-ddTHH:mm:ss}, with a fraction only when there is one
     */
    public static String formatDateTime(long packed) {
        return DateTimeFormatter.ISO_LOCAL_DATE_TIME.format(PackedLocalDateTime.asLocalDateTime(packed));
    }
}
