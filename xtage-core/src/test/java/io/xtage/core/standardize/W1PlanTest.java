package io.xtage.core.standardize;

import static io.xtage.core.standardize.Tables.doubles;
import static io.xtage.core.standardize.Tables.longs;
import static io.xtage.core.standardize.Tables.row;
import static io.xtage.core.standardize.Tables.rows;
import static io.xtage.core.standardize.Tables.strings;
import static io.xtage.core.standardize.Tables.table;
import static org.assertj.core.api.Assertions.assertThat;

import io.xtage.core.coerce.DatePatterns;
import io.xtage.core.schema.ColumnType;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.Table;

/** Workload W1 steps 1-4 (shared/bench/WORKLOAD.md) as one plan, on small hand-made tables. */
class W1PlanTest {
    private static final DatePatterns ISO = DatePatterns.of("yyyy-MM-dd");

    // sales_data.csv, read as text
    private final Table sales = table("sales_data.csv",
        strings("Transaction_ID", "1", "2", "3", "4", "4", "5", "6"),
        strings("Product_ID", "10", "11", "99", "10", "10", "12", "11"),
        strings("Quantity", "2", "1", "3", "1", "1", "2", "-1"),
        strings("Price", "5.00", "-3.5", "", "7.25", "7.25", "3.0", "1241.0099999999998"),
        strings("Transaction_Date", "2022-01-05", "06/01/2022", "01-07-2022", "", "", "2021-12-31", "13/02/2022"));

    private final Table products = table("products.csv",
        strings("Product_ID", "10", "11", "12"),
        strings("Product_Name", "Product_10", "Product_11", "Product_12"),
        strings("Category", "Books", "Toys", "Electronics"),
        strings("Price", "12.5", "-1.0", "99.99"),
        strings("Stock_Available", "100", "5", ""));

    private final Table transactions = table("transactions.csv",
        strings("Transaction_ID", "1", "2", "3", "4", "5"),
        strings("Customer_ID", "100", "101", "100", "102", "999"),
        strings("Product_ID", "10", "11", "99", "10", "12"),
        strings("Quantity", "2", "1", "3", "1", "2"),
        strings("Transaction_Date", "2022-01-05", "2022-01-06", "2022-01-07", "", "2021-12-31"),
        strings("Total_Amount", "10.0", "", "30.5", "7.25", "6.0"));

    // customer_data.json, as a JSON source types it
    private final Table customers = table("customer_data.json",
        longs("Customer_ID", 100L, 101L, 102L),
        strings("Customer_Name", "John Doe", "Jane Smith", "Bob Brown"),
        doubles("Age", 30.0, null, 45.0),
        strings("Gender", "Male", "", "F"),
        strings("Location", "Texas", "Unknown", "California"),
        strings("Date_Joined", "2021-03-04", "", "2020-01-01"));

    private final Table rates = table("exchange_rates.json",
        strings("Currency_Code", "EUR", "EUR", "EUR", "EUR", "EUR", "USD", "EUR", "EUR"),
        doubles("Exchange_Rate", 0.9, 0.8, 0.9, -0.5, null, 1.2, 0.7, 0.95),
        strings("Date", "2022-01-01", "2022-01-06", "2022-01-06", "2022-01-07", "2022-01-07", "2022-01-03", "",
            "2022-02-01"));

    private Standardizer w1() {
        return Standardizer.from("sales", sales).snakeCase()
                .cast("transaction_id", ColumnType.LONG).cast("product_id", ColumnType.LONG)
                .cast("quantity", ColumnType.INT).cast("price", ColumnType.DOUBLE)
                .dates("transaction_date", DatePatterns.of("yyyy-MM-dd", "dd/MM/yyyy", "MM-dd-yyyy"))
            .leftJoin("products", products).snakeCase().on("product_id")
                .cast("product_id", ColumnType.LONG).cast("price", ColumnType.DOUBLE)
                .cast("stock_available", ColumnType.LONG)
                .keep("product_name", "category", "price", "stock_available").alias("price", "list_price")
            .leftJoin("transactions", transactions).snakeCase().on("transaction_id")
                .cast("transaction_id", ColumnType.LONG).cast("customer_id", ColumnType.LONG)
                .cast("total_amount", ColumnType.DOUBLE)
                .keep("customer_id", "total_amount")
            .leftJoin("customers", customers).snakeCase().on("customer_id")
                .dates("date_joined", ISO)
                .keep("customer_name", "age", "gender", "location", "date_joined")
            .asOfJoin("eur_rates", rates).snakeCase().onPair("transaction_date", "date")
                .dates("date", ISO)
                .where(RowFilter.isNotNull("date"), RowFilter.gt("exchange_rate", 0),
                    RowFilter.eq("currency_code", "EUR"))
                .keep("exchange_rate").alias("exchange_rate", "eur_rate")
                .onDuplicateKeys(DuplicatePolicy.aggregate(Aggregate.MEAN));
    }

    private static LocalDate d(String iso) {
        return LocalDate.parse(iso);
    }

    @Test
    void w1PlanGivesOneRowPerSalesRowWithEveryJoinedColumn() {
        StandardizeResult r = w1().run();
        Table t = r.table();
        assertThat(t.columnNames()).containsExactly("transaction_id", "product_id", "quantity", "price",
            "transaction_date", "product_name", "category", "list_price", "stock_available", "customer_id",
            "total_amount", "customer_name", "age", "gender", "location", "date_joined", "eur_rate");
        double jan6 = (0.8 + 0.9) / 2;
        assertThat(rows(t)).containsExactly(
            row(1L, 10L, 2, 5.0, d("2022-01-05"), "Product_10", "Books", 12.5, 100L, 100L, 10.0,
                "John Doe", 30.0, "Male", "Texas", d("2021-03-04"), 0.9),
            row(2L, 11L, 1, -3.5, d("2022-01-06"), "Product_11", "Toys", -1.0, 5L, 101L, null,
                "Jane Smith", null, null, "Unknown", null, jan6),
            row(3L, 99L, 3, null, d("2022-01-07"), null, null, null, null, 100L, 30.5,
                "John Doe", 30.0, "Male", "Texas", d("2021-03-04"), jan6),
            row(4L, 10L, 1, 7.25, null, "Product_10", "Books", 12.5, 100L, 102L, 7.25,
                "Bob Brown", 45.0, "F", "California", d("2020-01-01"), null),
            row(4L, 10L, 1, 7.25, null, "Product_10", "Books", 12.5, 100L, 102L, 7.25,
                "Bob Brown", 45.0, "F", "California", d("2020-01-01"), null),
            row(5L, 12L, 2, 3.0, d("2021-12-31"), "Product_12", "Electronics", 99.99, null, 999L, 6.0,
                null, null, null, null, null, null),
            row(6L, 11L, -1, 1241.0099999999998, d("2022-02-13"), "Product_11", "Toys", -1.0, 5L, null, null,
                null, null, null, null, null, 0.95));
    }

    @Test
    void w1PlanReportsEveryJoin() {
        List<JoinReport> reports = w1().run().joinReports();
        assertThat(reports).extracting(JoinReport::right)
            .containsExactly("products", "transactions", "customers", "eur_rates");
        assertThat(reports.get(0).toMap()).containsEntry("left", "sales").containsEntry("type", "left")
            .containsEntry("left_rows", 7L).containsEntry("right_rows", 3L).containsEntry("matched_left_rows", 6L)
            .containsEntry("unmatched_left_rows", 1L).containsEntry("unmatched_key_sample", List.of("99"))
            .containsEntry("right_duplicate_keys", 0L).containsEntry("output_rows", 7L);
        assertThat(reports.get(1).unmatchedKeySample()).containsExactly("6");
        // customer_id came from transactions; row 6 has none, and customer 999 does not exist
        assertThat(reports.get(2).left()).isEqualTo("transactions");
        assertThat(reports.get(2).unmatchedKeySample()).containsExactly("999", "null");
        JoinReport asof = reports.get(3);
        assertThat(asof.type()).isEqualTo(JoinType.ASOF);
        assertThat(asof.rightRows()).isEqualTo(4); // EUR, dated, rate > 0
        assertThat(asof.rightDuplicateKeys()).isEqualTo(1); // 2022-01-06 twice, averaged
        assertThat(asof.unmatchedLeftRows()).isEqualTo(3);
        assertThat(asof.unmatchedKeySample()).containsExactly("null", "2021-12-31");
        assertThat(asof.outputRows()).isEqualTo(7);
    }

    @Test
    void columnsReadAreWhatEachInputNeeds() {
        StandardizationPlan plan = w1().build();
        assertThat(plan.columnsRead("sales")).isEmpty(); // keeps every column
        assertThat(plan.columnsRead("products")).contains(
            List.of("product_name", "category", "price", "stock_available", "product_id"));
        assertThat(plan.columnsRead("transactions")).contains(List.of("customer_id", "total_amount", "transaction_id"));
        assertThat(plan.columnsRead("eur_rates")).contains(List.of("exchange_rate", "date", "currency_code"));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> plan.columnsRead("nope"))
            .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("sales");
    }

    @Test
    void w1PlanOnTablesCutToTheColumnsReadGivesTheSameTableAndJoinReports() {
        StandardizationPlan plan = w1().build();
        Map<String, Table> full = Map.of("sales", sales, "products", products, "transactions", transactions,
            "customers", customers, "eur_rates", rates);
        Map<String, Table> cut = new java.util.HashMap<>();
        full.forEach((name, t) -> {
            List<String> wanted = plan.columnsRead(name).orElse(null);
            Table c = t.copy();
            if (wanted != null) {
                for (String col : t.columnNames()) {
                    if (!wanted.contains(io.xtage.core.schema.Naming.snakeCase(col)) && !wanted.contains(col)) {
                        c.removeColumns(col);
                    }
                }
            }
            cut.put(name, c);
        });
        assertThat(cut.get("transactions").columnCount()).isEqualTo(3);
        StandardizeResult a = plan.run(full);
        StandardizeResult b = plan.run(cut);
        assertThat(rows(b.table())).isEqualTo(rows(a.table()));
        assertThat(b.table().columnNames()).isEqualTo(a.table().columnNames());
        assertThat(b.joinReports()).isEqualTo(a.joinReports());
    }

    @Test
    void w1PlanReadBackFromJsonGivesTheSameResult() {
        StandardizationPlan plan = w1().build();
        StandardizationPlan back = StandardizationPlan.fromJson(plan.toJson());
        assertThat(back).isEqualTo(plan);
        assertThat(back.toJson()).isEqualTo(plan.toJson());
        Map<String, Table> tables = Map.of("sales", sales, "products", products, "transactions", transactions,
            "customers", customers, "eur_rates", rates);
        StandardizeResult a = plan.run(tables);
        StandardizeResult b = back.run(tables);
        assertThat(rows(b.table())).isEqualTo(rows(a.table()));
        assertThat(b.table().columnNames()).isEqualTo(a.table().columnNames());
        assertThat(b.toMap()).isEqualTo(a.toMap());
        assertThat(b.rejects()).isEqualTo(a.rejects());
    }

    @Test
    void w1PlanLeavesItsInputsUnchanged() {
        String before = sales.print() + products.print() + rates.print();
        List<String> names = sales.columnNames();
        w1().run();
        assertThat(sales.columnNames()).isEqualTo(names);
        assertThat(sales.print() + products.print() + rates.print()).isEqualTo(before);
    }

    @Test
    void w1PlanCountsTheRatesRemovedByFilters() {
        InputReport rates = w1().run().inputReports().get(4);
        assertThat(rates.toMap()).containsEntry("input", "eur_rates").containsEntry("rows_in", 8L)
            .containsEntry("rows_removed_by_filter", 4L).containsEntry("rows_out", 4L);
    }
}
