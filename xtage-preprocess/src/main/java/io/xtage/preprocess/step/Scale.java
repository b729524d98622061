package io.xtage.preprocess.step;

import io.xtage.core.internal.ColumnArrays;
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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * Scales numeric columns with statistics fitted on the data: {@code (x - center) / scale}.
 * <ul>
 * <li>{@code STANDARD}: center the mean, scale the population standard deviation (ddof 0), as
 *     pandas {@code (p - p.mean()) / p.std(ddof=0)}; sums are pairwise, as NumPy's.</li>
 * <li>{@code MIN_MAX}: center the minimum, scale {@code max - min}: the fit data maps to [0, 1].</li>
 * <li>{@code ROBUST}: center the median, scale the interquartile range (linear quantiles).</li>
 * </ul>
 * A scale of 0 (a constant column) is replaced by 1, as scikit-learn does. The result is DOUBLE:
 * in place (INT and LONG columns are retyped), or in a new column named by {@link #into(String)}
 * (one column) or {@link #suffix(String)}, after the last column. Missing values stay missing.
 * Immutable and thread-safe.
 *
 * <pre>{@code
 * Scale.standard("price").into("price_z")
 * Scale.minMax(ColumnSelector.numeric()).suffix("_01")
 * }</pre>
 *
 * <p>JSON type name: {@code scale}.
 *
 * @since 0.1.0
 */
public final class Scale implements Step {
    static final String TYPE = "scale";

    /**
     * The scaling method.
     *
     * @since 0.1.0
     */
    public enum Method {
        /** Mean and population standard deviation. */
        STANDARD,
        /** Minimum and range. */
        MIN_MAX,
        /** Median and interquartile range. */
        ROBUST
    }

    private final Method method;
    private final ColumnSelector columns;
    private final String into;
    private final String suffix;

    private Scale(Method method, ColumnSelector columns, String into, String suffix) {
        this.method = Objects.requireNonNull(method, "method");
        this.columns = Objects.requireNonNull(columns, "columns");
        this.into = into;
        this.suffix = suffix;
        if (into != null && suffix != null) {
            throw new IllegalStateException("Scale: both into(...) and suffix(...) were given; choose one");
        }
        if (into != null && !(columns.isNames() && columns.listedNames().size() == 1)) {
            throw new IllegalStateException("Scale.into names one output column, so select exactly one column by name; "
                + "use suffix(...) for several");
        }
    }

    /**
     * @param columns numeric columns
     * @return a standard scaler
     * @since 0.1.0
     */
    public static Scale standard(String... columns) {
        return standard(ColumnSelector.names(Support.names("Scale.standard", columns)));
    }

    /**
     * @param columns numeric columns
     * @return a standard scaler
     * @since 0.1.0
     */
    public static Scale standard(ColumnSelector columns) {
        return new Scale(Method.STANDARD, columns, null, null);
    }

    /**
     * @param columns numeric columns
     * @return a min-max scaler
     * @since 0.1.0
     */
    public static Scale minMax(String... columns) {
        return minMax(ColumnSelector.names(Support.names("Scale.minMax", columns)));
    }

    /**
     * @param columns numeric columns
     * @return a min-max scaler
     * @since 0.1.0
     */
    public static Scale minMax(ColumnSelector columns) {
        return new Scale(Method.MIN_MAX, columns, null, null);
    }

    /**
     * @param columns numeric columns
     * @return a robust scaler
     * @since 0.1.0
     */
    public static Scale robust(String... columns) {
        return robust(ColumnSelector.names(Support.names("Scale.robust", columns)));
    }

    /**
     * @param columns numeric columns
     * @return a robust scaler
     * @since 0.1.0
     */
    public static Scale robust(ColumnSelector columns) {
        return new Scale(Method.ROBUST, columns, null, null);
    }

    /**
     * @param output the new column for the scaled values; the input column stays
     * @return a copy writing there
     * @throws IllegalStateException unless exactly one column is selected by name, or if a
     *     suffix was given
     * @since 0.1.0
     */
    public Scale into(String output) {
        Support.requireName("Scale.into", output);
        return new Scale(method, columns, output, suffix);
    }

    /**
     * @param suffix appended to each column's name to name its scaled column; the inputs stay
     * @return a copy writing there
     * @throws IllegalStateException if {@link #into(String)} was given
     * @since 0.1.0
     */
    public Scale suffix(String suffix) {
        Support.requireName("Scale.suffix", suffix);
        return new Scale(method, columns, into, suffix);
    }

    /**
     * @return the method
     * @since 0.1.0
     */
    public Method method() {
        return method;
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public Map<String, Object> toMap() {
        Map<String, Object> m = Params.ordered();
        m.put("method", method.name());
        m.put("columns", columns.toJson());
        m.put("into", into);
        m.put("suffix", suffix);
        return m;
    }

    private String outputOf(String column) {
        return into != null ? into : suffix != null ? column + suffix : column;
    }

    @Override
    public FittedStep fit(Table table) {
        List<Stat> stats = new ArrayList<>();
        for (String name : columns.resolve(table)) {
            Column<?> c = Tables.numeric(table, name, TYPE);
            String out = outputOf(name);
            if (!out.equals(name)) {
                Tables.requireAbsent(table, out, TYPE);
            }
            double[] v = Tables.presentDoubles(c);
            if (v.length == 0) {
                throw new PreprocessException(TYPE, name, "no value to fit the scaler on: all " + c.size()
                    + " values are missing at fit time; impute or drop the column first");
            }
            double center;
            double scale;
            switch (method) {
                case STANDARD:
                    center = Stats.mean(v);
                    scale = Stats.populationStd(v, center);
                    break;
                case MIN_MAX: {
                    double min = Double.POSITIVE_INFINITY;
                    double max = Double.NEGATIVE_INFINITY;
                    for (double x : v) {
                        min = Math.min(min, x);
                        max = Math.max(max, x);
                    }
                    center = min;
                    scale = max - min;
                    break;
                }
                default: {
                    double[] s = Stats.sorted(v);
                    center = Stats.medianOfSorted(s);
                    scale = Stats.quantileOfSorted(s, 0.75) - Stats.quantileOfSorted(s, 0.25);
                    break;
                }
            }
            if (scale == 0.0 || Double.isNaN(scale)) {
                scale = 1.0;
            }
            stats.add(new Stat(name, Tables.type(c, TYPE), out, center, scale));
        }
        return new Fitted(this, stats);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Scale && ((Scale) o).toMap().equals(toMap());
    }

    @Override
    public int hashCode() {
        return toMap().hashCode();
    }

    @Override
    public String toString() {
        return "Scale" + toMap();
    }

    /** One column's fitted center and scale. */
    static final class Stat extends FittedColumn {
        final ColumnType type;
        final String output;
        final double center;
        final double scale;

        Stat(String column, ColumnType type, String output, double center, double scale) {
            super(column);
            this.type = type;
            this.output = output;
            this.center = center;
            this.scale = scale;
        }

        @Override
        Map<String, Object> toMap() {
            Map<String, Object> m = Params.ordered();
            m.put("type", type.name());
            m.put("output", output);
            m.put("center", Params.num(center));
            m.put("scale", Params.num(scale));
            return m;
        }

        static Stat read(String column, Params f) {
            return new Stat(column, f.enumValue("type", ColumnType.class), f.string("output"), f.dbl("center"),
                f.dbl("scale"));
        }
    }

    /** Scale with its statistics fitted. */
    static final class Fitted extends ColumnsFitted<Scale, Stat> {
        Fitted(Scale step, List<Stat> stats) {
            super(step, stats);
        }

        @Override
        public Transformed transform(Table table) {
            int n = table.rowCount();
            Edit edit = new Edit(table, TYPE);
            StepReport.Builder r = StepReport.builder(TYPE).rows(n, n).param("method", step.method.name())
                .param("columns", fitted());
            for (Stat s : columns) {
                Column<?> c = Support.fittedColumn(table, s.column, s.type, TYPE);
                double[] v = Tables.doubles(c);
                double[] out = new double[n];
                long changed = 0;
                for (int i = 0; i < n; i++) {
                    double y = (v[i] - s.center) / s.scale;
                    out[i] = y;
                    if (y != v[i] && !Double.isNaN(v[i])) {
                        changed++;
                    }
                }
                DoubleColumn col = ColumnArrays.doubleColumn(s.output, out);
                if (s.output.equals(s.column)) {
                    edit.replace(s.column, col);
                    r.cellsChanged(s.column, changed);
                    if (s.type != ColumnType.DOUBLE) {
                        r.columnRetyped(s.column, s.type.name(), ColumnType.DOUBLE.name());
                    }
                } else {
                    Tables.requireAbsent(table, s.output, TYPE);
                    edit.append(col);
                    r.columnAdded(s.output);
                }
            }
            return Transformed.of(edit.build(), r.build());
        }
    }

    static final class Type extends BuiltInType<Scale> {
        Type() {
            super(TYPE);
        }

        @Override
        Scale read(Params p) {
            Method m = p.enumValue("method", Method.class);
            ColumnSelector cols = p.selector("columns");
            String into = p.optString("into");
            String suffix = p.optString("suffix");
            return p.valid(() -> new Scale(m, cols, into, suffix));
        }

        @Override
        public FittedStep readFitted(Map<String, Object> json) {
            return readColumns(json, Stat::read, Fitted::new);
        }
    }
}
