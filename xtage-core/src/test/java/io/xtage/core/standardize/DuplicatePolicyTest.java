package io.xtage.core.standardize;

import static io.xtage.core.standardize.Tables.dates;
import static io.xtage.core.standardize.Tables.doubles;
import static io.xtage.core.standardize.Tables.ints;
import static io.xtage.core.standardize.Tables.longs;
import static io.xtage.core.standardize.Tables.strings;
import static io.xtage.core.standardize.Tables.table;
import static io.xtage.core.standardize.Tables.values;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.xtage.core.SchemaException;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.ColumnType;
import tech.tablesaw.api.Table;

/** Declared policies for lookup keys that repeat. */
class DuplicatePolicyTest {
    private static final Table FACT = table("f", strings("cur", "EUR", "USD", "GBP"));
    private static final Table RATES = table("rates",
        strings("cur", "EUR", "USD", "EUR", "EUR"),
        doubles("rate", 0.9, 1.0, null, 0.6),
        ints("n", 1, 2, 3, 4),
        dates("day", "2022-01-03", "2022-01-01", "2022-01-01", "2022-01-02"),
        strings("src", "b", "x", "a", "c"));

    private static StandardizeResult withPolicy(DuplicatePolicy p) {
        return Standardizer.from("f", FACT).leftJoin("rates", RATES).on("cur").onDuplicateKeys(p).run();
    }

    @Test
    void keepFirstKeepsTheFirstRowOfEachKey() {
        StandardizeResult r = withPolicy(DuplicatePolicy.KEEP_FIRST);
        assertThat(values(r.table(), "rate")).containsExactly(0.9, 1.0, null);
        assertThat(values(r.table(), "src")).containsExactly("b", "x", null);
        assertThat(r.joinReports().get(0).rightDuplicateKeys()).isEqualTo(1);
        assertThat(r.joinReports().get(0).rightRows()).isEqualTo(4);
    }

    @Test
    void keepLastKeepsTheLastRowOfEachKey() {
        StandardizeResult r = withPolicy(DuplicatePolicy.KEEP_LAST);
        assertThat(values(r.table(), "rate")).containsExactly(0.6, 1.0, null);
        assertThat(values(r.table(), "src")).containsExactly("c", "x", null);
    }

    @Test
    void aggregatePerColumnIgnoresMissingValues() {
        Map<String, Aggregate> fns = new LinkedHashMap<>();
        fns.put("rate", Aggregate.MEAN);
        fns.put("n", Aggregate.SUM);
        fns.put("day", Aggregate.MIN);
        fns.put("src", Aggregate.MAX);
        StandardizeResult r = withPolicy(DuplicatePolicy.aggregate(fns));
        assertThat(values(r.table(), "rate")).containsExactly((0.9 + 0.6) / 2, 1.0, null);
        assertThat(values(r.table(), "n")).containsExactly(8L, 2L, null);
        assertThat(r.table().column("n").type()).isEqualTo(ColumnType.LONG);
        assertThat(values(r.table(), "day")).containsExactly(LocalDate.parse("2022-01-01"),
            LocalDate.parse("2022-01-01"), null);
        assertThat(values(r.table(), "src")).containsExactly("c", "x", null);
    }

    @Test
    void countCountsPresentValues() {
        Table rates = table("rates", strings("cur", "EUR", "EUR", "USD"), doubles("rate", 0.9, null, 1.0));
        StandardizeResult r = Standardizer.from("f", FACT).leftJoin("rates", rates).on("cur")
            .onDuplicateKeys(DuplicatePolicy.aggregate(Aggregate.COUNT)).run();
        // a key with no row at all gets a missing count, as a left join gives
        assertThat(values(r.table(), "rate")).containsExactly(1L, 1L, null);
    }

    @Test
    void aggregateAppliesEvenWithoutRepeatsSoTheTypeIsStable() {
        Table rates = table("rates", strings("cur", "EUR"), longs("rate", 3L));
        StandardizeResult r = Standardizer.from("f", FACT).leftJoin("rates", rates).on("cur")
            .onDuplicateKeys(DuplicatePolicy.aggregate(Aggregate.MEAN)).run();
        assertThat(r.table().column("rate").type()).isEqualTo(ColumnType.DOUBLE);
        assertThat(values(r.table(), "rate")).containsExactly(3.0, null, null);
    }

    @Test
    void meanOfTextIsASchemaError() {
        assertThatThrownBy(() -> withPolicy(DuplicatePolicy.aggregate(Aggregate.MEAN)))
            .isInstanceOf(SchemaException.class)
            .hasMessageContaining("MEAN needs a numeric column")
            .hasMessageContaining("'day'");
    }

    @Test
    void aBroughtColumnWithoutAnAggregateIsASchemaError() {
        assertThatThrownBy(() -> withPolicy(DuplicatePolicy.aggregate(Map.of("rate", Aggregate.MEAN))))
            .isInstanceOf(SchemaException.class)
            .hasMessageContaining("column 'n' is brought but has no aggregate");
    }

    @Test
    void anAggregateForAnUnknownColumnIsASchemaError() {
        assertThatThrownBy(() -> Standardizer.from("f", FACT).leftJoin("rates", RATES).on("cur").keep("rate")
            .onDuplicateKeys(DuplicatePolicy.aggregate(Map.of("rate", Aggregate.MEAN, "nope", Aggregate.MAX))).run())
            .isInstanceOf(SchemaException.class)
            .hasMessageContaining("aggregates column 'nope'");
    }

    @Test
    void sumOverflowFailsClearly() {
        Table rates = table("rates", strings("cur", "EUR", "EUR"), longs("n", Long.MAX_VALUE, 1L));
        assertThatThrownBy(() -> Standardizer.from("f", FACT).leftJoin("rates", rates).on("cur")
            .onDuplicateKeys(DuplicatePolicy.aggregate(Aggregate.SUM)).run())
            .isInstanceOf(io.xtage.core.XtageException.class)
            .hasMessageContaining("overflows LONG");
    }

    @Test
    void aResolvingPolicyContradictsACardinalityThatAllowsRepeats() {
        assertThatThrownBy(() -> Standardizer.from("f", FACT).leftJoin("rates", RATES).on("cur")
            .expect(Cardinality.MANY_TO_MANY).onDuplicateKeys(DuplicatePolicy.KEEP_FIRST).build())
            .isInstanceOf(IllegalStateException.class)
            .hasMessageContaining("KEEP_FIRST");
    }

    @Test
    void rowsWithMissingKeysAreNotCollapsedTogether() {
        Table rates = table("rates", strings("cur", "", "", "EUR"), doubles("rate", 1.0, 2.0, 0.9));
        StandardizeResult r = Standardizer.from("f", FACT).fullJoin("rates", rates).on("cur")
            .onDuplicateKeys(DuplicatePolicy.aggregate(Aggregate.MEAN)).run();
        // the two rows without a key stay two right-only rows
        assertThat(values(r.table(), "rate")).containsExactly(0.9, null, null, 1.0, 2.0);
    }
}
