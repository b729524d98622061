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
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * Handles outliers in numeric columns, by clipping values to bounds or by removing the rows
 * that hold them. Every method reduces to a closed interval {@code [lower, upper]} per column:
 * <ul>
 * <li>{@link #clip(double, double, String...)}: fixed bounds;</li>
 * <li>{@link #clipQuantiles(double, double, String...)}: the fitted quantiles (linear
 *     interpolation, as NumPy);</li>
 * <li>{@link #removeIqr(double, String...)}: {@code [q1 - k*iqr, q3 + k*iqr]} with fitted
 *     quartiles;</li>
 * <li>{@link #removeZScore(double, String...)}: {@code [mean - z*std, mean + z*std]} with the
 *     fitted mean and population standard deviation.</li>
 * </ul>
 * Removal drops a row when any selected column is outside its interval; missing values are
 * never outliers. Clipping INT and LONG columns uses the bounds rounded inwards (ceiling of the
 * lower, floor of the upper), so the column keeps its type. Immutable and thread-safe.
 *
 * <pre>{@code
 * Outliers.clip(0, 1000, "quantity")
 * Outliers.clipQuantiles(0.01, 0.99, "price")
 * Outliers.removeIqr(1.5, "price", "quantity")
 * Outliers.removeZScore(3, ColumnSelector.numeric().except("transaction_id"))
 * }</pre>
 *
 * <p>JSON type name: {@code outliers}.
 *
 * @since 0.1.0
 */
public final class Outliers implements Step {
    static final String TYPE = "outliers";

    /**
     * The outlier rule.
     *
     * @since 0.1.0
     */
    public enum Method {
        /** Clip to fixed bounds. */
        CLIP,
        /** Clip to fitted quantiles. */
        CLIP_QUANTILES,
        /** Remove rows outside the fitted Tukey fences. */
        REMOVE_IQR,
        /** Remove rows whose fitted z-score exceeds a limit. */
        REMOVE_ZSCORE
    }

    private final Method method;
    private final ColumnSelector columns;
    private final double a;
    private final double b;

    private Outliers(Method method, ColumnSelector columns, double a, double b) {
        this.method = method;
        this.columns = Objects.requireNonNull(columns, "columns");
        this.a = a;
        this.b = b;
        switch (method) {
            case CLIP:
                if (Double.isNaN(a) || Double.isNaN(b) || a > b) {
                    throw new IllegalArgumentException("Outliers.clip: need lower <= upper (infinities allowed), got ["
                        + a + ", " + b + "]");
                }
                break;
            case CLIP_QUANTILES:
                if (!(a >= 0 && a < b && b <= 1)) {
                    throw new IllegalArgumentException("Outliers.clipQuantiles: need 0 <= low < high <= 1, got " + a
                        + " and " + b);
                }
                break;
            case REMOVE_IQR:
                if (!(a >= 0) || Double.isInfinite(a)) {
                    throw new IllegalArgumentException("Outliers.removeIqr: k must be a finite number >= 0, got " + a);
                }
                break;
            default:
                if (!(a > 0) || Double.isInfinite(a)) {
                    throw new IllegalArgumentException("Outliers.removeZScore: z must be a finite number > 0, got " + a);
                }
                break;
        }
    }

    /**
     * @param lower the lower bound ({@code Double.NEGATIVE_INFINITY} for none)
     * @param upper the upper bound ({@code Double.POSITIVE_INFINITY} for none)
     * @param columns numeric columns
     * @return a step clipping to {@code [lower, upper]}
     * @throws IllegalArgumentException unless lower &lt;= upper
     * @since 0.1.0
     */
    public static Outliers clip(double lower, double upper, String... columns) {
        return clip(lower, upper, ColumnSelector.names(Support.names("Outliers.clip", columns)));
    }

    /**
     * As {@link #clip(double, double, String...)} with a selector.
     *
     * @param lower lower bound
     * @param upper upper bound
     * @param columns numeric columns
     * @return the step
     * @since 0.1.0
     */
    public static Outliers clip(double lower, double upper, ColumnSelector columns) {
        return new Outliers(Method.CLIP, columns, lower, upper);
    }

    /**
     * @param low the lower quantile, for example 0.01
     * @param high the upper quantile, for example 0.99
     * @param columns numeric columns
     * @return a step clipping to the quantiles fitted per column
     * @throws IllegalArgumentException unless 0 &lt;= low &lt; high &lt;= 1
     * @since 0.1.0
     */
    public static Outliers clipQuantiles(double low, double high, String... columns) {
        return clipQuantiles(low, high, ColumnSelector.names(Support.names("Outliers.clipQuantiles", columns)));
    }

    /**
     * As {@link #clipQuantiles(double, double, String...)} with a selector.
     *
     * @param low lower quantile
     * @param high upper quantile
     * @param columns numeric columns
     * @return the step
     * @since 0.1.0
     */
    public static Outliers clipQuantiles(double low, double high, ColumnSelector columns) {
        return new Outliers(Method.CLIP_QUANTILES, columns, low, high);
    }

    /**
     * @param k the fence factor, 1.5 by convention
     * @param columns numeric columns
     * @return a step removing rows outside {@code [q1 - k*iqr, q3 + k*iqr]}
     * @throws IllegalArgumentException if k is negative or not finite
     * @since 0.1.0
     */
    public static Outliers removeIqr(double k, String... columns) {
        return removeIqr(k, ColumnSelector.names(Support.names("Outliers.removeIqr", columns)));
    }

    /**
     * As {@link #removeIqr(double, String...)} with a selector.
     *
     * @param k fence factor
     * @param columns numeric columns
     * @return the step
     * @since 0.1.0
     */
    public static Outliers removeIqr(double k, ColumnSelector columns) {
        return new Outliers(Method.REMOVE_IQR, columns, k, Double.NaN);
    }

    /**
     * @param z the largest z-score kept, 3 by convention
     * @param columns numeric columns
     * @return a step removing rows outside {@code [mean - z*std, mean + z*std]}
     * @throws IllegalArgumentException unless z is a finite number > 0
     * @since 0.1.0
     */
    public static Outliers removeZScore(double z, String... columns) {
        return removeZScore(z, ColumnSelector.names(Support.names("Outliers.removeZScore", columns)));
    }

    /**
     * As {@link #removeZScore(double, String...)} with a selector.
     *
     * @param z largest z-score kept
     * @param columns numeric columns
     * @return the step
     * @since 0.1.0
     */
    public static Outliers removeZScore(double z, ColumnSelector columns) {
        return new Outliers(Method.REMOVE_ZSCORE, columns, z, Double.NaN);
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
    public boolean removesRows() {
        return method == Method.REMOVE_IQR || method == Method.REMOVE_ZSCORE;
    }

    @Override
    public Map<String, Object> toMap() {
        Map<String, Object> m = Params.ordered();
        m.put("method", method.name());
        m.put("columns", columns.toJson());
        switch (method) {
            case CLIP:
                m.put("lower", Params.num(a));
                m.put("upper", Params.num(b));
                break;
            case CLIP_QUANTILES:
                m.put("low_quantile", a);
                m.put("high_quantile", b);
                break;
            case REMOVE_IQR:
                m.put("k", a);
                break;
            default:
                m.put("z", a);
                break;
        }
        return m;
    }

    @Override
    public FittedStep fit(Table table) {
        List<Bounds> bounds = new ArrayList<>();
        for (String name : columns.resolve(table)) {
            Column<?> c = Tables.numeric(table, name, TYPE);
            ColumnType t = Tables.type(c, TYPE);
            if (method == Method.CLIP) {
                bounds.add(new Bounds(name, t, a, b));
                continue;
            }
            double[] v = Tables.presentDoubles(c);
            if (v.length == 0) {
                throw new PreprocessException(TYPE, name, "no value to fit " + method.name().toLowerCase(Locale.ROOT)
                    + " bounds on: all " + c.size() + " values are missing at fit time; drop or impute the column first");
            }
            double lo;
            double hi;
            if (method == Method.REMOVE_ZSCORE) {
                double mean = Stats.mean(v);
                double std = Stats.populationStd(v, mean);
                lo = mean - a * std;
                hi = mean + a * std;
            } else {
                double[] s = Stats.sorted(v);
                if (method == Method.CLIP_QUANTILES) {
                    lo = Stats.quantileOfSorted(s, a);
                    hi = Stats.quantileOfSorted(s, b);
                } else {
                    double q1 = Stats.quantileOfSorted(s, 0.25);
                    double q3 = Stats.quantileOfSorted(s, 0.75);
                    double iqr = q3 - q1;
                    lo = q1 - a * iqr;
                    hi = q3 + a * iqr;
                }
            }
            bounds.add(new Bounds(name, t, lo, hi));
        }
        return new Fitted(this, bounds);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Outliers && ((Outliers) o).toMap().equals(toMap());
    }

    @Override
    public int hashCode() {
        return toMap().hashCode();
    }

    @Override
    public String toString() {
        return "Outliers" + toMap();
    }

    /** One column's interval. */
    static final class Bounds extends FittedColumn {
        final ColumnType type;
        final double lower;
        final double upper;

        Bounds(String column, ColumnType type, double lower, double upper) {
            super(column);
            this.type = type;
            this.lower = lower;
            this.upper = upper;
        }

        @Override
        Map<String, Object> toMap() {
            Map<String, Object> m = Params.ordered();
            m.put("type", type.name());
            m.put("lower", Params.num(lower));
            m.put("upper", Params.num(upper));
            return m;
        }

        static Bounds read(String column, Params b) {
            return new Bounds(column, b.enumValue("type", ColumnType.class), b.dbl("lower"), b.dbl("upper"));
        }

        boolean outside(double v) {
            return v < lower || v > upper;
        }
    }

    /** Outliers with its bounds fitted. */
    static final class Fitted extends ColumnsFitted<Outliers, Bounds> {
        Fitted(Outliers step, List<Bounds> bounds) {
            super(step, bounds);
        }

        @Override
        public boolean removesRows() {
            return step.removesRows();
        }

        @Override
        public Transformed transform(Table table) {
            return step.removesRows() ? remove(table) : clip(table);
        }

        private Transformed clip(Table table) {
            int n = table.rowCount();
            Edit edit = new Edit(table, TYPE);
            StepReport.Builder r = StepReport.builder(TYPE).rows(n, n).param("method", step.method.name())
                .param("columns", fitted());
            for (Bounds b : columns) {
                Column<?> c = Support.fittedColumn(table, b.column, b.type, TYPE);
                long changed = 0;
                Column<?> out;
                if (c instanceof DoubleColumn) {
                    DoubleColumn d = (DoubleColumn) c;
                    double[] v = new double[n];
                    for (int i = 0; i < n; i++) {
                        double x = d.getDouble(i);
                        double y = x < b.lower ? b.lower : (x > b.upper ? b.upper : x);
                        if (y != x && !Double.isNaN(x)) {
                            changed++;
                        }
                        v[i] = y;
                    }
                    out = ColumnArrays.doubleColumn(b.column, v);
                } else {
                    long lo = b.lower == Double.NEGATIVE_INFINITY ? Long.MIN_VALUE + 1
                        : (long) Math.max(Long.MIN_VALUE + 1, Math.ceil(b.lower));
                    long hi = b.upper == Double.POSITIVE_INFINITY ? Long.MAX_VALUE
                        : (long) Math.min(Long.MAX_VALUE, Math.floor(b.upper));
                    long[] v = Tables.longs(c);
                    for (int i = 0; i < n; i++) {
                        long x = v[i];
                        if (x == Long.MIN_VALUE) {
                            continue;
                        }
                        long y = x < lo ? lo : (x > hi ? hi : x);
                        if (y != x) {
                            changed++;
                            v[i] = y;
                        }
                    }
                    if (c instanceof IntColumn) {
                        int[] iv = new int[n];
                        for (int i = 0; i < n; i++) {
                            long x = v[i];
                            iv[i] = x == Long.MIN_VALUE ? Integer.MIN_VALUE
                                : (int) Math.max(Integer.MIN_VALUE + 1, Math.min(Integer.MAX_VALUE, x));
                        }
                        out = ColumnArrays.intColumn(b.column, iv);
                    } else {
                        out = ColumnArrays.longColumn(b.column, v);
                    }
                }
                if (changed > 0) {
                    edit.replace(b.column, out);
                }
                r.cellsChanged(b.column, changed);
            }
            return Transformed.of(edit.build(), r.build());
        }

        private Transformed remove(Table table) {
            int n = table.rowCount();
            boolean[] drop = new boolean[n];
            Map<String, Object> perColumn = Params.ordered();
            for (Bounds b : columns) {
                Column<?> c = Support.fittedColumn(table, b.column, b.type, TYPE);
                double[] v = Tables.doubles(c);
                long k = 0;
                for (int i = 0; i < n; i++) {
                    if (!Double.isNaN(v[i]) && b.outside(v[i])) {
                        k++;
                        drop[i] = true;
                    }
                }
                perColumn.put(b.column, k);
            }
            int[] keep = new int[n];
            int k = 0;
            for (int i = 0; i < n; i++) {
                if (!drop[i]) {
                    keep[k++] = i;
                }
            }
            Table out = Tables.take(table, java.util.Arrays.copyOf(keep, k));
            StepReport.Builder r = StepReport.builder(TYPE).rows(n, k).param("method", step.method.name())
                .param("columns", fitted()).detail("outside_per_column", perColumn);
            if (k < n) {
                r.removalReason("outside the fitted " + (step.method == Method.REMOVE_IQR ? "IQR fences" : "z-score bounds")
                    + " in " + perColumn);
            }
            return Transformed.of(out, r.build());
        }
    }

    static final class Type extends BuiltInType<Outliers> {
        Type() {
            super(TYPE);
        }

        @Override
        Outliers read(Params p) {
            Method m = p.enumValue("method", Method.class);
            ColumnSelector cols = p.selector("columns");
            switch (m) {
                case CLIP:
                    return p.valid(() -> clip(p.dbl("lower"), p.dbl("upper"), cols));
                case CLIP_QUANTILES:
                    return p.valid(() -> clipQuantiles(p.dbl("low_quantile"), p.dbl("high_quantile"), cols));
                case REMOVE_IQR:
                    return p.valid(() -> removeIqr(p.dbl("k"), cols));
                default:
                    return p.valid(() -> removeZScore(p.dbl("z"), cols));
            }
        }

        @Override
        public FittedStep readFitted(Map<String, Object> json) {
            return readColumns(json, Bounds::read, Fitted::new);
        }
    }
}
