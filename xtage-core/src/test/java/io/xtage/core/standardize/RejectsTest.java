package io.xtage.core.standardize;

import static io.xtage.core.standardize.Tables.dates;
import static io.xtage.core.standardize.Tables.doubles;
import static io.xtage.core.standardize.Tables.longs;
import static io.xtage.core.standardize.Tables.strings;
import static io.xtage.core.standardize.Tables.table;
import static org.assertj.core.api.Assertions.assertThat;

import io.xtage.core.Reject;
import io.xtage.core.RejectKind;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.Table;

/** Unmatched rows become rejects when a join asks for it. */
class RejectsTest {
    private static final Table SALES = table("sales", longs("id", 1L, 2L, 3L, 4L), longs("product_id", 1L, 9L, null, 1L));
    private static final Table PRODUCTS = table("products", longs("product_id", 1L), strings("name", "a"));

    @Test
    void unmatchedLeftRowsAreRejectedButKeptByALeftJoin() {
        StandardizeResult r = Standardizer.from("sales", SALES).leftJoin("products", PRODUCTS).on("product_id")
            .rejectUnmatched().run();
        assertThat(r.table().rowCount()).isEqualTo(4);
        assertThat(r.rejects()).hasSize(2);
        Reject first = r.rejects().get(0);
        assertThat(first.source()).isEqualTo("sales");
        assertThat(first.recordNumber()).isEqualTo(2);
        assertThat(first.column()).contains("product_id");
        assertThat(first.rawValue()).isEqualTo("9");
        assertThat(first.kind()).isEqualTo(RejectKind.CONSTRAINT);
        assertThat(first.isRowDropped()).isFalse();
        assertThat(first.reason()).isEqualTo("no row of 'products' has this key (left join)");
        assertThat(r.rejects().get(1).reason()).startsWith("the key is missing");
    }

    @Test
    void innerJoinMarksItsRejectsAsDroppedRows() {
        StandardizeResult r = Standardizer.from("sales", SALES).innerJoin("products", PRODUCTS).on("product_id")
            .rejectUnmatched().run();
        assertThat(r.table().rowCount()).isEqualTo(2);
        assertThat(r.rejects()).allSatisfy(x -> assertThat(x.isRowDropped()).isTrue());
        // rows out + rows dropped = rows in
        long dropped = r.rejects().stream().filter(Reject::isRowDropped).count();
        assertThat(r.table().rowCount() + dropped).isEqualTo(SALES.rowCount());
    }

    @Test
    void withoutRejectUnmatchedThereAreNoJoinRejects() {
        StandardizeResult r = Standardizer.from("sales", SALES).leftJoin("products", PRODUCTS).on("product_id").run();
        assertThat(r.rejects()).isEmpty();
        assertThat(r.joinReports().get(0).unmatchedLeftRows()).isEqualTo(2);
    }

    @Test
    void rejectRecordNumbersAreTheFactsOriginalRowsAfterFiltersAndEarlierJoins() {
        Table sales = table("sales", longs("id", 1L, 2L, 3L, 4L), longs("product_id", 1L, 1L, 9L, 8L),
            doubles("price", -1.0, 2.0, 3.0, 4.0));
        Table tags = table("tags", longs("product_id", 1L, 1L, 9L), strings("tag", "x", "y", "z"));
        StandardizeResult r = Standardizer.from("sales", sales).where(RowFilter.gt("price", 0))
            .leftJoin("tags", tags).on("product_id").expect(Cardinality.MANY_TO_MANY)
            .leftJoin("products", PRODUCTS).on("product_id").rejectUnmatched().run();
        // rows 2 (twice, tags x and y) match product 1; rows 3 and 4 do not
        assertThat(r.rejects()).extracting(Reject::recordNumber).containsExactly(3L, 4L);
    }

    @Test
    void asOfRejectsSayWhyThereIsNoMatch() {
        Table rates = table("rates", strings("cur", "EUR"), dates("date", "2022-01-02"), doubles("rate", 0.9));
        Table sales = table("sales", strings("cur", "EUR", "USD"), dates("day", "2022-01-01", "2022-01-05"));
        StandardizeResult r = Standardizer.from("sales", sales).asOfJoin("rates", rates).onPair("day", "date")
            .by("cur").rejectUnmatched().run();
        assertThat(r.rejects()).extracting(Reject::reason).containsExactly(
            "no row of 'rates' has a key at or before this one in its [cur] group (asof join)",
            "no row of 'rates' has a key at or before this one in its [cur] group (asof join)");
        assertThat(r.rejects()).extracting(Reject::rawValue).containsExactly("(EUR, 2022-01-01)", "(USD, 2022-01-05)");
        assertThat(r.rejects().get(0).column()).contains("cur,day");
    }
}
