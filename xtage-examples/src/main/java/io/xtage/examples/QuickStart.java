package io.xtage.examples;

import io.xtage.core.ReadResult;
import io.xtage.core.standardize.StandardizeResult;
import io.xtage.core.standardize.Standardizer;
import io.xtage.preprocess.DataPreprocessor;
import io.xtage.preprocess.PreprocessResult;
import io.xtage.preprocess.step.Filter;
import io.xtage.preprocess.step.Impute;
import io.xtage.preprocess.step.OneHot;
import io.xtage.sink.csv.CsvSink;
import io.xtage.source.csv.CsvSource;
import java.nio.file.Path;

/**
 * The README's quick start, compiled by the build and run by {@code QuickStartTest}.
 *
 * @since 0.1.0
 */
public final class QuickStart {
    private QuickStart() {
    }

    /**
     * @param dir a folder made by {@code xtage generate}
     * @return the prepared result
     * @since 0.1.0
     */
    public static PreprocessResult run(Path dir) {
        // README:begin
        // Read: types and date formats (per shape of spelling) are inferred; bad values become rejects.
        ReadResult sales = CsvSource.builder().path(dir.resolve("sales_data.csv")).build().read();
        ReadResult products = CsvSource.builder().path(dir.resolve("products.csv")).build().read();

        // Standardize: a checked many-to-one join; the clashing `price` is renamed on purpose.
        StandardizeResult unified = Standardizer.from("sales", sales.table())
            .leftJoin("products", products.table()).on("product_id")
                .keep("product_name", "category", "price").alias("price", "list_price")
            .run();

        // Preprocess: statistics are fitted once, every step reports what it changed.
        PreprocessResult prepared = DataPreprocessor.builder()
            .step(Filter.dropWhere("price < 0 or quantity < 0"))
            .step(Impute.median("price", "list_price"))
            .step(OneHot.of("category").ignoreCase())
            .build()
            .fitTransform(unified.table());

        CsvSink.to(dir.resolve("prepared.csv")).write(prepared.table());
        // README:end
        return prepared;
    }
}
