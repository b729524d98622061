package io.xtage.core.standardize;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A declared row condition on one input: a column compared with a constant, or tested for a
 * missing value. An input keeps the rows that pass all of its filters; the rows removed are
 * counted in its {@link InputReport}.
 *
 * <p>Comparisons follow SQL: a missing value passes no comparison, not even {@code ne}. The
 * constant must suit the column's type when the plan runs: a number for INT, LONG and DOUBLE
 * columns, a text for STRING columns (compared exactly, case-sensitive), an ISO text or a
 * {@link LocalDate} for LOCAL_DATE columns, an ISO text or a {@link LocalDateTime} for
 * LOCAL_DATE_TIME columns, a boolean for BOOLEAN columns ({@code eq} and {@code ne} only).
 * Constants are stored as plain JSON values: integers as {@code Long}, other numbers as
 * {@code Double}, dates as ISO text. Immutable and thread-safe.
 *
 * <pre>{@code
 * RowFilter.isNotNull("date"), RowFilter.gt("exchange_rate", 0), RowFilter.eq("currency_code", "EUR")
 * }</pre>
 *
 * @since 0.1.0
 */
public final class RowFilter {
    /**
     * The comparisons.
     *
     * @since 0.1.0
     */
    public enum Op {
        /** Equal to the constant. */
        EQ,
        /** Not equal to the constant (a missing value does not pass). */
        NE,
        /** Less than the constant. */
        LT,
        /** Less than or equal to the constant. */
        LE,
        /** Greater than the constant. */
        GT,
        /** Greater than or equal to the constant. */
        GE,
        /** The value is missing. */
        IS_NULL,
        /** The value is present. */
        IS_NOT_NULL;

        /**
         * @return the plan's spelling, such as {@code gt} or {@code is_not_null}
         * @since 0.1.0
         */
        public String jsonName() {
            return name().toLowerCase(Locale.ROOT);
        }

        boolean hasValue() {
            return this != IS_NULL && this != IS_NOT_NULL;
        }

        static Op fromJson(String s) {
            for (Op o : values()) {
                if (o.jsonName().equals(s)) {
                    return o;
                }
            }
            return null;
        }
    }

    private final String column;
    private final Op op;
    private final Object value;

    private RowFilter(String column, Op op, Object value) {
        this.column = Objects.requireNonNull(column, "column");
        this.op = Objects.requireNonNull(op, "op");
        if (column.isEmpty()) {
            throw new IllegalArgumentException("filter column must not be empty");
        }
        if (op.hasValue()) {
            this.value = normalize(Objects.requireNonNull(value, "value"));
        } else {
            this.value = null;
        }
    }

    /**
     * @param column the column, after the input's renames
     * @param op the comparison
     * @param value the constant (ignored for {@code IS_NULL} and {@code IS_NOT_NULL})
     * @return the filter
     * @throws IllegalArgumentException if the constant is not a finite number, a text, a boolean or a date
     * @since 0.1.0
     */
    public static RowFilter of(String column, Op op, Object value) {
        return new RowFilter(column, op, value);
    }

    /**
     * @param column the column
     * @param value the constant
     * @return {@code column = value}
     * @since 0.1.0
     */
    public static RowFilter eq(String column, Object value) {
        return new RowFilter(column, Op.EQ, value);
    }

    /**
     * @param column the column
     * @param value the constant
     * @return {@code column <> value}
     * @since 0.1.0
     */
    public static RowFilter ne(String column, Object value) {
        return new RowFilter(column, Op.NE, value);
    }

    /**
     * @param column the column
     * @param value the constant
     * @return {@code column < value}
     * @since 0.1.0
     */
    public static RowFilter lt(String column, Object value) {
        return new RowFilter(column, Op.LT, value);
    }

    /**
     * @param column the column
     * @param value the constant
     * @return {@code column <= value}
     * @since 0.1.0
     */
    public static RowFilter le(String column, Object value) {
        return new RowFilter(column, Op.LE, value);
    }

    /**
     * @param column the column
     * @param value the constant
     * @return {@code column > value}
     * @since 0.1.0
     */
    public static RowFilter gt(String column, Object value) {
        return new RowFilter(column, Op.GT, value);
    }

    /**
     * @param column the column
     * @param value the constant
     * @return {@code column >= value}
     * @since 0.1.0
     */
    public static RowFilter ge(String column, Object value) {
        return new RowFilter(column, Op.GE, value);
    }

    /**
     * @param column the column
     * @return {@code column IS NULL}
     * @since 0.1.0
     */
    public static RowFilter isNull(String column) {
        return new RowFilter(column, Op.IS_NULL, null);
    }

    /**
     * @param column the column
     * @return {@code column IS NOT NULL}
     * @since 0.1.0
     */
    public static RowFilter isNotNull(String column) {
        return new RowFilter(column, Op.IS_NOT_NULL, null);
    }

    /**
     * @return the column
     * @since 0.1.0
     */
    public String column() {
        return column;
    }

    /**
     * @return the comparison
     * @since 0.1.0
     */
    public Op op() {
        return op;
    }

    /**
     * @return the constant: a Long, Double, String or Boolean; empty for the null tests
     * @since 0.1.0
     */
    public Optional<Object> value() {
        return Optional.ofNullable(value);
    }

    /**
     * @return the filter as an ordered map for the JSON plan
     * @since 0.1.0
     */
    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("column", column);
        m.put("op", op.jsonName());
        if (value != null) {
            m.put("value", value);
        }
        return m;
    }

    static Object normalize(Object v) {
        if (v instanceof Long || v instanceof Integer || v instanceof Short || v instanceof Byte) {
            return ((Number) v).longValue();
        }
        if (v instanceof BigInteger) {
            BigInteger b = (BigInteger) v;
            if (b.bitLength() < 64) {
                return b.longValue();
            }
            throw new IllegalArgumentException("filter constant " + b + " is outside the LONG range");
        }
        if (v instanceof Double || v instanceof Float || v instanceof BigDecimal) {
            double d = ((Number) v).doubleValue();
            if (!Double.isFinite(d)) {
                throw new IllegalArgumentException("filter constant must be a finite number, was " + v);
            }
            return d;
        }
        if (v instanceof String || v instanceof Boolean) {
            return v;
        }
        if (v instanceof LocalDate || v instanceof LocalDateTime) {
            return v.toString();
        }
        throw new IllegalArgumentException("filter constant must be a number, a text, a boolean or a date, was "
            + v.getClass().getName());
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof RowFilter)) {
            return false;
        }
        RowFilter f = (RowFilter) o;
        return column.equals(f.column) && op == f.op && Objects.equals(value, f.value);
    }

    @Override
    public int hashCode() {
        return Objects.hash(column, op, value);
    }

    @Override
    public String toString() {
        return column + " " + op.jsonName() + (value == null ? "" : " " + (value instanceof String ? "'" + value + "'"
            : value));
    }
}
