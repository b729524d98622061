package io.xtage.preprocess.step;

import io.xtage.core.schema.ColumnType;
import io.xtage.preprocess.ColumnSelector;
import io.xtage.preprocess.FittedStep;
import io.xtage.preprocess.PreprocessException;
import io.xtage.preprocess.Step;
import io.xtage.preprocess.StepReport;
import io.xtage.preprocess.StepType;
import io.xtage.preprocess.Transformed;
import io.xtage.preprocess.internal.Params;
import io.xtage.preprocess.internal.Tables;
import io.xtage.preprocess.internal.Values;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * Converts columns to another {@link ColumnType}, in place.
 *
 * <table>
 * <caption>Conversions</caption>
 * <tr><th>from</th><th>to</th><th>rule</th></tr>
 * <tr><td>INT, LONG, DOUBLE</td><td>INT, LONG, DOUBLE</td><td>exact: a DOUBLE must be whole
 *     and in range to become an integer; a LONG must fit an INT</td></tr>
 * <tr><td>any</td><td>STRING</td><td>integers in decimal, doubles by {@code Double.toString},
 *     dates ISO, booleans {@code true}/{@code false}</td></tr>
 * <tr><td>STRING</td><td>numbers, dates, booleans</td><td>trimmed text; ISO dates
 *     ({@code yyyy-MM-dd}, {@code yyyy-MM-ddTHH:mm:ss}); {@code true}/{@code false} in any
 *     case</td></tr>
 * <tr><td>BOOLEAN</td><td>INT, LONG, DOUBLE</td><td>1 and 0</td></tr>
 * <tr><td>INT, LONG, DOUBLE</td><td>BOOLEAN</td><td>1 is true, 0 is false</td></tr>
 * <tr><td>LOCAL_DATE_TIME</td><td>LOCAL_DATE</td><td>the date part</td></tr>
 * <tr><td>LOCAL_DATE</td><td>LOCAL_DATE_TIME</td><td>midnight</td></tr>
 * </table>
 *
 * A value that does not convert is an error ({@link OnInvalid#ERROR}, the default) or becomes
 * missing ({@link OnInvalid#MISSING}), counted in the report. Immutable and thread-safe.
 *
 * <pre>{@code
 * Cast.to(ColumnType.DOUBLE, "quantity")
 * Cast.to(ColumnType.LOCAL_DATE, "joined").onInvalid(Cast.OnInvalid.MISSING)
 * }</pre>
 *
 * <p>JSON type name: {@code cast}.
 *
 * @since 0.1.0
 */
public final class Cast implements Step {
    static final String TYPE = "cast";
    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(Cast.class);
    private static final Object INVALID = new Object();

    /**
     * What a value that does not convert does.
     *
     * @since 0.1.0
     */
    public enum OnInvalid {
        /** Throw a {@link PreprocessException} naming the column, row and value. */
        ERROR,
        /** Become a missing value; counted in the report. */
        MISSING
    }

    private final ColumnType target;
    private final ColumnSelector columns;
    private final OnInvalid onInvalid;

    private Cast(ColumnType target, ColumnSelector columns, OnInvalid onInvalid) {
        this.target = Objects.requireNonNull(target, "target");
        this.columns = Objects.requireNonNull(columns, "columns");
        this.onInvalid = Objects.requireNonNull(onInvalid, "onInvalid");
    }

    /**
     * @param target the new type
     * @param columns the columns
     * @return the step
     * @since 0.1.0
     */
    public static Cast to(ColumnType target, String... columns) {
        return to(target, ColumnSelector.names(Support.names("Cast.to", columns)));
    }

    /**
     * @param target the new type
     * @param columns the columns
     * @return the step
     * @since 0.1.0
     */
    public static Cast to(ColumnType target, ColumnSelector columns) {
        return new Cast(target, columns, OnInvalid.ERROR);
    }

    /**
     * @param policy what an invalid value does
     * @return a copy with that policy
     * @since 0.1.0
     */
    public Cast onInvalid(OnInvalid policy) {
        return new Cast(target, columns, policy);
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public Map<String, Object> toMap() {
        Map<String, Object> m = Params.ordered();
        m.put("to", target.name());
        m.put("columns", columns.toJson());
        m.put("on_invalid", onInvalid.name());
        return m;
    }

    @Override
    public FittedStep fit(Table table) {
        List<String> names = columns.resolve(table);
        for (String n : names) {
            Tables.type(Tables.column(table, n, TYPE), TYPE);
        }
        return new Fitted(target, names, onInvalid);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Cast && ((Cast) o).toMap().equals(toMap());
    }

    @Override
    public int hashCode() {
        return toMap().hashCode();
    }

    @Override
    public String toString() {
        return "Cast" + toMap();
    }

    static Object convert(Object v, ColumnType to) {
        if (v == null) {
            return null;
        }
        switch (to) {
            case STRING:
                if (v instanceof Boolean || v instanceof Long || v instanceof LocalDate || v instanceof LocalDateTime) {
                    return v.toString();
                }
                if (v instanceof Double) {
                    return Double.toString((Double) v);
                }
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
            case BOOLEAN:
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
            case LOCAL_DATE:
                if (v instanceof LocalDate) {
                    return v;
                }
                if (v instanceof LocalDateTime) {
                    return ((LocalDateTime) v).toLocalDate();
                }
                if (v instanceof String) {
                    try {
                        return LocalDate.parse(((String) v).strip());
                    } catch (DateTimeParseException e) {
                        return INVALID;
                    }
                }
                return INVALID;
            default:
                if (v instanceof LocalDateTime) {
                    return v;
                }
                if (v instanceof LocalDate) {
                    return ((LocalDate) v).atStartOfDay();
                }
                if (v instanceof String) {
                    try {
                        return LocalDateTime.parse(((String) v).strip());
                    } catch (DateTimeParseException e) {
                        return INVALID;
                    }
                }
                return INVALID;
        }
    }

    private static Long toLong(Object v) {
        if (v instanceof Long) {
            return (Long) v;
        }
        if (v instanceof Double) {
            double d = (Double) v;
            if (d == Math.rint(d) && d >= -9.223372036854775E18 && d < 9.223372036854775807E18) {
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

    /** Cast with its columns resolved. */
    static final class Fitted implements FittedStep {
        private final ColumnType target;
        private final List<String> columns;
        private final OnInvalid onInvalid;

        Fitted(ColumnType target, List<String> columns, OnInvalid onInvalid) {
            this.target = target;
            this.columns = List.copyOf(columns);
            this.onInvalid = onInvalid;
        }

        @Override
        public String type() {
            return TYPE;
        }

        @Override
        public Map<String, Object> toMap() {
            Map<String, Object> m = Params.ordered();
            m.put("to", target.name());
            m.put("columns", columns);
            m.put("on_invalid", onInvalid.name());
            return m;
        }

        @Override
        public Transformed transform(Table table) {
            int n = table.rowCount();
            Edit edit = new Edit(table, TYPE);
            StepReport.Builder r = StepReport.builder(TYPE).rows(n, n).params(toMap());
            Map<String, Object> invalid = Params.ordered();
            for (String name : columns) {
                Column<?> c = Tables.column(table, name, TYPE);
                ColumnType from = Tables.type(c, TYPE);
                if (from == target) {
                    invalid.put(name, 0L);
                    continue;
                }
                Object[] values = new Object[n];
                long bad = 0;
                long changed = 0;
                for (int i = 0; i < n; i++) {
                    Object v = Values.valueAt(c, i);
                    Object w = convert(v, target);
                    if (w == INVALID) {
                        if (onInvalid == OnInvalid.ERROR) {
                            throw new PreprocessException(TYPE, name, "row " + i + ": cannot convert " + Values.show(v)
                                + " from " + from + " to " + target + "; use Cast.onInvalid(OnInvalid.MISSING) to make "
                                + "such values missing");
                        }
                        bad++;
                        w = null;
                    }
                    values[i] = w;
                    if (!Values.same(v, w)) {
                        changed++;
                    }
                }
                if (bad > 0) {
                    log.warn("cast: {} values of '{}' could not be converted from {} to {} and became missing", bad, name,
                        from, target);
                }
                edit.replace(name, Values.build(target, name, values));
                r.columnRetyped(name, from.name(), target.name()).cellsChanged(name, changed);
                invalid.put(name, bad);
            }
            r.detail("invalid", invalid);
            return Transformed.of(edit.build(), r.build());
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Fitted && ((Fitted) o).toMap().equals(toMap());
        }

        @Override
        public int hashCode() {
            return toMap().hashCode();
        }

        @Override
        public String toString() {
            return "Cast.Fitted" + toMap();
        }
    }

    static final class Type implements StepType {
        @Override
        public String name() {
            return TYPE;
        }

        @Override
        public Step readStep(Map<String, Object> json) {
            Params p = Params.of(TYPE, json);
            Cast c = new Cast(p.enumValue("to", ColumnType.class), p.selector("columns"),
                p.enumValue("on_invalid", OnInvalid.class));
            p.done();
            return c;
        }

        @Override
        public FittedStep readFitted(Map<String, Object> json) {
            Params p = Params.of(TYPE, json);
            Fitted f = new Fitted(p.enumValue("to", ColumnType.class), p.strings("columns"),
                p.enumValue("on_invalid", OnInvalid.class));
            p.done();
            return f;
        }
    }
}
