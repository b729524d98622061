package io.xtage.spark;

import static io.xtage.spark.SparkStandardizerParityTest.assertSame;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.xtage.core.XtageException;
import io.xtage.core.standardize.Aggregate;
import io.xtage.core.standardize.Cardinality;
import io.xtage.core.standardize.CardinalityException;
import io.xtage.core.standardize.DuplicatePolicy;
import io.xtage.core.standardize.RowFilter;
import io.xtage.core.standardize.StandardizationPlan;
import io.xtage.core.standardize.Standardizer;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.DateColumn;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/** Equi-joins on Spark: reject_unmatched, duplicate policies and aggregates, as the one-machine engine. */
class SparkStandardizerJoinsTest {
    static SparkSession spark;

    @BeforeAll
    static void startSpark() {
        spark = SparkStandardizerParityTest.start("xtage-spark-standardizer-joins-test");
    }

    @AfterAll
    static void stopSpark() {
        spark.stop();
    }

    private static final long NA = Long.MIN_VALUE;

    private static Table orders() {
        return Table.create("orders", LongColumn.create("id", 1, 2, 3, 4, 5, 6, 7),
            LongColumn.create("product", 10, 11, NA, 12, 10, 13, 11),
            StringColumn.create("shop", "a", "b", "a", "", "b", "a", "c"),
            DoubleColumn.create("qty", 1, 2, 3, 4, 5, 6, 7));
    }

    private static Table products() {
        return Table.create("products", IntColumn.create("product", 10, 11, 11, 12, 10, 14, Integer.MIN_VALUE),
            DoubleColumn.create("price", 1.5, 2.0, 3.0, Double.NaN, 2.5, 9.0, 7.0),
            StringColumn.create("name", "pen", "ink", "nib", "pad", "", "cap", "box"),
            LongColumn.create("stock", 5, Long.MAX_VALUE, 7, NA, 3, 1, 2),
            DateColumn.create("since", LocalDate.of(2020, 1, 1), LocalDate.of(2021, 1, 1), null,
                LocalDate.of(2019, 5, 1), LocalDate.of(2022, 1, 1), LocalDate.of(2018, 1, 1), LocalDate.of(2017, 1, 1)));
    }

    private static Map<String, Table> tables() {
        Map<String, Table> m = new LinkedHashMap<>();
        m.put("orders", orders());
        m.put("products", products());
        return m;
    }

    @Test
    void rejectUnmatchedOnALeftJoinWritesTheOneMachineRejects() {
        StandardizationPlan plan = Standardizer.from("orders").where(RowFilter.ne("id", 2L)).leftJoin("products")
            .on("product").onDuplicateKeys(DuplicatePolicy.KEEP_FIRST).rejectUnmatched().build();
        SparkStandardizerParityTest.Both b = assertSame(spark, plan, tables());
        assertThat(b.remoteRejects).containsExactlyInAnyOrder(
            "orders|3|product|null|the key is missing, so it matches no row of 'products' (left join)",
            "orders|6|product|13|no row of 'products' has this key (left join)");
    }

    @Test
    void rejectUnmatchedOnAnInnerJoinSaysTheRowIsDropped() {
        StandardizationPlan plan = Standardizer.from("orders").innerJoin("products").on("product")
            .onDuplicateKeys(DuplicatePolicy.KEEP_LAST).rejectUnmatched().build();
        SparkStandardizerParityTest.Both b = assertSame(spark, plan, tables());
        assertThat(b.remoteRejects).contains("orders|6|product|13|no row of 'products' has this key (inner join, row "
            + "dropped)");
    }

    @Test
    void rejectUnmatchedOnTwoKeysRendersBoth() {
        Table stock = Table.create("stock", LongColumn.create("product", 10, 11, 12),
            StringColumn.create("shop", "a", "b", "a"), LongColumn.create("units", 1, 2, 3));
        Map<String, Table> t = new LinkedHashMap<>();
        t.put("orders", orders());
        t.put("stock", stock);
        StandardizationPlan plan = Standardizer.from("orders").leftJoin("stock").on("product", "shop")
            .rejectUnmatched().build();
        SparkStandardizerParityTest.Both b = assertSame(spark, plan, t);
        assertThat(b.remoteRejects).contains("orders|4|product,shop|(12, null)|the key is missing, so it matches no "
            + "row of 'products' (left join)".replace("products", "stock"));
    }

    @Test
    void aFullJoinCountsOnlyLeftRowsAsMatchedAndRejectsFollowTheFactRows() {
        // the full join appends products 14 and the missing key; the second join rejects them with record 0
        Table shops = Table.create("shops", StringColumn.create("shop", "a", "b"), StringColumn.create("city", "X", "Y"));
        Map<String, Table> t = new LinkedHashMap<>(tables());
        t.put("shops", shops);
        StandardizationPlan plan = Standardizer.from("orders").fullJoin("products").on("product")
            .onDuplicateKeys(DuplicatePolicy.KEEP_FIRST).leftJoin("shops").on("shop").rejectUnmatched().build();
        SparkStandardizerParityTest.Both b = assertSame(spark, plan, t);
        assertThat(b.remoteRejects).anyMatch(x -> x.startsWith("orders|0|shop|null|"));
    }

    @Test
    void keepFirstAndKeepLastFollowTheRightInputsOrder() {
        assertSame(spark, Standardizer.from("orders").leftJoin("products").on("product")
            .onDuplicateKeys(DuplicatePolicy.KEEP_FIRST).build(), tables());
        assertSame(spark, Standardizer.from("orders").leftJoin("products").on("product")
            .onDuplicateKeys(DuplicatePolicy.KEEP_LAST).build(), tables());
    }

    @Test
    void aggregatesPerColumnIgnoreMissingValues() {
        Map<String, Aggregate> fns = new LinkedHashMap<>();
        fns.put("price", Aggregate.MEAN);
        fns.put("name", Aggregate.MAX);
        fns.put("stock", Aggregate.COUNT);
        fns.put("since", Aggregate.MIN);
        assertSame(spark, Standardizer.from("orders").leftJoin("products").on("product")
            .onDuplicateKeys(DuplicatePolicy.aggregate(fns)).build(), tables());
    }

    @Test
    void everyAggregateOnEveryColumnItAccepts() {
        for (Aggregate a : new Aggregate[] {Aggregate.MIN, Aggregate.MAX, Aggregate.COUNT}) {
            assertSame(spark, Standardizer.from("orders").leftJoin("products").on("product").keep("price", "name",
                "since").onDuplicateKeys(DuplicatePolicy.aggregate(a)).build(), tables());
        }
        for (Aggregate a : new Aggregate[] {Aggregate.MEAN, Aggregate.SUM}) {
            assertSame(spark, Standardizer.from("orders").leftJoin("products").on("product").keep("price")
                .onDuplicateKeys(DuplicatePolicy.aggregate(a)).build(), tables());
        }
    }

    @Test
    void aggregatesApplyWhenNoKeyRepeatsAndToRightRowsWithAMissingKey() {
        Table p = products().dropRows(2, 4);
        Map<String, Table> t = new LinkedHashMap<>();
        t.put("orders", orders());
        t.put("products", p);
        Map<String, Aggregate> fns = new LinkedHashMap<>();
        fns.put("price", Aggregate.MEAN);
        fns.put("name", Aggregate.COUNT);
        fns.put("stock", Aggregate.SUM);
        fns.put("since", Aggregate.MAX);
        assertSame(spark, Standardizer.from("orders").fullJoin("products").on("product")
            .onDuplicateKeys(DuplicatePolicy.aggregate(fns)).build(), t);
    }

    @Test
    void aLongSumThatOverflowsFailsAsInTheOneMachineEngine() {
        StandardizationPlan plan = Standardizer.from("orders").leftJoin("products").on("product").keep("stock")
            .onDuplicateKeys(DuplicatePolicy.aggregate(Aggregate.SUM)).build();
        String expected = message(() -> plan.run(tables()));
        assertThat(expected).contains("overflows LONG");
        assertThatThrownBy(() -> SparkStandardizer.run(plan, SparkStandardizerParityTest.datasets(spark, tables())))
            .isInstanceOf(XtageException.class).hasMessage(expected);
    }

    @Test
    void aggregateErrorsNameTheColumnAsTheOneMachineEngineDoes() {
        StandardizationPlan mean = Standardizer.from("orders").leftJoin("products").on("product").keep("name")
            .onDuplicateKeys(DuplicatePolicy.aggregate(Aggregate.MEAN)).build();
        StandardizationPlan unknown = Standardizer.from("orders").leftJoin("products").on("product").keep("price")
            .onDuplicateKeys(DuplicatePolicy.aggregate(Map.of("colour", Aggregate.MAX))).build();
        StandardizationPlan unnamed = Standardizer.from("orders").leftJoin("products").on("product")
            .keep("price", "name").onDuplicateKeys(DuplicatePolicy.aggregate(Map.of("price", Aggregate.MAX))).build();
        for (StandardizationPlan plan : new StandardizationPlan[] {mean, unknown, unnamed}) {
            String expected = message(() -> plan.run(tables()));
            assertThatThrownBy(() -> SparkStandardizer.run(plan, SparkStandardizerParityTest.datasets(spark, tables())))
                .isInstanceOf(XtageException.class).hasMessage(expected);
        }
    }

    @Test
    void manyToManyMultipliesRowsAndCountsEachLeftRowOnce() {
        assertSame(spark, Standardizer.from("orders").leftJoin("products").on("product")
            .expect(Cardinality.MANY_TO_MANY).rejectUnmatched().build(), tables());
    }

    @Test
    void repeatedRightKeysFailWithTheOneMachineCardinalityException() {
        assertSameFailure(Standardizer.from("orders").leftJoin("products").on("product").build(), "right");
    }

    @Test
    void repeatedLeftKeysFailWhenTheCardinalitySaysOneToMany() {
        assertSameFailure(Standardizer.from("orders").leftJoin("products").on("product")
            .expect(Cardinality.ONE_TO_MANY).build(), "left");
    }

    @Test
    void repeatedLeftKeysFailOneToOneOnceTheRightRepeatsAreResolved() {
        assertSameFailure(Standardizer.from("orders").innerJoin("products").on("product")
            .expect(Cardinality.ONE_TO_ONE).onDuplicateKeys(DuplicatePolicy.KEEP_FIRST).build(), "left");
    }

    @Test
    void repeatedTextLeftKeysAreComparedTrimmedAndShownAsTheyAre() {
        Map<String, Table> t = new LinkedHashMap<>();
        t.put("a", Table.create("a", StringColumn.create("k", "x", " y", "x ", "", "  ", "y", "z"),
            IntColumn.create("n", 1, 2, 3, 4, 5, 6, 7)));
        t.put("b", Table.create("b", StringColumn.create("k", "x", "y"), IntColumn.create("m", 1, 2)));
        CardinalityException e = assertSameFailure(Standardizer.from("a").leftJoin("b").on("k")
            .expect(Cardinality.ONE_TO_ONE).build(), t, "left");
        assertThat(e.repeatedKeySample()).containsExactly("x", " y");
    }

    @Test
    void repeatedRightKeysOfAnAsOfJoinFailAsManyToOne() {
        assertSameFailure(Standardizer.from("orders").asOfJoin("products").on("product").build(), "right");
    }

    @Test
    void uniqueLeftKeysPassOneToOneAndMissingKeysAreNoRepeats() {
        StandardizationPlan plan = Standardizer.from("orders").where(RowFilter.le("id", 4L)).leftJoin("products")
            .on("product").expect(Cardinality.ONE_TO_ONE).onDuplicateKeys(DuplicatePolicy.KEEP_LAST).build();
        Table orders = orders();
        orders.longColumn("product").setMissing(0);
        Map<String, Table> t = new LinkedHashMap<>();
        t.put("orders", orders);
        t.put("products", products());
        assertSame(spark, plan, t);
    }

    private static CardinalityException assertSameFailure(StandardizationPlan plan, String side) {
        return assertSameFailure(plan, tables(), side);
    }

    private static CardinalityException assertSameFailure(StandardizationPlan plan, Map<String, Table> t, String side) {
        CardinalityException expected = null;
        try {
            plan.run(t);
        } catch (CardinalityException e) {
            expected = e;
        }
        assertThat(expected).as("the one-machine engine fails").isNotNull();
        assertThat(expected.side()).isEqualTo(side);
        CardinalityException local = expected;
        CardinalityException[] remote = new CardinalityException[1];
        assertThatThrownBy(() -> SparkStandardizer.run(plan, SparkStandardizerParityTest.datasets(spark, t)))
            .isInstanceOfSatisfying(CardinalityException.class, e -> {
                assertThat(e.join()).isEqualTo(local.join());
                assertThat(e.side()).isEqualTo(local.side());
                assertThat(e.expected()).isEqualTo(local.expected());
                assertThat(e.repeatedKeys()).isEqualTo(local.repeatedKeys());
                assertThat(e.repeatedKeySample()).isEqualTo(local.repeatedKeySample());
                remote[0] = e;
            })
            .hasMessage(local.getMessage());
        return remote[0];
    }

    private static String message(Runnable r) {
        try {
            r.run();
        } catch (XtageException e) {
            return e.getMessage();
        }
        throw new AssertionError("the one-machine engine did not fail");
    }
}
