package io.xtage.examples.pipeline;

import io.xtage.core.ReadResult;
import io.xtage.core.Source;
import io.xtage.core.coerce.DatePatterns;
import io.xtage.core.schema.ColumnSpec;
import io.xtage.core.schema.ColumnType;
import io.xtage.core.schema.Schema;
import io.xtage.core.standardize.Aggregate;
import io.xtage.core.standardize.DuplicatePolicy;
import io.xtage.core.standardize.RowFilter;
import io.xtage.core.standardize.StandardizationPlan;
import io.xtage.core.standardize.Standardizer;
import io.xtage.preprocess.DataPreprocessor;
import io.xtage.preprocess.step.Bin;
import io.xtage.preprocess.step.Derive;
import io.xtage.preprocess.step.DropDuplicates;
import io.xtage.preprocess.step.Filter;
import io.xtage.preprocess.step.Impute;
import io.xtage.preprocess.step.NormalizeText;
import io.xtage.preprocess.step.OneHot;
import io.xtage.preprocess.step.Scale;
import io.xtage.source.csv.CsvOptions;
import io.xtage.source.csv.CsvSource;
import io.xtage.source.json.JsonOptions;
import io.xtage.source.json.JsonSource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import tech.tablesaw.api.Table;

/**
 * Workload W1 ({@code shared/bench/WORKLOAD.md}) as xtage values: the schemas of the five
 * sources, the standardization plan (steps 1 to 4) and the preprocessor (step 5). The {@code w1}
 * command and the {@code pipeline} command share them, so the two differ only in where the data
 * comes from and in how sales dates are read.
 *
 * @since 0.1.0
 */
public final class W1Workload {
    /** Source names, as the run report uses them. */
    public static final String SALES = "sales";
    /** Source name of the products. */
    public static final String PRODUCTS = "products";
    /** Source name of the transactions. */
    public static final String TRANSACTIONS = "transactions";
    /** Source name of the customers. */
    public static final String CUSTOMERS = "customers";
    /** Source name of the exchange rates. */
    public static final String RATES = "exchange_rates";

    /** W1 step 2: the three spellings of a sales date; anything else is missing. */
    public static final DatePatterns SALES_DATE_FORMATS = DatePatterns.of("yyyy-MM-dd", "dd/MM/yyyy", "MM-dd-yyyy");

    /** The five input files {@code xtage generate} writes, in the order of the sources above. */
    public static final List<String> FILES = List.of("sales_data.csv", "products.csv", "transactions.csv",
        "customer_data.json", "exchange_rates.json");

    private static final String ISO = "yyyy-MM-dd";

    private W1Workload() {
    }

    /**
     * @param dir a data directory
     * @return the first of {@link #FILES} that is not a file in it, if any
     * @since 0.1.0
     */
    public static Optional<Path> missingFile(Path dir) {
        return FILES.stream().map(dir::resolve).filter(f -> !Files.isRegularFile(f)).findFirst();
    }

    /**
     * The five W1 files as sources, with the W1 schemas (declared sales date formats), the
     * largest first: read a thread per core, the small reads then fill the gaps at the end.
     *
     * @param dir the data directory
     * @param plan when not null, each source reads only the columns this plan uses from it
     *     ({@link StandardizationPlan#columnsRead}), as a SQL engine pushes a projection into
     *     its scans; null reads and checks every column
     * @return sources by name
     * @since 0.1.0
     */
    public static Map<String, Source> fileSources(Path dir, StandardizationPlan plan) {
        Map<String, Source> s = new LinkedHashMap<>();
        s.put(SALES, csv(dir.resolve(FILES.get(0)), read(plan, SALES, salesSchema(false))));
        s.put(TRANSACTIONS, csv(dir.resolve(FILES.get(2)), read(plan, TRANSACTIONS, transactionsSchema())));
        s.put(CUSTOMERS, json(dir.resolve(FILES.get(3)), read(plan, CUSTOMERS, customersSchema())));
        s.put(PRODUCTS, csv(dir.resolve(FILES.get(1)), read(plan, PRODUCTS, productsSchema())));
        s.put(RATES, json(dir.resolve(FILES.get(4)), read(plan, RATES, ratesSchema())));
        return s;
    }

    private static Schema read(StandardizationPlan plan, String input, Schema declared) {
        return plan == null ? declared : declared.only(plan.columnsRead(input).orElse(declared.names()));
    }

    private static Source csv(Path file, Schema schema) {
        return CsvSource.builder().path(file).options(CsvOptions.DEFAULT).schema(schema).build();
    }

    private static Source json(Path file, Schema schema) {
        return JsonSource.builder().path(file).options(JsonOptions.DEFAULT).schema(schema).build();
    }

    /**
     * @param inferDates true to infer the date formats per shape (the pipeline), false for the
     *     three declared W1 formats
     * @return the schema of {@code sales_data.csv}
     * @since 0.1.0
     */
    public static Schema salesSchema(boolean inferDates) {
        return Schema.builder()
            .column("transaction_id", ColumnType.LONG)
            .column("product_id", ColumnType.LONG)
            .column("quantity", ColumnType.INT)
            .column("price", ColumnType.DOUBLE)
            .column(inferDates ? ColumnSpec.date("transaction_date")
                : ColumnSpec.date("transaction_date", SALES_DATE_FORMATS.patterns().toArray(new String[0])))
            .build();
    }

    /** @return the schema of the products @since 0.1.0 */
    public static Schema productsSchema() {
        return Schema.builder()
            .column(ColumnSpec.of("product_id", ColumnType.LONG).required())
            .column("product_name", ColumnType.STRING)
            .column("category", ColumnType.STRING)
            .column("price", ColumnType.DOUBLE)
            .column("stock_available", ColumnType.LONG)
            .build();
    }

    /** @return the schema of the transactions @since 0.1.0 */
    public static Schema transactionsSchema() {
        return Schema.builder()
            .column(ColumnSpec.of("transaction_id", ColumnType.LONG).required())
            .column("customer_id", ColumnType.LONG)
            .column("product_id", ColumnType.LONG)
            .column("quantity", ColumnType.INT)
            .date("transaction_date", ISO)
            .column("total_amount", ColumnType.DOUBLE)
            .build();
    }

    /** @return the schema of the customers @since 0.1.0 */
    public static Schema customersSchema() {
        return Schema.builder()
            .column("customer_id", ColumnType.LONG)
            .column("customer_name", ColumnType.STRING)
            .column("age", ColumnType.DOUBLE)
            .column("gender", ColumnType.STRING)
            .column("location", ColumnType.STRING)
            .date("date_joined", ISO)
            .build();
    }

    /** @return the schema of the exchange rates @since 0.1.0 */
    public static Schema ratesSchema() {
        return Schema.builder()
            .column("currency_code", ColumnType.STRING)
            .column("exchange_rate", ColumnType.DOUBLE)
            .date("date", ISO)
            .build();
    }

    /**
     * W1 steps 3 and 4 as a plan: sales LEFT JOIN products, transactions and customers, and an
     * as-of join to the mean positive EUR rate of the latest date on or before the sale.
     *
     * @return the plan; bind it to tables named {@link #SALES}, {@link #PRODUCTS}, ...
     * @since 0.1.0
     */
    public static StandardizationPlan standardization() {
        return Standardizer.from(SALES)
            .leftJoin(PRODUCTS).on("product_id")
                .keep("product_name", "category", "price", "stock_available").alias("price", "list_price")
            .leftJoin(TRANSACTIONS).on("transaction_id")
                .keep("customer_id", "total_amount")
            .leftJoin(CUSTOMERS).on("customer_id")
                .keep("customer_name", "age", "gender", "location", "date_joined")
            .asOfJoin(RATES).onPair("transaction_date", "date")
                .where(RowFilter.isNotNull("date"), RowFilter.gt("exchange_rate", 0),
                    RowFilter.eq("currency_code", "EUR"))
                .keep("exchange_rate").alias("exchange_rate", "eur_rate")
                .onDuplicateKeys(DuplicatePolicy.aggregate(Aggregate.MEAN))
            .build();
    }

    /**
     * W1 step 5: duplicates, negative prices and quantities, text normalization, imputation
     * fitted on the rows left after the filter, and the features.
     *
     * @return the preprocessor, not yet fitted
     * @since 0.1.0
     */
    public static DataPreprocessor preprocessor() {
        return DataPreprocessor.builder()
            .step(DropDuplicates.allColumns())
            .step(Filter.dropWhere("price < 0 or quantity < 0"))
            .step(NormalizeText.of("gender").missingTokens("").lowerCase().map("m", "male").map("f", "female"))
            .step(NormalizeText.of("location").missingTokens("", "Unknown"))
            .step(Impute.median("price", "list_price", "age", "total_amount", "eur_rate"))
            .step(Impute.mostFrequent("gender", "location", "category"))
            .step(Bin.of("age").into("age_group")
                .bin("[0,18)", "<18").bin("[18,30]", "18-30").bin("(30,50]", "31-50").bin("(50,100]", ">50"))
            .step(Derive.of("total", "quantity * price"))
            .step(Derive.of("total_eur", "total * eur_rate"))
            .step(OneHot.of("category").ignoreCase())
            .step(Scale.standard("price").into("price_z"))
            .build();
    }

    /**
     * @param reads the five reads, by source name
     * @return their tables, by source name, as the plan binds them
     * @since 0.1.0
     */
    public static Map<String, Table> tables(Map<String, ReadResult> reads) {
        return Map.of(SALES, reads.get(SALES).table(), PRODUCTS, reads.get(PRODUCTS).table(),
            TRANSACTIONS, reads.get(TRANSACTIONS).table(), CUSTOMERS, reads.get(CUSTOMERS).table(),
            RATES, reads.get(RATES).table());
    }
}
