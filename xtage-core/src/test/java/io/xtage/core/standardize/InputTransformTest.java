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

import io.xtage.core.Reject;
import io.xtage.core.RejectKind;
import io.xtage.core.SchemaException;
import io.xtage.core.coerce.DateOrder;
import io.xtage.core.coerce.DatePatterns;
import io.xtage.core.coerce.DateShapeReport;
import io.xtage.core.schema.ColumnType;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.Table;

/** Per-input transforms: naming, casts, dates, filters, keep, aliases. */
class InputTransformTest {
    @Test
    void snakeCaseRenamesEveryColumn() {
        Table t = table("t", longs("Transaction_ID", 1L), strings("customerName", "a"), strings(" Date Joined ", "x"));
        assertThat(Standardizer.from("t", t).snakeCase().run().table().columnNames())
            .containsExactly("transaction_id", "customer_name", "date_joined");
    }

    @Test
    void renamesNameOriginalColumnsAndWinOverTheConvention() {
        Table t = table("t", longs("Product_ID", 1L), doubles("Price", 2.0));
        assertThat(Standardizer.from("t", t).snakeCase().rename("Price", "list_price").run().table().columnNames())
            .containsExactly("product_id", "list_price");
    }

    @Test
    void renameOfAnUnknownColumnSaysRenamesUseOriginalNames() {
        Table t = table("t", doubles("Price", 2.0));
        assertThatThrownBy(() -> Standardizer.from("t", t).snakeCase().rename("price", "p").run())
            .isInstanceOf(SchemaException.class)
            .hasMessageContaining("input 't' has no column 'price' to rename")
            .hasMessageContaining("original columns");
    }

    @Test
    void namesThatCollideAfterRenamingAreASchemaError() {
        Table t = table("t", longs("a", 1L), longs("b", 2L));
        assertThatThrownBy(() -> Standardizer.from("t", t).rename("a", "b").run())
            .isInstanceOf(SchemaException.class)
            .hasMessageContaining("two columns are named 'b'");
    }

    @Test
    void castTurnsTextIntoNumbersAndRejectsWhatDoesNotFit() {
        Table t = table("sales", strings("qty", "1", " 2 ", "", "x", "99999999999"), strings("price", "1.5", "abc",
            "2", "", "276.65999999999997"));
        StandardizeResult r = Standardizer.from("sales", t).cast("qty", ColumnType.INT)
            .cast("price", ColumnType.DOUBLE).run();
        assertThat(values(r.table(), "qty")).containsExactly(1, 2, null, null, null);
        assertThat(values(r.table(), "price")).containsExactly(1.5, null, 2.0, null, 276.65999999999997);
        assertThat(r.rejects()).extracting(Reject::recordNumber).containsExactly(4L, 5L, 2L);
        Reject first = r.rejects().get(0);
        assertThat(first.source()).isEqualTo("sales");
        assertThat(first.column()).contains("qty");
        assertThat(first.rawValue()).isEqualTo("x");
        assertThat(first.kind()).isEqualTo(RejectKind.TYPE);
        assertThat(first.isRowDropped()).isFalse();
        assertThat(r.inputReports().get(0).valuesRejected()).isEqualTo(3);
    }

    @Test
    void castBetweenNumbersKeepsExactValuesOnly() {
        Table t = table("t", doubles("d", 3.0, 3.5, null), longs("l", 5L, 6_000_000_000L, null));
        StandardizeResult r = Standardizer.from("t", t).cast("d", ColumnType.LONG).cast("l", ColumnType.INT).run();
        assertThat(values(r.table(), "d")).containsExactly(3L, null, null);
        assertThat(values(r.table(), "l")).containsExactly(5, null, null);
        assertThat(r.rejects()).extracting(Reject::reason)
            .containsExactly("cannot cast 3.5 to LONG (not an integer)", "cannot cast 6000000000 to INT (out of range)");
    }

    @Test
    void castToTextAndToDates() {
        Table t = table("t", ints("i", 7, null), strings("d", "2022-01-31", "31/01/2022"),
            strings("ts", "2022-01-31T10:15:30", "2022-01-31"));
        StandardizeResult r = Standardizer.from("t", t).cast("i", ColumnType.STRING).cast("d", ColumnType.LOCAL_DATE)
            .cast("ts", ColumnType.LOCAL_DATE_TIME).run();
        assertThat(values(r.table(), "i")).containsExactly("7", null);
        assertThat(values(r.table(), "d")).containsExactly(LocalDate.parse("2022-01-31"), null);
        assertThat(values(r.table(), "ts")).containsExactly(LocalDateTime.parse("2022-01-31T10:15:30"),
            LocalDateTime.parse("2022-01-31T00:00"));
        assertThat(r.rejects()).hasSize(1);
    }

    @Test
    void castBetweenUnrelatedTypesIsASchemaError() {
        Table t = table("t", dates("d", "2022-01-01"));
        assertThatThrownBy(() -> Standardizer.from("t", t).cast("d", ColumnType.LONG).run())
            .isInstanceOf(SchemaException.class)
            .hasMessageContaining("cannot cast column 'd' from LOCAL_DATE to LONG");
    }

    @Test
    void declaredDatePatternsAreTriedInOrderAndStrictly() {
        Table t = table("sales", strings("day", "2022-12-06", "13/05/2022", "05-13-2022", "", "2022-02-30", "12/06/22"));
        StandardizeResult r = Standardizer.from("sales", t)
            .dates("day", DatePatterns.of("yyyy-MM-dd", "dd/MM/yyyy", "MM-dd-yyyy")).run();
        assertThat(values(r.table(), "day")).containsExactly(LocalDate.parse("2022-12-06"),
            LocalDate.parse("2022-05-13"), LocalDate.parse("2022-05-13"), null, null, null);
        assertThat(r.rejects()).extracting(Reject::rawValue).containsExactly("2022-02-30", "12/06/22");
        assertThat(r.rejects()).extracting(Reject::recordNumber).containsExactly(5L, 6L);
        assertThat(r.dateFormats()).isEmpty();
    }

    @Test
    void inferredDatesAreReportedPerShape() {
        Table t = table("sales", strings("day", "13/05/2022", "05/06/2022", "2022-12-06", "07-01-2022"));
        StandardizeResult r = Standardizer.from("sales", t).dates("day", DateOrder.MONTH_FIRST).run();
        assertThat(values(r.table(), "day")).containsExactly(LocalDate.parse("2022-05-13"),
            LocalDate.parse("2022-06-05"), LocalDate.parse("2022-12-06"), LocalDate.parse("2022-07-01"));
        List<DateShapeReport> shapes = r.dateFormats().get("sales.day");
        assertThat(shapes).extracting(DateShapeReport::pattern)
            .containsExactlyInAnyOrder("dd/MM/yyyy", "yyyy-MM-dd", "MM-dd-yyyy");
        assertThat(shapes).filteredOn(s -> s.pattern().equals("dd/MM/yyyy")).singleElement()
            .satisfies(s -> assertThat(s.decidedBy()).isEqualTo(DateShapeReport.DecidedBy.EVIDENCE));
    }

    @Test
    void datesAsDateTimes() {
        Table t = table("t", strings("at", "2022-01-31 10:15", "2022-01-31"));
        StandardizeResult r = Standardizer.from("t", t)
            .dates("at", DateSpec.patterns(DatePatterns.of("yyyy-MM-dd HH:mm", "yyyy-MM-dd")).asDateTime()).run();
        assertThat(values(r.table(), "at")).containsExactly(LocalDateTime.parse("2022-01-31T10:15"),
            LocalDateTime.parse("2022-01-31T00:00"));
    }

    @Test
    void datesOnANonTextColumnIsASchemaError() {
        Table t = table("t", longs("d", 20220101L));
        assertThatThrownBy(() -> Standardizer.from("t", t).dates("d", DateOrder.DAY_FIRST).run())
            .isInstanceOf(SchemaException.class)
            .hasMessageContaining("is LONG, not text");
    }

    @Test
    void filtersCompareWithConstantsAndMissingValuesPassNoComparison() {
        Table t = table("rates", strings("cur", "EUR", "USD", "EUR", "", "EUR"), doubles("rate", 0.9, 1.0, -0.1, 2.0, null),
            dates("day", "2022-01-01", "2022-01-02", null, "2022-01-04", "2022-01-05"));
        assertThat(values(Standardizer.from("rates", t).where(RowFilter.eq("cur", "EUR")).run().table(), "rate"))
            .containsExactly(0.9, -0.1, null);
        assertThat(values(Standardizer.from("rates", t).where(RowFilter.ne("cur", "EUR")).run().table(), "rate"))
            .containsExactly(1.0);
        assertThat(values(Standardizer.from("rates", t).where(RowFilter.gt("rate", 0)).run().table(), "rate"))
            .containsExactly(0.9, 1.0, 2.0);
        assertThat(values(Standardizer.from("rates", t).where(RowFilter.le("rate", 0.9)).run().table(), "rate"))
            .containsExactly(0.9, -0.1);
        assertThat(values(Standardizer.from("rates", t).where(RowFilter.isNull("day")).run().table(), "rate"))
            .containsExactly(-0.1);
        assertThat(values(Standardizer.from("rates", t).where(RowFilter.isNotNull("cur")).run().table(), "cur"))
            .containsExactly("EUR", "USD", "EUR", "EUR");
        assertThat(values(Standardizer.from("rates", t).where(RowFilter.ge("day", LocalDate.parse("2022-01-04")))
            .run().table(), "rate")).containsExactly(2.0, null);
        assertThat(values(Standardizer.from("rates", t).where(RowFilter.lt("day", "2022-01-02")).run().table(), "rate"))
            .containsExactly(0.9);
    }

    @Test
    void filterConstantOfTheWrongTypeIsASchemaError() {
        Table t = table("rates", doubles("rate", 0.9));
        assertThatThrownBy(() -> Standardizer.from("rates", t).where(RowFilter.gt("rate", "0")).run())
            .isInstanceOf(SchemaException.class)
            .hasMessageContaining("compares a DOUBLE column with the text '0'");
    }

    @Test
    void filtersRunAfterCastsSoTheyCompareTypedValues() {
        Table t = table("t", strings("n", "10", "9", "x"));
        StandardizeResult r = Standardizer.from("t", t).cast("n", ColumnType.LONG).where(RowFilter.gt("n", 9)).run();
        assertThat(values(r.table(), "n")).containsExactly(10L);
    }

    @Test
    void keepSelectsAndOrdersColumns() {
        Table t = table("t", longs("a", 1L), longs("b", 2L), longs("c", 3L));
        assertThat(Standardizer.from("t", t).keep("c", "a").run().table().columnNames()).containsExactly("c", "a");
    }

    @Test
    void keepOfAnUnknownColumnListsTheColumns() {
        Table t = table("t", longs("a", 1L));
        assertThatThrownBy(() -> Standardizer.from("t", t).keep("z").run())
            .isInstanceOf(SchemaException.class)
            .hasMessageContaining("input 't' has no column 'z' to keep; its columns are [a]");
    }

    @Test
    void lookupKeysAreKeptForTheJoinEvenWhenNotListed() {
        Table f = table("f", longs("k", 1L));
        Table l = table("l", longs("k", 1L), strings("v", "one"), strings("w", "x"));
        StandardizeResult r = Standardizer.from("f", f).leftJoin("l", l).on("k").keep("v").run();
        assertThat(r.table().columnNames()).containsExactly("k", "v");
        assertThat(values(r.table(), "v")).containsExactly("one");
    }

    @Test
    void leftKeyDroppedByKeepIsASchemaErrorThatSaysSo() {
        Table f = table("f", longs("k", 1L), longs("x", 2L));
        Table l = table("l", longs("k", 1L));
        assertThatThrownBy(() -> Standardizer.from("f", f).keep("x").leftJoin("l", l).on("k").run())
            .isInstanceOf(SchemaException.class)
            .hasMessageContaining("left key 'k' is not a column of the table built so far")
            .hasMessageContaining("keep(...)");
    }

    @Test
    void resultSharesNoColumnWithAnInput() {
        Table f = table("f", longs("k", 1L), strings("s", "a"));
        Table result = Standardizer.from("f", f).run().table();
        result.longColumn("k").set(0, 42L);
        result.stringColumn("s").set(0, "changed");
        assertThat(f.longColumn("k").get(0)).isEqualTo(1L);
        assertThat(f.stringColumn("s").get(0)).isEqualTo("a");
        assertThat(f.columnNames()).containsExactly("k", "s");
    }
}
