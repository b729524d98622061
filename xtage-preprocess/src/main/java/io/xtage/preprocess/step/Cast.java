package io.xtage.preprocess.step;

import io.xtage.core.schema.ColumnType;
import io.xtage.preprocess.ColumnSelector;
import io.xtage.preprocess.FittedStep;
import io.xtage.preprocess.PreprocessException;
import io.xtage.preprocess.Step;
import io.xtage.preprocess.StepReport;
import io.xtage.preprocess.Transformed;
import io.xtage.preprocess.internal.Conversions;
import io.xtage.preprocess.internal.Params;
import io.xtage.preprocess.internal.Tables;
import io.xtage.preprocess.internal.Values;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * Converts columns to another {@link ColumnType}, in place, value by value with the rules below
 * (shared with other engines through {@code io.xtage.preprocess.internal.Conversions}).
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

    /** Cast with its columns resolved. */
    static final class Fitted extends ValueFitted {
        private final ColumnType target;
        private final List<String> columns;
        private final OnInvalid onInvalid;

        Fitted(ColumnType target, List<String> columns, OnInvalid onInvalid) {
            super(TYPE);
            this.target = target;
            this.columns = List.copyOf(columns);
            this.onInvalid = onInvalid;
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
                    Object w = Conversions.convert(v, target);
                    if (w == Conversions.INVALID) {
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
    }

    static final class Type extends BuiltInType<Cast> {
        Type() {
            super(TYPE);
        }

        @Override
        Cast read(Params p) {
            return new Cast(p.enumValue("to", ColumnType.class), p.selector("columns"),
                p.enumValue("on_invalid", OnInvalid.class));
        }

        @Override
        public FittedStep readFitted(Map<String, Object> json) {
            return Params.read(TYPE, json, p -> new Fitted(p.enumValue("to", ColumnType.class), p.strings("columns"),
                p.enumValue("on_invalid", OnInvalid.class)));
        }
    }
}
