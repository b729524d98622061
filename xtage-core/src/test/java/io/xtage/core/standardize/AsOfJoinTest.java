package io.xtage.core.standardize;

import static io.xtage.core.standardize.Tables.dates;
import static io.xtage.core.standardize.Tables.doubles;
import static io.xtage.core.standardize.Tables.longs;
import static io.xtage.core.standardize.Tables.strings;
import static io.xtage.core.standardize.Tables.table;
import static io.xtage.core.standardize.Tables.values;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.xtage.core.SchemaException;
import java.time.LocalDateTime;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.DateTimeColumn;
import tech.tablesaw.api.Table;

/** The as-of join: the latest right key at or before the left key. */
class AsOfJoinTest {
    // deliberately unsorted
    private static final Table RATES = table("rates",
        dates("date", "2022-01-10", "2022-01-01", "2022-01-05"),
        doubles("rate", 1.10, 1.01, 1.05));

    private static StandardizeResult asOf(Table fact) {
        return Standardizer.from("sales", fact).asOfJoin("rates", RATES).onPair("day", "date").run();
    }

    @Test
    void leftKeyBeforeEveryRightKeyGetsNoMatch() {
        StandardizeResult r = asOf(table("sales", dates("day", "2021-12-31")));
        assertThat(values(r.table(), "rate")).containsExactly((Object) null);
        assertThat(r.joinReports().get(0).unmatchedKeySample()).containsExactly("2021-12-31");
    }

    @Test
    void equalKeysMatch() {
        StandardizeResult r = asOf(table("sales", dates("day", "2022-01-05", "2022-01-01")));
        assertThat(values(r.table(), "rate")).containsExactly(1.05, 1.01);
    }

    @Test
    void eachLeftRowGetsTheLatestEarlierKeyWhateverTheOrder() {
        StandardizeResult r = asOf(table("sales", dates("day", "2022-01-09", "2022-02-01", "2022-01-04", "2022-01-06")));
        assertThat(values(r.table(), "rate")).containsExactly(1.05, 1.10, 1.01, 1.05);
    }

    @Test
    void missingLeftKeyGetsNoMatchAndIsNoError() {
        StandardizeResult r = asOf(table("sales", dates("day", null, "2022-01-02")));
        assertThat(values(r.table(), "rate")).containsExactly(null, 1.01);
        JoinReport rep = r.joinReports().get(0);
        assertThat(rep.unmatchedLeftRows()).isEqualTo(1);
        assertThat(rep.unmatchedKeySample()).containsExactly("null");
    }

    @Test
    void rightRowsWithAMissingKeyAreNeverChosen() {
        Table rates = table("rates", dates("date", "2022-01-01", null), doubles("rate", 1.0, 9.9));
        StandardizeResult r = Standardizer.from("sales", table("sales", dates("day", "2022-03-01")))
            .asOfJoin("rates", rates).onPair("day", "date").run();
        assertThat(values(r.table(), "rate")).containsExactly(1.0);
    }

    @Test
    void byGroupRestrictsTheMatchToEqualValues() {
        Table rates = table("rates",
            strings("currency", "USD", "EUR", "EUR", "USD"),
            dates("date", "2022-01-01", "2022-01-03", "2022-01-01", "2022-01-04"),
            doubles("rate", 1.0, 0.93, 0.91, 1.04));
        Table sales = table("sales", strings("currency", "EUR", "USD", "USD", "GBP", ""),
            dates("day", "2022-01-05", "2022-01-03", "2022-01-04", "2022-01-05", "2022-01-05"));
        StandardizeResult r = Standardizer.from("sales", sales).asOfJoin("rates", rates).onPair("day", "date")
            .by("currency").run();
        assertThat(values(r.table(), "rate")).containsExactly(0.93, 1.0, 1.04, null, null);
        assertThat(r.table().columnNames()).containsExactly("currency", "day", "rate");
        assertThat(r.joinReports().get(0).unmatchedKeySample()).containsExactly("(GBP, 2022-01-05)", "(null, 2022-01-05)");
    }

    @Test
    void toleranceInDaysLimitsHowFarBackAMatchMayBe() {
        Table sales = table("sales", dates("day", "2022-01-07", "2022-01-08", "2022-01-20"));
        StandardizeResult r = Standardizer.from("sales", sales).asOfJoin("rates", RATES).onPair("day", "date")
            .tolerance(2).run();
        assertThat(values(r.table(), "rate")).containsExactly(1.05, null, null);
    }

    @Test
    void toleranceZeroMeansExactKeysOnly() {
        Table sales = table("sales", dates("day", "2022-01-05", "2022-01-06"));
        StandardizeResult r = Standardizer.from("sales", sales).asOfJoin("rates", RATES).onPair("day", "date")
            .tolerance(0).run();
        assertThat(values(r.table(), "rate")).containsExactly(1.05, null);
    }

    @Test
    void numericKeysMayMixIntegersAndDoubles() {
        Table right = table("r", doubles("t", 1.5, 3.25), strings("v", "a", "b"));
        Table left = table("l", longs("t", 1L, 2L, 4L), longs("id", 1L, 2L, 3L));
        StandardizeResult r = Standardizer.from("l", left).asOfJoin("r", right).on("t").tolerance(1).run();
        assertThat(values(r.table(), "v")).containsExactly(null, "a", "b");
    }

    @Test
    void dateTimeKeysUseSecondsForTolerance() {
        DateTimeColumn rt = DateTimeColumn.create("at", LocalDateTime.parse("2022-01-01T10:00:00"),
            LocalDateTime.parse("2022-01-01T10:00:30"));
        Table right = table("r", rt, strings("v", "a", "b"));
        DateTimeColumn lt = DateTimeColumn.create("at", LocalDateTime.parse("2022-01-01T10:00:40"),
            LocalDateTime.parse("2022-01-01T10:01:00"));
        Table left = table("l", lt);
        StandardizeResult r = Standardizer.from("l", left).asOfJoin("r", right).on("at").tolerance(20).run();
        assertThat(values(r.table(), "v")).containsExactly("b", null);
    }

    @Test
    void repeatedRightKeysFailUnlessAPolicyResolvesThem() {
        Table rates = table("rates", dates("date", "2022-01-01", "2022-01-01"), doubles("rate", 1.0, 3.0));
        Table sales = table("sales", dates("day", "2022-01-02"));
        assertThatThrownBy(() -> Standardizer.from("sales", sales).asOfJoin("rates", rates).onPair("day", "date").run())
            .isInstanceOfSatisfying(CardinalityException.class,
                e -> assertThat(e.repeatedKeySample()).containsExactly("2022-01-01"));
        StandardizeResult mean = Standardizer.from("sales", sales).asOfJoin("rates", rates).onPair("day", "date")
            .onDuplicateKeys(DuplicatePolicy.aggregate(Aggregate.MEAN)).run();
        assertThat(values(mean.table(), "rate")).containsExactly(2.0);
        StandardizeResult last = Standardizer.from("sales", sales).asOfJoin("rates", rates).onPair("day", "date")
            .onDuplicateKeys(DuplicatePolicy.KEEP_LAST).run();
        assertThat(values(last.table(), "rate")).containsExactly(3.0);
    }

    @Test
    void sameDateInAnotherByGroupIsNoRepeat() {
        Table rates = table("rates", strings("cur", "EUR", "USD"), dates("date", "2022-01-01", "2022-01-01"),
            doubles("rate", 0.9, 1.0));
        StandardizeResult r = Standardizer.from("s", table("s", strings("cur", "USD"), dates("day", "2022-01-03")))
            .asOfJoin("rates", rates).onPair("day", "date").by("cur").run();
        assertThat(values(r.table(), "rate")).containsExactly(1.0);
        assertThat(r.joinReports().get(0).rightDuplicateKeys()).isZero();
    }

    @Test
    void textAsOfKeysAreASchemaError() {
        Table right = table("r", strings("d", "2022-01-01"), doubles("v", 1.0));
        Table left = table("l", dates("d", "2022-01-02"));
        assertThatThrownBy(() -> Standardizer.from("l", left).asOfJoin("r", right).on("d").run())
            .isInstanceOf(SchemaException.class)
            .hasMessageContaining("as-of join 'r'")
            .hasMessageContaining("dates(...)");
    }

    @Test
    void asOfJoinKeepsEveryLeftRowInOrder() {
        Table sales = table("sales", longs("id", 3L, 1L, 2L), dates("day", "2022-01-10", null, "2022-01-01"));
        StandardizeResult r = Standardizer.from("sales", sales).asOfJoin("rates", RATES).onPair("day", "date").run();
        assertThat(values(r.table(), "id")).containsExactly(3L, 1L, 2L);
        assertThat(r.joinReports().get(0).outputRows()).isEqualTo(3);
    }
}
