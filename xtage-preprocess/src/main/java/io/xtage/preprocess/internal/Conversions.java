package io.xtage.preprocess.internal;

import io.xtage.core.schema.ColumnType;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.function.Function;

/**
 * The value conversions of the {@code cast} step, one value at a time, so that every engine that
 * runs a plan (Tablesaw here, Spark in {@code xtage-spark}) converts alike. Values are in their
 * Java form, as {@link Values#valueAt} gives them: {@code Long} for INT and LONG, {@code Double},
 * {@code String}, {@code Boolean}, {@code LocalDate}, {@code LocalDateTime}; null is missing.
 * The rules are those in the Javadoc of {@code io.xtage.preprocess.step.Cast}.
 *
 * <pre>{@code
 * Object w = Conversions.convert("1.0", ColumnType.INT);   // 1L
 * if (Conversions.convert("x", ColumnType.INT) == Conversions.INVALID) { ... }
 * }</pre>
 *
 * <p>Stateless and thread-safe. Internal: no compatibility promise.
 */
public final class Conversions {

    /** What {@link #convert} returns for a value that does not convert; compare with {@code ==}. */
    public static final Object INVALID = new Object() {
        @Override
        public String toString() {
            return "Conversions.INVALID";
        }
    };

    // The doubles nearest to Long.MIN_VALUE and Long.MAX_VALUE that still convert exactly:
    // -2^63 is a long, 2^63 is not.
    private static final double LONG_MIN = -9.223372036854775E18;
    private static final double LONG_MAX_EXCLUSIVE = 9.223372036854775807E18;

    private Conversions() {
    }

    /**
     * @param v a value in its Java form, or null
     * @param to the target type
     * @return the value in the Java form of {@code to} ({@code Long} for INT and LONG), null for
     *     null, or {@link #INVALID} if it does not convert
     */
    public static Object convert(Object v, ColumnType to) {
        if (v == null) {
            return null;
        }
        switch (to) {
            case STRING:
                // Long, Double (Double.toString), Boolean and the ISO dates all print as the rule says
                return v.toString();
            case INT:
            case LONG: {
                Long l = toLong(v);
                if (l == null || l == Long.MIN_VALUE || (to == ColumnType.INT && (l <= Integer.MIN_VALUE
                    || l > Integer.MAX_VALUE))) {
                    return INVALID;
                }
                return l;
            }
            case DOUBLE:
                return toDouble(v);
            case BOOLEAN:
                return toBoolean(v);
            case LOCAL_DATE:
                if (v instanceof LocalDate) {
                    return v;
                }
                if (v instanceof LocalDateTime) {
                    return ((LocalDateTime) v).toLocalDate();
                }
                return v instanceof String ? parsed((String) v, LocalDate::parse) : INVALID;
            default:
                if (v instanceof LocalDateTime) {
                    return v;
                }
                if (v instanceof LocalDate) {
                    return ((LocalDate) v).atStartOfDay();
                }
                return v instanceof String ? parsed((String) v, LocalDateTime::parse) : INVALID;
        }
    }

    /**
     * @param v a value in its Java form
     * @return the exact whole number it stands for (a whole double, a boolean as 1 or 0, integer
     *     or decimal text such as {@code "2.0"}), or null if there is none in the 64-bit range
     */
    public static Long toLong(Object v) {
        if (v instanceof Long) {
            return (Long) v;
        }
        if (v instanceof Double) {
            double d = (Double) v;
            if (d == Math.rint(d) && d >= LONG_MIN && d < LONG_MAX_EXCLUSIVE) {
                return (long) d;
            }
            return null;
        }
        if (v instanceof Boolean) {
            return ((Boolean) v) ? 1L : 0L;
        }
        if (v instanceof String) {
            String s = ((String) v).strip();
            try {
                return Long.parseLong(s);
            } catch (NumberFormatException e) {
                try {
                    return new BigDecimal(s).longValueExact();
                } catch (NumberFormatException | ArithmeticException e2) {
                    return null;
                }
            }
        }
        return null;
    }

    /**
     * @param v a non-null value in its Java form
     * @return it as a Double (a boolean as 1 or 0, text parsed, NaN text invalid), or
     *     {@link #INVALID}
     */
    public static Object toDouble(Object v) {
        if (v instanceof Long) {
            return (double) (Long) v;
        }
        if (v instanceof Double) {
            return v;
        }
        if (v instanceof Boolean) {
            return ((Boolean) v) ? 1.0 : 0.0;
        }
        if (v instanceof String) {
            try {
                double d = Double.parseDouble(((String) v).strip());
                return Double.isNaN(d) ? INVALID : d;
            } catch (NumberFormatException e) {
                return INVALID;
            }
        }
        return INVALID;
    }

    /**
     * @param v a non-null value in its Java form
     * @return it as a Boolean (numbers 1 and 0, text {@code true}/{@code false} in any case), or
     *     {@link #INVALID}
     */
    public static Object toBoolean(Object v) {
        if (v instanceof Boolean) {
            return v;
        }
        if (v instanceof Long || v instanceof Double) {
            double d = ((Number) v).doubleValue();
            return d == 1.0 ? Boolean.TRUE : d == 0.0 ? Boolean.FALSE : INVALID;
        }
        if (v instanceof String) {
            String s = ((String) v).strip().toLowerCase(Locale.ROOT);
            return s.equals("true") ? Boolean.TRUE : s.equals("false") ? Boolean.FALSE : INVALID;
        }
        return INVALID;
    }

    private static Object parsed(String text, Function<String, Object> parse) {
        try {
            return parse.apply(text.strip());
        } catch (DateTimeParseException e) {
            return INVALID;
        }
    }
}
