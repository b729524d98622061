package io.xtage.spark;

import static org.apache.spark.sql.functions.avg;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat_ws;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.datediff;
import static org.apache.spark.sql.functions.date_format;
import static org.apache.spark.sql.functions.hour;
import static org.apache.spark.sql.functions.isnan;
import static org.apache.spark.sql.functions.last;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.minute;
import static org.apache.spark.sql.functions.second;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.to_date;
import static org.apache.spark.sql.functions.when;

import io.xtage.core.SchemaException;
import io.xtage.core.XtageException;
import io.xtage.core.coerce.Coercers;
import io.xtage.core.coerce.DatePatterns;
import io.xtage.core.coerce.DateShapeReport;
import io.xtage.core.internal.Texts;
import io.xtage.core.schema.ColumnType;
import io.xtage.core.schema.Naming;
import io.xtage.core.standardize.Aggregate;
import io.xtage.core.standardize.Cardinality;
import io.xtage.core.standardize.CardinalityException;
import io.xtage.core.standardize.CollisionPolicy;
import io.xtage.core.standardize.DateSpec;
import io.xtage.core.standardize.DuplicatePolicy;
import io.xtage.core.standardize.InputSpec;
import io.xtage.core.standardize.JoinSpec;
import io.xtage.core.standardize.JoinType;
import io.xtage.core.standardize.RowFilter;
import io.xtage.core.standardize.StandardizationPlan;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.api.java.UDF1;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.expressions.WindowSpec;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.storage.StorageLevel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a {@link StandardizationPlan} (the JSON the Standardizer writes) on Spark Datasets, with
 * the one-machine engine's meaning: renames, casts and date patterns per input (a value that does
 * not convert becomes missing and a reject, with the one-machine engine's reason), row filters (a
 * missing value fails a comparison), kept columns and aliases, then the joins in order. Keys are
 * compared in a common type (INT and LONG as LONG; DOUBLE with a number or text as DOUBLE; text
 * with an integer as LONG; text with text trimmed), text read by the core's parsers (text that
 * does not read, or is blank, is a missing key); a missing key matches nothing. Repeated right keys
 * fail, keep the first or last row (in the right input's row order), or are aggregated (MEAN, MIN,
 * MAX, SUM, COUNT), as the join's {@link DuplicatePolicy} says. Join reports come from
 * aggregations over the joined Dataset; with {@code reject_unmatched}, each unmatched left row also
 * becomes a reject with the one-machine engine's record number, column, value and reason.
 *
 * <p>The as-of join is a union plus a window: the distinct left keys and the right rows are
 * sorted together by key (right rows first on a tie), and {@code last(right row, ignoreNulls)}
 * over the preceding rows gives each left key the right row with the latest key at or before it.
 * A {@code tolerance} is then one comparison between that left key and the matched right key
 * (kept in the right row's struct): the one-machine engine also takes the latest right key at or
 * before the left key and drops the match when it is further away than the tolerance, so no
 * earlier right row can qualify. The window runs over distinct keys only (not over every left
 * row), then an equality join brings the match to the left rows. This keeps the window small and
 * avoids the quadratic range join that a {@code <=} condition plus {@code row_number} needs.
 *
 * <p>A {@code dates} step that infers the formats uses the one-machine engine's
 * {@code DateInference}: the evidence is one {@code groupBy(value).count()} over the input's rows,
 * collected to the driver; each distinct spelling is parsed there, and the column is joined to
 * that small lookup (broadcast), so dates, reject reasons and the per-shape report (in
 * {@link SparkStandardizeResult#dateFormats()}, keyed {@code input.column}) are the one-machine
 * engine's exactly. Casts and dates with declared patterns run the one-machine engine's parsers
 * ({@link Coercers}, {@link DatePatterns}) in a UDF shared with {@link SparkSources}, for the same
 * values and reasons.
 *
 * <p>Keys that repeat where the join's {@link Cardinality} forbids it (right keys without a
 * resolving {@link DuplicatePolicy}; left keys of {@code ONE_TO_ONE} and {@code ONE_TO_MANY})
 * fail with the one-machine engine's {@link CardinalityException} and message; its sample of
 * repeated keys follows the fact's row order (for left keys a full join brought from the right,
 * the order among them is not kept).
 *
 * <p>Not the one-machine engine's on purpose or by limit: MIN and MAX of text compare UTF-8
 * bytes, which differs from Java's order only between supplementary characters and U+E000..U+FFFF.
 *
 * @since 0.1.0
 */
public final class SparkStandardizer {
    private static final Logger log = LoggerFactory.getLogger(SparkStandardizer.class);
    private static final String MARK = "__xtage_matched";
    private static final String LEFT_ID = "__xtage_left_id";
    private static final String LEFT_HERE = "__xtage_left_here";
    private static final String KEY = "__xtage_key";
    private static final String OKEY = "__xtage_okey";
    private static final String TAG = "__xtage_tag";
    private static final String VAL = "__xtage_val";
    private static final String ORDER = "__xtage_order";
    private static final String SHOWN = "__xtage_shown";
    private static final String COUNT = "__xtage_count";
    private static final String FIRST = "__xtage_first";
    /**
     * The fact's row number (1-based, before its filters) when a reject needs it, or only an
     * increasing id that keeps the fact's row order; null on right-only rows of a full join.
     */
    private static final String ROW = SparkSources.RECORD;
    private static final int SAMPLE = 10;

    private SparkStandardizer() {
    }

    /** What the joins add to the run's rejects. */
    private static final class Run {
        final String fact;
        final List<Dataset<Row>> rejects = new ArrayList<>();
        long joinRejects;

        Run(String fact) {
            this.fact = fact;
        }
    }

    /**
     * Runs the plan.
     *
     * @param plan the plan
     * @param tables one Dataset per input name; not modified
     * @return the unified Dataset and the reports
     * @throws IllegalArgumentException if an input has no Dataset
     * @throws SchemaException if a named column is missing or key types cannot be compared
     * @throws CardinalityException if keys repeat where the declared cardinality forbids it
     * @throws XtageException if a LONG sum overflows
     * @since 0.1.0
     */
    public static SparkStandardizeResult run(StandardizationPlan plan, Map<String, Dataset<Row>> tables) {
        Objects.requireNonNull(plan, "plan");
        Objects.requireNonNull(tables, "tables");
        for (String n : plan.inputNames()) {
            if (!tables.containsKey(n)) {
                throw new IllegalArgumentException("no Dataset bound to input '" + n + "'; bound: " + tables.keySet());
            }
        }
        for (String n : tables.keySet()) {
            if (!plan.inputNames().contains(n)) {
                throw new IllegalArgumentException("a Dataset is bound to '" + n + "', which the plan does not use; "
                    + "inputs: " + plan.inputNames());
            }
        }
        SparkSession spark = tables.get(plan.fact().name()).sparkSession();
        List<Map<String, Object>> inputReports = new ArrayList<>();
        Run run = new Run(plan.fact().name());
        List<Dataset<Row>> rejects = run.rejects;

        Map<String, List<DateShapeReport>> dateFormats = new LinkedHashMap<>();
        boolean factRecords = plan.joins().stream().anyMatch(JoinSpec::isRejectUnmatched);
        Prepared fact = prepare(plan.fact(), tables.get(plan.fact().name()), Set.of(), inputReports, rejects,
            dateFormats, true, factRecords);
        Dataset<Row> cur = fact.table;
        Map<String, String> origins = new LinkedHashMap<>();
        Map<String, String> originInputs = new LinkedHashMap<>();
        for (String c : cur.columns()) {
            if (!c.equals(ROW)) {
                origins.put(c, plan.fact().name() + "." + fact.originalNames.getOrDefault(c, c));
                originInputs.put(c, plan.fact().name());
            }
        }
        long curRows = fact.rowsOut;
        List<Map<String, Object>> joinReports = new ArrayList<>();
        for (int ji = 0; ji < plan.joins().size(); ji++) {
            JoinSpec j = plan.joins().get(ji);
            if (j.type() == JoinType.ASOF && j.leftKeys().size() != 1) {
                throw new SchemaException("join '" + j.input().name() + "': an as-of join needs exactly one key; found "
                    + j.leftKeys());
            }
            Set<String> keyCols = new LinkedHashSet<>(j.rightKeys());
            keyCols.addAll(j.byRight());
            Prepared right = prepare(j.input(), tables.get(j.input().name()), keyCols, inputReports, rejects,
                dateFormats, false, false);
            Joined out = join(cur, curRows, origins, originInputs, right, j, run);
            joinReports.add(out.report);
            cur = out.table;
            curRows = out.rows;
        }
        cur = cur.drop(ROW);
        Dataset<Row> allRejects = rejects.stream().reduce(Dataset::union)
            .orElseGet(() -> spark.createDataFrame(new ArrayList<Row>(), SparkSources.REJECTS));
        long rejectCount = run.joinRejects;
        for (Map<String, Object> r : inputReports) {
            rejectCount += (Long) r.get("values_rejected");
        }
        Map<String, List<Map<String, Object>>> formats = new LinkedHashMap<>();
        dateFormats.forEach((k, v) -> {
            List<Map<String, Object>> shapes = new ArrayList<>();
            for (DateShapeReport r : v) {
                shapes.add(r.toMap());
            }
            formats.put(k, shapes);
        });
        return new SparkStandardizeResult(cur, curRows, origins, inputReports, joinReports, formats,
            allRejects, rejectCount);
    }

    // ------------------------------------------------------------------ inputs

    private static final class Prepared {
        final String name;
        Dataset<Row> table;
        long rowsIn;
        long rowsOut;
        final Map<String, String> originalNames = new LinkedHashMap<>();

        Prepared(String name) {
            this.name = name;
        }
    }

    /**
     * @param isFact true for the fact, whose table keeps the {@link #ROW} column
     * @param records true when the fact's {@link #ROW} must be its record number, not only its order
     */
    private static Prepared prepare(InputSpec in, Dataset<Row> table, Set<String> keyCols,
        List<Map<String, Object>> reports, List<Dataset<Row>> rejects, Map<String, List<DateShapeReport>> dateFormats,
        boolean isFact, boolean records) {
        Prepared p = new Prepared(in.name());
        // 1. naming
        Dataset<Row> t = table;
        Map<String, String> current = new LinkedHashMap<>(); // current name -> original name
        List<Column> renamed = new ArrayList<>();
        for (String c : t.columns()) {
            String n = in.isSnakeCase() ? Naming.snakeCase(c) : c;
            n = in.renames().getOrDefault(c, n);
            if (current.containsKey(n)) {
                throw new SchemaException("input '" + in.name() + "': two columns are named '" + n + "' after renaming");
            }
            current.put(n, c);
            renamed.add(col(SparkSources.quote(c)).as(n));
        }
        t = t.select(renamed.toArray(new Column[0]));
        // 2. casts and dates
        List<Column> typed = new ArrayList<>();
        List<Column> bad = new ArrayList<>();
        List<Column> badValues = new ArrayList<>();
        List<Column> badReasons = new ArrayList<>();
        List<String> badCols = new ArrayList<>();
        Map<String, DataType> types = new LinkedHashMap<>();
        for (StructField f : t.schema().fields()) {
            types.put(f.name(), f.dataType());
        }
        for (String c : in.casts().keySet()) {
            require(types, c, in.name(), "cast");
        }
        for (String c : in.dates().keySet()) {
            require(types, c, in.name(), "dates");
        }
        String[] names = t.columns();
        // A reject names its record: the 1-based row of the input, numbered before anything drops one.
        boolean numbered = records || !in.casts().isEmpty() || !in.dates().isEmpty();
        if (numbered) {
            t = SparkSources.withRecordNumbers(t.sparkSession(), t);
        } else if (isFact) {
            t = t.withColumn(ROW, org.apache.spark.sql.functions.monotonically_increasing_id());
        }
        // Inferred dates: the evidence is one aggregation over all the input's rows (before its
        // filters, as in the one-machine engine); each spelling is parsed on the driver by the same
        // DateInference, and the column joined to the small lookup.
        Map<String, SparkDates.Inferred> inferred = new LinkedHashMap<>();
        Dataset<Row> base = t;
        for (String c : names) {
            DateSpec spec = in.casts().containsKey(c) ? null : in.dates().get(c);
            if (spec == null || !spec.isInferred() || types.get(c).equals(SparkSources.sparkType(spec.type()))) {
                continue;
            }
            if (!types.get(c).equals(DataTypes.StringType)) {
                throw notText(in.name(), c, types.get(c));
            }
            SparkDates.Inferred inf = SparkDates.infer(t.sparkSession(), base, c, spec.type(),
                spec.inferDefaultOrder().orElseThrow(), false, "__xtage_d" + inferred.size() + "_");
            inferred.put(c, inf);
            dateFormats.put(in.name() + "." + c, inf.shapes);
            t = inf.join(t, col(SparkSources.quote(c)));
        }
        for (String c : names) {
            Column src = col(SparkSources.quote(c));
            Column v = src;
            SparkDates.Inferred inf = inferred.get(c);
            if (inf != null) {
                v = inf.value();
                bad.add(inf.reason().isNotNull());
                badValues.add(src);
                badReasons.add(inf.reason());
                badCols.add(c);
            } else {
                Column converted = null;
                if (in.casts().containsKey(c)) {
                    converted = cast(src, types.get(c), in.casts().get(c), in.name(), c);
                } else if (in.dates().containsKey(c)) {
                    converted = dates(src, types.get(c), in.dates().get(c), in.name(), c);
                }
                if (converted != null) {
                    // one UDF call per value; the struct's fields are read from a column made once
                    String tmp = "__xtage_cast" + badCols.size();
                    t = t.withColumn(tmp, converted);
                    v = col(tmp).getField("value");
                    bad.add(col(tmp).getField("reason").isNotNull());
                    badValues.add(col(tmp).getField("raw"));
                    badReasons.add(col(tmp).getField("reason"));
                    badCols.add(c);
                }
            }
            typed.add(v.as(c));
        }
        if (t.schema().getFieldIndex(ROW).isDefined()) {
            typed.add(col(ROW));
        }
        long rejected = 0;
        if (!bad.isEmpty()) {
            t = t.persist(StorageLevel.MEMORY_AND_DISK());
            List<Column> flags = new ArrayList<>();
            for (int i = 0; i < bad.size(); i++) {
                flags.add(sum(when(bad.get(i), 1).otherwise(0)));
            }
            Row counts = t.agg(flags.get(0), flags.subList(1, flags.size()).toArray(new Column[0])).first();
            for (int i = 0; i < bad.size(); i++) {
                long k = counts.isNullAt(i) ? 0 : counts.getLong(i);
                rejected += k;
                if (k > 0) {
                    String c = badCols.get(i);
                    rejects.add(t.where(bad.get(i)).select(lit(in.name()), col(ROW), lit(c),
                        badValues.get(i), badReasons.get(i)));
                }
            }
        }
        t = t.select(typed.toArray(new Column[0]));
        // 3. filters
        Column pass = lit(true);
        for (RowFilter f : in.filters()) {
            require(types, f.column(), in.name(), "filter");
            pass = pass.and(filter(f));
        }
        t = t.persist(StorageLevel.MEMORY_AND_DISK());
        Row c = t.agg(count(lit(1)), sum(when(coalesce(pass, lit(false)), 1).otherwise(0))).first();
        p.rowsIn = c.getLong(0);
        p.rowsOut = c.isNullAt(1) ? 0 : c.getLong(1);
        if (!in.filters().isEmpty()) {
            t = t.where(coalesce(pass, lit(false)));
        }
        boolean hasRow = t.schema().getFieldIndex(ROW).isDefined();
        // 4. keep, 5. aliases (the aliases of brought columns are applied by the join)
        List<String> keep = new ArrayList<>();
        if (!in.keep().isEmpty()) {
            for (String k : in.keep()) {
                require(types, k, in.name(), "keep");
                if (!keep.contains(k)) {
                    keep.add(k);
                }
            }
            for (String k : keyCols) {
                require(types, k, in.name(), "key");
                if (!keep.contains(k)) {
                    keep.add(k);
                }
            }
            if (hasRow) {
                keep.add(ROW);
            }
            t = t.select(keep.stream().map(x -> col(SparkSources.quote(x))).toArray(Column[]::new));
        }
        for (String col : t.columns()) {
            if (!col.equals(ROW)) {
                p.originalNames.put(col, col);
            }
        }
        if (keyCols.isEmpty() && !in.aliases().isEmpty()) {
            List<Column> al = new ArrayList<>();
            Map<String, String> orig = new LinkedHashMap<>();
            for (String x : t.columns()) {
                String a = x.equals(ROW) ? x : in.aliases().getOrDefault(x, x);
                al.add(col(SparkSources.quote(x)).as(a));
                if (!x.equals(ROW)) {
                    orig.put(a, x);
                }
            }
            t = t.select(al.toArray(new Column[0]));
            p.originalNames.clear();
            p.originalNames.putAll(orig);
        }
        if (!isFact && hasRow) {
            t = t.drop(ROW);
        }
        p.table = t;
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("input", in.name());
        r.put("rows_in", p.rowsIn);
        r.put("rows_removed_by_filter", p.rowsIn - p.rowsOut);
        r.put("rows_out", p.rowsOut);
        r.put("values_rejected", rejected);
        reports.add(r);
        return p;
    }

    private static SchemaException notText(String input, String column, DataType t) {
        return new SchemaException("input '" + input + "': column '" + column + "' is " + typeName(t)
            + ", not text; dates(...) parses text columns (use cast(...) to convert between types)");
    }

    private static void require(Map<String, DataType> types, String c, String input, String what) {
        if (!types.containsKey(c)) {
            throw new SchemaException("input '" + input + "': " + what + " column '" + c + "' does not exist; columns: "
                + types.keySet());
        }
    }

    /** @return the conversion struct, or null when the column already has the type */
    private static Column cast(Column src, DataType from, ColumnType to, String input, String name) {
        ColumnType f = columnType(from);
        if (f == to && from.equals(SparkSources.sparkType(to))) {
            return null;
        }
        if (f == null || !SparkCoercion.supported(f, to)) {
            throw new SchemaException("input '" + input + "': cannot cast column '" + name + "' from "
                + (f == null ? from.simpleString() : f.toString()) + " to " + to);
        }
        return SparkCoercion.convert(src, f, to, null);
    }

    /** @return the conversion struct, or null when the column already has the type */
    private static Column dates(Column src, DataType from, DateSpec spec, String input, String name) {
        if (spec.isInferred() || spec.patterns().isEmpty()) {
            throw new XtageException("input '" + input + "', column '" + name + "': inferred dates are parsed "
                + "through a lookup, not row by row");
        }
        if (from.equals(SparkSources.sparkType(spec.type()))) {
            return null;
        }
        if (!from.equals(DataTypes.StringType)) {
            throw notText(input, name, from);
        }
        return SparkCoercion.convert(src, ColumnType.STRING, spec.type(), spec.patterns().get().patterns());
    }

    private static Column filter(RowFilter f) {
        Column c = col(SparkSources.quote(f.column()));
        Object v = f.value().orElse(null);
        if (v instanceof java.time.LocalDate) {
            v = java.sql.Date.valueOf((java.time.LocalDate) v);
        }
        switch (f.op()) {
            case EQ:
                return c.equalTo(lit(v));
            case NE:
                return c.notEqual(lit(v));
            case LT:
                return c.lt(lit(v));
            case LE:
                return c.leq(lit(v));
            case GT:
                return c.gt(lit(v));
            case GE:
                return c.geq(lit(v));
            case IS_NULL:
                return c.isNull();
            case IS_NOT_NULL:
                return c.isNotNull();
            default:
                throw new XtageException("the Spark engine does not support the filter " + f + " yet");
        }
    }

    // ------------------------------------------------------------------ joins

    private static final class Joined {
        Dataset<Row> table;
        long rows;
        Map<String, Object> report;
    }

    private static Joined join(Dataset<Row> left, long leftRows, Map<String, String> origins,
        Map<String, String> originInputs, Prepared rightIn, JoinSpec j, Run run) {
        String rn = j.input().name();
        Dataset<Row> right = rightIn.table;
        Map<String, DataType> lt = typesOf(left);
        Map<String, DataType> rt = typesOf(right);
        List<String> lkeys = new ArrayList<>(j.leftKeys());
        lkeys.addAll(j.byLeft());
        List<String> rkeys = new ArrayList<>(j.rightKeys());
        rkeys.addAll(j.byRight());
        for (String k : lkeys) {
            if (!lt.containsKey(k) || k.equals(ROW)) {
                throw new SchemaException("join '" + rn + "': left key '" + k + "' is not a column of the table; "
                    + "columns: " + origins.keySet());
            }
        }
        for (String k : rkeys) {
            if (!rt.containsKey(k)) {
                throw new SchemaException("join '" + rn + "': right key '" + k + "' is not a column of input '" + rn
                    + "' (after its renames); its columns are " + rt.keySet());
            }
        }
        AsOfKind kind = j.type() == JoinType.ASOF
            ? asOfKind(lt.get(j.leftKeys().get(0)), rt.get(j.rightKeys().get(0)), j.leftKeys().get(0),
                j.rightKeys().get(0), rn)
            : null;
        // brought columns and their output names
        Set<String> keyCols = new HashSet<>(rkeys);
        Set<String> taken = new HashSet<>(Arrays.asList(left.columns()));
        taken.remove(ROW);
        Map<String, String> brought = new LinkedHashMap<>(); // right column -> output name
        for (String a : j.input().aliases().keySet()) {
            if (!rt.containsKey(a) || keyCols.contains(a)) {
                throw new SchemaException("join '" + rn + "': alias for column '" + a + "', but the join does not bring it");
            }
        }
        String prefix = Naming.snakeCase(rn).isEmpty() ? rn : Naming.snakeCase(rn);
        for (String c : right.columns()) {
            if (keyCols.contains(c)) {
                continue;
            }
            String alias = j.input().aliases().get(c);
            String name;
            if (alias != null) {
                if (taken.contains(alias)) {
                    throw new SchemaException("join '" + rn + "': alias '" + alias + "' for column '" + c
                        + "' is already a column of the table; choose another alias");
                }
                name = alias;
            } else if (taken.contains(c)) {
                if (j.collisions() == CollisionPolicy.FAIL) {
                    throw new SchemaException("join '" + rn + "' brings column '" + c + "', which the table already "
                        + "has; declare alias(\"" + c + "\", ...) or onCollision(CollisionPolicy.PREFIX)");
                }
                name = prefix + "_" + c;
                if (taken.contains(name)) {
                    throw new SchemaException("join '" + rn + "' brings column '" + c + "', and its prefixed name '"
                        + name + "' is taken too; declare alias(\"" + c + "\", ...)");
                }
            } else {
                name = c;
            }
            taken.add(name);
            brought.put(c, name);
        }
        // key alignment: both sides in a common type
        List<Column> lk = new ArrayList<>();
        List<Column> rk = new ArrayList<>();
        for (int i = 0; i < lkeys.size(); i++) {
            DataType common = common(lt.get(lkeys.get(i)), rt.get(rkeys.get(i)), "join '" + rn + "' key "
                + lkeys.get(i) + " = " + rkeys.get(i));
            lk.add(align(col(SparkSources.quote(lkeys.get(i))), lt.get(lkeys.get(i)), common));
            rk.add(align(col(SparkSources.quote(rkeys.get(i))), rt.get(rkeys.get(i)), common));
        }
        // right side: keys in the common type, brought columns; rows with a missing key match nothing
        List<Column> rsel = new ArrayList<>();
        for (int i = 0; i < rk.size(); i++) {
            rsel.add(rk.get(i).as(KEY + i));
        }
        for (String c : brought.keySet()) {
            rsel.add(col(SparkSources.quote(c)));
        }
        Dataset<Row> r = right.withColumn(ORDER, org.apache.spark.sql.functions.monotonically_increasing_id());
        rsel.add(col(ORDER));
        // the right keys as they are, for a failure that names the repeated keys as the one-machine
        // engine renders them: by columns first, then the as-of column
        boolean asOf = j.type() == JoinType.ASOF;
        List<String> rightKeyNames = new ArrayList<>();
        List<Column> rightShown = new ArrayList<>();
        for (int i = 0; i < rkeys.size(); i++) {
            int k = asOf ? (i + 1) % rkeys.size() : i;
            rightKeyNames.add(rkeys.get(k));
            rightShown.add(col(SparkSources.quote(rkeys.get(k))));
        }
        rsel.add(struct(rightShown.toArray(new Column[0])).as(SHOWN));
        r = r.select(rsel.toArray(new Column[0]));
        Column keyPresent = lit(true);
        List<Column> kcols = new ArrayList<>();
        for (int i = 0; i < rk.size(); i++) {
            keyPresent = keyPresent.and(col(KEY + i).isNotNull());
            kcols.add(col(KEY + i));
        }
        Dataset<Row> rNullKeys = r.where(org.apache.spark.sql.functions.not(keyPresent)).drop(SHOWN);
        r = r.where(keyPresent);
        // duplicates
        Dataset<Row> dupKeys = r.groupBy(kcols.toArray(new Column[0]))
            .agg(count(lit(1)).as(COUNT), min(struct(col(ORDER), col(SHOWN))).as(FIRST)).where(col(COUNT).gt(1));
        long dupCount = dupKeys.count();
        DuplicatePolicy pol = j.duplicates();
        boolean aggregate = pol.kind() == DuplicatePolicy.Kind.AGGREGATE;
        // the right key of an as-of join is unique whatever the declared cardinality, as there
        Cardinality card = asOf ? Cardinality.MANY_TO_ONE : j.cardinality();
        if (dupCount > 0 && card.isRightUnique() && pol.kind() == DuplicatePolicy.Kind.FAIL) {
            throw cardinality(rn, "right", card, dupKeys, dupCount, rightKeyNames, rightIn.rowsOut);
        }
        r = r.drop(SHOWN);
        if (card.isLeftUnique()) {
            leftUnique(left, lk, lkeys, card, rn, leftRows);
        }
        if ((dupCount > 0 || aggregate) && card.isRightUnique()) {
            switch (pol.kind()) {
                case KEEP_FIRST:
                case KEEP_LAST: {
                    WindowSpec w = Window.partitionBy(kcols.toArray(new Column[0]))
                        .orderBy(pol.kind() == DuplicatePolicy.Kind.KEEP_FIRST ? col(ORDER).asc() : col(ORDER).desc());
                    r = r.withColumn("__xtage_rn", org.apache.spark.sql.functions.row_number().over(w))
                        .where(col("__xtage_rn").equalTo(1)).drop("__xtage_rn");
                    break;
                }
                case AGGREGATE: {
                    r = aggregateRight(r, kcols, brought.keySet(), rt, pol, rn);
                    // the one-machine engine aggregates a row with a missing key as a group of its own
                    rNullKeys = aggregateSingles(rNullKeys, rk.size(), brought.keySet(), rt, pol);
                    break;
                }
                default:
                    throw new XtageException("join '" + rn + "': duplicate policy " + pol + " is not supported by the "
                        + "Spark engine");
            }
        }
        if (j.type() == JoinType.FULL) {
            r = r.unionByName(rNullKeys);
        }
        r = r.withColumn(MARK, lit(true));
        boolean rightUnique = dupCount == 0 || j.cardinality().isRightUnique();
        Dataset<Row> l = left.withColumn(LEFT_HERE, lit(true));
        if (!rightUnique) {
            l = l.withColumn(LEFT_ID, org.apache.spark.sql.functions.monotonically_increasing_id());
        }
        Dataset<Row> joined;
        List<Column> outCols = new ArrayList<>();
        if (j.type() == JoinType.ASOF) {
            joined = asOf(l, lk, r, brought.keySet(), j, kind);
        } else {
            Column cond = lit(true);
            for (int i = 0; i < lk.size(); i++) {
                cond = cond.and(lk.get(i).equalTo(r.col(KEY + i)));
            }
            String how = j.type() == JoinType.LEFT ? "left" : j.type() == JoinType.INNER ? "inner" : "full_outer";
            joined = l.join(r, cond, how);
        }
        for (String c : left.columns()) {
            Column lc = l.col(SparkSources.quote(c));
            int ki = lkeys.indexOf(c);
            if (j.type() == JoinType.FULL && ki >= 0) {
                lc = coalesce(lc, joined.col(KEY + ki).cast(lt.get(c)));
            }
            outCols.add(lc.as(c));
        }
        Map<String, String> rightOrigins = new LinkedHashMap<>();
        for (Map.Entry<String, String> e : brought.entrySet()) {
            Column bc = j.type() == JoinType.ASOF ? col(VAL + "." + e.getKey()) : r.col(SparkSources.quote(e.getKey()));
            outCols.add(bc.as(e.getValue()));
            rightOrigins.put(e.getValue(), rn + "." + rightIn.originalNames.getOrDefault(e.getKey(), e.getKey()));
        }
        // a left row is matched when it met a right row; right-only rows of a full join are no left rows
        Column marker = j.type() == JoinType.ASOF ? col(VAL).isNotNull()
            : r.col(MARK).isNotNull().and(l.col(LEFT_HERE).isNotNull());
        Dataset<Row> withMark = joined.select(concat(outCols, marker.as(MARK), l.col(LEFT_HERE).as(LEFT_HERE),
            rightUnique ? lit(null).as(LEFT_ID) : l.col(LEFT_ID).as(LEFT_ID)));
        withMark = withMark.persist(StorageLevel.MEMORY_AND_DISK());
        Row agg = withMark.agg(count(lit(1)), sum(when(col(MARK), 1).otherwise(0)),
            org.apache.spark.sql.functions.countDistinct(when(col(MARK), col(LEFT_ID)))).first();
        long outRows = agg.getLong(0);
        long matched = rightUnique ? (agg.isNullAt(1) ? 0 : agg.getLong(1)) : agg.getLong(2);
        long unmatched = leftRows - matched;
        // the left key columns as the one-machine engine names and renders them: by columns first
        List<String> shown = new ArrayList<>();
        if (j.type() == JoinType.ASOF) {
            shown.addAll(j.byLeft());
        }
        shown.addAll(j.leftKeys());
        List<String> sample = new ArrayList<>();
        if (unmatched > 0) {
            Dataset<Row> um;
            if (j.type() == JoinType.INNER) {
                Column cond = lit(true);
                for (int i = 0; i < lk.size(); i++) {
                    cond = cond.and(lk.get(i).equalTo(r.col(KEY + i)));
                }
                um = left.join(r, cond, "left_anti");
            } else {
                um = withMark.where(org.apache.spark.sql.functions.not(col(MARK)).and(col(LEFT_HERE).isNotNull()));
            }
            Column[] keyCols2 = shown.stream().map(k -> col(SparkSources.quote(k))).toArray(Column[]::new);
            // the first keys in the left table's order, as the one-machine engine lists them
            List<Row> first = um.groupBy(keyCols2).agg(min(col(ROW)).as("__xtage_first"))
                .orderBy(col("__xtage_first").asc_nulls_last()).limit(SAMPLE).collectAsList();
            for (Row row : first) {
                sample.add(render(row, shown.size()));
            }
            if (j.isRejectUnmatched()) {
                run.rejects.add(unmatchedRejects(um, shown, j, run.fact));
                run.joinRejects += unmatched;
            }
        }
        Dataset<Row> out = withMark.drop(MARK, LEFT_ID, LEFT_HERE);
        left.unpersist();
        Set<String> leftInputs = new LinkedHashSet<>();
        for (String k : shown) {
            leftInputs.add(originInputs.getOrDefault(k, "?"));
        }
        origins.putAll(rightOrigins);
        for (String c : rightOrigins.keySet()) {
            originInputs.put(c, rn);
        }
        Map<String, Object> rep = new LinkedHashMap<>();
        rep.put("left", String.join("+", leftInputs));
        rep.put("right", rn);
        rep.put("type", j.type().jsonName());
        rep.put("left_rows", leftRows);
        rep.put("right_rows", rightIn.rowsOut);
        rep.put("matched_left_rows", matched);
        rep.put("unmatched_left_rows", unmatched);
        rep.put("unmatched_key_sample", sample);
        rep.put("right_duplicate_keys", dupCount);
        rep.put("output_rows", outRows);
        log.debug("join {}: {}", rn, rep);
        Joined res = new Joined();
        res.table = out;
        res.rows = outRows;
        res.report = rep;
        return res;
    }

    /**
     * Fails, as the one-machine engine does, when keys repeat on the left side of a join whose
     * cardinality says the left keys are unique: the keys in the common type (a missing key is
     * never a repeat), the first repeated keys in the left table's row order.
     */
    private static void leftUnique(Dataset<Row> left, List<Column> lk, List<String> lkeys, Cardinality card, String rn,
        long leftRows) {
        List<Column> keys = new ArrayList<>();
        List<Column> shown = new ArrayList<>();
        Column present = lit(true);
        for (int i = 0; i < lk.size(); i++) {
            keys.add(lk.get(i).as(KEY + i));
            present = present.and(lk.get(i).isNotNull());
            shown.add(col(SparkSources.quote(lkeys.get(i))));
        }
        // the fact's row order; rows a full join brought from the right come after the fact's own
        Column order = coalesce(col(ROW), lit(Long.MAX_VALUE));
        Dataset<Row> repeats = left.where(present).groupBy(keys.toArray(new Column[0]))
            .agg(count(lit(1)).as(COUNT), min(struct(order.as(ORDER), struct(shown.toArray(new Column[0])).as(SHOWN)))
                .as(FIRST))
            .where(col(COUNT).gt(1));
        long n = repeats.count();
        if (n > 0) {
            throw cardinality(rn, "left", card, repeats, n, lkeys, leftRows);
        }
    }

    /**
     * The one-machine engine's failure for repeated keys, with its message: the join, the
     * cardinality, how many keys repeat among how many rows, the first {@link #SAMPLE} repeated
     * keys in row order with their row counts, and the fix.
     *
     * @param repeats one row per repeated key: {@link #COUNT} and {@link #FIRST} (a struct of the
     *     first row's order and {@link #SHOWN}, the key as it is in the input)
     */
    private static CardinalityException cardinality(String rn, String side, Cardinality card, Dataset<Row> repeats,
        long count, List<String> keyNames, long rows) {
        List<Row> first = repeats.orderBy(col(FIRST + "." + ORDER)).limit(SAMPLE)
            .select(col(FIRST + "." + SHOWN), col(COUNT)).collectAsList();
        List<String> sample = new ArrayList<>();
        StringBuilder keys = new StringBuilder();
        for (Row row : first) {
            Row key = row.getStruct(0);
            String k = renderKey(key);
            sample.add(k);
            keys.append(sample.size() == 1 ? "" : ", ").append(k).append(" (").append(row.getLong(1)).append(" rows)");
        }
        String fix = side.equals("right")
            ? "declare onDuplicateKeys(KEEP_FIRST | KEEP_LAST | aggregate(...)), or expect(...) a cardinality that "
                + "allows repeats"
            : "expect(...) a cardinality that allows repeated left keys";
        String msg = "join '" + rn + "' expects " + card + ", but " + count + " " + side + " key(s) " + keyNames
            + " repeat among " + rows + " " + side + " rows: " + keys + (count > sample.size() ? ", ..." : "")
            + "; " + fix;
        return new CardinalityException(rn, side, card, count, sample, msg);
    }

    /** A key as the one-machine engine's {@code Keys.render}: the value, or {@code (a, b)}; not cut. */
    private static String renderKey(Row key) {
        StringBuilder b = new StringBuilder(key.size() == 1 ? "" : "(");
        for (int i = 0; i < key.size(); i++) {
            Object v = key.get(i);
            if (v instanceof java.sql.Date) {
                v = ((java.sql.Date) v).toLocalDate();
            }
            b.append(i == 0 ? "" : ", ").append(v == null ? "null" : String.valueOf(v));
        }
        return key.size() == 1 ? b.toString() : b.append(')').toString();
    }

    /**
     * The rejects of unmatched left rows, as the one-machine engine writes them: the fact's
     * record (0 for a row that came from the right side of a full join), the key columns joined by
     * commas, the key as the join report renders it, and a reason saying why nothing matched.
     */
    private static Dataset<Row> unmatchedRejects(Dataset<Row> um, List<String> shown, JoinSpec j, String fact) {
        String rn = j.input().name();
        boolean dropped = j.type() == JoinType.INNER;
        String suffix = " (" + j.type().jsonName() + " join" + (dropped ? ", row dropped)" : ")");
        String missing = "the key is missing, so it matches no row of '" + rn + "'" + suffix;
        String none = (j.type() == JoinType.ASOF ? "no row of '" + rn + "' has a key at or before this one"
            + (j.byLeft().isEmpty() ? "" : " in its " + j.byLeft() + " group")
            + (j.tolerance().isPresent() ? " within tolerance " + j.tolerance().getAsDouble() : "")
            : "no row of '" + rn + "' has this key") + suffix;
        Column anyNull = lit(false);
        List<Column> parts = new ArrayList<>();
        for (String k : shown) {
            Column c = col(SparkSources.quote(k));
            anyNull = anyNull.or(c.isNull());
            parts.add(when(c.isNull(), lit("null")).otherwise(
                org.apache.spark.sql.functions.udf(new Show(), DataTypes.StringType).apply(c)));
        }
        Column value = parts.size() == 1 ? parts.get(0)
            : org.apache.spark.sql.functions.concat(lit("("), concat_ws(", ", parts.toArray(new Column[0])), lit(")"));
        return um.select(lit(fact).as("source"), coalesce(col(ROW), lit(0L)).as("record"),
            lit(String.join(",", shown)).as("column"), value.as("value"),
            when(anyNull, lit(missing)).otherwise(lit(none)).as("reason"));
    }

    /** A key value as the one-machine engine prints it ({@code String.valueOf} of the Java value). */
    private static final class Show implements UDF1<Object, String> {
        private static final long serialVersionUID = 1L;

        @Override
        public String call(Object v) {
            if (v instanceof java.sql.Date) {
                return ((java.sql.Date) v).toLocalDate().toString();
            }
            return Texts.truncate(String.valueOf(v));
        }
    }

    private static Column[] concat(List<Column> cols, Column... more) {
        List<Column> all = new ArrayList<>(cols);
        all.addAll(Arrays.asList(more));
        return all.toArray(new Column[0]);
    }

    // ------------------------------------------------------------------ duplicate policies

    /** Collapses the rows of each right key with the policy's aggregates, as {@code Duplicates} does. */
    private static Dataset<Row> aggregateRight(Dataset<Row> r, List<Column> kcols,
        Set<String> brought, Map<String, DataType> rt, DuplicatePolicy pol, String rn) {
        for (String named : pol.functions().keySet()) {
            if (!brought.contains(named)) {
                throw new SchemaException("join '" + rn + "': onDuplicateKeys aggregates column '" + named + "', but "
                    + "the join brings no such column; it brings " + new ArrayList<>(brought));
            }
        }
        List<Column> aggs = new ArrayList<>();
        List<String> integralSums = new ArrayList<>();
        for (String c : brought) {
            Aggregate a = pol.function().orElse(pol.functions().get(c));
            if (a == null) {
                throw new SchemaException("join '" + rn + "': column '" + c + "' is brought but has no aggregate in "
                    + "onDuplicateKeys(aggregate(...)); name it there or leave it out of keep(...)");
            }
            check(a, rt.get(c), rn, c);
            Column v = col(SparkSources.quote(c));
            if (a == Aggregate.SUM && integral(rt.get(c))) {
                // summed exactly, then checked: the one-machine engine fails where LONG overflows
                integralSums.add(c);
                aggs.add(sum(v.cast(DataTypes.createDecimalType(38, 0))).as(c));
            } else {
                aggs.add(aggregate(a, v, rt.get(c)).as(c));
            }
        }
        aggs.add(min(col(ORDER)).as(ORDER));
        Dataset<Row> out = r.groupBy(kcols.toArray(new Column[0]))
            .agg(aggs.get(0), aggs.subList(1, aggs.size()).toArray(new Column[0]));
        if (!integralSums.isEmpty()) {
            BigDecimal hi = BigDecimal.valueOf(Long.MAX_VALUE);
            BigDecimal lo = BigDecimal.valueOf(Long.MIN_VALUE);
            out = out.persist(StorageLevel.MEMORY_AND_DISK());
            List<Column> checks = new ArrayList<>();
            for (String c : integralSums) {
                Column s = col(SparkSources.quote(c));
                checks.add(max(when(s.gt(lit(hi)).or(s.lt(lit(lo))), 2).when(s.equalTo(lit(lo)), 1).otherwise(0)));
            }
            Row bad = out.agg(checks.get(0), checks.subList(1, checks.size()).toArray(new Column[0])).first();
            for (int i = 0; i < integralSums.size(); i++) {
                int b = bad.isNullAt(i) ? 0 : bad.getInt(i);
                String c = integralSums.get(i);
                if (b == 2) {
                    throw new XtageException("join '" + rn + "': the sum of column '" + c + "' overflows LONG for one "
                        + "key; aggregate it with MEAN, or cast it to DOUBLE first");
                }
                if (b == 1) {
                    throw new XtageException("join '" + rn + "': the sum of column '" + c + "' is " + Long.MIN_VALUE
                        + ", which Tablesaw reserves for missing values");
                }
            }
            for (String c : integralSums) {
                out = out.withColumn(c, col(SparkSources.quote(c)).cast(DataTypes.LongType));
            }
        }
        return out;
    }

    /** The aggregate of a group of one row (a right row whose key is missing). */
    private static Dataset<Row> aggregateSingles(Dataset<Row> rows, int keys, Set<String> brought,
        Map<String, DataType> rt, DuplicatePolicy pol) {
        List<Column> sel = new ArrayList<>();
        for (int i = 0; i < keys; i++) {
            sel.add(col(KEY + i));
        }
        for (String c : brought) {
            Aggregate a = pol.function().orElse(pol.functions().get(c));
            Column v = col(SparkSources.quote(c));
            Column one;
            switch (a) {
                case COUNT:
                    one = when(v.isNull(), lit(0L)).otherwise(lit(1L));
                    break;
                case MEAN:
                    one = v.cast(DataTypes.DoubleType);
                    break;
                case SUM:
                    one = integral(rt.get(c)) ? v.cast(DataTypes.LongType) : v;
                    break;
                default:
                    one = v;
            }
            sel.add(one.as(c));
        }
        sel.add(col(ORDER));
        return rows.select(sel.toArray(new Column[0]));
    }

    private static void check(Aggregate a, DataType t, String rn, String c) {
        boolean numeric = integral(t) || t.equals(DataTypes.DoubleType) || t.equals(DataTypes.FloatType);
        if ((a == Aggregate.MEAN || a == Aggregate.SUM) && !numeric) {
            throw new SchemaException("join '" + rn + "': aggregate " + a + " needs a numeric column, but '" + c
                + "' is " + typeName(t) + "; use MIN, MAX or COUNT, or cast it first");
        }
        if ((a == Aggregate.MIN || a == Aggregate.MAX) && !numeric && !t.equals(DataTypes.StringType)
            && !t.equals(DataTypes.DateType) && !t.equals(DataTypes.TimestampNTZType)) {
            throw new SchemaException("join '" + rn + "': aggregate " + a + " cannot order column '" + c + "' ("
                + typeName(t) + "); use COUNT, or keep one row with KEEP_FIRST or KEEP_LAST");
        }
    }

    private static Column aggregate(Aggregate a, Column c, DataType t) {
        switch (a) {
            case MEAN:
                return avg(c);
            case MIN:
                return min(c);
            case MAX:
                return max(c);
            case SUM:
                return sum(c);
            case COUNT:
                return count(c);
            default:
                throw new XtageException("aggregate " + a + " is not supported by the Spark engine");
        }
    }

    // ------------------------------------------------------------------ as-of join

    /** How an as-of key is ordered and how far apart two keys are, as the one-machine engine's. */
    private enum AsOfKind {
        INTEGRAL, DOUBLE, DAYS, MILLIS;

        /** @return a key whose order is the value order; null when the key is missing (NaN included) */
        Column orderKey(Column aligned) {
            switch (this) {
                case INTEGRAL:
                    return aligned;
                case DOUBLE:
                    return when(org.apache.spark.sql.functions.not(isnan(aligned)), aligned);
                case DAYS:
                    return datediff(aligned, to_date(lit("1970-01-01"))).cast(DataTypes.LongType);
                default:
                    // milliseconds since the epoch, read off the local date-time: no time zone involved
                    // (the one-machine engine keeps date-times to the millisecond)
                    return datediff(to_date(aligned), to_date(lit("1970-01-01"))).cast(DataTypes.LongType)
                        .multiply(86_400_000L)
                        .plus(hour(aligned).cast(DataTypes.LongType).multiply(3_600_000L))
                        .plus(minute(aligned).cast(DataTypes.LongType).multiply(60_000L))
                        .plus(second(aligned).cast(DataTypes.LongType).multiply(1_000L))
                        .plus(date_format(aligned, "SSS").cast(DataTypes.LongType));
            }
        }

        /** @return true when the left key is at most {@code tol} after the right key (which is not after it) */
        Column within(Column left, Column right, double tol) {
            if (this == DOUBLE) {
                return left.minus(right).leq(lit(tol));
            }
            long limit = (long) Math.floor(this == MILLIS ? tol * 1000 : tol);
            DataType wide = DataTypes.createDecimalType(20, 0);
            return left.cast(wide).minus(right.cast(wide)).leq(lit(BigDecimal.valueOf(limit)));
        }
    }

    private static AsOfKind asOfKind(DataType l, DataType r, String lon, String ron, String rn) {
        ColumnType lt = columnType(l);
        ColumnType rt = columnType(r);
        boolean li = lt == ColumnType.INT || lt == ColumnType.LONG;
        boolean ri = rt == ColumnType.INT || rt == ColumnType.LONG;
        if (li && ri) {
            return AsOfKind.INTEGRAL;
        }
        if (lt != null && rt != null && lt.isNumeric() && rt.isNumeric()) {
            return AsOfKind.DOUBLE;
        }
        if (lt == rt && lt == ColumnType.LOCAL_DATE) {
            return AsOfKind.DAYS;
        }
        if (lt == rt && lt == ColumnType.LOCAL_DATE_TIME) {
            return AsOfKind.MILLIS;
        }
        throw new SchemaException("as-of join '" + rn + "': cannot order a " + typeName(l) + " key ('" + lon
            + "') against a " + typeName(r) + " key ('" + ron + "'); as-of keys are both numbers, both LOCAL_DATE or "
            + "both LOCAL_DATE_TIME (parse text with dates(...) first)");
    }

    /**
     * The as-of join: the distinct left keys and the right rows, sorted together by key with right
     * rows first on a tie; {@code last(struct, ignoreNulls)} over the rows so far gives each left
     * key its right row, which a tolerance may then refuse. Then an equality join on the key
     * brings it to every left row.
     */
    private static Dataset<Row> asOf(Dataset<Row> l, List<Column> lk, Dataset<Row> r, Set<String> brought, JoinSpec j,
        AsOfKind kind) {
        int nb = j.byLeft().size();
        List<Column> leftSel = new ArrayList<>();
        for (int i = 0; i < nb; i++) {
            leftSel.add(lk.get(1 + i).as("__xtage_by" + i));
        }
        leftSel.add(lk.get(0).as(KEY));
        leftSel.add(kind.orderKey(lk.get(0)).as(OKEY));
        Dataset<Row> keysL = l.select(leftSel.toArray(new Column[0])).where(col(OKEY).isNotNull()).distinct();
        List<Column> fields = new ArrayList<>();
        for (String c : brought) {
            fields.add(col(SparkSources.quote(c)));
        }
        fields.add(kind.orderKey(col(KEY + 0)).as("__xtage_rkey"));
        List<Column> rightSel = new ArrayList<>();
        for (int i = 0; i < nb; i++) {
            rightSel.add(col(KEY + (1 + i)).as("__xtage_by" + i));
        }
        rightSel.add(col(KEY + 0).as(KEY));
        rightSel.add(kind.orderKey(col(KEY + 0)).as(OKEY));
        rightSel.add(lit(0).as(TAG));
        rightSel.add(struct(fields.toArray(new Column[0])).as(VAL));
        Dataset<Row> keysR = r.select(rightSel.toArray(new Column[0])).where(col(OKEY).isNotNull());
        DataType valType = keysR.schema().apply(VAL).dataType();
        keysL = keysL.withColumn(TAG, lit(1)).withColumn(VAL, lit(null).cast(valType));
        Dataset<Row> u = keysL.unionByName(keysR);
        List<Column> part = new ArrayList<>();
        for (int i = 0; i < nb; i++) {
            part.add(col("__xtage_by" + i));
        }
        WindowSpec w = (nb == 0 ? Window.orderBy(col(OKEY).asc(), col(TAG).asc())
            : Window.partitionBy(part.toArray(new Column[0])).orderBy(col(OKEY).asc(), col(TAG).asc()))
            .rowsBetween(Window.unboundedPreceding(), Window.currentRow());
        Dataset<Row> m = u.withColumn("__xtage_best", last(col(VAL), true).over(w))
            .where(col(TAG).equalTo(1)).drop(VAL, TAG).withColumnRenamed("__xtage_best", VAL);
        if (j.tolerance().isPresent()) {
            Column ok = kind.within(col(OKEY), col(VAL + ".__xtage_rkey"), j.tolerance().getAsDouble());
            m = m.withColumn(VAL, when(col(VAL).isNotNull().and(ok), col(VAL)));
        }
        Column cond = lk.get(0).equalTo(m.col(KEY));
        for (int i = 0; i < nb; i++) {
            cond = cond.and(lk.get(1 + i).equalTo(m.col("__xtage_by" + i)));
        }
        return l.join(org.apache.spark.sql.functions.broadcast(m.drop(OKEY)), cond, "left");
    }

    // ------------------------------------------------------------------ types and keys

    private static Map<String, DataType> typesOf(Dataset<Row> d) {
        Map<String, DataType> m = new LinkedHashMap<>();
        for (StructField f : d.schema().fields()) {
            m.put(f.name(), f.dataType());
        }
        return m;
    }

    private static boolean integral(DataType t) {
        return t.equals(DataTypes.IntegerType) || t.equals(DataTypes.LongType) || t.equals(DataTypes.ShortType)
            || t.equals(DataTypes.ByteType);
    }

    /** @return the xtage type of a Spark type, or null when xtage has none */
    private static ColumnType columnType(DataType t) {
        if (t.equals(DataTypes.IntegerType) || t.equals(DataTypes.ShortType) || t.equals(DataTypes.ByteType)) {
            return ColumnType.INT;
        }
        if (t.equals(DataTypes.LongType)) {
            return ColumnType.LONG;
        }
        if (t.equals(DataTypes.DoubleType) || t.equals(DataTypes.FloatType)) {
            return ColumnType.DOUBLE;
        }
        if (t.equals(DataTypes.StringType)) {
            return ColumnType.STRING;
        }
        if (t.equals(DataTypes.BooleanType)) {
            return ColumnType.BOOLEAN;
        }
        if (t.equals(DataTypes.DateType)) {
            return ColumnType.LOCAL_DATE;
        }
        if (t.equals(DataTypes.TimestampNTZType)) {
            return ColumnType.LOCAL_DATE_TIME;
        }
        return null;
    }

    private static String typeName(DataType t) {
        ColumnType c = columnType(t);
        return c == null ? t.simpleString() : c.toString();
    }

    /** The type both keys are compared in, as the one-machine engine's key domains. */
    static DataType common(DataType l, DataType r, String what) {
        boolean li = integral(l);
        boolean ri = integral(r);
        boolean ld = l.equals(DataTypes.DoubleType) || l.equals(DataTypes.FloatType);
        boolean rd = r.equals(DataTypes.DoubleType) || r.equals(DataTypes.FloatType);
        boolean ls = l.equals(DataTypes.StringType);
        boolean rs = r.equals(DataTypes.StringType);
        if (li && ri) {
            return DataTypes.LongType;
        }
        if ((ld && (ri || rd || rs)) || (rd && (li || ls))) {
            return DataTypes.DoubleType;
        }
        if ((ls && ri) || (rs && li)) {
            return DataTypes.LongType;
        }
        if (ls && rs) {
            return DataTypes.StringType;
        }
        if (l.equals(r) && (l.equals(DataTypes.DateType) || l.equals(DataTypes.TimestampNTZType)
            || l.equals(DataTypes.BooleanType))) {
            return l;
        }
        throw new SchemaException(what + ": cannot compare a " + l.simpleString() + " key with a " + r.simpleString()
            + " key; cast one side so that both are numbers, texts or dates");
    }

    /**
     * A key in the common type, as the one-machine engine's {@code Keys} reads it: text is
     * trimmed (blank text is missing) and read as an integer or a number where the other side is
     * one, so that text that does not read matches nothing.
     */
    private static Column align(Column c, DataType from, DataType to) {
        if (from.equals(DataTypes.StringType)) {
            return SparkCoercion.key(c, columnType(to));
        }
        if (from.equals(to)) {
            return c;
        }
        return c.cast(to);
    }

    /** A key as the one-machine engine renders it: the value, or {@code (a, b)} for several columns. */
    private static String render(Row row, int n) {
        if (n == 1) {
            return show(row, 0);
        }
        StringBuilder sb = new StringBuilder("(");
        for (int i = 0; i < n; i++) {
            if (i > 0) {
                sb.append(", ");
            }
            sb.append(show(row, i));
        }
        return sb.append(')').toString();
    }

    private static String show(Row row, int i) {
        return row.isNullAt(i) ? "null" : new Show().call(row.get(i));
    }
}
