package io.xtage.spark;

import static org.apache.spark.sql.functions.avg;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.lower;
import static org.apache.spark.sql.functions.not;
import static org.apache.spark.sql.functions.regexp_replace;
import static org.apache.spark.sql.functions.stddev_pop;
import static org.apache.spark.sql.functions.upper;
import static org.apache.spark.sql.functions.when;

import io.xtage.core.XtageException;
import io.xtage.core.report.Json;
import io.xtage.preprocess.DataPreprocessor;
import io.xtage.preprocess.FittedPreprocessor;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.storage.StorageLevel;

/**
 * Fits and applies an xtage preprocessor on Spark Datasets. The fitted preprocessor is the same
 * {@link FittedPreprocessor} (and the same JSON) the Tablesaw engine makes, so a preprocessor
 * fitted by either engine transforms on the other.
 *
 * <p>Statistics come from Spark aggregations, computed as the one-machine engine computes them:
 * the exact median (the middle value, or the mean of the two middle values, found by sorting),
 * the most frequent value (ties to the smallest), the mean and population standard deviation, the
 * levels of a one-hot column (lower-cased with {@code ignore_case}, in code-point order). Means
 * and deviations may differ from the one-machine engine's in the last bits (summation order).
 *
 * <p>Step types supported: {@code drop_duplicates} (all columns, or a subset), {@code filter},
 * {@code normalize_text}, {@code impute} (mean, median, most frequent, constant; no indicator),
 * {@code bin} (fixed intervals), {@code derive}, {@code one_hot} (no {@code max_levels}; unseen
 * values ERROR or IGNORE), {@code scale} (standard, min-max). Any other step or option fails with
 * an {@link XtageException} naming it.
 *
 * @since 0.1.0
 */
public final class SparkPreprocessor {
    private static final String FITTED_FORMAT = "xtage-fitted-preprocessor";

    private SparkPreprocessor() {
    }

    /**
     * Fits every step on the Dataset as the steps before it leave it.
     *
     * @param preprocessor the steps
     * @param data the rows to fit on; not modified
     * @return the fitted preprocessor, the same object the Tablesaw engine's fit gives
     * @since 0.1.0
     */
    public static FittedPreprocessor fit(DataPreprocessor preprocessor, Dataset<Row> data) {
        return fitTransform(preprocessor, data).fitted;
    }

    /** A fitted preprocessor and the Dataset it made. @since 0.1.0 */
    public static final class Result {
        private final FittedPreprocessor fitted;
        private final Dataset<Row> table;

        Result(FittedPreprocessor fitted, Dataset<Row> table) {
            this.fitted = fitted;
            this.table = table;
        }

        /** @return the fitted preprocessor @since 0.1.0 */
        public FittedPreprocessor fitted() {
            return fitted;
        }

        /** @return the transformed rows @since 0.1.0 */
        public Dataset<Row> table() {
            return table;
        }
    }

    /**
     * Fits each step on the output of the steps before it and applies it.
     *
     * @param preprocessor the steps
     * @param data the rows
     * @return the fitted preprocessor and the transformed rows
     * @since 0.1.0
     */
    @SuppressWarnings("unchecked")
    public static Result fitTransform(DataPreprocessor preprocessor, Dataset<Row> data) {
        Objects.requireNonNull(preprocessor, "preprocessor");
        List<Map<String, Object>> steps = (List<Map<String, Object>>) preprocessor.toMap().get("steps");
        List<Map<String, Object>> fitted = new ArrayList<>();
        Dataset<Row> d = data;
        List<Dataset<Row>> persisted = new ArrayList<>();
        for (int i = 0; i < steps.size(); i++) {
            Map<String, Object> s = new LinkedHashMap<>(steps.get(i));
            if (needsStatistics(s)) {
                d = d.persist(StorageLevel.MEMORY_AND_DISK());
                persisted.add(d);
            }
            Map<String, Object> f = fitStep(i, s, d);
            fitted.add(f);
            d = transformStep(i, f, d);
        }
        Map<String, Object> env = new LinkedHashMap<>();
        env.put("format", FITTED_FORMAT);
        env.put("version", 1);
        env.put("steps", fitted);
        return new Result(FittedPreprocessor.fromJson(Json.write(env)), d);
    }

    /**
     * Applies a fitted preprocessor (from either engine).
     *
     * @param fitted the fitted steps
     * @param data the rows; not modified
     * @return the transformed rows
     * @since 0.1.0
     */
    @SuppressWarnings("unchecked")
    public static Dataset<Row> transform(FittedPreprocessor fitted, Dataset<Row> data) {
        Objects.requireNonNull(fitted, "fitted");
        List<Map<String, Object>> steps = (List<Map<String, Object>>) fitted.toMap().get("steps");
        Dataset<Row> d = data;
        for (int i = 0; i < steps.size(); i++) {
            d = transformStep(i, steps.get(i), d);
        }
        return d;
    }

    private static boolean needsStatistics(Map<String, Object> s) {
        String t = (String) s.get("type");
        return t.equals("impute") || t.equals("one_hot") || t.equals("scale");
    }

    // ------------------------------------------------------------------ fit

    @SuppressWarnings("unchecked")
    private static Map<String, Object> fitStep(int i, Map<String, Object> s, Dataset<Row> d) {
        String type = (String) s.get("type");
        Map<String, DataType> types = types(d);
        Map<String, Object> f = new LinkedHashMap<>(s);
        switch (type) {
            case "drop_duplicates":
            case "filter":
            case "normalize_text":
                return f;
            case "derive": {
                Column e = SparkExpressions.translate((String) s.get("expression"));
                DataType t = d.select(e).schema().fields()[0].dataType();
                f.put("result_type", xtageType(t, i, type));
                return f;
            }
            case "bin": {
                if (s.get("quantiles") != null) {
                    throw unsupported(i, type, "quantile bins");
                }
                String c = (String) s.get("column");
                f.put("column_type", xtageType(require(types, c, i, type), i, type));
                return f;
            }
            case "impute": {
                if (s.get("indicator_suffix") != null) {
                    throw unsupported(i, type, "indicator columns");
                }
                String strategy = (String) s.get("strategy");
                Map<String, Object> fits = new LinkedHashMap<>();
                for (String c : names(s.get("columns"), i, type)) {
                    DataType t = require(types, c, i, type);
                    fits.put(c, fitImpute(i, strategy, s, d, c, t));
                }
                f.put("fitted", fits);
                return f;
            }
            case "one_hot": {
                if (s.get("max_levels") != null) {
                    throw unsupported(i, type, "max_levels");
                }
                boolean ic = Boolean.TRUE.equals(s.get("ignore_case"));
                Map<String, Object> fits = new LinkedHashMap<>();
                for (String c : names(s.get("columns"), i, type)) {
                    require(types, c, i, type);
                    Column v = col(SparkSources.quote(c)).cast(DataTypes.StringType);
                    if (ic) {
                        v = lower(v);
                    }
                    List<String> levels = new ArrayList<>();
                    for (Row r : d.select(v.as("v")).where(col("v").isNotNull().and(col("v").notEqual("")))
                        .distinct().collectAsList()) {
                        levels.add(r.getString(0));
                    }
                    levels.sort(SparkPreprocessor::compareCodePoints);
                    Map<String, Object> lv = new LinkedHashMap<>();
                    lv.put("levels", levels);
                    fits.put(c, lv);
                }
                f.put("fitted", fits);
                return f;
            }
            case "scale": {
                String method = (String) s.get("method");
                Map<String, Object> fits = new LinkedHashMap<>();
                List<String> cols = names(s.get("columns"), i, type);
                for (String c : cols) {
                    DataType t = require(types, c, i, type);
                    Column x = col(SparkSources.quote(c)).cast(DataTypes.DoubleType);
                    double center;
                    double scale;
                    Row r;
                    switch (method) {
                        case "STANDARD":
                            r = d.agg(avg(x), stddev_pop(x), count(x)).first();
                            if (r.getLong(2) == 0) {
                                throw new XtageException("step " + i + " (scale): all values of '" + c
                                    + "' are missing at fit time");
                            }
                            center = r.getDouble(0);
                            scale = r.getDouble(1);
                            break;
                        case "MIN_MAX":
                            r = d.agg(org.apache.spark.sql.functions.min(x), org.apache.spark.sql.functions.max(x)).first();
                            if (r.isNullAt(0)) {
                                throw new XtageException("step " + i + " (scale): all values of '" + c
                                    + "' are missing at fit time");
                            }
                            center = r.getDouble(0);
                            scale = r.getDouble(1) - r.getDouble(0);
                            break;
                        default:
                            throw unsupported(i, type, "method " + method);
                    }
                    if (scale == 0.0 || Double.isNaN(scale)) {
                        scale = 1.0;
                    }
                    Map<String, Object> m = new LinkedHashMap<>();
                    m.put("type", xtageType(t, i, type));
                    m.put("output", scaleOutput(s, c));
                    m.put("center", center);
                    m.put("scale", scale);
                    fits.put(c, m);
                }
                f.put("fitted", fits);
                return f;
            }
            default:
                throw unsupported(i, type, "this step type");
        }
    }

    private static Map<String, Object> fitImpute(int i, String strategy, Map<String, Object> s, Dataset<Row> d,
        String c, DataType t) {
        String xt = xtageType(t, i, "impute");
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("type", xt);
        Column x = col(SparkSources.quote(c));
        Object fill;
        Double stat = null;
        switch (strategy) {
            case "CONSTANT":
                fill = s.get("constant");
                break;
            case "MEAN":
            case "MEDIAN": {
                if (!isNumeric(t)) {
                    throw new XtageException("step " + i + " (impute): " + strategy.toLowerCase() + " needs a numeric "
                        + "column but '" + c + "' is " + xt);
                }
                stat = strategy.equals("MEAN") ? meanOf(d, x) : medianOf(d, x);
                fill = stat == null ? null : t.equals(DataTypes.DoubleType) ? (Object) stat
                    : (Object) (long) Math.rint(stat);
                break;
            }
            case "MOST_FREQUENT": {
                List<Row> top = d.where(x.isNotNull()).groupBy(x.as("v")).count()
                    .orderBy(col("count").desc(), col("v").asc()).limit(1).collectAsList();
                fill = top.isEmpty() ? null : jsonValue(top.get(0).get(0));
                break;
            }
            default:
                throw unsupported(i, "impute", "strategy " + strategy);
        }
        if (fill == null) {
            Object fb = s.get("if_all_missing");
            if (fb == null) {
                throw new XtageException("step " + i + " (impute): no value to compute the " + strategy.toLowerCase()
                    + " of '" + c + "' from: all values are missing at fit time; declare a fallback with "
                    + "Impute.ifAllMissing(value)");
            }
            m.put("fill", fb);
            m.put("from_fallback", true);
            return m;
        }
        if (stat != null) {
            m.put("statistic", stat);
        }
        m.put("fill", fill);
        return m;
    }

    private static Double meanOf(Dataset<Row> d, Column x) {
        Row r = d.agg(avg(x.cast(DataTypes.DoubleType))).first();
        return r.isNullAt(0) ? null : r.getDouble(0);
    }

    /** The exact median: count the present values, sort them, and pick the middle one or two. */
    private static Double medianOf(Dataset<Row> d, Column x) {
        Dataset<Row> v = d.select(x.cast(DataTypes.DoubleType).as("v")).where(col("v").isNotNull()
            .and(not(col("v").isNaN())));
        long n = v.count();
        if (n == 0) {
            return null;
        }
        long lo = (n - 1) / 2;
        long hi = n / 2;
        List<scala.Tuple2<Row, Object>> picked = v.orderBy(col("v").asc()).javaRDD().zipWithIndex()
            .filter(t -> (Long) t._2() == lo || (Long) t._2() == hi).map(t -> new scala.Tuple2<Row, Object>(t._1(), t._2()))
            .collect();
        double a = Double.NaN;
        double b = Double.NaN;
        for (scala.Tuple2<Row, Object> t : picked) {
            long idx = (Long) t._2();
            if (idx == lo) {
                a = t._1().getDouble(0);
            }
            if (idx == hi) {
                b = t._1().getDouble(0);
            }
        }
        return lo == hi ? a : (a + b) / 2.0;
    }

    // ------------------------------------------------------------------ transform

    @SuppressWarnings("unchecked")
    private static Dataset<Row> transformStep(int i, Map<String, Object> f, Dataset<Row> d) {
        String type = (String) f.get("type");
        Map<String, DataType> types = types(d);
        switch (type) {
            case "drop_duplicates": {
                Object subset = f.get("subset");
                if (subset == null) {
                    return d.dropDuplicates();
                }
                List<String> cols = names(subset, i, type);
                return d.dropDuplicates(cols.toArray(new String[0]));
            }
            case "filter": {
                String drop = (String) f.get("drop_where");
                if (drop != null) {
                    return d.where(not(coalesce(SparkExpressions.translate(drop), lit(false))));
                }
                return d.where(coalesce(SparkExpressions.translate((String) f.get("keep_where")), lit(false)));
            }
            case "normalize_text": {
                List<String> cols = names(f.get("columns"), i, type);
                boolean trim = Boolean.TRUE.equals(f.get("trim"));
                String cas = (String) f.get("case");
                List<String> tokens = (List<String>) f.getOrDefault("missing_tokens", List.of());
                Map<String, Object> map = (Map<String, Object>) f.getOrDefault("map", Map.of());
                Map<String, Column> repl = new LinkedHashMap<>();
                for (String c : cols) {
                    require(types, c, i, type);
                    Column v = col(SparkSources.quote(c));
                    Column s = trim ? regexp_replace(v, "^\\s+|\\s+$", "") : v;
                    Column cased = "LOWER".equals(cas) ? lower(s) : "UPPER".equals(cas) ? upper(s) : s;
                    Column mapped = cased;
                    if (!map.isEmpty()) {
                        Column w = null;
                        for (Map.Entry<String, Object> e : map.entrySet()) {
                            w = w == null ? when(cased.equalTo(e.getKey()), lit(e.getValue()))
                                : w.when(cased.equalTo(e.getKey()), lit(e.getValue()));
                        }
                        mapped = w.otherwise(cased);
                    }
                    Column out = when(v.isNull().or(v.equalTo("")), lit(null).cast(DataTypes.StringType));
                    if (!tokens.isEmpty()) {
                        out = out.when(s.isin(tokens.toArray()), lit(null).cast(DataTypes.StringType));
                    }
                    out = out.otherwise(mapped);
                    repl.put(c, when(out.equalTo(""), lit(null).cast(DataTypes.StringType)).otherwise(out));
                }
                return replace(d, repl);
            }
            case "impute": {
                Map<String, Object> fits = (Map<String, Object>) f.get("fitted");
                Map<String, Column> repl = new LinkedHashMap<>();
                for (Map.Entry<String, Object> e : fits.entrySet()) {
                    String c = e.getKey();
                    DataType t = require(types, c, i, type);
                    Object fill = ((Map<String, Object>) e.getValue()).get("fill");
                    Column x = col(SparkSources.quote(c));
                    repl.put(c, coalesce(x, lit(fill).cast(t)));
                }
                return replace(d, repl);
            }
            case "bin": {
                String c = (String) f.get("column");
                require(types, c, i, type);
                Column x = col(SparkSources.quote(c)).cast(DataTypes.DoubleType);
                Column w = null;
                for (Map<String, Object> b : (List<Map<String, Object>>) f.get("bins")) {
                    Column in = interval((String) b.get("interval"), x, i);
                    Object label = b.get("label");
                    w = w == null ? when(in, lit(label)) : w.when(in, lit(label));
                }
                Column out = w == null ? lit(null).cast(DataTypes.StringType) : w;
                String o = (String) f.get("output");
                return put(d, o == null ? c : o, out.cast(DataTypes.StringType));
            }
            case "derive": {
                Column e = SparkExpressions.translate((String) f.get("expression"));
                Object rt = f.get("result_type");
                if (rt != null) {
                    e = e.cast(SparkSources.sparkType(io.xtage.core.schema.ColumnType.valueOf((String) rt)));
                }
                return put(d, (String) f.get("column"), e);
            }
            case "one_hot": {
                Map<String, Object> fits = (Map<String, Object>) f.get("fitted");
                boolean ic = Boolean.TRUE.equals(f.get("ignore_case"));
                boolean keepSource = Boolean.TRUE.equals(f.get("keep_source"));
                boolean inPlace = Boolean.TRUE.equals(f.get("in_place"));
                String unseen = (String) f.get("unseen");
                if (!"ERROR".equals(unseen) && !"IGNORE".equals(unseen)) {
                    throw unsupported(i, type, "unseen policy " + unseen);
                }
                Dataset<Row> out = d;
                for (Map.Entry<String, Object> e : fits.entrySet()) {
                    String c = e.getKey();
                    require(types, c, i, type);
                    List<String> levels = (List<String>) ((Map<String, Object>) e.getValue()).get("levels");
                    Column v = col(SparkSources.quote(c)).cast(DataTypes.StringType);
                    if (ic) {
                        v = lower(v);
                    }
                    if ("ERROR".equals(unseen)) {
                        List<Row> bad = out.select(v.as("v")).where(col("v").isNotNull().and(col("v").notEqual(""))
                            .and(not(col("v").isin(levels.toArray())))).distinct().limit(5).collectAsList();
                        if (!bad.isEmpty()) {
                            List<String> sample = new ArrayList<>();
                            bad.forEach(r -> sample.add(r.getString(0)));
                            throw new XtageException("step " + i + " (one_hot): values of '" + c + "' not seen at fit "
                                + "time, such as " + sample + "; choose OneHot.unseen(UnseenPolicy.IGNORE) or refit");
                        }
                    }
                    List<String> names = new ArrayList<>();
                    List<Column> cols = new ArrayList<>();
                    for (String l : levels) {
                        String n = c + "_" + l.toLowerCase(java.util.Locale.ROOT);
                        names.add(n);
                        cols.add(when(v.equalTo(l), lit(1)).otherwise(lit(0)).as(n));
                    }
                    List<Column> sel = new ArrayList<>();
                    for (String existing : out.columns()) {
                        if (existing.equals(c)) {
                            if (keepSource) {
                                sel.add(col(SparkSources.quote(existing)));
                            }
                            if (inPlace) {
                                sel.addAll(cols);
                            }
                        } else {
                            sel.add(col(SparkSources.quote(existing)));
                        }
                    }
                    if (!inPlace) {
                        sel.addAll(cols);
                    }
                    out = out.select(sel.toArray(new Column[0]));
                }
                return out;
            }
            case "scale": {
                Map<String, Object> fits = (Map<String, Object>) f.get("fitted");
                Dataset<Row> out = d;
                for (Map.Entry<String, Object> e : fits.entrySet()) {
                    Map<String, Object> m = (Map<String, Object>) e.getValue();
                    require(types, e.getKey(), i, type);
                    double center = ((Number) m.get("center")).doubleValue();
                    double scale = ((Number) m.get("scale")).doubleValue();
                    Column x = col(SparkSources.quote(e.getKey())).cast(DataTypes.DoubleType);
                    out = put(out, (String) m.get("output"), x.minus(lit(center)).divide(lit(scale)));
                }
                return out;
            }
            default:
                throw unsupported(i, type, "this step type");
        }
    }

    private static Column interval(String s, Column x, int i) {
        String t = s.trim();
        if (t.length() < 3 || t.indexOf(',') < 0) {
            throw new XtageException("step " + i + " (bin): cannot read the interval '" + s + "'");
        }
        boolean loClosed = t.charAt(0) == '[';
        boolean hiClosed = t.charAt(t.length() - 1) == ']';
        String[] parts = t.substring(1, t.length() - 1).split(",", -1);
        Column c = lit(true);
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
        return x.isNotNull().and(c);
    }

    /** Replaces columns in place. */
    private static Dataset<Row> replace(Dataset<Row> d, Map<String, Column> repl) {
        List<Column> sel = new ArrayList<>();
        for (String c : d.columns()) {
            Column r = repl.get(c);
            sel.add(r != null ? r.as(c) : col(SparkSources.quote(c)));
        }
        return d.select(sel.toArray(new Column[0]));
    }

    /** Replaces a column in place, or appends it. */
    private static Dataset<Row> put(Dataset<Row> d, String name, Column value) {
        for (String c : d.columns()) {
            if (c.equals(name)) {
                return replace(d, Map.of(name, value));
            }
        }
        List<Column> sel = new ArrayList<>();
        for (String c : d.columns()) {
            sel.add(col(SparkSources.quote(c)));
        }
        sel.add(value.as(name));
        return d.select(sel.toArray(new Column[0]));
    }

    private static String scaleOutput(Map<String, Object> s, String column) {
        Object into = s.get("into");
        Object suffix = s.get("suffix");
        return into != null ? (String) into : suffix != null ? column + suffix : column;
    }

    @SuppressWarnings("unchecked")
    private static List<String> names(Object selector, int i, String type) {
        if (selector instanceof List) {
            return (List<String>) selector;
        }
        throw unsupported(i, type, "column selectors other than a list of names (" + selector + ")");
    }

    private static Map<String, DataType> types(Dataset<Row> d) {
        Map<String, DataType> m = new LinkedHashMap<>();
        for (StructField f : d.schema().fields()) {
            m.put(f.name(), f.dataType());
        }
        return m;
    }

    private static DataType require(Map<String, DataType> types, String c, int i, String type) {
        DataType t = types.get(c);
        if (t == null) {
            throw new XtageException("step " + i + " (" + type + "): column '" + c + "' does not exist; columns: "
                + types.keySet());
        }
        return t;
    }

    private static boolean isNumeric(DataType t) {
        return t.equals(DataTypes.IntegerType) || t.equals(DataTypes.LongType) || t.equals(DataTypes.DoubleType);
    }

    static String xtageType(DataType t, int i, String type) {
        if (t.equals(DataTypes.StringType)) {
            return "STRING";
        } else if (t.equals(DataTypes.IntegerType)) {
            return "INT";
        } else if (t.equals(DataTypes.LongType)) {
            return "LONG";
        } else if (t.equals(DataTypes.DoubleType)) {
            return "DOUBLE";
        } else if (t.equals(DataTypes.BooleanType)) {
            return "BOOLEAN";
        } else if (t.equals(DataTypes.DateType)) {
            return "LOCAL_DATE";
        } else if (t.equals(DataTypes.TimestampNTZType)) {
            return "LOCAL_DATE_TIME";
        }
        throw unsupported(i, type, "columns of Spark type " + t.simpleString());
    }

    private static Object jsonValue(Object v) {
        if (v instanceof java.sql.Date) {
            return ((java.sql.Date) v).toLocalDate().toString();
        }
        if (v instanceof java.time.LocalDate || v instanceof java.time.LocalDateTime) {
            return v.toString();
        }
        return v;
    }

    private static int compareCodePoints(String a, String b) {
        return cp(a, b);
    }

    private static int cp(String a, String b) {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            int ca = a.codePointAt(i);
            int cb = b.codePointAt(j);
            if (ca != cb) {
                return Integer.compare(ca, cb);
            }
            i += Character.charCount(ca);
            j += Character.charCount(cb);
        }
        return Integer.compare(a.length() - i, b.length() - j);
    }

    private static XtageException unsupported(int i, String type, String what) {
        return new XtageException("step " + i + " (" + type + "): the Spark engine does not support " + what + " yet");
    }
}
