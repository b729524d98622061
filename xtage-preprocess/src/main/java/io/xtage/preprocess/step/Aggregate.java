package io.xtage.preprocess.step;

import io.xtage.core.SchemaException;
import io.xtage.core.internal.ColumnArrays;
import io.xtage.core.internal.Gather;
import io.xtage.core.schema.ColumnType;
import io.xtage.preprocess.PreprocessException;
import io.xtage.preprocess.StatelessStep;
import io.xtage.preprocess.StepReport;
import io.xtage.preprocess.Transformed;
import io.xtage.preprocess.internal.Groups;
import io.xtage.preprocess.internal.Params;
import io.xtage.preprocess.internal.Stats;
import io.xtage.preprocess.internal.Tables;
import io.xtage.preprocess.internal.Values;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * Groups rows by key columns and aggregates: one output row per group, in order of first
 * appearance, with the key columns first and then one column per aggregate.
 *
 * <ul>
 * <li>{@code SUM}: INT and LONG give LONG (an overflow is an error), DOUBLE gives DOUBLE
 *     (compensated summation).</li>
 * <li>{@code MEAN}, {@code MEDIAN}: DOUBLE; the median is exact, as in {@link Impute}.</li>
 * <li>{@code MIN}, {@code MAX}: numbers, dates, date-times and text (code-point order); the
 *     column's own type.</li>
 * <li>{@code COUNT} of a column: its values present, LONG. {@link #count()}: rows, LONG.</li>
 * </ul>
 * Missing values are skipped; a group with no value gives a missing result (as SQL, not 0).
 * Missing keys form their own group (as SQL {@code GROUP BY}). Without keys, the whole table is
 * one group and the result has one row. Output names are {@code <column>_<function>}
 * ({@code price_sum}) and {@code count} for {@link #count()}, unless given. Stateless;
 * immutable and thread-safe.
 *
 * <pre>{@code
 * Aggregate.groupBy("category").count().sum("total").mean("price").median("age")
 * }</pre>
 *
 * <p>JSON type name: {@code aggregate}.
 *
 * @since 0.1.0
 */
public final class Aggregate implements StatelessStep {
    static final String TYPE = "aggregate";

    /**
     * An aggregate function.
     *
     * @since 0.1.0
     */
    public enum Function {
        /** Sum of the values. */
        SUM,
        /** Mean of the values. */
        MEAN,
        /** Number of values present (or rows, without a column). */
        COUNT,
        /** Smallest value. */
        MIN,
        /** Largest value. */
        MAX,
        /** Median of the values. */
        MEDIAN
    }

    /** One aggregate: function, input column (null for a row count), output name. */
    private static final class Agg {
        final Function fn;
        final String column;
        final String output;

        Agg(Function fn, String column, String output) {
            this.fn = fn;
            this.column = column;
            this.output = output;
        }

        Map<String, Object> toMap() {
            Map<String, Object> m = Params.ordered();
            m.put("function", fn.name());
            m.put("column", column);
            m.put("output", output);
            return m;
        }
    }

    private final List<String> keys;
    private final List<Agg> aggs;

    private Aggregate(List<String> keys, List<Agg> aggs) {
        this.keys = List.copyOf(keys);
        this.aggs = List.copyOf(aggs);
        Set<String> names = new HashSet<>(keys);
        if (names.size() != keys.size()) {
            throw new IllegalArgumentException("Aggregate.groupBy: a key is named twice in " + keys);
        }
        for (Agg a : aggs) {
            if (!names.add(a.output)) {
                throw new IllegalArgumentException("Aggregate: two output columns are named '" + a.output
                    + "'; give one another name with agg(function, column, output)");
            }
        }
    }

    /**
     * @param keys the grouping columns; none for one group of all rows
     * @return a step with no aggregates yet
     * @since 0.1.0
     */
    public static Aggregate groupBy(String... keys) {
        Objects.requireNonNull(keys, "keys");
        for (String k : keys) {
            Support.requireName("Aggregate.groupBy key", k);
        }
        return new Aggregate(List.of(keys), List.of());
    }

    /**
     * @param fn the function
     * @param column the input column; null only for {@link Function#COUNT} of rows
     * @param output the output column's name
     * @return a copy with this aggregate added
     * @throws IllegalArgumentException if the output name is taken, or the column is missing
     *     for a function that needs one
     * @since 0.1.0
     */
    public Aggregate agg(Function fn, String column, String output) {
        Objects.requireNonNull(fn, "fn");
        Support.requireName("Aggregate output", output);
        if (column == null && fn != Function.COUNT) {
            throw new IllegalArgumentException("Aggregate: " + fn + " needs a column");
        }
        if (column != null) {
            Support.requireName("Aggregate column", column);
        }
        List<Agg> list = new ArrayList<>(aggs);
        list.add(new Agg(fn, column, output));
        return new Aggregate(keys, list);
    }

    private Aggregate add(Function fn, String column) {
        Support.requireName("Aggregate column", column);
        return agg(fn, column, column + "_" + fn.name().toLowerCase(Locale.ROOT));
    }

    /**
     * @param column a numeric column
     * @return a copy adding {@code <column>_sum}
     * @since 0.1.0
     */
    public Aggregate sum(String column) {
        return add(Function.SUM, column);
    }

    /**
     * @param column a numeric column
     * @return a copy adding {@code <column>_mean}
     * @since 0.1.0
     */
    public Aggregate mean(String column) {
        return add(Function.MEAN, column);
    }

    /**
     * @param column a numeric column
     * @return a copy adding {@code <column>_median}
     * @since 0.1.0
     */
    public Aggregate median(String column) {
        return add(Function.MEDIAN, column);
    }

    /**
     * @param column a column
     * @return a copy adding {@code <column>_min}
     * @since 0.1.0
     */
    public Aggregate min(String column) {
        return add(Function.MIN, column);
    }

    /**
     * @param column a column
     * @return a copy adding {@code <column>_max}
     * @since 0.1.0
     */
    public Aggregate max(String column) {
        return add(Function.MAX, column);
    }

    /**
     * @param column a column
     * @return a copy adding {@code <column>_count}, its values present
     * @since 0.1.0
     */
    public Aggregate count(String column) {
        return add(Function.COUNT, column);
    }

    /**
     * @return a copy adding {@code count}, the rows of each group
     * @since 0.1.0
     */
    public Aggregate count() {
        return agg(Function.COUNT, null, "count");
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public boolean removesRows() {
        return true;
    }

    @Override
    public Map<String, Object> toMap() {
        Map<String, Object> m = Params.ordered();
        m.put("group_by", keys);
        List<Object> list = new ArrayList<>();
        aggs.forEach(a -> list.add(a.toMap()));
        m.put("aggregates", list);
        return m;
    }

    @Override
    public Transformed transform(Table table) {
        if (aggs.isEmpty() && keys.isEmpty()) {
            throw new IllegalStateException("Aggregate has neither keys nor aggregates");
        }
        int n = table.rowCount();
        List<Column<?>> keyCols = new ArrayList<>();
        for (String k : keys) {
            keyCols.add(Tables.column(table, k, TYPE));
        }
        Groups g;
        if (keys.isEmpty()) {
            g = null;
        } else {
            g = Groups.of(keyCols, n);
        }
        int groups = g == null ? 1 : g.count;
        int[] groupOf = g == null ? new int[n] : g.groupOf;
        List<Column<?>> out = new ArrayList<>();
        if (g != null) {
            out.addAll(Gather.columns(keyCols, g.firstRow));
        }
        for (Agg a : aggs) {
            out.add(aggregate(table, a, groupOf, groups, n));
        }
        Table result = Tables.create(table.name(), out);
        StepReport.Builder r = StepReport.builder(TYPE).rows(n, groups).params(toMap());
        if (groups < n) {
            r.removalReason("aggregated into " + groups + " groups" + (keys.isEmpty() ? "" : " by " + keys));
        }
        Set<String> kept = new HashSet<>(keys);
        for (Column<?> c : table.columns()) {
            if (!kept.contains(c.name())) {
                r.columnRemoved(c.name());
            }
        }
        aggs.forEach(a -> r.columnAdded(a.output));
        return Transformed.of(result, r.build());
    }

    private static Column<?> aggregate(Table table, Agg a, int[] groupOf, int groups, int n) {
        if (a.column == null) {
            long[] counts = new long[groups];
            for (int i = 0; i < n; i++) {
                counts[groupOf[i]]++;
            }
            return ColumnArrays.longColumn(a.output, counts);
        }
        Column<?> c = Tables.column(table, a.column, TYPE);
        ColumnType t = Tables.type(c, TYPE);
        switch (a.fn) {
            case COUNT: {
                long[] counts = new long[groups];
                for (int i = 0; i < n; i++) {
                    if (!c.isMissing(i)) {
                        counts[groupOf[i]]++;
                    }
                }
                return ColumnArrays.longColumn(a.output, counts);
            }
            case SUM:
            case MEAN:
            case MEDIAN:
                if (!t.isNumeric()) {
                    throw new SchemaException(TYPE + ": " + a.fn + " needs a numeric column but '" + a.column + "' is " + t);
                }
                return numeric(c, t, a, groupOf, groups, n);
            default:
                return extreme(c, t, a, groupOf, groups, n);
        }
    }

    private static Column<?> numeric(Column<?> c, ColumnType t, Agg a, int[] groupOf, int groups, int n) {
        if (a.fn == Function.SUM && t != ColumnType.DOUBLE) {
            long[] v = Tables.longs(c);
            long[] sum = new long[groups];
            boolean[] any = new boolean[groups];
            for (int i = 0; i < n; i++) {
                if (v[i] != Long.MIN_VALUE) {
                    int gi = groupOf[i];
                    try {
                        sum[gi] = Math.addExact(sum[gi], v[i]);
                    } catch (ArithmeticException e) {
                        throw new PreprocessException(TYPE, a.column, "the sum of a group overflows LONG; cast the "
                            + "column to DOUBLE first");
                    }
                    any[gi] = true;
                }
            }
            for (int gi = 0; gi < groups; gi++) {
                if (!any[gi] || sum[gi] == Long.MIN_VALUE) {
                    sum[gi] = Long.MIN_VALUE;
                }
            }
            return ColumnArrays.longColumn(a.output, sum);
        }
        double[] v = Tables.doubles(c);
        double[] out = new double[groups];
        if (a.fn == Function.MEDIAN) {
            int[] count = new int[groups + 1];
            for (int i = 0; i < n; i++) {
                if (!Double.isNaN(v[i])) {
                    count[groupOf[i] + 1]++;
                }
            }
            for (int gi = 0; gi < groups; gi++) {
                count[gi + 1] += count[gi];
            }
            double[] sorted = new double[count[groups]];
            int[] pos = Arrays.copyOf(count, groups);
            for (int i = 0; i < n; i++) {
                if (!Double.isNaN(v[i])) {
                    sorted[pos[groupOf[i]]++] = v[i];
                }
            }
            for (int gi = 0; gi < groups; gi++) {
                double[] seg = Arrays.copyOfRange(sorted, count[gi], count[gi + 1]);
                Arrays.sort(seg);
                out[gi] = Stats.medianOfSorted(seg);
            }
            return ColumnArrays.doubleColumn(a.output, out);
        }
        double[] comp = new double[groups];
        long[] k = new long[groups];
        for (int i = 0; i < n; i++) {
            double x = v[i];
            if (Double.isNaN(x)) {
                continue;
            }
            int gi = groupOf[i];
            // Kahan-Babuska (Neumaier) compensated summation, as pandas' group sums
            double s = out[gi];
            double tt = s + x;
            if (Math.abs(s) >= Math.abs(x)) {
                comp[gi] += (s - tt) + x;
            } else {
                comp[gi] += (x - tt) + s;
            }
            out[gi] = tt;
            k[gi]++;
        }
        for (int gi = 0; gi < groups; gi++) {
            double s = out[gi] + comp[gi];
            out[gi] = k[gi] == 0 ? Double.NaN : (a.fn == Function.MEAN ? s / k[gi] : s);
        }
        return ColumnArrays.doubleColumn(a.output, out);
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Column<?> extreme(Column<?> c, ColumnType t, Agg a, int[] groupOf, int groups, int n) {
        if (t == ColumnType.BOOLEAN) {
            throw new SchemaException(TYPE + ": " + a.fn + " does not take BOOLEAN column '" + a.column + "'");
        }
        boolean max = a.fn == Function.MAX;
        Object[] best = new Object[groups];
        for (int i = 0; i < n; i++) {
            Object v = Values.valueAt(c, i);
            if (v == null) {
                continue;
            }
            int gi = groupOf[i];
            Object b = best[gi];
            if (b == null) {
                best[gi] = v;
                continue;
            }
            int cmp = t == ColumnType.STRING ? Stats.compareCodePoints((String) v, (String) b)
                : ((Comparable) v).compareTo(b);
            if (max ? cmp > 0 : cmp < 0) {
                best[gi] = v;
            }
        }
        return Values.build(t, a.output, best);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Aggregate && ((Aggregate) o).toMap().equals(toMap());
    }

    @Override
    public int hashCode() {
        return toMap().hashCode();
    }

    @Override
    public String toString() {
        return "Aggregate" + toMap();
    }

    static final class Type extends BuiltInType.Stateless<Aggregate> {
        Type() {
            super(TYPE);
        }

        @Override
        @SuppressWarnings("unchecked")
        Aggregate read(Params p) {
            return p.valid(() -> {
                Aggregate a = groupBy(p.strings("group_by").toArray(new String[0]));
                for (Object o : p.list("aggregates")) {
                    if (!(o instanceof Map)) {
                        throw p.error("each aggregate must be an object with function, column and output");
                    }
                    Aggregate before = a;
                    a = Params.read(TYPE, (Map<String, Object>) o, ap -> before.agg(ap.enumValue("function", Function.class),
                        ap.optString("column"), ap.string("output")));
                }
                return a;
            });
        }
    }
}
