package io.xtage.preprocess.step;

import io.xtage.core.SchemaException;
import io.xtage.core.internal.ColumnArrays;
import io.xtage.core.internal.Parallel;
import io.xtage.core.internal.StringColumns;
import io.xtage.core.schema.ColumnType;
import io.xtage.preprocess.ColumnSelector;
import io.xtage.preprocess.FittedStep;
import io.xtage.preprocess.PreprocessException;
import io.xtage.preprocess.Step;
import io.xtage.preprocess.StepReport;
import io.xtage.preprocess.Transformed;
import io.xtage.preprocess.internal.Params;
import io.xtage.preprocess.internal.Stats;
import io.xtage.preprocess.internal.Tables;
import io.xtage.preprocess.internal.Values;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import tech.tablesaw.api.BooleanColumn;
import tech.tablesaw.api.DateColumn;
import tech.tablesaw.api.DateTimeColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;
import tech.tablesaw.columns.dates.PackedLocalDate;
import tech.tablesaw.columns.datetimes.PackedLocalDateTime;

/**
 * Fills missing values with a statistic learned at fit time (mean, median, most frequent) or a
 * constant, per column or for every column a selector picks.
 *
 * <ul>
 * <li>{@code MEAN} and {@code MEDIAN}: numeric columns. The median is exact: the middle value, or
 *     the mean of the two middle values for an even count (as pandas). In INT and LONG columns
 *     the fill is the statistic rounded half to even.</li>
 * <li>{@code MOST_FREQUENT}: any column type; of several equally frequent values, the smallest
 *     (numbers and dates by value, text by Unicode code point, false before true), as pandas
 *     {@code mode().iloc[0]}. DuckDB's {@code mode()} may choose another of the tied values.</li>
 * <li>{@code CONSTANT}: a value of the column's type (a date as {@code LocalDate} or ISO text).</li>
 * </ul>
 *
 * <p>A column with no value at fit time is an error ({@link PreprocessException}) unless
 * {@link #ifAllMissing(Object)} declares a fallback. {@link #indicator()} adds a 0/1 INT column
 * {@code <column>_imputed} after the last column, marking the rows that were filled.
 * Immutable and thread-safe.
 *
 * <pre>{@code
 * Impute.median("price", "age")
 * Impute.mostFrequent(ColumnSelector.text()).indicator()
 * Impute.constant("unknown", "location")
 * Impute.mean("eur_rate").ifAllMissing(1.0)
 * }</pre>
 *
 * <p>JSON type name: {@code impute}.
 *
 * @since 0.1.0
 */
public final class Impute implements Step {
    static final String TYPE = "impute";
    static final String DEFAULT_SUFFIX = "_imputed";

    /**
     * How the fill value is chosen.
     *
     * @since 0.1.0
     */
    public enum Strategy {
        /** The mean of the values present. */
        MEAN,
        /** The median of the values present. */
        MEDIAN,
        /** The most frequent value; ties go to the smallest. */
        MOST_FREQUENT,
        /** A given constant. */
        CONSTANT
    }

    private final Strategy strategy;
    private final ColumnSelector columns;
    private final Object constant;
    private final String indicatorSuffix;
    private final Object fallback;

    private Impute(Strategy strategy, ColumnSelector columns, Object constant, String indicatorSuffix, Object fallback) {
        this.strategy = strategy;
        this.columns = Objects.requireNonNull(columns, "columns");
        this.constant = constant;
        this.indicatorSuffix = indicatorSuffix;
        this.fallback = fallback;
        if (strategy == Strategy.CONSTANT && constant == null) {
            throw new IllegalArgumentException("Impute.constant: the value must not be null");
        }
        if (strategy == Strategy.CONSTANT && fallback != null) {
            throw new IllegalStateException("Impute.ifAllMissing has no use with a constant; remove it");
        }
    }

    /**
     * @param columns numeric columns
     * @return a step filling with the mean
     * @since 0.1.0
     */
    public static Impute mean(String... columns) {
        return mean(ColumnSelector.names(Support.names("Impute.mean", columns)));
    }

    /**
     * @param columns numeric columns
     * @return a step filling with the mean
     * @since 0.1.0
     */
    public static Impute mean(ColumnSelector columns) {
        return new Impute(Strategy.MEAN, columns, null, null, null);
    }

    /**
     * @param columns numeric columns
     * @return a step filling with the median
     * @since 0.1.0
     */
    public static Impute median(String... columns) {
        return median(ColumnSelector.names(Support.names("Impute.median", columns)));
    }

    /**
     * @param columns numeric columns
     * @return a step filling with the median
     * @since 0.1.0
     */
    public static Impute median(ColumnSelector columns) {
        return new Impute(Strategy.MEDIAN, columns, null, null, null);
    }

    /**
     * @param columns columns of any type
     * @return a step filling with the most frequent value
     * @since 0.1.0
     */
    public static Impute mostFrequent(String... columns) {
        return mostFrequent(ColumnSelector.names(Support.names("Impute.mostFrequent", columns)));
    }

    /**
     * @param columns columns of any type
     * @return a step filling with the most frequent value
     * @since 0.1.0
     */
    public static Impute mostFrequent(ColumnSelector columns) {
        return new Impute(Strategy.MOST_FREQUENT, columns, null, null, null);
    }

    /**
     * @param value the fill value: a Number, String, Boolean, LocalDate or LocalDateTime; checked
     *     against each column's type at fit time
     * @param columns the columns
     * @return a step filling with {@code value}
     * @throws IllegalArgumentException if value is null or of another Java type
     * @since 0.1.0
     */
    public static Impute constant(Object value, String... columns) {
        return constant(value, ColumnSelector.names(Support.names("Impute.constant", columns)));
    }

    /**
     * @param value the fill value, as {@link #constant(Object, String...)}
     * @param columns the columns
     * @return a step filling with {@code value}
     * @throws IllegalArgumentException if value is null or of another Java type
     * @since 0.1.0
     */
    public static Impute constant(Object value, ColumnSelector columns) {
        return new Impute(Strategy.CONSTANT, columns, plain(value, "Impute.constant"), null, null);
    }

    private static Object plain(Object v, String what) {
        Objects.requireNonNull(v, what + " value");
        if (v instanceof LocalDate || v instanceof LocalDateTime) {
            return v.toString();
        }
        if (v instanceof Integer || v instanceof Long || v instanceof Short || v instanceof Byte) {
            return ((Number) v).longValue();
        }
        if (v instanceof Double || v instanceof Float) {
            double d = ((Number) v).doubleValue();
            if (Double.isNaN(d)) {
                throw new IllegalArgumentException(what + ": NaN is Tablesaw's missing value and cannot fill one");
            }
            return d;
        }
        if (v instanceof String || v instanceof Boolean) {
            if ("".equals(v)) {
                throw new IllegalArgumentException(what + ": the empty text is Tablesaw's missing value and cannot "
                    + "fill one");
            }
            return v;
        }
        throw new IllegalArgumentException(what + ": unsupported value type " + v.getClass().getName()
            + "; use a Number, String, Boolean, LocalDate or LocalDateTime");
    }

    /**
     * @return a copy that adds a 0/1 column {@code <column>_imputed} per column
     * @since 0.1.0
     */
    public Impute indicator() {
        return indicator(DEFAULT_SUFFIX);
    }

    /**
     * @param suffix appended to each column's name to name its indicator column
     * @return a copy that adds a 0/1 INT indicator column per column
     * @throws IllegalArgumentException if the suffix is empty
     * @since 0.1.0
     */
    public Impute indicator(String suffix) {
        Support.requireName("Impute.indicator suffix", suffix);
        return new Impute(strategy, columns, constant, suffix, fallback);
    }

    /**
     * @param value the fill value for a column that has no value at all at fit time, instead of
     *     an error; same Java types as {@link #constant(Object, String...)}
     * @return a copy with that fallback
     * @throws IllegalStateException on a constant step
     * @since 0.1.0
     */
    public Impute ifAllMissing(Object value) {
        return new Impute(strategy, columns, constant, indicatorSuffix, plain(value, "Impute.ifAllMissing"));
    }

    /**
     * @return the strategy
     * @since 0.1.0
     */
    public Strategy strategy() {
        return strategy;
    }

    /**
     * @return the columns
     * @since 0.1.0
     */
    public ColumnSelector columns() {
        return columns;
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public Map<String, Object> toMap() {
        Map<String, Object> m = Params.ordered();
        m.put("strategy", strategy.name());
        m.put("columns", columns.toJson());
        m.put("constant", constant);
        m.put("indicator_suffix", indicatorSuffix);
        m.put("if_all_missing", fallback);
        return m;
    }

    @Override
    public FittedStep fit(Table table) {
        List<String> names = columns.resolve(table);
        List<Fill> fills = Parallel.map(names.size(), (long) names.size() * table.rowCount(), i -> {
            Column<?> c = Tables.column(table, names.get(i), TYPE);
            return fitColumn(c, Tables.type(c, TYPE));
        });
        if (indicatorSuffix != null) {
            for (Fill f : fills) {
                Tables.requireAbsent(table, f.column + indicatorSuffix, TYPE);
            }
        }
        return new Fitted(this, fills);
    }

    private Fill fitColumn(Column<?> c, ColumnType t) {
        String name = c.name();
        if (strategy == Strategy.CONSTANT) {
            return new Fill(name, t, null, Values.coerce(t, constant, TYPE, name), false);
        }
        if ((strategy == Strategy.MEAN || strategy == Strategy.MEDIAN) && !t.isNumeric()) {
            throw new SchemaException(TYPE + ": " + strategy.name().toLowerCase(Locale.ROOT) + " needs a numeric "
                + "column but '" + name + "' is " + t + "; use Impute.mostFrequent or Impute.constant");
        }
        Object stat;
        Object fill;
        if (strategy == Strategy.MOST_FREQUENT) {
            fill = mostFrequent(c, t);
            stat = null;
        } else {
            double s = numericStatistic(c, t);
            if (Double.isNaN(s)) {
                fill = null;
                stat = null;
            } else {
                stat = s;
                fill = t == ColumnType.DOUBLE ? (Object) s : (Object) roundToInteger(s, t, name);
            }
        }
        if (fill == null) {
            if (fallback == null) {
                throw new PreprocessException(TYPE, name, "no value to compute the "
                    + strategy.name().toLowerCase(Locale.ROOT).replace('_', ' ') + " from: all " + c.size()
                    + " values are missing at fit time; declare a fallback with Impute.ifAllMissing(value), or drop "
                    + "the column");
            }
            return new Fill(name, t, null, Values.coerce(t, fallback, TYPE, name), true);
        }
        return new Fill(name, t, stat, fill, false);
    }

    private static long roundToInteger(double s, ColumnType t, String name) {
        double r = Math.rint(s);
        if (t == ColumnType.INT && (r <= Integer.MIN_VALUE || r > Integer.MAX_VALUE)) {
            throw new PreprocessException(TYPE, name, "the fill value " + s + " is outside the INT range");
        }
        return (long) r;
    }

    private double numericStatistic(Column<?> c, ColumnType t) {
        if (t == ColumnType.DOUBLE) {
            double[] v = Tables.presentDoubles(c);
            if (v.length == 0) {
                return Double.NaN;
            }
            return strategy == Strategy.MEAN ? Stats.mean(v) : Stats.median(v);
        }
        long[] all = Tables.longs(c);
        int k = 0;
        for (long v : all) {
            if (v != Long.MIN_VALUE) {
                all[k++] = v;
            }
        }
        if (k == 0) {
            return Double.NaN;
        }
        long[] v = Arrays.copyOf(all, k);
        if (strategy == Strategy.MEAN) {
            double[] d = new double[k];
            for (int i = 0; i < k; i++) {
                d[i] = v[i];
            }
            return Stats.mean(d);
        }
        Arrays.sort(v);
        return Stats.medianOfSorted(v);
    }

    /** The most frequent value in the Java form of t, ties to the smallest; null when all missing. */
    static Object mostFrequent(Column<?> c, ColumnType t) {
        int n = c.size();
        switch (t) {
            case DOUBLE: {
                double[] v = Stats.sorted(Tables.presentDoubles(c));
                return v.length == 0 ? null : Stats.modeOfSorted(v);
            }
            case INT:
            case LONG: {
                long[] v = present(Tables.longs(c), Long.MIN_VALUE);
                if (v.length == 0) {
                    return null;
                }
                Arrays.sort(v);
                return Stats.modeOfSorted(v);
            }
            case LOCAL_DATE: {
                DateColumn d = (DateColumn) c;
                long[] v = new long[n];
                for (int i = 0; i < n; i++) {
                    int p = d.getIntInternal(i);
                    v[i] = p == Integer.MIN_VALUE ? Long.MIN_VALUE : PackedLocalDate.toEpochDay(p);
                }
                v = present(v, Long.MIN_VALUE);
                if (v.length == 0) {
                    return null;
                }
                Arrays.sort(v);
                return LocalDate.ofEpochDay(Stats.modeOfSorted(v));
            }
            case LOCAL_DATE_TIME: {
                DateTimeColumn d = (DateTimeColumn) c;
                List<LocalDateTime> v = new ArrayList<>();
                for (int i = 0; i < n; i++) {
                    if (!d.isMissing(i)) {
                        v.add(PackedLocalDateTime.asLocalDateTime(d.getLongInternal(i)));
                    }
                }
                if (v.isEmpty()) {
                    return null;
                }
                v.sort(null);
                LocalDateTime best = null;
                int bestCount = 0;
                int i = 0;
                while (i < v.size()) {
                    int j = i + 1;
                    while (j < v.size() && v.get(j).equals(v.get(i))) {
                        j++;
                    }
                    if (j - i > bestCount) {
                        bestCount = j - i;
                        best = v.get(i);
                    }
                    i = j;
                }
                return best;
            }
            case BOOLEAN: {
                BooleanColumn b = (BooleanColumn) c;
                int trues = 0;
                int falses = 0;
                for (int i = 0; i < n; i++) {
                    if (!b.isMissing(i)) {
                        if (b.getByte(i) == 1) {
                            trues++;
                        } else {
                            falses++;
                        }
                    }
                }
                if (trues + falses == 0) {
                    return null;
                }
                return trues > falses;
            }
            default: {
                String best = null;
                int bestCount = 0;
                for (Map.Entry<String, Integer> e : StringColumns.counts((StringColumn) c).entrySet()) {
                    if (e.getKey().isEmpty()) {
                        continue;
                    }
                    int k = e.getValue();
                    if (k > bestCount || (k == bestCount && Stats.compareCodePoints(e.getKey(), best) < 0)) {
                        best = e.getKey();
                        bestCount = k;
                    }
                }
                return best;
            }
        }
    }

    private static long[] present(long[] a, long missing) {
        int k = 0;
        for (long v : a) {
            if (v != missing) {
                a[k++] = v;
            }
        }
        return Arrays.copyOf(a, k);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Impute && ((Impute) o).toMap().equals(toMap());
    }

    @Override
    public int hashCode() {
        return toMap().hashCode();
    }

    @Override
    public String toString() {
        return "Impute" + toMap();
    }

    /** One column's learned fill value. */
    static final class Fill extends FittedColumn {
        final ColumnType type;
        final Object statistic;
        final Object fill;
        final boolean fromFallback;

        Fill(String column, ColumnType type, Object statistic, Object fill, boolean fromFallback) {
            super(column);
            this.type = type;
            this.statistic = statistic;
            this.fill = fill;
            this.fromFallback = fromFallback;
        }

        @Override
        Map<String, Object> toMap() {
            Map<String, Object> m = Params.ordered();
            m.put("type", type.name());
            if (statistic != null) {
                m.put("statistic", Params.num((Double) statistic));
            }
            m.put("fill", Values.toJson(type, fill));
            if (fromFallback) {
                m.put("from_fallback", true);
            }
            return m;
        }

        static Fill read(String column, Params p) {
            ColumnType t = p.enumValue("type", ColumnType.class);
            Double stat = p.optDouble("statistic");
            Object fill = Values.coerce(t, p.value("fill"), TYPE, column);
            boolean fb = p.bool("from_fallback", false);
            return new Fill(column, t, stat, fill, fb);
        }
    }

    /** Impute with its fill values learned. */
    static final class Fitted extends ColumnsFitted<Impute, Fill> {
        Fitted(Impute step, List<Fill> fills) {
            super(step, fills);
        }

        @Override
        public Transformed transform(Table table) {
            int n = table.rowCount();
            Edit edit = new Edit(table, TYPE);
            StepReport.Builder r = StepReport.builder(TYPE).rows(n, n).param("strategy", step.strategy.name())
                .param("columns", fitted());
            String what = step.strategy.name().toLowerCase(Locale.ROOT).replace('_', ' ');
            for (Fill f : columns) {
                Column<?> c = Support.fittedColumn(table, f.column, f.type, TYPE);
                int missing = Tables.countMissing(c);
                if (missing > 0) {
                    edit.replace(f.column, Values.fillMissing(c, f.fill));
                    r.note(missing + " missing values in '" + f.column + "' imputed with " + Values.show(f.fill) + " ("
                        + (f.fromFallback ? "fallback" : what) + ")");
                }
                r.cellsChanged(f.column, missing);
                if (step.indicatorSuffix != null) {
                    String ind = f.column + step.indicatorSuffix;
                    Tables.requireAbsent(table, ind, TYPE);
                    int[] flags = new int[n];
                    for (int i = 0; i < n; i++) {
                        flags[i] = c.isMissing(i) ? 1 : 0;
                    }
                    edit.append(ColumnArrays.intColumn(ind, flags));
                    r.columnAdded(ind);
                }
            }
            return Transformed.of(edit.build(), r.build());
        }
    }

    static final class Type extends BuiltInType<Impute> {
        Type() {
            super(TYPE);
        }

        @Override
        Impute read(Params p) {
            Strategy s = p.enumValue("strategy", Strategy.class);
            ColumnSelector cols = p.selector("columns");
            Object constant = p.value("constant");
            String suffix = p.optString("indicator_suffix");
            Object fallback = p.value("if_all_missing");
            return p.valid(() -> {
                Impute i = s == Strategy.CONSTANT ? constant(constant, cols) : new Impute(s, cols, null, null, null);
                if (s != Strategy.CONSTANT && constant != null) {
                    throw p.error("'constant' is only for strategy CONSTANT");
                }
                if (suffix != null) {
                    i = i.indicator(suffix);
                }
                if (fallback != null) {
                    i = i.ifAllMissing(fallback);
                }
                return i;
            });
        }

        @Override
        public FittedStep readFitted(Map<String, Object> json) {
            return readColumns(json, Fill::read, Fitted::new);
        }
    }
}
