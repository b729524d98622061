package io.xtage.preprocess;

import static io.xtage.preprocess.TestTables.d;
import static io.xtage.preprocess.TestTables.date;
import static io.xtage.preprocess.TestTables.l;
import static io.xtage.preprocess.TestTables.s;
import static org.assertj.core.api.Assertions.assertThat;

import io.xtage.core.schema.ColumnType;
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
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.Table;

/** The examples of docs/preprocessing.md, run: each builds, fits and transforms. */
class DocExamplesTest {

    private static Table sales() {
        return TestTables.table(
            l("transaction_id", 1L, 2L, 3L, 4L, 5L, 6L),
            l("quantity", 2L, 1L, -1L, 3L, 2L, 1L),
            d("price", 10.0, null, 8.0, 12.5, 3.0, 7.0),
            d("list_price", 11.0, 9.0, null, 12.0, 3.5, 7.5),
            s("category", "Books", "Toys", "books", null, "Toys", "Garden"),
            s("gender", "F", "m", "", "Female", "M", "f"),
            s("location", "Paris", "Unknown", "", "Lyon", "Paris", "Lyon"),
            s("city", "Paris", "Lyon", "Paris", "Berlin", "Paris", "Rome"),
            d("age", 17.0, 25.0, 40.0, null, 61.0, 30.0),
            d("income", 10.0, 20.0, 30.0, 40.0, 50.0, 60.0),
            d("eur_rate", 0.9, null, 0.9, 1.1, 1.0, 0.95),
            date("date_joined", "2023-01-01", "2023-02-01", "2023-03-01", "2023-04-01", "2023-05-01", "2023-06-01"),
            date("transaction_date", "2024-01-01", "2024-01-02", "2024-01-03", "2024-01-04", "2024-01-05", "2024-01-06"),
            s("joined", "2023-01-01", "x", "2023-03-01", "2023-04-01", "2023-05-01", "2023-06-01"));
    }

    @Test
    void quickExample_fitsTransformsAndSaves() {
        DataPreprocessor plan = DataPreprocessor.builder()
            .step(DropDuplicates.allColumns())
            .step(Filter.dropWhere("price < 0 or quantity < 0"))
            .step(Impute.median("price", "age"))
            .step(OneHot.of("category").ignoreCase().unseen(UnseenPolicy.IGNORE))
            .step(Scale.standard("price").into("price_z"))
            .build();
        FittedPreprocessor fitted = plan.fit(sales());
        PreprocessResult result = fitted.transform(sales());
        Map<String, Object> report = result.report().toMap();
        assertThat(report.get("rows_out")).isEqualTo(5L);
        assertThat(FittedPreprocessor.fromJson(fitted.toJson())).isEqualTo(fitted);
        assertThat(DataPreprocessor.fromJson(plan.toJson())).isEqualTo(plan);
    }

    @Test
    void everyStepExample_runs() {
        List<Step> examples = List.of(
            DropDuplicates.allColumns(),
            DropDuplicates.on("transaction_id").keepLast(),
            Filter.dropWhere("price < 0 or quantity < 0"),
            Filter.keepWhere("category in ('Books', 'Toys') and age is not null"),
            NormalizeText.of("gender").missingTokens("").lowerCase().map("m", "male").map("f", "female"),
            NormalizeText.of("location").missingTokens("", "Unknown"),
            NormalizeText.of(ColumnSelector.text()).trim(),
            Impute.median("price", "list_price", "age"),
            Impute.mostFrequent(ColumnSelector.text()).indicator(),
            Impute.mean("eur_rate").ifAllMissing(1.0),
            Impute.constant("unknown", "location"),
            Outliers.clipQuantiles(0.01, 0.99, "price"),
            Outliers.removeIqr(1.5, ColumnSelector.numeric().except("transaction_id")),
            Bin.of("age").into("age_group")
                .bin("[0,18)", "<18").bin("[18,30]", "18-30").bin("(30,50]", "31-50").bin("(50,100]", ">50"),
            Bin.edges("price", 0, 10, 100, 1000).labels("cheap", "mid", "dear"),
            Bin.edges("price", 0, 10, 100).closedLeft(),
            Bin.quantiles("income", 4),
            OneHot.of("category").ignoreCase().unseen(UnseenPolicy.IGNORE),
            OneHot.of("city").maxLevels(20).unseen(UnseenPolicy.MAP_TO_OTHER),
            Scale.standard("price").into("price_z"),
            Scale.minMax(ColumnSelector.numeric().except("transaction_id")).suffix("_01"),
            Derive.of("total", "quantity * price"),
            Derive.of("total_eur", "quantity * price * eur_rate"),
            Derive.of("days_to_buy", "days_between(date_joined, transaction_date)"),
            Derive.of("join_year", "year(date_joined)"),
            Derive.of("price", "coalesce(price, list_price)"),
            Cast.to(ColumnType.DOUBLE, "quantity"),
            Cast.to(ColumnType.LOCAL_DATE, "joined").onInvalid(Cast.OnInvalid.MISSING),
            Rename.column("price", "unit_price").and("quantity", "qty"),
            Select.of("transaction_id", "price", "quantity"),
            Select.drop(ColumnSelector.pattern(".*_price")),
            Aggregate.groupBy("category").count().sum("quantity").mean("price").median("age").max("transaction_date"));
        for (Step s : examples) {
            PreprocessResult r = DataPreprocessor.builder().step(s).build().fitTransform(sales());
            assertThat(r.report().steps()).as(s.toString()).hasSize(1);
            assertThat(DataPreprocessor.fromJson(DataPreprocessor.builder().step(s).build().toJson()).steps())
                .containsExactly(s);
        }
    }
}
