package io.xtage.spark;

import static io.xtage.spark.SparkStandardizerParityTest.assertSame;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.xtage.core.SchemaException;
import io.xtage.core.standardize.Aggregate;
import io.xtage.core.standardize.DuplicatePolicy;
import io.xtage.core.standardize.StandardizationPlan;
import io.xtage.core.standardize.Standardizer;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.DateColumn;
import tech.tablesaw.api.DateTimeColumn;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/** As-of joins on Spark with a tolerance: the one-machine engine's matches, reports and rejects. */
class SparkStandardizerAsOfTest {
    static SparkSession spark;

    @BeforeAll
    static void startSpark() {
        spark = SparkStandardizerParityTest.start("xtage-spark-standardizer-asof-test");
    }

    @AfterAll
    static void stopSpark() {
        spark.stop();
    }

    private static final long NA = Long.MIN_VALUE;

    private static Table longFacts() {
        return Table.create("l", LongColumn.create("id", 1, 2, 3, 4, 5, 6, 7, 8, 9),
            LongColumn.create("k", 1, 5, 10, 11, 12, NA, 3, -1, 100));
    }

    private static Table longRates() {
        return Table.create("r", IntColumn.create("k", 0, 5, 9, 98), StringColumn.create("v", "a", "b", "c", "d"));
    }

    @Test
    void toleranceOnIntegerKeysIncludesTheBoundary() {
        // 11 is exactly 2 after 9 (kept), 12 is 3 after (refused); 3 is 3 after 0 (refused)
        StandardizationPlan plan = Standardizer.from("l").asOfJoin("r").on("k").tolerance(2).build();
        SparkStandardizerParityTest.Both b = assertSame(spark, plan, Map.of("l", longFacts(), "r", longRates()));
        assertThat(b.remote.joinReports().get(0).get("matched_left_rows")).isEqualTo(5L);
    }

    @Test
    void aFractionalToleranceOnIntegerKeysRoundsDown() {
        StandardizationPlan plan = Standardizer.from("l").asOfJoin("r").on("k").tolerance(2.9).build();
        assertSame(spark, plan, Map.of("l", longFacts(), "r", longRates()));
    }

    @Test
    void aZeroToleranceMatchesEqualKeysOnly() {
        StandardizationPlan plan = Standardizer.from("l").asOfJoin("r").on("k").tolerance(0).build();
        SparkStandardizerParityTest.Both b = assertSame(spark, plan, Map.of("l", longFacts(), "r", longRates()));
        assertThat(b.remote.joinReports().get(0).get("matched_left_rows")).isEqualTo(1L);
    }

    @Test
    void toleranceOnDoubleKeysAgainstIntegerKeys() {
        Table l = Table.create("l", LongColumn.create("id", 1, 2, 3, 4, 5, 6),
            DoubleColumn.create("k", 2.5, 2.5000001, Double.NaN, -0.0, 9.0, 4.75));
        Table r = Table.create("r", IntColumn.create("k", 0, 2, 4), StringColumn.create("v", "a", "b", "c"));
        StandardizationPlan plan = Standardizer.from("l").asOfJoin("r").on("k").tolerance(0.5).build();
        assertSame(spark, plan, Map.of("l", l, "r", r));
    }

    private static Table dayFacts() {
        return Table.create("sales", LongColumn.create("id", 1, 2, 3, 4, 5, 6, 7, 8),
            StringColumn.create("ccy", "EUR", "EUR", "EUR", "USD", "GBP", "", "USD", "EUR"),
            DateColumn.create("day", LocalDate.of(2022, 1, 3), LocalDate.of(2022, 1, 5), LocalDate.of(2021, 12, 31),
                LocalDate.of(2022, 1, 2), LocalDate.of(2022, 1, 3), LocalDate.of(2022, 1, 3), null,
                LocalDate.of(2022, 1, 2)));
    }

    private static Table dayRates() {
        return Table.create("rates", StringColumn.create("ccy", "EUR", "EUR", "USD", "USD", "EUR"),
            DateColumn.create("day", LocalDate.of(2022, 1, 1), LocalDate.of(2022, 1, 3), LocalDate.of(2022, 1, 1),
                LocalDate.of(2022, 1, 1), LocalDate.of(2022, 1, 3)),
            DoubleColumn.create("rate", 1.1, 1.2, 0.9, 0.95, 1.3));
    }

    @Test
    void toleranceInDaysWithByColumnsAndRepeatedKeysAveraged() {
        // USD 2022-01-01 and EUR 2022-01-03 repeat and are averaged; GBP has no rows; EUR 2022-01-05 is 2 days late
        StandardizationPlan plan = Standardizer.from("sales").asOfJoin("rates").on("day").by("ccy").tolerance(1)
            .onDuplicateKeys(DuplicatePolicy.aggregate(Aggregate.MEAN)).build();
        assertSame(spark, plan, Map.of("sales", dayFacts(), "rates", dayRates()));
    }

    @Test
    void toleranceInDaysWithRejectUnmatchedNamesGroupAndTolerance() {
        StandardizationPlan plan = Standardizer.from("sales").asOfJoin("rates").on("day").by("ccy").tolerance(1)
            .onDuplicateKeys(DuplicatePolicy.KEEP_LAST).rejectUnmatched().build();
        SparkStandardizerParityTest.Both b = assertSame(spark, plan, Map.of("sales", dayFacts(), "rates", dayRates()));
        assertThat(b.remoteRejects).contains("sales|2|ccy,day|(EUR, 2022-01-05)|no row of 'rates' has a key at or "
            + "before this one in its [ccy] group within tolerance 1.0 (asof join)");
        assertThat(b.remoteRejects).contains("sales|7|ccy,day|(USD, null)|the key is missing, so it matches no row "
            + "of 'rates' (asof join)");
    }

    @Test
    void toleranceInSecondsOnDateTimesCountsMilliseconds() {
        LocalDateTime t0 = LocalDateTime.of(2022, 1, 1, 10, 0);
        Table l = Table.create("l", LongColumn.create("id", 1, 2, 3, 4, 5),
            DateTimeColumn.create("at", t0.plusSeconds(60).plusNanos(500_000_000), t0.plusSeconds(60).plusNanos(501_000_000),
                t0, t0.minusNanos(1_000_000), null));
        Table r = Table.create("r", DateTimeColumn.create("at", t0), StringColumn.create("v", "a"));
        StandardizationPlan plan = Standardizer.from("l").asOfJoin("r").on("at").tolerance(60.5).build();
        SparkStandardizerParityTest.Both b = assertSame(spark, plan, Map.of("l", l, "r", r));
        assertThat(b.remote.joinReports().get(0).get("matched_left_rows")).isEqualTo(2L);
    }

    @Test
    void anEmptyRightSideMatchesNothingAndRejectsEveryRow() {
        Table r = Table.create("r", IntColumn.create("k"), StringColumn.create("v"));
        StandardizationPlan plan = Standardizer.from("l").asOfJoin("r").on("k").tolerance(3).rejectUnmatched().build();
        SparkStandardizerParityTest.Both b = assertSame(spark, plan, Map.of("l", longFacts(), "r", r));
        assertThat(b.remoteRejects).hasSize(9);
    }

    @Test
    void manyUnmatchedKeysAreSampledInTheLeftTablesOrder() {
        long[] k = new long[40];
        long[] id = new long[40];
        for (int i = 0; i < k.length; i++) {
            id[i] = i;
            k[i] = 1000 - 7L * i;
        }
        Table l = Table.create("l", LongColumn.create("id", id), LongColumn.create("k", k));
        StandardizationPlan plan = Standardizer.from("l").asOfJoin("r").on("k").tolerance(1).build();
        SparkStandardizerParityTest.Both b = assertSame(spark, plan, Map.of("l", l, "r", longRates()));
        assertThat((List<?>) b.remote.joinReports().get(0).get("unmatched_key_sample")).hasSize(10);
    }

    @Test
    void asOfKeysOfTextFailAsInTheOneMachineEngine() {
        Table l = Table.create("l", StringColumn.create("k", "a"));
        Table r = Table.create("r", StringColumn.create("k", "a"), StringColumn.create("v", "x"));
        StandardizationPlan plan = Standardizer.from("l").asOfJoin("r").on("k").tolerance(1).build();
        String expected = null;
        try {
            plan.run(Map.of("l", l, "r", r));
        } catch (SchemaException e) {
            expected = e.getMessage();
        }
        assertThat(expected).isNotNull();
        assertThatThrownBy(() -> SparkStandardizer.run(plan, SparkStandardizerParityTest.datasets(spark,
            Map.of("l", l, "r", r)))).isInstanceOf(SchemaException.class).hasMessage(expected);
    }
}
