package io.xtage.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import io.xtage.core.schema.ColumnType;
import io.xtage.preprocess.ColumnSelector;
import io.xtage.preprocess.DataPreprocessor;
import io.xtage.preprocess.FittedPreprocessor;
import io.xtage.preprocess.PreprocessException;
import io.xtage.preprocess.PreprocessReport;
import io.xtage.preprocess.PreprocessResult;
import io.xtage.preprocess.StepReport;
import io.xtage.preprocess.UnseenPolicy;
import io.xtage.preprocess.step.Aggregate;
import io.xtage.preprocess.step.Bin;
import io.xtage.preprocess.step.Cast;
import io.xtage.preprocess.step.Derive;
import io.xtage.preprocess.step.DropDuplicates;
import io.xtage.preprocess.step.Filter;
import io.xtage.preprocess.step.Impute;
import io.xtage.preprocess.step.NormalizeText;
import io.xtage.preprocess.step.OneHot;
import io.xtage.preprocess.step.Outliers;
import io.xtage.preprocess.step.Rename;
import io.xtage.preprocess.step.Scale;
import io.xtage.preprocess.step.Select;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import tech.tablesaw.api.BooleanColumn;
import tech.tablesaw.api.DateColumn;
import tech.tablesaw.api.DateTimeColumn;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * Each step type and option on both engines from the same rows: (a) the same fitted JSON
 * (doubles within 1e-9), (b) the same output cell for cell (rows compared as a multiset; Spark
 * has no row order), (c) each engine's fitted preprocessor applied on the other engine, to rows
 * with values not seen at fit time, (d) the same report of each step, in the fields the Spark
 * engine reports ({@link SparkPreprocessor.Result#report()}).
 */
class SparkPreprocessorParityTest {
    static SparkSession spark;

    @BeforeAll
    static void start() {
        spark = session("xtage-spark-preprocessor-parity-test");
    }

    @AfterAll
    static void stop() {
        spark.stop();
    }

    static SparkSession session(String name) {
        return SparkEngine.configure(SparkSession.builder().master("local[2]").appName(name)
            .config("spark.ui.enabled", "false").config("spark.sql.shuffle.partitions", "2")).getOrCreate();
    }

    // ------------------------------------------------------------------ data

    private static final String[] CATEGORIES = {"Books", "books", "Toys", "toys", "Garden", "Food", "Électronique",
        "zeta", "Alpha"};
    private static final String[] CITIES = {"Oslo", "Lima", "Rome", " Oslo ", "Unknown", "Kyiv"};
    private static final String[] TEXT = {"12", " 7 ", "1.5", "x", "2e3", "-4", "1.0", "true", "FALSE", "2022-03-04",
        "2022-03-04T05:06:07", "9223372036854775808"};

    /** Rows with missing values, ties, repeated rows and skewed levels; {@code seed} varies them. */
    static Table data(long seed, int n, boolean unseen) {
        Random r = new Random(seed);
        LongColumn id = LongColumn.create("id");
        IntColumn qty = IntColumn.create("qty");
        DoubleColumn price = DoubleColumn.create("price");
        DoubleColumn age = DoubleColumn.create("age");
        DoubleColumn empty = DoubleColumn.create("empty");
        StringColumn cat = StringColumn.create("cat");
        StringColumn city = StringColumn.create("city");
        StringColumn text = StringColumn.create("text");
        DateColumn day = DateColumn.create("day");
        BooleanColumn flag = BooleanColumn.create("flag");
        DateTimeColumn ts = DateTimeColumn.create("ts");
        for (int i = 0; i < n; i++) {
            boolean repeat = i > 0 && r.nextInt(20) == 0;
            int src = repeat ? r.nextInt(i) : -1;
            id.append(repeat ? id.get(src) : (long) i);
            if (r.nextInt(10) == 0) {
                qty.appendMissing();
            } else {
                qty.append(r.nextInt(7) - 1);
            }
            if (r.nextInt(8) == 0) {
                price.appendMissing();
            } else {
                price.append(Math.round(r.nextGaussian() * 4000) / 100.0 + 50);
            }
            if (r.nextInt(6) == 0) {
                age.appendMissing();
            } else {
                age.append(r.nextInt(5) == 0 ? 30.0 : 10 + r.nextInt(70) + 0.5 * r.nextInt(2));
            }
            empty.appendMissing();
            int k = (int) Math.min(CATEGORIES.length - 1, Math.abs(r.nextGaussian()) * 3);
            if (r.nextInt(9) == 0) {
                cat.appendMissing();
            } else {
                cat.append(unseen && r.nextInt(10) == 0 ? "Brand-new" : CATEGORIES[k]);
            }
            city.append(r.nextInt(7) == 0 ? "" : unseen && r.nextInt(12) == 0 ? "Paris"
                : CITIES[r.nextInt(CITIES.length)]);
            text.append(r.nextInt(6) == 0 ? "" : TEXT[r.nextInt(TEXT.length)]);
            if (r.nextInt(7) == 0) {
                day.appendMissing();
            } else {
                day.append(LocalDate.of(2021, 12, 25).plusDays(r.nextInt(60)));
            }
            if (r.nextInt(5) == 0) {
                flag.appendMissing();
            } else {
                flag.append(r.nextBoolean());
            }
            if (r.nextInt(6) == 0) {
                ts.appendMissing();
            } else {
                ts.append(LocalDateTime.of(2022, 1, 1, 0, 0).plusMinutes(r.nextInt(5) * 90L).plusSeconds(r.nextInt(2)
                    * 30L));
            }
        }
        return Table.create("t", id, qty, price, age, empty, cat, city, text, day, flag, ts);
    }

    static Dataset<Row> ds(Table t) {
        return SparkTables.fromTablesaw(spark, t);
    }

    // ------------------------------------------------------------------ parity

    /** Fits on {@code fit} with both engines and checks (a), (b) and (c) on {@code fit} and {@code apply}. */
    static void assertParity(SparkSession session, DataPreprocessor plan, Table fit, Table apply) {
        PreprocessResult local = plan.fitTransform(fit);
        SparkPreprocessor.Result remote = SparkPreprocessor.fitTransform(plan,
            SparkTables.fromTablesaw(session, fit));
        assertSameJson(remote.fitted().toMap(), local.fitted().toMap(), "fitted");
        assertSameTable(SparkTables.toTablesaw(remote.table(), "t"), local.table(), "fit rows");
        assertSameReport(remote.report(), local.report());
        // the JSON round trip of each engine's fitted preprocessor
        FittedPreprocessor localFitted = FittedPreprocessor.fromJson(local.fitted().toJson());
        FittedPreprocessor remoteFitted = FittedPreprocessor.fromJson(remote.fitted().toJson());
        Table expected = localFitted.transform(apply).table();
        assertSameTable(SparkTables.toTablesaw(SparkPreprocessor.transform(localFitted,
            SparkTables.fromTablesaw(session, apply)), "t"), expected, "Tablesaw-fitted on Spark");
        assertSameTable(remoteFitted.transform(apply).table(), SparkTables.toTablesaw(SparkPreprocessor.transform(
            remoteFitted, SparkTables.fromTablesaw(session, apply)), "t"), "Spark-fitted on both");
    }

    static void assertParity(DataPreprocessor plan, Table fit, Table apply) {
        assertParity(spark, plan, fit, apply);
    }

    /** (d): each step's report, in the fields the Spark engine fills; the rest it leaves empty. */
    static void assertSameReport(PreprocessReport actual, PreprocessReport expected) {
        assertThat(actual.rowsIn()).as("report: rows in").isEqualTo(expected.rowsIn());
        assertThat(actual.rowsOut()).as("report: rows out").isEqualTo(expected.rowsOut());
        assertThat(actual.rowsRemoved()).as("report: rows removed").isEqualTo(expected.rowsRemoved());
        assertThat(actual.steps()).as("report: steps").hasSameSizeAs(expected.steps());
        for (int i = 0; i < expected.steps().size(); i++) {
            StepReport e = expected.step(i);
            String what = "report of step " + i + " (" + e.name() + ")";
            assertSameJson(masked(actual.step(i).toMap()), masked(sparkPart(e)), what);
        }
    }

    /**
     * The fields of a one-machine step report that the Spark engine fills: all but the details
     * (except a filter's null conditions and the rows outside per column of a removing
     * {@code outliers}), and the cells changed and notes except of {@code impute}.
     */
    static Map<String, Object> sparkPart(StepReport r) {
        Map<String, Object> m = new LinkedHashMap<>(r.toMap());
        boolean details = r.name().equals("filter") || r.details().containsKey("outside_per_column");
        if (!details) {
            m.put("details", Map.of());
        }
        if (!r.name().equals("impute")) {
            m.put("cells_changed", Map.of());
            m.put("notes", List.of());
        }
        return m;
    }

    /**
     * The fill value of an impute note as a number, so that a mean of doubles compares within
     * rounding as the fitted value in {@code params} does.
     */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> masked(Map<String, Object> report) {
        Map<String, Object> m = new LinkedHashMap<>(report);
        List<Object> notes = new ArrayList<>();
        for (String n : (List<String>) m.get("notes")) {
            java.util.regex.Matcher x = java.util.regex.Pattern.compile("(.* imputed with )(-?[0-9]+\\.[0-9]+(?:E-?[0-9]+)?)( .*)")
                .matcher(n);
            notes.add(x.matches() ? List.of(x.group(1) + x.group(3), Double.parseDouble(x.group(2))) : n);
        }
        m.put("notes", notes);
        return m;
    }

    @SuppressWarnings("unchecked")
    static void assertSameJson(Object actual, Object expected, String path) {
        if (expected instanceof Map) {
            assertThat(actual).as(path).isInstanceOf(Map.class);
            Map<String, Object> a = (Map<String, Object>) actual;
            Map<String, Object> e = (Map<String, Object>) expected;
            assertThat(new ArrayList<>(a.keySet())).as(path + " keys").isEqualTo(new ArrayList<>(e.keySet()));
            for (String k : e.keySet()) {
                assertSameJson(a.get(k), e.get(k), path + "." + k);
            }
        } else if (expected instanceof List) {
            assertThat(actual).as(path).isInstanceOf(List.class);
            List<Object> a = (List<Object>) actual;
            List<Object> e = (List<Object>) expected;
            assertThat(a).as(path + " size").hasSameSizeAs(e);
            for (int i = 0; i < e.size(); i++) {
                assertSameJson(a.get(i), e.get(i), path + "[" + i + "]");
            }
        } else if (expected instanceof Double && actual instanceof Double) {
            assertClose((Double) actual, (Double) expected, path);
        } else {
            assertThat(actual).as(path).isEqualTo(expected);
        }
    }

    static void assertClose(double actual, double expected, String what) {
        if (Double.isNaN(expected) || Double.isInfinite(expected)) {
            assertThat(actual).as(what).isEqualTo(expected);
            return;
        }
        assertThat(Math.abs(actual - expected)).as(what + ": " + actual + " vs " + expected)
            .isLessThanOrEqualTo(1e-9 * Math.max(1.0, Math.abs(expected)));
    }

    /** Same columns (names, types, order) and the same rows as a multiset, doubles within 1e-9. */
    static void assertSameTable(Table actual, Table expected, String what) {
        assertThat(actual.columnNames()).as(what + ": columns").isEqualTo(expected.columnNames());
        for (int c = 0; c < expected.columnCount(); c++) {
            assertThat(actual.column(c).type()).as(what + ": type of " + expected.column(c).name())
                .isEqualTo(expected.column(c).type());
        }
        assertThat(actual.rowCount()).as(what + ": rows").isEqualTo(expected.rowCount());
        List<List<Object>> a = SortedRows.of(actual);
        List<List<Object>> e = SortedRows.of(expected);
        for (int i = 0; i < e.size(); i++) {
            for (int c = 0; c < expected.columnCount(); c++) {
                Object x = a.get(i).get(c);
                Object y = e.get(i).get(c);
                String where = what + ": row " + i + " column " + expected.column(c).name() + " " + e.get(i);
                if (x instanceof Double && y instanceof Double) {
                    assertClose((Double) x, (Double) y, where);
                } else {
                    assertThat(x).as(where).isEqualTo(y);
                }
            }
        }
    }

    private static final Table FIT = data(1, 300, false);
    private static final Table APPLY = data(2, 200, true);

    private static DataPreprocessor plan(io.xtage.preprocess.Step... steps) {
        return DataPreprocessor.builder().steps(List.of(steps)).build();
    }

    // ------------------------------------------------------------------ tests

    @Test
    void quantileBinsHaveTheSameEdgesAndLabels() {
        assertParity(plan(Bin.quantiles("price", 4), Bin.quantiles("qty", 3).labels("lo", "mid", "hi").into("qty_q"),
            Bin.quantiles("age", 10).into("age")), FIT, APPLY);
    }

    @Test
    void quantileBinsMergeEqualEdgesAsTheOneMachineEngine() {
        // qty has seven values for ten bins
        assertParity(plan(Bin.quantiles("qty", 10)), FIT, APPLY);
    }

    @Test
    void fixedBinsWithOpenEndsAndAnEmptyLabel() {
        assertParity(plan(Bin.of("price").bin("(,0)", "neg").bin("[0,50]", "").bin("(50,inf)", "high"),
            Bin.edges("qty", 0, 2, 5).closedLeft().into("qty_bin")), FIT, APPLY);
    }

    @Test
    void imputeEveryStrategyWithIndicators() {
        assertParity(plan(Impute.mean("price", "qty").indicator(), Impute.median("age").indicator("_was_missing"),
            Impute.mostFrequent("cat", "day", "flag", "ts").indicator(), Impute.constant("none", "city").indicator(),
            Impute.median("empty").ifAllMissing(1.5)), FIT, APPLY);
    }

    @Test
    void imputeMedianOfIntegersRoundsHalfToEven() {
        assertParity(plan(Impute.median("qty"), Impute.mean(ColumnSelector.names("id"))), FIT, APPLY);
    }

    @Test
    void imputeWithoutValuesOrFallbackFailsOnBothEngines() {
        DataPreprocessor p = plan(Impute.mean("empty"));
        assertThatThrownBy(() -> p.fit(FIT)).isInstanceOf(PreprocessException.class);
        assertThatThrownBy(() -> SparkPreprocessor.fit(p, ds(FIT))).isInstanceOf(PreprocessException.class)
            .hasMessageContaining("all 300 values are missing").hasMessageContaining("empty");
    }

    @Test
    void oneHotWithMaxLevelsMapsInfrequentAndUnseenToOther() {
        assertParity(plan(OneHot.of("cat").ignoreCase().maxLevels(3).unseen(UnseenPolicy.MAP_TO_OTHER)), FIT, APPLY);
    }

    @Test
    void oneHotIgnoringUnseenKeepsTheSourceInPlace() {
        assertParity(plan(NormalizeText.of("city").trim(),
            OneHot.of("city").unseen(UnseenPolicy.IGNORE).keepSource().inPlace(),
            OneHot.of("cat").ignoreCase().maxLevels(2).unseen(UnseenPolicy.IGNORE)), FIT, APPLY);
    }

    @Test
    void oneHotUnseenValuesFailWithErrorOnBothEngines() {
        FittedPreprocessor f = plan(OneHot.of("cat").ignoreCase()).fit(FIT);
        assertThatThrownBy(() -> f.transform(APPLY)).isInstanceOf(PreprocessException.class);
        assertThatThrownBy(() -> SparkPreprocessor.transform(f, ds(APPLY))).isInstanceOf(PreprocessException.class)
            .hasMessageContaining("not seen at fit time").hasMessageContaining("Brand-new");
    }

    @Test
    void oneHotLevelsThatDifferOnlyInCaseFailOnBothEngines() {
        DataPreprocessor p = plan(OneHot.of("cat"));
        assertThatThrownBy(() -> p.fit(FIT)).isInstanceOf(PreprocessException.class);
        assertThatThrownBy(() -> SparkPreprocessor.fit(p, ds(FIT))).isInstanceOf(PreprocessException.class)
            .hasMessageContaining("would both be column");
    }

    @Test
    void scaleRobustMinMaxAndStandard() {
        assertParity(plan(Scale.robust("price", "qty"), Scale.minMax("age").suffix("_01"),
            Scale.standard("id").into("id_z")), FIT, APPLY);
    }

    @Test
    void outliersClipAndRemove() {
        assertParity(plan(Outliers.clip(0, 4.5, "qty", "price"), Outliers.clipQuantiles(0.05, 0.9, "age")), FIT,
            APPLY);
        assertParity(plan(Outliers.removeIqr(0.5, "price", "qty")), FIT, APPLY);
        assertParity(plan(Outliers.removeZScore(1.5, ColumnSelector.names("age", "price"))), FIT, APPLY);
    }

    @Test
    void castConvertsAsTheOneMachineEngine() {
        Table fit = FIT.copy();
        fit.addColumns(fit.stringColumn("text").copy().setName("text2"), fit.stringColumn("text").copy().setName("text3"),
            fit.stringColumn("text").copy().setName("text4"), fit.stringColumn("text").copy().setName("text5"));
        Table apply = APPLY.copy();
        apply.addColumns(apply.stringColumn("text").copy().setName("text2"),
            apply.stringColumn("text").copy().setName("text3"), apply.stringColumn("text").copy().setName("text4"),
            apply.stringColumn("text").copy().setName("text5"));
        assertParity(plan(Cast.to(ColumnType.LONG, "text").onInvalid(Cast.OnInvalid.MISSING),
            Cast.to(ColumnType.DOUBLE, "text2").onInvalid(Cast.OnInvalid.MISSING),
            Cast.to(ColumnType.BOOLEAN, "text3").onInvalid(Cast.OnInvalid.MISSING),
            Cast.to(ColumnType.LOCAL_DATE, "text4").onInvalid(Cast.OnInvalid.MISSING),
            Cast.to(ColumnType.LOCAL_DATE_TIME, "text5").onInvalid(Cast.OnInvalid.MISSING),
            Cast.to(ColumnType.STRING, "price", "day", "ts", "flag"),
            Cast.to(ColumnType.INT, "id"), Cast.to(ColumnType.DOUBLE, "qty"),
            Cast.to(ColumnType.LOCAL_DATE, ColumnSelector.ofType(ColumnType.LOCAL_DATE_TIME))), fit, apply);
    }

    @Test
    void castOfAValueThatDoesNotConvertFailsOnBothEngines() {
        DataPreprocessor p = plan(Cast.to(ColumnType.LONG, "text"));
        assertThatThrownBy(() -> p.fitTransform(FIT)).isInstanceOf(PreprocessException.class);
        assertThatThrownBy(() -> SparkPreprocessor.fitTransform(p, ds(FIT))).isInstanceOf(PreprocessException.class)
            .hasMessageContaining("cannot convert").hasMessageContaining("'text'");
    }

    @Test
    void renameSelectAndDrop() {
        assertParity(plan(Rename.column("price", "cost").and("cost2", "x"), Select.of("cost", "id", "cat", "qty"),
            Select.drop("qty")).toBuilder().build(), withColumn(FIT, "cost2"), withColumn(APPLY, "cost2"));
        assertParity(plan(Rename.column("price", "qty").and("qty", "price")), FIT, APPLY);
    }

    private static Table withColumn(Table t, String name) {
        Table c = t.copy();
        c.addColumns(c.doubleColumn("price").copy().setName(name));
        return c;
    }

    @Test
    void aggregateByKeysAndOverAllRows() {
        assertParity(plan(Aggregate.groupBy("cat", "flag").count().sum("qty").sum("price").mean("price")
            .median("age").median("qty").min("day").max("city").min("ts").count("age")), FIT, APPLY);
    }

    @Test
    void aggregateOverAllRows() {
        assertParity(plan(Aggregate.groupBy().count().sum("id").max("cat").median("price")), FIT, APPLY);
    }

    @Test
    void selectorsResolveInTheSameOrder() {
        assertParity(plan(Impute.median(ColumnSelector.numeric().except("id", "empty")),
            NormalizeText.of(ColumnSelector.text()).trim().upperCase(),
            Scale.standard(ColumnSelector.pattern("p.*|a.e")).suffix("_z"),
            Select.drop(ColumnSelector.ofType(ColumnType.BOOLEAN, ColumnType.LOCAL_DATE_TIME)),
            OneHot.of(ColumnSelector.pattern("ci.*")).unseen(UnseenPolicy.IGNORE),
            Select.of(ColumnSelector.all().except("text"))), FIT, APPLY);
    }

    @Test
    void dropDuplicatesKeepsTheFirstOrLastInRowOrder() {
        assertParity(plan(DropDuplicates.on("id")), FIT, APPLY);
        assertParity(plan(DropDuplicates.on("cat", "flag").keepLast()), FIT, APPLY);
        assertParity(plan(DropDuplicates.allColumns()), FIT, APPLY);
    }

    @Test
    void filterAndDeriveInAChain() {
        assertParity(plan(Filter.keepWhere("price >= 0 or price is null"),
            Derive.of("total", "qty * price"), Derive.of("late", "day > '2022-01-15'"),
            Filter.dropWhere("cat in ('Toys', 'toys') and not flag"), Impute.mean("total").indicator(),
            Bin.quantiles("total", 5)), FIT, APPLY);
    }

    @Test
    void reportCountsRowsPerStepWithTheRemovalReason() {
        PreprocessReport r = SparkPreprocessor.fitTransform(plan(Filter.dropWhere("price < 40"),
            DropDuplicates.on("id"), Impute.median("age"), Outliers.removeIqr(0.5, "qty")), ds(FIT)).report();

        assertThat(r.rowsIn()).isEqualTo(300);
        assertThat(r.rowsIn()).isEqualTo(r.rowsOut() + r.rowsRemoved());
        assertThat(r.step(0).rowsRemoved()).isPositive();
        assertThat(r.step(0).removalReason()).isEqualTo("matches price < 40");
        assertThat(r.step(0).details()).containsKey("null_conditions");
        assertThat(r.step(1).rowsIn()).isEqualTo(r.step(0).rowsOut());
        assertThat(r.step(1).removalReason()).isEqualTo("duplicate of an earlier row on 'id'");
        assertThat(r.step(2).rowsRemoved()).isZero();
        assertThat(r.step(2).cellsChanged()).containsKey("age");
        assertThat(r.step(2).notes()).singleElement().asString().contains("missing values in 'age' imputed with");
        assertThat(r.step(3).removalReason()).startsWith("outside the fitted IQR fences in {qty=");
    }

    @Test
    void aUserStepTypeFailsNamingIt() {
        io.xtage.preprocess.Step custom = new io.xtage.preprocess.StatelessStep() {
            @Override
            public String type() {
                return "my_clamp";
            }

            @Override
            public Map<String, Object> toMap() {
                return Map.of();
            }

            @Override
            public io.xtage.preprocess.Transformed transform(Table table) {
                throw new UnsupportedOperationException();
            }
        };
        assertThatThrownBy(() -> SparkPreprocessor.fit(plan(custom), ds(FIT)))
            .isInstanceOf(io.xtage.core.XtageException.class).hasMessageContaining("my_clamp");
    }

    /** One random example: rows from a seed, and the options of a chain of statistics steps. */
    record Chain(long seed, int rows, Optional<Integer> iqrHalves, int quantiles, int maxLevels) {
        DataPreprocessor plan() {
            List<io.xtage.preprocess.Step> steps = new ArrayList<>();
            steps.add(Impute.median("price", "age").indicator());
            iqrHalves.ifPresent(k -> steps.add(Outliers.removeIqr(k * 0.5, "price")));
            steps.add(Bin.quantiles("age", quantiles));
            steps.add(OneHot.of("cat").ignoreCase().maxLevels(maxLevels).unseen(UnseenPolicy.MAP_TO_OTHER));
            steps.add(Scale.robust(ColumnSelector.numeric().except("id", "empty")));
            return DataPreprocessor.builder().steps(steps).build();
        }
    }

    static Gen<Chain> chains() {
        return longs().all().zip(integers().between(60, 259), integers().between(0, 2).toOptionals(50),
            integers().between(2, 7), integers().between(1, 4), Chain::new);
    }

    /**
     * Property: for random data and a random chain of statistics steps, both engines agree, in
     * rows, fitted values and reports (few examples, no shrinking to speak of: each example is a
     * few dozen Spark jobs).
     */
    @Test
    void randomChainsAgreeOnRandomData() {
        qt().withFixedSeed(42).withExamples(4).withShrinkCycles(2).forAll(chains()).checkAssert(c ->
            assertParity(c.plan(), data(c.seed(), c.rows(), false), data(c.seed() + 1, 50, true)));
    }
}
