package io.xtage.preprocess;

import static io.xtage.preprocess.TestTables.d;
import static io.xtage.preprocess.TestTables.date;
import static io.xtage.preprocess.TestTables.l;
import static io.xtage.preprocess.TestTables.render;
import static io.xtage.preprocess.TestTables.s;
import static io.xtage.preprocess.TestTables.values;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.xtage.preprocess.step.Bin;
import io.xtage.preprocess.step.Derive;
import io.xtage.preprocess.step.DropDuplicates;
import io.xtage.preprocess.step.Filter;
import io.xtage.preprocess.step.Impute;
import io.xtage.preprocess.step.NormalizeText;
import io.xtage.preprocess.step.OneHot;
import io.xtage.preprocess.step.Scale;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.Table;

/**
 * The assignment's preprocessing (W1 step 5, shared/bench/WORKLOAD.md) written with this API, on a
 * small unified table whose expected output is worked out by hand below.
 */
public class AssignmentPipelineTest {

    /** W1 step 5, a to e, in order. */
    static DataPreprocessor w1Plan() {
        return DataPreprocessor.builder()
            // a. exact duplicate rows
            .step(DropDuplicates.allColumns())
            // b. negative price or quantity; missing values stay (a comparison with missing is not true)
            .step(Filter.dropWhere("price < 0 or quantity < 0"))
            // c. gender and location
            .step(NormalizeText.of("gender").missingTokens("").lowerCase().map("m", "male").map("f", "female"))
            .step(NormalizeText.of("location").missingTokens("", "Unknown"))
            // d. impute with statistics of the rows left after b
            .step(Impute.median("price", "list_price", "age", "total_amount", "eur_rate"))
            .step(Impute.mostFrequent("gender", "location", "category"))
            // e. features
            .step(Bin.of("age").into("age_group")
                .bin("[0,18)", "<18").bin("[18,30]", "18-30").bin("(30,50]", "31-50").bin("(50,100]", ">50"))
            .step(Derive.of("total", "quantity * price"))
            .step(Derive.of("total_eur", "total * eur_rate"))
            .step(OneHot.of("category").ignoreCase())
            .step(Scale.standard("price").into("price_z"))
            .build();
    }

    /**
     * The unified table, in join order. r1 repeats r0 exactly; r2 has a negative price, r3 a
     * negative quantity; r4 a missing price, r8 no product; the rest exercise gender spellings,
     * Unknown and empty locations, bin edges and missing values.
     */
    static Table unified() {
        return TestTables.table(
            l("transaction_id", 1L, 1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L),
            l("product_id", 10L, 10L, 11L, 12L, 13L, 14L, 15L, 16L, 17L, 18L),
            l("quantity", 2L, 2L, 1L, -1L, 3L, 1L, 2L, 4L, 1L, 2L),
            d("price", 10.0, 10.0, -5.0, 8.0, null, 20.0, 30.0, 5.0, 40.0, 15.0),
            date("transaction_date", "2024-01-01", "2024-01-01", "2024-01-01", "2024-01-01", "2024-01-02",
                "2024-01-03", "2024-01-04", "2024-01-05", "2024-01-06", "2024-01-07"),
            s("product_name", "Book A", "Book A", "Pen", "Cup", "Toy B", "Lamp", "Doll", "Shirt", null, "Book C"),
            s("category", "Books", "Books", "Books", "Toys", "Toys", "Furniture", "toys", "Clothing", null, "Books"),
            d("list_price", 12.0, 12.0, 1.0, 8.0, 6.0, 25.0, null, 4.0, null, 14.0),
            l("stock_available", 5L, 5L, 1L, 1L, 7L, 1L, 3L, 9L, null, 2L),
            l("customer_id", 100L, 100L, 107L, 108L, 101L, 102L, 103L, 104L, 105L, 106L),
            d("total_amount", 20.0, 20.0, 5.0, 8.0, 15.0, null, 60.0, 20.0, 40.0, 30.0),
            s("customer_name", "Ann", "Ann", "Hal", "Ivy", "Bob", "Cy", "Dee", "Eve", "Fay", "Gus"),
            d("age", 17.5, 17.5, 40.0, 25.0, 18.0, 30.0, 50.0, null, 50.5, 101.0),
            s("gender", "F", "F", "M", "F", "m", "Female", "", "Non-binary", "M", "f"),
            s("location", "Paris", "Paris", "Paris", "Paris", "Unknown", "", "Lyon", "Paris", null, "Lyon"),
            date("date_joined", "2023-01-01", "2023-01-01", "2023-01-01", "2023-01-01", "2023-02-01", "2023-03-01",
                "2023-04-01", "2023-05-01", "2023-06-01", "2023-07-01"),
            d("eur_rate", 0.9, 0.9, 0.9, 0.9, 0.8, null, 1.0, 0.9, 1.1, 0.9));
    }

    @Test
    void w1Step5_givesTheHandComputedTable() {
        Table in = unified();
        String before = render(in);
        Table out = w1Plan().fitTransform(in).table();

        assertThat(render(in)).as("input unchanged").isEqualTo(before);
        assertThat(out.columnNames()).containsExactly("transaction_id", "product_id", "quantity", "price",
            "transaction_date", "product_name", "list_price", "stock_available", "customer_id", "total_amount",
            "customer_name", "age", "gender", "location", "date_joined", "eur_rate", "age_group", "total",
            "total_eur", "category_books", "category_clothing", "category_furniture", "category_toys", "price_z");

        // a removes r1 (= r0); b removes r2 (price -5) and r3 (quantity -1); r4's missing price stays.
        assertThat(values(out, "transaction_id")).containsExactly(1L, 4L, 5L, 6L, 7L, 8L, 9L);

        // Medians over the 7 rows left after b (even counts average the two middle values):
        // price 5,10,15,20,30,40 -> 17.5; list_price 4,6,12,14,25 -> 12; age 17.5,18,30,50,50.5,101 -> 40;
        // total_amount 15,20,20,30,40,60 -> 25; eur_rate 0.8,0.9,0.9,0.9,1.0,1.1 -> 0.9.
        assertThat(values(out, "price")).containsExactly(10.0, 17.5, 20.0, 30.0, 5.0, 40.0, 15.0);
        assertThat(values(out, "list_price")).containsExactly(12.0, 6.0, 25.0, 12.0, 4.0, 12.0, 14.0);
        assertThat(values(out, "age")).containsExactly(17.5, 18.0, 30.0, 50.0, 40.0, 50.5, 101.0);
        assertThat(values(out, "total_amount")).containsExactly(20.0, 15.0, 25.0, 60.0, 20.0, 40.0, 30.0);
        assertThat(values(out, "eur_rate")).containsExactly(0.9, 0.8, 0.9, 1.0, 0.9, 1.1, 0.9);

        // c then d: female 3 (F, Female, f), male 2 (m, M), non-binary 1 -> the missing one (r6, "") is female.
        assertThat(values(out, "gender")).containsExactly("female", "male", "female", "female", "non-binary",
            "male", "female");
        // Paris 2 and Lyon 2 tie: the smallest, Lyon, fills Unknown (r4), empty (r5) and missing (r8).
        assertThat(values(out, "location")).containsExactly("Paris", "Lyon", "Lyon", "Lyon", "Paris", "Lyon", "Lyon");

        // e. 17.5 <18; 18 and 30 are 18-30; 50 and the imputed 40 are 31-50; 50.5 >50; 101 is in no bin.
        assertThat(values(out, "age_group")).containsExactly("<18", "18-30", "18-30", "31-50", "31-50", ">50", null);
        assertThat(values(out, "total")).containsExactly(20.0, 52.5, 20.0, 60.0, 20.0, 40.0, 30.0);
        assertThat(values(out, "total_eur")).containsExactly(20 * 0.9, 52.5 * 0.8, 20 * 0.9, 60 * 1.0, 20 * 0.9,
            40 * 1.1, 30 * 0.9);

        // category mode: Books 2 (r0, r9), the rest 1 ("Toys" and "toys" count apart before lower-casing),
        // so r8's missing category is Books. One-hot lower-cases: Toys and toys are one level.
        assertThat(values(out, "category_books")).containsExactly(1L, 0L, 0L, 0L, 0L, 1L, 1L);
        assertThat(values(out, "category_clothing")).containsExactly(0L, 0L, 0L, 0L, 1L, 0L, 0L);
        assertThat(values(out, "category_furniture")).containsExactly(0L, 0L, 1L, 0L, 0L, 0L, 0L);
        assertThat(values(out, "category_toys")).containsExactly(0L, 1L, 0L, 1L, 0L, 0L, 0L);
        assertThat(out.column("category_toys").type()).isEqualTo(tech.tablesaw.api.ColumnType.INTEGER);

        // price_z with the mean and population std of the imputed price.
        double[] p = {10, 17.5, 20, 30, 5, 40, 15};
        double mean = 137.5 / 7;
        double ss = 0;
        for (double x : p) {
            ss += (x - mean) * (x - mean);
        }
        double std = Math.sqrt(ss / 7);
        List<Object> z = values(out, "price_z");
        for (int i = 0; i < p.length; i++) {
            assertThat((Double) z.get(i)).as("price_z row " + i).isCloseTo((p[i] - mean) / std, within(1e-12));
        }

        // Columns not touched keep their values (r8's missing product stays missing).
        assertThat(values(out, "product_name")).containsExactly("Book A", "Toy B", "Lamp", "Doll", "Shirt", null,
            "Book C");
        assertThat(values(out, "stock_available")).containsExactly(5L, 7L, 1L, 3L, 9L, null, 2L);
        assertThat(values(out, "transaction_date").get(1)).isEqualTo(LocalDate.of(2024, 1, 2));
    }

    @Test
    void w1Step5_reportAccountsForEveryRowAndCell() {
        PreprocessReport r = w1Plan().fitTransform(unified()).report();

        assertThat(r.rowsIn()).isEqualTo(10);
        assertThat(r.rowsOut()).isEqualTo(7);
        assertThat(r.step(0).rowsRemoved()).isEqualTo(1);
        assertThat(r.step(0).removalReason()).contains("duplicate");
        assertThat(r.step(1).rowsRemoved()).isEqualTo(2);
        assertThat(r.step(1).removalReason()).isEqualTo("matches price < 0 or quantity < 0");
        assertThat(r.step(2).cellsChanged()).containsEntry("gender", 6L);
        assertThat(r.step(3).cellsChanged()).containsEntry("location", 1L);
        assertThat(r.step(4).cellsChanged()).containsEntry("price", 1L).containsEntry("list_price", 2L)
            .containsEntry("age", 1L).containsEntry("total_amount", 1L).containsEntry("eur_rate", 1L);
        assertThat(r.step(4).params().get("columns").toString()).contains("price={type=DOUBLE, statistic=17.5, fill=17.5}");
        assertThat(r.step(5).cellsChanged()).containsEntry("gender", 1L).containsEntry("location", 3L)
            .containsEntry("category", 1L);
        assertThat(r.step(6).details()).containsEntry("out_of_range", 1L);
        assertThat(r.step(9).columnsRemoved()).containsExactly("category");
        assertThat(r.step(10).columnsAdded()).containsExactly("price_z");
        assertThat(r.rowsOut() + r.rowsRemoved()).isEqualTo(r.rowsIn());
    }

    @Test
    void w1Step5_fittedJsonRoundTripGivesIdenticalOutput() {
        Table in = unified();
        PreprocessResult first = w1Plan().fitTransform(in);
        String json = first.fitted().toJson();
        FittedPreprocessor back = FittedPreprocessor.fromJson(json);

        assertThat(back.toJson()).isEqualTo(json);
        assertThat(render(back.transform(in).table())).isEqualTo(render(first.table()));
    }

    @Test
    void w1Step5_planJsonRoundTripGivesAnEqualPlan() {
        DataPreprocessor plan = w1Plan();
        DataPreprocessor back = DataPreprocessor.fromJson(plan.toJson());

        assertThat(back).isEqualTo(plan);
        assertThat(render(back.fitTransform(unified()).table())).isEqualTo(render(plan.fitTransform(unified()).table()));
    }

    @Test
    void w1Step5_fitThenTransformEqualsFitTransform() {
        Table in = unified();
        PreprocessResult once = w1Plan().fitTransform(in);
        PreprocessResult twice = w1Plan().fit(in).transform(in);

        assertThat(render(twice.table())).isEqualTo(render(once.table()));
        assertThat(twice.report()).isEqualTo(once.report());
        assertThat(twice.fitted()).isEqualTo(once.fitted());
    }

    @Test
    void w1Step5_outputSharesNoColumnWithTheInput() {
        Table in = unified();
        Table out = w1Plan().fitTransform(in).table();

        assertThat(out.columns()).allSatisfy(c -> assertThat(in.columns()).noneMatch(ic -> ic == c));
        assertThat(Arrays.asList(out.columnNames().toArray())).doesNotContain("category");
    }
}
