package io.xtage.spark;

import static org.apache.spark.sql.functions.array_sort;
import static org.apache.spark.sql.functions.avg;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.collect_list;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.element_at;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.monotonically_increasing_id;
import static org.apache.spark.sql.functions.not;
import static org.apache.spark.sql.functions.raise_error;
import static org.apache.spark.sql.functions.row_number;
import static org.apache.spark.sql.functions.size;
import static org.apache.spark.sql.functions.stddev_pop;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.udf;
import static org.apache.spark.sql.functions.when;

import io.xtage.core.SchemaException;
import io.xtage.core.XtageException;
import io.xtage.core.report.Json;
import io.xtage.core.schema.ColumnType;
import io.xtage.preprocess.ColumnSelector;
import io.xtage.preprocess.DataPreprocessor;
import io.xtage.preprocess.FittedPreprocessor;
import io.xtage.preprocess.FittedStep;
import io.xtage.preprocess.PreprocessException;
import io.xtage.preprocess.PreprocessReport;
import io.xtage.preprocess.Step;
import io.xtage.preprocess.StepReport;
import io.xtage.preprocess.internal.Params;
import io.xtage.preprocess.internal.Stats;
import io.xtage.preprocess.internal.Values;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.api.java.UDF1;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.expressions.WindowSpec;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.storage.StorageLevel;
import tech.tablesaw.api.Table;

/**
 * Fits and applies an xtage preprocessor on Spark Datasets. The fitted preprocessor is the same
 * {@link FittedPreprocessor} (and the same JSON) the Tablesaw engine makes, so a preprocessor
 * fitted by either engine transforms on the other.
 *
 * <p>Every built-in step type runs: {@code drop_duplicates}, {@code filter},
 * {@code normalize_text}, {@code impute} (all strategies, indicator columns, fallbacks),
 * {@code outliers}, {@code bin} (fixed and quantile bins), {@code one_hot} (all unseen policies,
 * {@code max_levels}), {@code scale} (standard, min-max, robust), {@code derive}, {@code cast},
 * {@code rename}, {@code select}, {@code drop}, {@code aggregate}; every column selector. A user
 * step type fails with an {@link XtageException} naming it.
 *
 * <p>Schema-level work is the one-machine engine's own: each step is fitted (when it learns
 * nothing from the rows) and transformed on an empty Tablesaw table of the Dataset's schema,
 * which resolves selectors, checks names and types with the same errors, and gives the output
 * columns, whose order and types the Spark result then takes. Statistics come from Spark
 * aggregations, computed as the one-machine engine computes them: exact order statistics (the
 * median, and quantiles by the same linear interpolation, from one distributed sort), the most
 * frequent value (ties to the smallest), one-hot levels in code-point order. Means and standard
 * deviations of DOUBLE columns may differ from the one-machine engine's in the last bits
 * (summation order); the means of INT and LONG columns are exact.
 *
 * <p>Empty text and NaN are Tablesaw's missing values; the Spark engine turns both into null
 * before the first step. Spark has no row order: {@code drop_duplicates} on a subset keeps the
 * first (or last) row in the Dataset's partition order (file order for a Dataset read from a
 * file with no shuffle before), and {@code aggregate} gives its groups in no particular order.
 * Errors the one-machine engine raises while computing rows (an integer overflow in an
 * expression or a LONG sum) are raised by Spark when the rows are computed.
 *
 * @since 0.1.0
 */
public final class SparkPreprocessor {
    private static final Set<String> STATS = Set.of("impute", "one_hot", "scale", "outliers", "bin");
    private static final Set<String> BUILT_IN = Set.of("drop_duplicates", "filter", "normalize_text", "impute",
        "outliers", "bin", "one_hot", "scale", "derive", "cast", "rename", "select", "drop", "aggregate");

    private SparkPreprocessor() {
    }

    /**
     * Fits every step on the Dataset as the steps before it leave it.
     *
     * @param preprocessor the steps
     * @param data the rows to fit on; not modified
     * @return the fitted preprocessor, the same object the Tablesaw engine's fit gives
     * @throws XtageException as the one-machine engine's fit, or for a step type the Spark engine
     *     does not run
     * @since 0.1.0
     */
    public static FittedPreprocessor fit(DataPreprocessor preprocessor, Dataset<Row> data) {
        return fitTransform(preprocessor, data).fitted;
    }

    /**
     * A fitted preprocessor, the Dataset it made, and the report of each step. Immutable.
     *
     * @since 0.1.0
     */
    public static final class Result {
        private final FittedPreprocessor fitted;
        private final Dataset<Row> table;
        private final PreprocessReport report;

        Result(FittedPreprocessor fitted, Dataset<Row> table, PreprocessReport report) {
            this.fitted = fitted;
            this.table = table;
            this.report = report;
        }

        /** @return the fitted preprocessor; never null @since 0.1.0 */
        public FittedPreprocessor fitted() {
            return fitted;
        }

        /** @return the transformed rows; never null @since 0.1.0 */
        public Dataset<Row> table() {
            return table;
        }

        /**
         * What each step did, in the one-machine engine's terms: one {@link StepReport} per
         * step, equal to the one-machine engine's on the same rows in these fields:
         * <ul>
         *   <li>the name, rows in and out, and the removal reason;</li>
         *   <li>columns added, removed and retyped, and the parameters (from the one-machine
         *       transform of the schema, so the same lists and the same learned values);</li>
         *   <li>{@code null_conditions} of {@code filter}, {@code outside_per_column} of the
         *       {@code outliers} methods that remove rows;</li>
         *   <li>cells changed and the notes of {@code impute}.</li>
         * </ul>
         * The other details, notes and cell counts (of {@code normalize_text}, {@code bin},
         * {@code one_hot}, {@code scale}, {@code derive}, {@code cast} and the clipping
         * {@code outliers}) would each need another pass comparing values before and after, and
         * are left empty. The report is {@link PreprocessReport#untimed untimed}: a lazy engine
         * has no time per step.
         *
         * @return rows in and out of each step, with the reasons rows were removed; never null
         * @since 0.1.0
         */
        public PreprocessReport report() {
            return report;
        }
    }


    /**
     * Fits each step on the output of the steps before it and applies it, and reports what each
     * step did ({@link Result#report()}). The report costs one Spark job for the input and one per step
     * that can remove rows ({@code drop_duplicates}, {@code filter}, {@code aggregate}, the
     * removing {@code outliers}) or fills cells ({@code impute}). These jobs compute the rows
     * from the last persisted Dataset (the input of a step that learns statistics, persisted
     * {@code MEMORY_AND_DISK} as before), or from the input: persisting more levels would save
     * those passes but makes every later query's plan description, which Spark keeps on the
     * driver, grow (it doubles per level where a plan reads a cached Dataset twice).
     *
     * @param preprocessor the steps
     * @param data the rows
     * @return the fitted preprocessor, the transformed rows and the report
     * @throws XtageException as {@link #fit}
     * @since 0.1.0
     */
    public static Result fitTransform(DataPreprocessor preprocessor, Dataset<Row> data) {
        Objects.requireNonNull(preprocessor, "preprocessor");
        Objects.requireNonNull(data, "data");
        List<Step> steps = preprocessor.steps();
        List<FittedStep> fitted = new ArrayList<>();
        List<StepReport> reports = new ArrayList<>();
        // The report's counts run on the Datasets as they are, not persisted first: each persisted
        // level nests its whole plan in the description Spark keeps of every later query, which
        // doubles where a plan reads a cached Dataset twice (W1's joins); one more level made
        // the driver run out of heap in local mode.
        Dataset<Row> d = SparkStepSupport.canonical(data);
        long rowsIn = d.count();
        long rows = rowsIn;
        for (int i = 0; i < steps.size(); i++) {
            Step s = steps.get(i);
            if (STATS.contains(s.type())) {
                // the statistics are several jobs over the same rows
                d = d.persist(StorageLevel.MEMORY_AND_DISK());
            }
            FittedStep f = fitStep(i, s, d);
            fitted.add(f);
            Map<String, Object> m = f.toMap();
            Applied a = transformStep(i, f, d);
            Dataset<Row> out = a.table();
            StepReport.Builder r = schemaPart(a.schemaReport());
            long rowsOut = rows;
            switch (f.type()) {
                case "drop_duplicates":
                case "aggregate":
                    rowsOut = out.count();
                    if (rowsOut < rows) {
                        r.removalReason(f.type().equals("aggregate") ? aggregateReason(m, rowsOut) : duplicateReason(m));
                    }
                    break;
                case "filter":
                    rowsOut = countFilter(m, d, r);
                    break;
                case "outliers":
                    if (removesRows(m)) {
                        rowsOut = countOutliers(m, d, r);
                    }
                    break;
                case "impute":
                    countImputed(m, d, r);
                    break;
                default:
                    break;
            }
            reports.add(r.rows(rows, rowsOut).build());
            rows = rowsOut;
            d = out;
        }
        return new Result(FittedPreprocessor.of(fitted), d, PreprocessReport.untimed(rowsIn, rows, reports));
    }

    /**
     * Applies a fitted preprocessor (from either engine).
     *
     * @param fitted the fitted steps
     * @param data the rows; not modified
     * @return the transformed rows
     * @throws XtageException as the one-machine engine's transform, or for a step type the Spark
     *     engine does not run
     * @since 0.1.0
     */
    public static Dataset<Row> transform(FittedPreprocessor fitted, Dataset<Row> data) {
        Objects.requireNonNull(fitted, "fitted");
        Objects.requireNonNull(data, "data");
        Dataset<Row> d = SparkStepSupport.canonical(data);
        List<FittedStep> steps = fitted.steps();
        for (int i = 0; i < steps.size(); i++) {
            d = transformStep(i, steps.get(i), d).table();
        }
        return d;
    }

    // ------------------------------------------------------------------ fit

    private static FittedStep fitStep(int i, Step s, Dataset<Row> d) {
        String type = s.type();
        Table schema = SparkStepSupport.schemaTable(d.schema());
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("type", type);
        m.putAll(s.toMap());
        switch (type) {
            case "drop_duplicates":
            case "filter":
            case "normalize_text":
            case "derive":
            case "cast":
            case "rename":
            case "select":
            case "drop":
            case "aggregate":
                // nothing learned from the rows: the one-machine fit on the schema is the fit
                return s.fit(schema);
            case "bin":
                if (m.get("quantiles") == null) {
                    return s.fit(schema);
                }
                validate(s, schema);
                return read(fitQuantileBin(m, d));
            case "impute":
                if ("CONSTANT".equals(m.get("strategy"))) {
                    return s.fit(schema);
                }
                validate(s, schema);
                return read(fitImpute(m, d, schema));
            case "one_hot":
                validate(s, schema);
                return read(fitOneHot(m, d, schema));
            case "scale":
                validate(s, schema);
                return read(fitScale(m, d, schema));
            case "outliers":
                if ("CLIP".equals(m.get("method"))) {
                    return s.fit(schema);
                }
                validate(s, schema);
                return read(fitOutliers(m, d, schema));
            default:
                throw unsupported(i, type);
        }
    }

    /**
     * Runs the one-machine fit on the empty schema table for its checks of names and types; its
     * complaint that there are no values to learn from is expected there, the real values are
     * counted on Spark.
     */
    private static void validate(Step s, Table schema) {
        try {
            s.fit(schema);
        } catch (PreprocessException e) {
            // no rows in the schema table; the Spark fit decides with the real rows
        }
    }

    private static FittedStep read(Map<String, Object> fitted) {
        Map<String, Object> env = new LinkedHashMap<>();
        env.put("format", "xtage-fitted-preprocessor");
        env.put("version", 1);
        env.put("steps", List.of(fitted));
        return FittedPreprocessor.fromJson(Json.write(env)).steps().get(0);
    }

    private static List<String> resolve(Map<String, Object> m, Table schema) {
        return ColumnSelector.fromJson(m.get("columns")).resolve(schema);
    }

    private static ColumnType typeOf(Table schema, String column) {
        return ColumnType.of(schema.column(io.xtage.preprocess.internal.Tables.index(schema, column)).type());
    }

    private static Map<String, Object> fitQuantileBin(Map<String, Object> m, Dataset<Row> d) {
        String column = (String) m.get("column");
        int quantiles = ((Number) m.get("quantiles")).intValue();
        @SuppressWarnings("unchecked")
        List<String> labels = m.get("labels") == null ? List.of() : (List<String>) m.get("labels");
        SparkStepSupport.Sorted v = SparkStepSupport.sorted(d, column);
        if (v.n == 0) {
            throw new PreprocessException("bin", column, "no value to fit quantile bins on: all " + d.count()
                + " values are missing at fit time");
        }
        double[] qs = new double[quantiles + 1];
        for (int k = 0; k <= quantiles; k++) {
            qs[k] = (double) k / quantiles;
        }
        List<Double> edges = Stats.quantileBinEdges(v.quantiles(qs), quantiles,
            labels.size(), "bin", column);
        int bins = edges.size() - 1;
        List<Object> fittedBins = new ArrayList<>();
        for (int k = 0; k < bins; k++) {
            Map<String, Object> b = new LinkedHashMap<>();
            b.put("interval", interval(edges.get(k), k == 0, edges.get(k + 1), true));
            b.put("label", labels.isEmpty() ? "q" + (k + 1) : labels.get(k));
            fittedBins.add(b);
        }
        Map<String, Object> f = new LinkedHashMap<>(m);
        f.put("column_type", SparkStepSupport.xtageType(typeOfColumn(d, column)).name());
        f.put("fitted_bins", fittedBins);
        return f;
    }

    private static DataType typeOfColumn(Dataset<Row> d, String column) {
        for (StructField f : d.schema().fields()) {
            if (f.name().equals(column)) {
                return f.dataType();
            }
        }
        throw new IllegalStateException("no column '" + column + "'");
    }

    /** The text of {@code Bin.Interval}: its ends shown as whole numbers where they are. */
    private static String interval(double lo, boolean loClosed, double hi, boolean hiClosed) {
        boolean lc = loClosed && !Double.isInfinite(lo);
        boolean hc = hiClosed && !Double.isInfinite(hi);
        return (lc ? "[" : "(") + show(lo) + "," + show(hi) + (hc ? "]" : ")");
    }

    private static String show(double d) {
        if (Double.isInfinite(d)) {
            return d > 0 ? "inf" : "-inf";
        }
        if (d == Math.rint(d) && Math.abs(d) < 1e15) {
            return Long.toString((long) d);
        }
        return Double.toString(d);
    }

    /** The mean of the present values: exact for INT and LONG (a decimal sum), Spark's avg for DOUBLE. */
    private static double mean(Dataset<Row> d, String c, ColumnType t) {
        Column x = SparkStepSupport.q(c);
        if (t == ColumnType.DOUBLE) {
            return d.agg(avg(x)).first().getDouble(0);
        }
        Row r = d.agg(sum(x.cast(DataTypes.createDecimalType(38, 0))), count(x)).first();
        return ((BigDecimal) r.get(0)).doubleValue() / r.getLong(1);
    }

    private static long present(Dataset<Row> d, String c) {
        return d.agg(count(SparkStepSupport.q(c))).first().getLong(0);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> fitImpute(Map<String, Object> m, Dataset<Row> d, Table schema) {
        String strategy = (String) m.get("strategy");
        String what = strategy.toLowerCase(Locale.ROOT).replace('_', ' ');
        Map<String, Object> fits = new LinkedHashMap<>();
        Long rows = null;
        for (String c : resolve(m, schema)) {
            ColumnType t = typeOf(schema, c);
            Object fill;
            Double stat = null;
            if (strategy.equals("MOST_FREQUENT")) {
                fill = mostFrequent(d, c, t);
            } else if (present(d, c) == 0) {
                fill = null;
            } else {
                stat = strategy.equals("MEAN") ? mean(d, c, t) : SparkStepSupport.sorted(d, c).median();
                if (t == ColumnType.DOUBLE) {
                    fill = stat;
                } else {
                    double r = Math.rint(stat);
                    if (t == ColumnType.INT && (r <= Integer.MIN_VALUE || r > Integer.MAX_VALUE)) {
                        throw new PreprocessException("impute", c, "the fill value " + stat + " is outside the INT range");
                    }
                    fill = (long) r;
                }
            }
            Map<String, Object> one = new LinkedHashMap<>();
            one.put("type", t.name());
            if (fill == null) {
                Object fb = m.get("if_all_missing");
                if (fb == null) {
                    rows = rows == null ? d.count() : rows;
                    throw new PreprocessException("impute", c, "no value to compute the " + what + " from: all " + rows
                        + " values are missing at fit time; declare a fallback with Impute.ifAllMissing(value), or drop "
                        + "the column");
                }
                one.put("fill", Values.toJson(t, Values.coerce(t, fb, "impute", c)));
                one.put("from_fallback", true);
            } else {
                if (stat != null) {
                    one.put("statistic", Params.num(stat));
                }
                one.put("fill", Values.toJson(t, fill));
            }
            fits.put(c, one);
        }
        Map<String, Object> f = new LinkedHashMap<>(m);
        f.put("fitted", fits);
        return f;
    }

    /** The most frequent present value, ties to the smallest; null when none. */
    private static Object mostFrequent(Dataset<Row> d, String c, ColumnType t) {
        Column x = SparkStepSupport.q(c);
        // Spark orders text by UTF-8 bytes (code-point order), false before true, as the one-machine engine
        List<Row> top = d.where(x.isNotNull()).groupBy(x.as("v")).count()
            .orderBy(col("count").desc(), col("v").asc()).limit(1).collectAsList();
        if (top.isEmpty()) {
            return null;
        }
        Object v = SparkTables.javaValue(top.get(0).get(0));
        if (v instanceof Double && (Double) v == 0.0) {
            return 0.0;
        }
        return v;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> fitOneHot(Map<String, Object> m, Dataset<Row> d, Table schema) {
        boolean ic = Boolean.TRUE.equals(m.get("ignore_case"));
        Integer maxLevels = m.get("max_levels") == null ? null : ((Number) m.get("max_levels")).intValue();
        boolean other = "MAP_TO_OTHER".equals(m.get("unseen"));
        boolean keepSource = Boolean.TRUE.equals(m.get("keep_source"));
        Map<String, Object> fits = new LinkedHashMap<>();
        Set<String> outputs = new HashSet<>();
        for (String name : resolve(m, schema)) {
            Column key = ic ? lowerRoot(SparkStepSupport.q(name)) : SparkStepSupport.q(name);
            Map<String, Long> counts = new HashMap<>();
            for (Row r : d.select(key.as("k")).where(col("k").isNotNull()).groupBy(col("k")).count().collectAsList()) {
                counts.put(r.getString(0), r.getLong(1));
            }
            List<String> levels = new ArrayList<>(counts.keySet());
            List<String> infrequent = new ArrayList<>();
            if (maxLevels != null && levels.size() > maxLevels) {
                levels.sort((a, b) -> {
                    int c = Long.compare(counts.get(b), counts.get(a));
                    return c != 0 ? c : Stats.compareCodePoints(a, b);
                });
                infrequent.addAll(levels.subList(maxLevels, levels.size()));
                levels = new ArrayList<>(levels.subList(0, maxLevels));
            }
            levels.sort(Stats::compareCodePoints);
            infrequent.sort(Stats::compareCodePoints);
            Map<String, String> byName = new HashMap<>();
            List<String> outs = new ArrayList<>();
            for (String l : levels) {
                String out = name + "_" + l.toLowerCase(Locale.ROOT);
                String clash = byName.put(out, l);
                if (clash != null) {
                    throw new PreprocessException("one_hot", name, "levels '" + clash + "' and '" + l + "' would both be "
                        + "column '" + out + "'; use OneHot.ignoreCase() to treat them as one level");
                }
                outs.add(out);
            }
            if (other) {
                outs.add(name + "_other");
            }
            for (String out : outs) {
                if (!outputs.add(out) || (io.xtage.preprocess.internal.Tables.has(schema, out)
                    && !(out.equals(name) && !keepSource))) {
                    throw new SchemaException("one_hot: output column '" + out + "' of '" + name
                        + "' already exists; rename or drop it first");
                }
            }
            Map<String, Object> lv = new LinkedHashMap<>();
            lv.put("levels", levels);
            if (!infrequent.isEmpty()) {
                lv.put("infrequent", infrequent);
            }
            fits.put(name, lv);
        }
        Map<String, Object> f = new LinkedHashMap<>(m);
        f.put("fitted", fits);
        return f;
    }

    private static Map<String, Object> fitScale(Map<String, Object> m, Dataset<Row> d, Table schema) {
        String method = (String) m.get("method");
        Map<String, Object> fits = new LinkedHashMap<>();
        for (String c : resolve(m, schema)) {
            ColumnType t = typeOf(schema, c);
            Object into = m.get("into");
            Object suffix = m.get("suffix");
            String out = into != null ? (String) into : suffix != null ? c + suffix : c;
            Column x = SparkStepSupport.q(c).cast(DataTypes.DoubleType);
            double center;
            double scale;
            switch (method) {
                case "STANDARD": {
                    requirePresent(d, c, "scale", "no value to fit the scaler on", "impute or drop the column first");
                    center = mean(d, c, t);
                    scale = d.agg(stddev_pop(x)).first().getDouble(0);
                    break;
                }
                case "MIN_MAX": {
                    requirePresent(d, c, "scale", "no value to fit the scaler on", "impute or drop the column first");
                    Row r = d.agg(min(x), max(x)).first();
                    center = r.getDouble(0);
                    scale = r.getDouble(1) - r.getDouble(0);
                    break;
                }
                default: {
                    SparkStepSupport.Sorted v = SparkStepSupport.sorted(d, c);
                    if (v.n == 0) {
                        requirePresent(d, c, "scale", "no value to fit the scaler on", "impute or drop the column first");
                    }
                    double[] q = v.quantilesAndMedian(0.25, 0.75);
                    center = q[2];
                    scale = q[1] - q[0];
                    break;
                }
            }
            if (scale == 0.0 || Double.isNaN(scale)) {
                scale = 1.0;
            }
            Map<String, Object> one = new LinkedHashMap<>();
            one.put("type", t.name());
            one.put("output", out);
            one.put("center", Params.num(center));
            one.put("scale", Params.num(scale));
            fits.put(c, one);
        }
        Map<String, Object> f = new LinkedHashMap<>(m);
        f.put("fitted", fits);
        return f;
    }

    private static void requirePresent(Dataset<Row> d, String c, String step, String what, String fix) {
        Row r = d.agg(count(SparkStepSupport.q(c)), count(lit(1))).first();
        if (r.getLong(0) == 0) {
            throw new PreprocessException(step, c, what + ": all " + r.getLong(1) + " values are missing at fit time; "
                + fix);
        }
    }

    private static Map<String, Object> fitOutliers(Map<String, Object> m, Dataset<Row> d, Table schema) {
        String method = (String) m.get("method");
        Map<String, Object> fits = new LinkedHashMap<>();
        for (String c : resolve(m, schema)) {
            ColumnType t = typeOf(schema, c);
            requirePresent(d, c, "outliers", "no value to fit " + method.toLowerCase(Locale.ROOT) + " bounds on",
                "drop or impute the column first");
            double lo;
            double hi;
            if (method.equals("REMOVE_ZSCORE")) {
                double z = ((Number) m.get("z")).doubleValue();
                double mean = mean(d, c, t);
                double std = d.agg(stddev_pop(SparkStepSupport.q(c).cast(DataTypes.DoubleType))).first().getDouble(0);
                lo = mean - z * std;
                hi = mean + z * std;
            } else if (method.equals("CLIP_QUANTILES")) {
                double[] q = SparkStepSupport.sorted(d, c).quantiles(((Number) m.get("low_quantile")).doubleValue(),
                    ((Number) m.get("high_quantile")).doubleValue());
                lo = q[0];
                hi = q[1];
            } else {
                double k = ((Number) m.get("k")).doubleValue();
                double[] q = SparkStepSupport.sorted(d, c).quantiles(0.25, 0.75);
                double iqr = q[1] - q[0];
                lo = q[0] - k * iqr;
                hi = q[1] + k * iqr;
            }
            Map<String, Object> one = new LinkedHashMap<>();
            one.put("type", t.name());
            one.put("lower", Params.num(lo));
            one.put("upper", Params.num(hi));
            fits.put(c, one);
        }
        Map<String, Object> f = new LinkedHashMap<>(m);
        f.put("fitted", fits);
        return f;
    }

    // ------------------------------------------------------------------ report

    /** The parts of a step's report that do not depend on the rows, from its transform of the schema. */
    private static StepReport.Builder schemaPart(StepReport onSchema) {
        StepReport.Builder b = StepReport.builder(onSchema.name());
        onSchema.columnsAdded().forEach(b::columnAdded);
        onSchema.columnsRemoved().forEach(b::columnRemoved);
        onSchema.columnsRetyped().forEach((c, change) -> {
            int k = change.indexOf(" -> ");
            b.columnRetyped(c, change.substring(0, k), change.substring(k + " -> ".length()));
        });
        return b.params(onSchema.params());
    }

    /** {@code DropDuplicates.transform}'s reason. */
    @SuppressWarnings("unchecked")
    private static String duplicateReason(Map<String, Object> m) {
        List<String> subset = (List<String>) m.get("subset");
        String on = subset == null || subset.isEmpty() ? "all columns"
            : subset.size() == 1 ? "'" + subset.get(0) + "'" : subset.toString();
        return "duplicate of " + ("LAST".equals(m.get("keep")) ? "a later" : "an earlier") + " row on " + on;
    }

    /** {@code Aggregate.transform}'s reason. */
    @SuppressWarnings("unchecked")
    private static String aggregateReason(Map<String, Object> m, long groups) {
        List<String> keys = (List<String>) m.get("group_by");
        return "aggregated into " + groups + " groups" + (keys.isEmpty() ? "" : " by " + keys);
    }

    /** Rows kept, and conditions that were null, in one job over the filter's input. */
    private static long countFilter(Map<String, Object> m, Dataset<Row> d, StepReport.Builder r) {
        String drop = (String) m.get("drop_where");
        String cond = drop != null ? drop : (String) m.get("keep_where");
        Column c = SparkExpressions.translate(cond, d.schema(), "filter").column;
        Row counts = d.agg(count(when(filterKeeps(c, drop != null), lit(1))), count(when(c.isNull(), lit(1))),
            count(lit(1))).first();
        long kept = counts.getLong(0);
        r.detail("null_conditions", counts.getLong(1));
        if (kept < counts.getLong(2)) {
            r.removalReason(drop != null ? "matches " + cond : "does not match " + cond);
        }
        return kept;
    }

    /** The rows a filter keeps: a null condition is not true, so keepWhere drops the row and dropWhere keeps it. */
    private static Column filterKeeps(Column condition, boolean drop) {
        Column c = coalesce(condition, lit(false));
        return drop ? not(c) : c;
    }

    private static boolean removesRows(Map<String, Object> m) {
        return "REMOVE_IQR".equals(m.get("method")) || "REMOVE_ZSCORE".equals(m.get("method"));
    }

    /** Rows kept, and rows outside per column, in one job over the step's input. */
    private static long countOutliers(Map<String, Object> m, Dataset<Row> d, StepReport.Builder r) {
        Map<String, Column> outside = outside(m);
        List<Column> aggs = new ArrayList<>();
        Column any = lit(false);
        for (Column o : outside.values()) {
            aggs.add(count(when(o, lit(1))));
            any = any.or(o);
        }
        aggs.add(count(when(not(any), lit(1))));
        aggs.add(count(lit(1)));
        Row counts = d.agg(aggs.get(0), aggs.subList(1, aggs.size()).toArray(new Column[0])).first();
        Map<String, Object> perColumn = new LinkedHashMap<>();
        int k = 0;
        for (String c : outside.keySet()) {
            perColumn.put(c, counts.getLong(k++));
        }
        long kept = counts.getLong(k);
        r.detail("outside_per_column", perColumn);
        if (kept < counts.getLong(k + 1)) {
            r.removalReason("outside the fitted " + ("REMOVE_IQR".equals(m.get("method")) ? "IQR fences"
                : "z-score bounds") + " in " + perColumn);
        }
        return kept;
    }

    /** Missing values per imputed column, in one job over the step's input: the cells it fills. */
    @SuppressWarnings("unchecked")
    private static void countImputed(Map<String, Object> m, Dataset<Row> d, StepReport.Builder r) {
        Map<String, Object> fits = (Map<String, Object>) m.get("fitted");
        if (fits.isEmpty()) {
            return;
        }
        List<Column> aggs = new ArrayList<>();
        for (String c : fits.keySet()) {
            aggs.add(count(when(SparkStepSupport.q(c).isNull(), lit(1))));
        }
        Row counts = d.agg(aggs.get(0), aggs.subList(1, aggs.size()).toArray(new Column[0])).first();
        String what = ((String) m.get("strategy")).toLowerCase(Locale.ROOT).replace('_', ' ');
        int k = 0;
        for (Map.Entry<String, Object> e : fits.entrySet()) {
            long missing = counts.getLong(k++);
            Map<String, Object> one = (Map<String, Object>) e.getValue();
            if (missing > 0) {
                // Impute.Fitted.transform's note
                Object fill = Values.coerce(ColumnType.valueOf((String) one.get("type")), one.get("fill"), "impute",
                    e.getKey());
                r.note(missing + " missing values in '" + e.getKey() + "' imputed with " + Values.show(fill) + " ("
                    + (Boolean.TRUE.equals(one.get("from_fallback")) ? "fallback" : what) + ")");
            }
            r.cellsChanged(e.getKey(), missing);
        }
    }

    // ------------------------------------------------------------------ transform

    /** A step's output rows, and the one-machine report of its transform of the empty schema table. */
    private record Applied(Dataset<Row> table, StepReport schemaReport) {
    }

    private static Applied transformStep(int i, FittedStep f, Dataset<Row> d) {
        String type = f.type();
        Table schema = SparkStepSupport.schemaTable(d.schema());
        Map<String, Object> m = f.toMap();
        Dataset<Row> out;
        if (!BUILT_IN.contains(type)) {
            throw unsupported(i, type);
        }
        // the one-machine transform of the empty schema table: its checks, the output layout, and
        // the parts of its report that do not depend on the rows
        io.xtage.preprocess.Transformed onSchema = f.transform(schema);
        Table layout = onSchema.table();
        switch (type) {
            case "drop_duplicates":
                out = dropDuplicates(m, d);
                break;
            case "filter": {
                String drop = (String) m.get("drop_where");
                String cond = drop != null ? drop : (String) m.get("keep_where");
                out = d.where(filterKeeps(SparkExpressions.translate(cond, d.schema(), "filter").column, drop != null));
                break;
            }
            case "normalize_text":
                out = normalizeText(m, d);
                break;
            case "impute":
                out = impute(m, d);
                break;
            case "outliers":
                out = outliers(m, d);
                break;
            case "bin":
                out = bin(m, d);
                break;
            case "one_hot":
                out = oneHot(m, d);
                break;
            case "scale":
                out = scale(m, d);
                break;
            case "derive": {
                Column e = SparkExpressions.translate((String) m.get("expression"), d.schema(), "derive").column;
                e = e.cast(SparkSources.sparkType(ColumnType.valueOf((String) m.get("result_type"))));
                out = SparkStepSupport.with(d, Map.of((String) m.get("column"), e));
                break;
            }
            case "cast":
                out = SparkStepCast.transform(m, d);
                break;
            case "rename":
                out = rename(m, d);
                break;
            case "aggregate":
                out = aggregate(m, d);
                break;
            default:
                // select and drop: the layout is the result
                out = d;
                break;
        }
        return new Applied(SparkStepSupport.conform(out, layout, i, type), onSchema.report());
    }

    @SuppressWarnings("unchecked")
    private static Dataset<Row> dropDuplicates(Map<String, Object> m, Dataset<Row> d) {
        List<String> subset = (List<String>) m.get("subset");
        if (subset == null) {
            // identical rows: which one stays does not show
            return d.dropDuplicates();
        }
        String row = fresh(d, "__xtage_row");
        String rank = fresh(d, "__xtage_rank");
        Column[] keys = new Column[subset.size()];
        for (int k = 0; k < keys.length; k++) {
            keys[k] = SparkStepSupport.q(subset.get(k));
        }
        Column order = "LAST".equals(m.get("keep")) ? col(row).desc() : col(row).asc();
        WindowSpec w = Window.partitionBy(keys).orderBy(order);
        return d.withColumn(row, monotonically_increasing_id()).withColumn(rank, row_number().over(w))
            .where(col(rank).equalTo(1)).drop(row, rank);
    }

    private static String fresh(Dataset<Row> d, String base) {
        Set<String> names = Set.of(d.columns());
        String n = base;
        int k = 0;
        while (names.contains(n)) {
            n = base + (++k);
        }
        return n;
    }

    @SuppressWarnings("unchecked")
    private static Dataset<Row> normalizeText(Map<String, Object> m, Dataset<Row> d) {
        boolean trim = Boolean.TRUE.equals(m.get("trim"));
        String cas = (String) m.get("case");
        HashSet<String> tokens = new HashSet<>((List<String>) m.getOrDefault("missing_tokens", List.of()));
        HashMap<String, String> map = new HashMap<>();
        ((Map<String, Object>) m.getOrDefault("map", Map.of())).forEach((k, v) -> map.put(k, (String) v));
        // NormalizeText.Rules.apply, value by value; empty text is missing
        UDF1<String, String> rules = v -> {
            if (v == null || v.isEmpty()) {
                return null;
            }
            String s = trim ? v.strip() : v;
            if (tokens.contains(s)) {
                return null;
            }
            if ("LOWER".equals(cas)) {
                s = s.toLowerCase(Locale.ROOT);
            } else if ("UPPER".equals(cas)) {
                s = s.toUpperCase(Locale.ROOT);
            }
            String mapped = map.get(s);
            String r = mapped != null ? mapped : s;
            return r.isEmpty() ? null : r;
        };
        Map<String, Column> out = new LinkedHashMap<>();
        for (String c : (List<String>) m.get("columns")) {
            out.put(c, udf(rules, DataTypes.StringType).apply(SparkStepSupport.q(c)));
        }
        return SparkStepSupport.with(d, out);
    }

    @SuppressWarnings("unchecked")
    private static Dataset<Row> impute(Map<String, Object> m, Dataset<Row> d) {
        String suffix = (String) m.get("indicator_suffix");
        Map<String, Column> out = new LinkedHashMap<>();
        Map<String, Column> indicators = new LinkedHashMap<>();
        for (Map.Entry<String, Object> e : ((Map<String, Object>) m.get("fitted")).entrySet()) {
            String c = e.getKey();
            Map<String, Object> one = (Map<String, Object>) e.getValue();
            ColumnType t = ColumnType.valueOf((String) one.get("type"));
            DataType st = typeOfColumn(d, c);
            Object fill = Values.coerce(t, one.get("fill"), "impute", c);
            Column x = SparkStepSupport.q(c);
            out.put(c, coalesce(x, SparkStepSupport.typedLit(fill, st)));
            if (suffix != null) {
                indicators.put(c + suffix, when(x.isNull(), lit(1)).otherwise(lit(0)));
            }
        }
        out.putAll(indicators);
        return SparkStepSupport.with(d, out);
    }

    /**
     * Per fitted column, whether a row's value is outside the bounds ({@code Outliers.Bounds.outside}
     * on a present value).
     */
    @SuppressWarnings("unchecked")
    private static Map<String, Column> outside(Map<String, Object> m) {
        Map<String, Column> out = new LinkedHashMap<>();
        for (Map.Entry<String, Object> e : ((Map<String, Object>) m.get("fitted")).entrySet()) {
            Map<String, Object> b = (Map<String, Object>) e.getValue();
            double lower = num(b.get("lower"));
            double upper = num(b.get("upper"));
            Column x = SparkStepSupport.q(e.getKey()).cast(DataTypes.DoubleType);
            // a comparison with NaN is false in Java; Spark would order NaN above every number
            Column o = lit(false);
            if (!Double.isNaN(lower)) {
                o = o.or(x.lt(lower));
            }
            if (!Double.isNaN(upper)) {
                o = o.or(x.gt(upper));
            }
            out.put(e.getKey(), coalesce(x.isNotNull().and(o), lit(false)));
        }
        return out;
    }

    @SuppressWarnings("unchecked")
    private static Dataset<Row> outliers(Map<String, Object> m, Dataset<Row> d) {
        if (removesRows(m)) {
            Column any = lit(false);
            for (Column o : outside(m).values()) {
                any = any.or(o);
            }
            return d.where(not(any));
        }
        Map<String, Column> out = new LinkedHashMap<>();
        for (Map.Entry<String, Object> e : ((Map<String, Object>) m.get("fitted")).entrySet()) {
            String c = e.getKey();
            Map<String, Object> b = (Map<String, Object>) e.getValue();
            ColumnType t = ColumnType.valueOf((String) b.get("type"));
            double lower = num(b.get("lower"));
            double upper = num(b.get("upper"));
            Column x = SparkStepSupport.q(c);
            if (t == ColumnType.DOUBLE) {
                Column y = x;
                if (!Double.isNaN(upper)) {
                    y = when(x.gt(upper), lit(upper)).otherwise(y);
                }
                if (!Double.isNaN(lower)) {
                    y = when(x.lt(lower), lit(lower)).otherwise(y);
                }
                out.put(c, y);
            } else {
                // Outliers.Fitted.clip: bounds rounded inwards, as longs
                long lo = lower == Double.NEGATIVE_INFINITY ? Long.MIN_VALUE + 1
                    : (long) Math.max(Long.MIN_VALUE + 1, Math.ceil(lower));
                long hi = upper == Double.POSITIVE_INFINITY ? Long.MAX_VALUE
                    : (long) Math.min(Long.MAX_VALUE, Math.floor(upper));
                Column xl = x.cast(DataTypes.LongType);
                Column y = when(xl.lt(lo), lit(lo)).when(xl.gt(hi), lit(hi)).otherwise(xl);
                if (t == ColumnType.INT) {
                    y = when(y.lt((long) Integer.MIN_VALUE + 1), lit(Integer.MIN_VALUE + 1))
                        .when(y.gt((long) Integer.MAX_VALUE), lit(Integer.MAX_VALUE)).otherwise(y)
                        .cast(DataTypes.IntegerType);
                }
                out.put(c, y);
            }
        }
        return SparkStepSupport.with(d, out);
    }

    private static double num(Object o) {
        if (o instanceof Number) {
            return ((Number) o).doubleValue();
        }
        switch (String.valueOf(o)) {
            case "Infinity":
                return Double.POSITIVE_INFINITY;
            case "-Infinity":
                return Double.NEGATIVE_INFINITY;
            default:
                return Double.NaN;
        }
    }

    @SuppressWarnings("unchecked")
    private static Dataset<Row> bin(Map<String, Object> m, Dataset<Row> d) {
        String c = (String) m.get("column");
        Column x = SparkStepSupport.q(c).cast(DataTypes.DoubleType);
        List<Map<String, Object>> bins = (List<Map<String, Object>>) (m.get("fitted_bins") != null
            ? m.get("fitted_bins") : m.get("bins"));
        Column w = null;
        for (Map<String, Object> b : bins) {
            Column in = intervalCondition((String) b.get("interval"), x);
            String label = (String) b.get("label");
            // an empty label is a missing one, as in Tablesaw
            Column v = label.isEmpty() ? lit(null).cast(DataTypes.StringType) : lit(label);
            w = w == null ? when(in, v) : w.when(in, v);
        }
        Column out = w == null ? lit(null).cast(DataTypes.StringType) : w;
        return SparkStepSupport.with(d, Map.of((String) m.get("output"), out.cast(DataTypes.StringType)));
    }

    /** The condition of an interval as {@code Bin.Interval} writes it. */
    private static Column intervalCondition(String s, Column x) {
        String t = s.trim();
        boolean loClosed = t.charAt(0) == '[';
        boolean hiClosed = t.charAt(t.length() - 1) == ']';
        String[] parts = t.substring(1, t.length() - 1).split(",", -1);
        Column c = x.isNotNull();
        String lo = parts[0].trim();
        String hi = parts[1].trim();
        if (!lo.isEmpty() && !lo.equals("-inf")) {
            double v = Double.parseDouble(lo);
            c = c.and(loClosed ? x.geq(v) : x.gt(v));
        }
        if (!hi.isEmpty() && !hi.equals("inf")) {
            double v = Double.parseDouble(hi);
            c = c.and(hiClosed ? x.leq(v) : x.lt(v));
        }
        return c;
    }

    private static final UDF1<String, String> LOWER_ROOT = s -> s == null ? null : s.toLowerCase(Locale.ROOT);

    /** Java's {@code toLowerCase(Locale.ROOT)}; Spark's {@code lower} follows the JVM's default locale. */
    private static Column lowerRoot(Column c) {
        return udf(LOWER_ROOT, DataTypes.StringType).apply(c);
    }

    @SuppressWarnings("unchecked")
    private static Dataset<Row> oneHot(Map<String, Object> m, Dataset<Row> d) {
        boolean ic = Boolean.TRUE.equals(m.get("ignore_case"));
        String unseen = (String) m.get("unseen");
        Map<String, Column> out = new LinkedHashMap<>();
        for (Map.Entry<String, Object> e : ((Map<String, Object>) m.get("fitted")).entrySet()) {
            String c = e.getKey();
            Map<String, Object> lv = (Map<String, Object>) e.getValue();
            List<String> levels = (List<String>) lv.get("levels");
            List<String> infrequent = (List<String>) lv.getOrDefault("infrequent", List.of());
            Column raw = SparkStepSupport.q(c);
            Column key = ic ? lowerRoot(raw) : raw;
            Column known = levels.isEmpty() ? lit(false) : key.isin(levels.toArray());
            if ("ERROR".equals(unseen)) {
                Column rare = infrequent.isEmpty() ? lit(false) : key.isin(infrequent.toArray());
                Dataset<Row> bad = d.where(key.isNotNull().and(not(known)).and(not(rare)));
                long k = bad.count();
                if (k > 0) {
                    Set<String> sample = new TreeSet<>();
                    for (Row r : bad.select(raw.as("v")).distinct().orderBy(col("v")).limit(5).collectAsList()) {
                        sample.add(r.getString(0));
                    }
                    throw new PreprocessException("one_hot", c, k + " values not seen at fit time, such as " + sample
                        + "; choose OneHot.unseen(UnseenPolicy.IGNORE) or MAP_TO_OTHER, or refit");
                }
            }
            for (String l : levels) {
                out.put(c + "_" + l.toLowerCase(Locale.ROOT), when(key.equalTo(l), lit(1)).otherwise(lit(0)));
            }
            if ("MAP_TO_OTHER".equals(unseen)) {
                // unseen and infrequent values alike
                out.put(c + "_other", when(key.isNotNull().and(not(known)), lit(1)).otherwise(lit(0)));
            }
        }
        return SparkStepSupport.with(d, out);
    }

    @SuppressWarnings("unchecked")
    private static Dataset<Row> scale(Map<String, Object> m, Dataset<Row> d) {
        Map<String, Column> out = new LinkedHashMap<>();
        for (Map.Entry<String, Object> e : ((Map<String, Object>) m.get("fitted")).entrySet()) {
            Map<String, Object> one = (Map<String, Object>) e.getValue();
            double center = num(one.get("center"));
            double scale = num(one.get("scale"));
            Column x = SparkStepSupport.q(e.getKey()).cast(DataTypes.DoubleType);
            out.put((String) one.get("output"), SparkExpressions.nanToNull(x.minus(lit(center)).divide(lit(scale))));
        }
        return SparkStepSupport.with(d, out);
    }

    @SuppressWarnings("unchecked")
    private static Dataset<Row> rename(Map<String, Object> m, Dataset<Row> d) {
        Map<String, Object> renames = (Map<String, Object>) m.get("renames");
        List<Column> sel = new ArrayList<>();
        for (String c : d.columns()) {
            Object to = renames.get(c);
            sel.add(SparkStepSupport.q(c).as(to != null ? (String) to : c));
        }
        return d.select(sel.toArray(new Column[0]));
    }

    @SuppressWarnings("unchecked")
    private static Dataset<Row> aggregate(Map<String, Object> m, Dataset<Row> d) {
        List<String> keys = (List<String>) m.get("group_by");
        List<Column> aggs = new ArrayList<>();
        for (Map<String, Object> a : (List<Map<String, Object>>) m.get("aggregates")) {
            String fn = (String) a.get("function");
            String c = (String) a.get("column");
            String output = (String) a.get("output");
            if (c == null) {
                aggs.add(count(lit(1)).as(output));
                continue;
            }
            Column x = SparkStepSupport.q(c);
            ColumnType t = SparkStepSupport.xtageType(typeOfColumn(d, c));
            Column agg;
            switch (fn) {
                case "COUNT":
                    agg = count(x);
                    break;
                case "SUM":
                    if (t == ColumnType.DOUBLE) {
                        agg = sum(x);
                    } else {
                        // exact, so an overflow of LONG fails as in the one-machine engine
                        Column s = sum(x.cast(DataTypes.createDecimalType(38, 0)));
                        agg = when(s.gt(lit(new BigDecimal(Long.MAX_VALUE))).or(s.lt(lit(new BigDecimal(Long.MIN_VALUE)))),
                            raise_error(lit("aggregate: column '" + c + "': the sum of a group overflows LONG; cast the "
                                + "column to DOUBLE first")).cast(DataTypes.LongType))
                            .when(s.equalTo(lit(new BigDecimal(Long.MIN_VALUE))), lit(null).cast(DataTypes.LongType))
                            .otherwise(s.cast(DataTypes.LongType));
                    }
                    break;
                case "MEAN":
                    agg = avg(x.cast(DataTypes.DoubleType));
                    break;
                case "MEDIAN": {
                    // the exact median of each group: the middle value, or the mean of the two middle ones
                    Column sorted = array_sort(collect_list(x.cast(DataTypes.DoubleType)));
                    Column n = size(sorted);
                    Column lo = element_at(sorted, n.plus(1).divide(2).cast(DataTypes.IntegerType));
                    Column hi = element_at(sorted, n.divide(2).cast(DataTypes.IntegerType).plus(1));
                    agg = when(n.equalTo(0), lit(null).cast(DataTypes.DoubleType))
                        .when(n.mod(2).equalTo(1), lo).otherwise(lo.plus(hi).divide(2.0));
                    break;
                }
                case "MIN":
                    agg = min(x);
                    break;
                default:
                    agg = max(x);
                    break;
            }
            aggs.add(agg.as(output));
        }
        if (keys.isEmpty()) {
            if (aggs.isEmpty()) {
                throw new IllegalStateException("Aggregate has neither keys nor aggregates");
            }
            return d.agg(aggs.get(0), aggs.subList(1, aggs.size()).toArray(new Column[0]));
        }
        Column[] k = new Column[keys.size()];
        for (int j = 0; j < k.length; j++) {
            k[j] = SparkStepSupport.q(keys.get(j));
        }
        if (aggs.isEmpty()) {
            return d.select(k).distinct();
        }
        return d.groupBy(k).agg(aggs.get(0), aggs.subList(1, aggs.size()).toArray(new Column[0]));
    }

    private static XtageException unsupported(int i, String type) {
        return new XtageException("step " + i + " (" + type + "): the Spark engine runs the built-in step types only; "
            + "'" + type + "' is not one of them");
    }
}
