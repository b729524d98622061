package io.xtage.core.coerce;

import io.xtage.core.CoercionException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Locale;

/**
 * Turns text into typed values. Every method trims surrounding whitespace, and throws nothing but
 * {@link CoercionException} on text that does not fit, whatever the text holds.
 *
 * <p>Callers check {@link CoercionOptions#isMissing(CharSequence)} first: these methods reject
 * blank text rather than invent a value for it. Stateless and thread-safe.
 *
 * <pre>{@code
 * Coercers.parseDouble("1241.0099999999998", CoercionOptions.DEFAULT); // exactly that double
 * Coercers.parseDouble("1.234,5", CoercionOptions.builder().locale(Locale.GERMANY).build()); // 1234.5
 * }</pre>
 *
 * @since 0.1.0
 */
public final class Coercers {
    /** Powers of ten that are exact doubles: 10^22 is the largest (2^53 > 5^22). */
    private static final double[] POW10 = {
        1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11,
        1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22};

    private Coercers() {
    }

    /**
     * @param text the text
     * @param options separators
     * @return the int
     * @throws CoercionException if the text is not an integer within the INT range
     * @since 0.1.0
     */
    public static int parseInt(CharSequence text, CoercionOptions options) {
        long v = parseIntegral(text, options, "INT");
        if (v < Integer.MIN_VALUE || v > Integer.MAX_VALUE) {
            throw new CoercionException(text.toString(), "INT", "out of range");
        }
        if (v == Integer.MIN_VALUE) {
            // Tablesaw stores a missing INT as Integer.MIN_VALUE; the value cannot be kept.
            throw new CoercionException(text.toString(), "INT", "-2147483648 is reserved for missing values");
        }
        return (int) v;
    }

    /**
     * @param text the text; a grouping separator, if the options have one, is followed by 3 digits
     * @param options separators
     * @return the long
     * @throws CoercionException if the text is not an integer within the LONG range
     * @since 0.1.0
     */
    public static long parseLong(CharSequence text, CoercionOptions options) {
        long v = parseIntegral(text, options, "LONG");
        if (v == Long.MIN_VALUE) {
            throw new CoercionException(text.toString(), "LONG", "-9223372036854775808 is reserved for missing values");
        }
        return v;
    }

    private static long parseIntegral(CharSequence text, CoercionOptions options, String type) {
        int start = 0;
        int end = text.length();
        while (start < end && Character.isWhitespace(text.charAt(start))) {
            start++;
        }
        while (end > start && Character.isWhitespace(text.charAt(end - 1))) {
            end--;
        }
        if (start == end) {
            throw new CoercionException(text.toString(), type, "empty");
        }
        boolean negative = false;
        char c0 = text.charAt(start);
        if (c0 == '-' || c0 == '+') {
            negative = c0 == '-';
            start++;
        }
        if (start == end) {
            throw new CoercionException(text.toString(), type, "no digits");
        }
        char grouping = options.groupingSeparator();
        long v = 0;
        int digits = 0;
        int group = -1; // digits since the last grouping separator, -1 before the first
        for (int i = start; i < end; i++) {
            char c = text.charAt(i);
            if (c >= '0' && c <= '9') {
                // accumulate negatively so that Long.MIN_VALUE's magnitude fits
                if (v < (Long.MIN_VALUE + (c - '0')) / 10) {
                    throw new CoercionException(text.toString(), type, "out of range");
                }
                v = v * 10 - (c - '0');
                digits++;
                if (group >= 0) {
                    group++;
                }
            } else if (grouping != 0 && c == grouping && digits > 0) {
                checkGroup(text, type, group);
                group = 0;
            } else {
                throw new CoercionException(text.toString(), type,
                    "unexpected character '" + printable(c) + "' at position " + (i + 1));
            }
        }
        if (digits == 0) {
            throw new CoercionException(text.toString(), type, "no digits");
        }
        checkGroup(text, type, group);
        if (!negative) {
            if (v == Long.MIN_VALUE) {
                throw new CoercionException(text.toString(), type, "out of range");
            }
            v = -v;
        }
        return v;
    }

    /**
     * Parses a decimal number exactly: the result is the double nearest to the decimal text, as
     * {@link Double#parseDouble(String)} gives it ({@code 276.65999999999997} stays that double).
     * Accepts an exponent ({@code 1e3}) and the separators of the options ({@code 1.234,5}); a
     * grouping separator is followed by exactly 3 digits, and none comes after the decimal one.
     * {@code NaN} and infinities are rejected; declare {@code NaN} as a missing token if needed.
     *
     * @param text the text
     * @param options separators
     * @return the finite double
     * @throws CoercionException if the text is not a finite decimal number
     * @since 0.1.0
     */
    public static double parseDouble(CharSequence text, CoercionOptions options) {
        int start = 0;
        int end = text.length();
        while (start < end && Character.isWhitespace(text.charAt(start))) {
            start++;
        }
        while (end > start && Character.isWhitespace(text.charAt(end - 1))) {
            end--;
        }
        if (start == end) {
            throw new CoercionException(text.toString(), "DOUBLE", "empty");
        }
        char dec = options.decimalSeparator();
        char grouping = options.groupingSeparator();
        int i = start;
        boolean negative = false;
        char c0 = text.charAt(i);
        if (c0 == '-' || c0 == '+') {
            negative = c0 == '-';
            i++;
        }
        long mantissa = 0;
        int significant = 0;
        int dropped = 0; // digits beyond what the mantissa holds
        int fractionDigits = 0;
        int digits = 0;
        int group = -1; // integer digits since the last grouping separator, -1 before the first
        boolean seenDot = false;
        boolean needsCanonical = grouping != 0 || dec != '.';
        for (; i < end; i++) {
            char c = text.charAt(i);
            if (c >= '0' && c <= '9') {
                digits++;
                if (group >= 0 && !seenDot) {
                    group++;
                }
                if (mantissa == 0 && c == '0') {
                    if (seenDot) {
                        fractionDigits++;
                    }
                    continue;
                }
                if (significant < 18) {
                    mantissa = mantissa * 10 + (c - '0');
                    significant++;
                    if (seenDot) {
                        fractionDigits++;
                    }
                } else {
                    dropped++;
                    if (!seenDot) {
                        fractionDigits--;
                    }
                }
            } else if (c == dec && !seenDot) {
                checkGroup(text, "DOUBLE", group);
                seenDot = true;
            } else if (grouping != 0 && c == grouping && !seenDot && digits > 0) {
                checkGroup(text, "DOUBLE", group);
                group = 0;
            } else if ((c == 'e' || c == 'E') && digits > 0) {
                break;
            } else {
                throw new CoercionException(text.toString(), "DOUBLE",
                    "unexpected character '" + printable(c) + "' at position " + (i + 1));
            }
        }
        if (digits == 0) {
            throw new CoercionException(text.toString(), "DOUBLE", "no digits");
        }
        if (!seenDot) {
            checkGroup(text, "DOUBLE", group);
        }
        int exponent = 0;
        if (i < end) {
            // exponent part
            i++;
            if (i == end) {
                throw new CoercionException(text.toString(), "DOUBLE", "exponent has no digits");
            }
            boolean expNeg = false;
            char s = text.charAt(i);
            if (s == '-' || s == '+') {
                expNeg = s == '-';
                i++;
            }
            if (i == end) {
                throw new CoercionException(text.toString(), "DOUBLE", "exponent has no digits");
            }
            for (; i < end; i++) {
                char c = text.charAt(i);
                if (c < '0' || c > '9') {
                    throw new CoercionException(text.toString(), "DOUBLE",
                        "unexpected character '" + printable(c) + "' at position " + (i + 1));
                }
                if (exponent < 100_000) {
                    exponent = exponent * 10 + (c - '0');
                }
            }
            if (expNeg) {
                exponent = -exponent;
            }
        }
        double result;
        int scale = exponent - fractionDigits;
        long bits;
        if (dropped == 0 && mantissa <= (1L << 53) && scale >= -22 && scale <= 22) {
            // Clinger's fast path: both operands exact, one correctly rounded operation.
            result = scale >= 0 ? mantissa * POW10[scale] : mantissa / POW10[-scale];
        } else if (dropped == 0 && (bits = EiselLemire.toDoubleBits(mantissa, scale)) != EiselLemire.FAIL) {
            // 16 to 18 digits (1296.1000000000001): exact with 128-bit arithmetic, almost always
            result = Double.longBitsToDouble(bits);
        } else {
            String canonical = needsCanonical ? canonical(text, start, end, dec, grouping) : text.subSequence(start, end).toString();
            try {
                result = Math.abs(Double.parseDouble(canonical));
            } catch (NumberFormatException e) {
                throw new CoercionException(text.toString(), "DOUBLE", null);
            }
        }
        if (Double.isInfinite(result)) {
            throw new CoercionException(text.toString(), "DOUBLE", "out of range");
        }
        return negative ? -result : result;
    }

    /**
     * A grouping separator is followed by exactly three digits ({@code 1.234.567}), so that with
     * German separators {@code 1.5} is rejected rather than read as 15.
     */
    private static void checkGroup(CharSequence text, String type, int group) {
        if (group >= 0 && group != 3) {
            throw new CoercionException(text.toString(), type, "a grouping separator must be followed by 3 digits");
        }
    }

    private static String canonical(CharSequence text, int start, int end, char dec, char grouping) {
        StringBuilder b = new StringBuilder(end - start);
        for (int i = start; i < end; i++) {
            char c = text.charAt(i);
            if (c == grouping) {
                continue;
            }
            b.append(c == dec ? '.' : c);
        }
        return b.toString();
    }

    /**
     * @param text the text
     * @param options the true and false spellings (case-insensitive)
     * @return the boolean
     * @throws CoercionException if the text is neither a true nor a false spelling
     * @since 0.1.0
     */
    public static boolean parseBoolean(CharSequence text, CoercionOptions options) {
        String t = text.toString().strip().toLowerCase(Locale.ROOT);
        if (options.trueTokens().contains(t)) {
            return true;
        }
        if (options.falseTokens().contains(t)) {
            return false;
        }
        throw new CoercionException(text.toString(), "BOOLEAN", "expected one of " + options.trueTokens() + " or "
            + options.falseTokens());
    }

    /**
     * Parses a date with declared patterns, tried in order. Strict: {@code 2024-02-30} is rejected.
     *
     * @param text the text
     * @param patterns the patterns
     * @return the date
     * @throws CoercionException if no pattern fits
     * @since 0.1.0
     */
    public static LocalDate parseDate(CharSequence text, DatePatterns patterns) {
        return patterns.parseDate(text);
    }

    /**
     * Parses a date-time with declared patterns, tried in order.
     *
     * @param text the text
     * @param patterns the patterns
     * @return the date-time
     * @throws CoercionException if no pattern fits
     * @since 0.1.0
     */
    public static LocalDateTime parseDateTime(CharSequence text, DatePatterns patterns) {
        return patterns.parseDateTime(text);
    }

    static String printable(char c) {
        return Character.isISOControl(c) || Character.isSurrogate(c) ? String.format("\\u%04x", (int) c) : String.valueOf(c);
    }
}
