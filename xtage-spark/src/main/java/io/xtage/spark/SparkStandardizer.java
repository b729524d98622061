package io.xtage.spark;

import static org.apache.spark.sql.functions.avg;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.floor;
import static org.apache.spark.sql.functions.last;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import io.xtage.core.SchemaException;
import io.xtage.core.XtageException;
import io.xtage.core.coerce.DateShapeReport;
import io.xtage.core.schema.ColumnSpec;
import io.xtage.core.schema.ColumnType;
import io.xtage.core.schema.Naming;
import io.xtage.core.standardize.Aggregate;
import io.xtage.core.standardize.CollisionPolicy;
import io.xtage.core.standardize.DateSpec;
import io.xtage.core.standardize.DuplicatePolicy;
import io.xtage.core.standardize.InputSpec;
import io.xtage.core.standardize.JoinSpec;
import io.xtage.core.standardize.JoinType;
import io.xtage.core.standardize.RowFilter;
import io.xtage.core.standardize.StandardizationPlan;
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
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.expressions.WindowSpec;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.storage.StorageLevel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a {@link StandardizationPlan} (the JSON the Standardizer writes) on Spark Datasets, with
 * the one-machine engine's meaning: renames, casts and date patterns per input (a value that does
 * not convert becomes missing and a reject), row filters (a missing value fails a comparison),
 * kept columns and aliases, then the joins in order. Keys are compared in a common type (INT and
 * LONG as LONG; DOUBLE with a number or text as DOUBLE; text with an integer as LONG); a missing
 * key matches nothing (SQL null semantics). Repeated right keys fail, keep the first or last row,
 * or are aggregated, as the join's {@link DuplicatePolicy} says. Join reports come from
 * aggregations over the joined Dataset.
 *
 * <p>The as-of join is a union plus a window: the distinct left keys and the right rows are
 * sorted together by key (right rows first on a tie), and {@code last(right row, ignoreNulls)}
 * over the preceding rows gives each left key the right row with the latest key at or before it.
 * The window runs over distinct keys only (not over every left row), then an equality join brings
 * the match to the left rows. This keeps the window small and avoids the quadratic range join
 * that a {@code <=} condition plus {@code row_number} needs.
 *
 * <p>A {@code dates} step that infers the formats uses the one-machine engine's
 * {@code DateInference}: the evidence is one {@code groupBy(value).count()} over the input's rows,
 * collected to the driver; each distinct spelling is parsed there, and the column is joined to
 * that small lookup (broadcast), so dates, reject reasons and the per-shape report (in
 * {@link SparkStandardizeResult#dateFormats()}, keyed {@code input.column}) are the one-machine
 * engine's exactly.
 *
 * <p>Not supported yet (a clear {@link XtageException} names them): as-of {@code tolerance},
 * {@code reject_unmatched}.
 *
 * @since 0.1.0
 */
public final class SparkStandardizer {
    private static final Logger log = LoggerFactory.getLogger(SparkStandardizer.class);
    private static final String MARK = "__xtage_matched";
    private static final String LEFT_ID = "__xtage_left_id";
    private static final String KEY = "__xtage_key";
    private static final String TAG = "__xtage_tag";
    private static final String VAL = "__xtage_val";
    private static final String ORDER = "__xtage_order";
    private static final int SAMPLE = 10;

    private SparkStandardizer() {
    }

    /**
     * Runs the plan.
     *
     * @param plan the plan
     * @param tables one Dataset per input name; not modified
     * @return the unified Dataset and the reports
     * @throws IllegalArgumentException if an input has no Dataset
     * @throws SchemaException if a named column is missing or key types cannot be compared
     * @throws XtageException if right keys repeat and the policy is to fail, or the plan uses a feature
     *     this engine does not support yet
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
        List<Dataset<Row>> rejects = new ArrayList<>();

        Map<String, List<DateShapeReport>> dateFormats = new LinkedHashMap<>();
        Prepared fact = prepare(plan.fact(), tables.get(plan.fact().name()), Set.of(), inputReports, rejects,
            dateFormats);
        Dataset<Row> cur = fact.table;
        Map<String, String> origins = new LinkedHashMap<>();
        for (String c : cur.columns()) {
            origins.put(c, plan.fact().name() + "." + fact.originalNames.getOrDefault(c, c));
        }
        long curRows = fact.rowsOut;
        List<Map<String, Object>> joinReports = new ArrayList<>();
        for (int ji = 0; ji < plan.joins().size(); ji++) {
            JoinSpec j = plan.joins().get(ji);
            unsupported(j);
            Set<String> keyCols = new LinkedHashSet<>(j.rightKeys());
            keyCols.addAll(j.byRight());
            Prepared right = prepare(j.input(), tables.get(j.input().name()), keyCols, inputReports, rejects,
                dateFormats);
            Joined out = join(cur, curRows, origins, right, j);
            joinReports.add(out.report);
            cur = out.table;
            curRows = out.rows;
        }
        Dataset<Row> allRejects = rejects.stream().reduce(Dataset::union)
            .orElseGet(() -> spark.createDataFrame(new ArrayList<Row>(), SparkSources.REJECTS));
        long rejectCount = 0;
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

    private static void unsupported(JoinSpec j) {
        String where = "join '" + j.input().name() + "'";
        if (j.tolerance().isPresent()) {
            throw new XtageException(where + ": the Spark engine does not support an as-of tolerance yet");
        }
        if (j.isRejectUnmatched()) {
            throw new XtageException(where + ": the Spark engine does not support reject_unmatched yet");
        }
        if (j.type() == JoinType.ASOF && j.leftKeys().size() != 1) {
            throw new SchemaException(where + ": an as-of join needs exactly one key; found " + j.leftKeys());
        }
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

    private static Prepared prepare(InputSpec in, Dataset<Row> table, Set<String> keyCols,
        List<Map<String, Object>> reports, List<Dataset<Row>> rejects, Map<String, List<DateShapeReport>> dateFormats) {
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
                throw new SchemaException("input '" + in.name() + "': column '" + c + "' is "
                    + types.get(c).simpleString() + ", not text; dates(...) parses text columns (use cast(...) to "
                    + "convert between types)");
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
                if (in.casts().containsKey(c)) {
                    v = cast(src, types.get(c), in.casts().get(c), c);
                } else if (in.dates().containsKey(c)) {
                    v = dates(src, types.get(c), in.dates().get(c), in.name(), c);
                }
                if (v != src) {
                    bad.add(src.isNotNull().and(src.cast(DataTypes.StringType).notEqual("")).and(v.isNull()));
                    badValues.add(src.cast(DataTypes.StringType));
                    badReasons.add(lit("does not convert to "
                        + (in.casts().containsKey(c) ? in.casts().get(c) : "a date")));
                    badCols.add(c);
                }
            }
            typed.add(v.as(c));
        }
        long rejected = 0;
        if (!bad.isEmpty()) {
            Dataset<Row> withId = t.withColumn(SparkSources.RECORD,
                org.apache.spark.sql.functions.monotonically_increasing_id().plus(1));
            List<Column> flags = new ArrayList<>();
            for (int i = 0; i < bad.size(); i++) {
                flags.add(sum(when(bad.get(i), 1).otherwise(0)));
            }
            Row counts = withId.agg(flags.get(0), flags.subList(1, flags.size()).toArray(new Column[0])).first();
            for (int i = 0; i < bad.size(); i++) {
                long k = counts.isNullAt(i) ? 0 : counts.getLong(i);
                rejected += k;
                if (k > 0) {
                    String c = badCols.get(i);
                    rejects.add(withId.where(bad.get(i)).select(lit(in.name()), col(SparkSources.RECORD), lit(c),
                        badValues.get(i), badReasons.get(i)));
                }
            }
            t = t.select(typed.toArray(new Column[0]));
        }
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
        // 4. keep, 5. aliases (the aliases of brought columns are applied by the join)
        List<String> keep = new ArrayList<>();
        if (!in.keep().isEmpty()) {
            for (String k : keyCols) {
                require(types, k, in.name(), "key");
                keep.add(k);
            }
            for (String k : in.keep()) {
                require(types, k, in.name(), "keep");
                if (!keep.contains(k)) {
                    keep.add(k);
                }
            }
            t = t.select(keep.stream().map(x -> col(SparkSources.quote(x))).toArray(Column[]::new));
        }
        for (String col : t.columns()) {
            p.originalNames.put(col, col);
        }
        if (keyCols.isEmpty() && !in.aliases().isEmpty()) {
            List<Column> al = new ArrayList<>();
            Map<String, String> orig = new LinkedHashMap<>();
            for (String x : t.columns()) {
                String a = in.aliases().getOrDefault(x, x);
                al.add(col(SparkSources.quote(x)).as(a));
                orig.put(a, x);
            }
            t = t.select(al.toArray(new Column[0]));
            p.originalNames.clear();
            p.originalNames.putAll(orig);
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

    private static void require(Map<String, DataType> types, String c, String input, String what) {
        if (!types.containsKey(c)) {
            throw new SchemaException("input '" + input + "': " + what + " column '" + c + "' does not exist; columns: "
                + types.keySet());
        }
    }

    private static Column cast(Column src, DataType from, ColumnType to, String name) {
        if (from.equals(DataTypes.StringType)) {
            return SparkSources.convert(when(src.notEqual(""), src), ColumnSpec.of(name, to));
        }
        boolean fromFrac = from.equals(DataTypes.DoubleType) || from.equals(DataTypes.FloatType)
            || from instanceof org.apache.spark.sql.types.DecimalType;
        if ((to == ColumnType.INT || to == ColumnType.LONG) && fromFrac) {
            return when(src.equalTo(floor(src)), src.cast(SparkSources.sparkType(to)));
        }
        return src.cast(SparkSources.sparkType(to));
    }

    private static Column dates(Column src, DataType from, DateSpec spec, String input, String name) {
        if (spec.isInferred() || spec.patterns().isEmpty()) {
            throw new XtageException("input '" + input + "', column '" + name + "': inferred dates are parsed "
                + "through a lookup, not row by row");
        }
        if (!from.equals(DataTypes.StringType)) {
            return src.cast(SparkSources.sparkType(spec.type()));
        }
        ColumnSpec c = spec.type() == ColumnType.LOCAL_DATE
            ? ColumnSpec.date(name, spec.patterns().get().patterns().toArray(new String[0]))
            : ColumnSpec.date(name, spec.patterns().get().patterns().toArray(new String[0])).withType(spec.type());
        return SparkSources.convert(when(src.notEqual(""), src), c);
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

    private static Joined join(Dataset<Row> left, long leftRows, Map<String, String> origins, Prepared rightIn,
        JoinSpec j) {
        String rn = j.input().name();
        Dataset<Row> right = rightIn.table;
        Map<String, DataType> lt = typesOf(left);
        Map<String, DataType> rt = typesOf(right);
        List<String> lkeys = new ArrayList<>(j.leftKeys());
        lkeys.addAll(j.byLeft());
        List<String> rkeys = new ArrayList<>(j.rightKeys());
        rkeys.addAll(j.byRight());
        for (String k : lkeys) {
            if (!lt.containsKey(k)) {
                throw new SchemaException("join '" + rn + "': left key '" + k + "' is not a column of the table; "
                    + "columns: " + lt.keySet());
            }
        }
        // brought columns and their output names
        Set<String> keyCols = new HashSet<>(rkeys);
        Set<String> taken = new HashSet<>(Arrays.asList(left.columns()));
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
        r = r.select(rsel.toArray(new Column[0]));
        Column keyPresent = lit(true);
        List<Column> kcols = new ArrayList<>();
        for (int i = 0; i < rk.size(); i++) {
            keyPresent = keyPresent.and(col(KEY + i).isNotNull());
            kcols.add(col(KEY + i));
        }
        Dataset<Row> rNullKeys = r.where(org.apache.spark.sql.functions.not(keyPresent));
        r = r.where(keyPresent);
        // duplicates
        Dataset<Row> dupKeys = r.groupBy(kcols.toArray(new Column[0])).count().where(col("count").gt(1));
        long dupCount = dupKeys.count();
        List<String> dupSample = new ArrayList<>();
        if (dupCount > 0) {
            for (Row row : dupKeys.limit(SAMPLE).collectAsList()) {
                dupSample.add(render(row, rk.size()));
            }
        }
        DuplicatePolicy pol = j.duplicates();
        if (dupCount > 0 && j.cardinality().isRightUnique()) {
            switch (pol.kind()) {
                case FAIL:
                    throw new XtageException("join '" + rn + "': " + dupCount + " keys repeat in '" + rn + "', such as "
                        + dupSample + ", but the join expects " + j.cardinality().jsonName() + "; declare "
                        + "onDuplicateKeys(...) or expect(Cardinality.MANY_TO_MANY)");
                case KEEP_FIRST:
                case KEEP_LAST: {
                    WindowSpec w = Window.partitionBy(kcols.toArray(new Column[0]))
                        .orderBy(pol.kind() == DuplicatePolicy.Kind.KEEP_FIRST ? col(ORDER).asc() : col(ORDER).desc());
                    r = r.withColumn("__xtage_rn", org.apache.spark.sql.functions.row_number().over(w))
                        .where(col("__xtage_rn").equalTo(1)).drop("__xtage_rn");
                    break;
                }
                case AGGREGATE: {
                    List<Column> aggs = new ArrayList<>();
                    for (String c : brought.keySet()) {
                        Aggregate a = pol.function().orElse(pol.functions().get(c));
                        if (a == null) {
                            throw new SchemaException("join '" + rn + "': no aggregate for brought column '" + c
                                + "'; name every brought column in aggregate(Map)");
                        }
                        aggs.add(aggregate(a, col(SparkSources.quote(c)), rt.get(c)).as(c));
                    }
                    aggs.add(min(col(ORDER)).as(ORDER));
                    r = r.groupBy(kcols.toArray(new Column[0]))
                        .agg(aggs.get(0), aggs.subList(1, aggs.size()).toArray(new Column[0]));
                    break;
                }
                default:
                    throw new XtageException("join '" + rn + "': duplicate policy " + pol + " is not supported yet");
            }
        }
        if (j.type() == JoinType.FULL) {
            r = r.unionByName(rNullKeys);
        }
        r = r.withColumn(MARK, lit(true));
        boolean rightUnique = dupCount == 0 || j.cardinality().isRightUnique();
        Dataset<Row> l = left;
        if (!rightUnique) {
            l = l.withColumn(LEFT_ID, org.apache.spark.sql.functions.monotonically_increasing_id());
        }
        Dataset<Row> joined;
        List<Column> outCols = new ArrayList<>();
        if (j.type() == JoinType.ASOF) {
            joined = asOf(l, lk, r, brought.keySet(), j);
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
        Column marker = j.type() == JoinType.ASOF ? col(VAL).isNotNull() : r.col(MARK).isNotNull();
        Dataset<Row> withMark = joined.select(concat(outCols, marker.as(MARK),
            rightUnique ? lit(null).as(LEFT_ID) : l.col(LEFT_ID).as(LEFT_ID)));
        withMark = withMark.persist(StorageLevel.MEMORY_AND_DISK());
        Row agg = withMark.agg(count(lit(1)), sum(when(col(MARK), 1).otherwise(0)),
            org.apache.spark.sql.functions.countDistinct(when(col(MARK), col(LEFT_ID)))).first();
        long outRows = agg.getLong(0);
        long matched = rightUnique ? (agg.isNullAt(1) ? 0 : agg.getLong(1)) : agg.getLong(2);
        long unmatched = leftRows - matched;
        List<String> sample = new ArrayList<>();
        if (unmatched > 0) {
            Dataset<Row> um;
            if (j.type() == JoinType.INNER) {
                Column cond = lit(true);
                for (int i = 0; i < lk.size(); i++) {
                    cond = cond.and(lk.get(i).equalTo(r.col(KEY + i)));
                }
                um = left.join(r, cond, "left_anti");
                List<Column> ks = new ArrayList<>();
                for (int i = 0; i < lkeys.size(); i++) {
                    ks.add(left.col(SparkSources.quote(lkeys.get(i))));
                }
                um = um.select(ks.toArray(new Column[0]));
            } else {
                um = withMark.where(org.apache.spark.sql.functions.not(col(MARK)))
                    .select(lkeys.stream().map(k -> col(SparkSources.quote(k))).toArray(Column[]::new));
            }
            for (Row row : um.distinct().limit(SAMPLE).collectAsList()) {
                sample.add(render(row, lkeys.size()));
            }
        }
        Dataset<Row> out = withMark.drop(MARK, LEFT_ID);
        left.unpersist();
        String leftOrigin = origins.getOrDefault(lkeys.get(0), "?.?");
        origins.putAll(rightOrigins);
        Map<String, Object> rep = new LinkedHashMap<>();
        rep.put("left", leftOrigin.substring(0, leftOrigin.lastIndexOf('.')));
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

    private static Column[] concat(List<Column> cols, Column... more) {
        List<Column> all = new ArrayList<>(cols);
        all.addAll(Arrays.asList(more));
        return all.toArray(new Column[0]);
    }

    /**
     * The as-of join: the distinct left keys and the right rows, sorted together by key with right
     * rows first on a tie; {@code last(struct, ignoreNulls)} over the rows so far gives each left
     * key its right row. Then an equality join on the key brings it to every left row.
     */
    private static Dataset<Row> asOf(Dataset<Row> l, List<Column> lk, Dataset<Row> r, Set<String> brought, JoinSpec j) {
        int nb = j.byLeft().size();
        List<Column> byL = new ArrayList<>();
        for (int i = 0; i < nb; i++) {
            byL.add(lk.get(1 + i).as("__xtage_by" + i));
        }
        List<Column> leftSel = new ArrayList<>(byL);
        leftSel.add(lk.get(0).as(KEY));
        Dataset<Row> keysL = l.select(leftSel.toArray(new Column[0])).where(col(KEY).isNotNull()).distinct();
        List<Column> fields = new ArrayList<>();
        for (String c : brought) {
            fields.add(col(SparkSources.quote(c)));
        }
        fields.add(col(KEY + 0).as("__xtage_rkey"));
        List<Column> rightSel = new ArrayList<>();
        for (int i = 0; i < nb; i++) {
            rightSel.add(col(KEY + (1 + i)).as("__xtage_by" + i));
        }
        rightSel.add(col(KEY + 0).as(KEY));
        rightSel.add(lit(0).as(TAG));
        rightSel.add(struct(fields.toArray(new Column[0])).as(VAL));
        Dataset<Row> keysR = r.select(rightSel.toArray(new Column[0]));
        DataType valType = keysR.schema().apply(VAL).dataType();
        keysL = keysL.withColumn(TAG, lit(1)).withColumn(VAL, lit(null).cast(valType));
        Dataset<Row> u = keysL.unionByName(keysR);
        List<Column> part = new ArrayList<>();
        for (int i = 0; i < nb; i++) {
            part.add(col("__xtage_by" + i));
        }
        WindowSpec w = (nb == 0 ? Window.orderBy(col(KEY).asc(), col(TAG).asc())
            : Window.partitionBy(part.toArray(new Column[0])).orderBy(col(KEY).asc(), col(TAG).asc()))
            .rowsBetween(Window.unboundedPreceding(), Window.currentRow());
        Dataset<Row> m = u.withColumn("__xtage_best", last(col(VAL), true).over(w))
            .where(col(TAG).equalTo(1)).drop(VAL, TAG).withColumnRenamed("__xtage_best", VAL);
        Column cond = lk.get(0).equalTo(m.col(KEY));
        for (int i = 0; i < nb; i++) {
            cond = cond.and(lk.get(1 + i).equalTo(m.col("__xtage_by" + i)));
        }
        return l.join(org.apache.spark.sql.functions.broadcast(m), cond, "left");
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
                return t.equals(DataTypes.DoubleType) || t.equals(DataTypes.FloatType) ? sum(c) : sum(c).cast("long");
            case COUNT:
                return count(c);
            default:
                throw new XtageException("aggregate " + a + " is not supported by the Spark engine yet");
        }
    }

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

    private static Column align(Column c, DataType from, DataType to) {
        if (from.equals(to)) {
            return c;
        }
        if (from.equals(DataTypes.StringType)) {
            ColumnType t = to.equals(DataTypes.LongType) ? ColumnType.LONG : ColumnType.DOUBLE;
            return SparkSources.convert(c, ColumnSpec.of("key", t));
        }
        return c.cast(to);
    }

    private static String render(Row row, int n) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < n; i++) {
            if (i > 0) {
                sb.append('|');
            }
            sb.append(row.isNullAt(i) ? "null" : String.valueOf(row.get(i)));
        }
        return sb.toString();
    }
}
