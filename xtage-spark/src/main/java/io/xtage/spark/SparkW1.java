package io.xtage.spark;

import io.xtage.core.schema.ColumnSpec;
import io.xtage.core.schema.ColumnType;
import io.xtage.core.schema.Schema;
import io.xtage.core.standardize.Aggregate;
import io.xtage.core.standardize.DuplicatePolicy;
import io.xtage.core.standardize.RowFilter;
import io.xtage.core.standardize.StandardizationPlan;
import io.xtage.core.standardize.Standardizer;
import io.xtage.core.XtageException;
import io.xtage.preprocess.DataPreprocessor;
import io.xtage.preprocess.step.Bin;
import io.xtage.preprocess.step.Derive;
import io.xtage.preprocess.step.DropDuplicates;
import io.xtage.preprocess.step.Filter;
import io.xtage.preprocess.step.Impute;
import io.xtage.preprocess.step.NormalizeText;
import io.xtage.preprocess.step.OneHot;
import io.xtage.preprocess.step.Scale;
import io.xtage.sink.csv.CsvSink;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * Workload W1 ({@code shared/bench/WORKLOAD.md}) on Spark: reads the five files with Spark's
 * readers and the W1 schemas, runs the W1 standardization plan with {@link SparkStandardizer}
 * and fits and applies the W1 preprocessor with {@link SparkPreprocessor}, then writes the CSV
 * with the one-machine sink (the result is collected to the driver).
 *
 * <p>The command line, for {@code spark-submit} or an AWS Glue job (the same arguments):
 * <pre>
 * spark-submit --class io.xtage.spark.SparkW1 xtage-spark.jar --data DIR --out FILE [--master local[2]]
 * </pre>
 * {@code --master} is only needed outside spark-submit (a plain {@code java} run); it is ignored
 * when the session already has a master.
 *
 * <p>The plan and the preprocessor are the same values as {@code io.xtage.examples.pipeline.W1Workload}
 * builds (which this module cannot depend on, since the examples are not deployed).
 *
 * @since 0.1.0
 */
public final class SparkW1 {
    private SparkW1() {
    }

    /** The result of a run: the output rows and the reports. @since 0.1.0 */
    public static final class Run {
        private final SparkStandardizeResult unified;
        private final SparkPreprocessor.Result prepared;
        private final Map<String, SparkRead> reads;

        Run(Map<String, SparkRead> reads, SparkStandardizeResult unified, SparkPreprocessor.Result prepared) {
            this.reads = reads;
            this.unified = unified;
            this.prepared = prepared;
        }

        /** @return the five reads, by source name @since 0.1.0 */
        public Map<String, SparkRead> reads() {
            return reads;
        }

        /** @return the unified table and its reports @since 0.1.0 */
        public SparkStandardizeResult unified() {
            return unified;
        }

        /** @return the fitted preprocessor and the output rows @since 0.1.0 */
        public SparkPreprocessor.Result prepared() {
            return prepared;
        }
    }

    /**
     * @param args {@code --data DIR --out FILE [--master URL]}
     * @since 0.1.0
     */
    public static void main(String[] args) {
        PrintWriter out = new PrintWriter(System.out, true);
        PrintWriter err = new PrintWriter(System.err, true);
        int code = run(args, out, err);
        out.flush();
        err.flush();
        System.exit(code);
    }

    /**
     * Runs the command line; returns the exit code instead of exiting.
     *
     * @param args the arguments
     * @param out where the number of rows written goes
     * @param err where step times and errors go
     * @return 0 on success, 1 on bad data or a failure, 2 on bad arguments
     * @since 0.1.0
     */
    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        Path data = null;
        Path outFile = null;
        String master = null;
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            String v = i + 1 < args.length ? args[i + 1] : null;
            if (a.startsWith("--") && a.contains("=")) {
                v = a.substring(a.indexOf('=') + 1);
                a = a.substring(0, a.indexOf('='));
            } else if (a.equals("--data") || a.equals("--out") || a.equals("--master") || a.equals("--engine")) {
                i++;
            }
            if (v == null && !a.equals("--help")) {
                err.println("xtage w1 (spark): " + a + " needs a value");
                return 2;
            }
            switch (a) {
                case "--data":
                    data = Path.of(v);
                    break;
                case "--out":
                    outFile = Path.of(v);
                    break;
                case "--master":
                    master = v;
                    break;
                case "--engine":
                    if (!v.equals("spark")) {
                        err.println("xtage w1 (spark): --engine must be spark here, not " + v);
                        return 2;
                    }
                    break;
                case "--help":
                    err.println("Usage: SparkW1 --data DIR --out FILE [--master local[2]]");
                    return 0;
                default:
                    err.println("xtage w1 (spark): unknown argument " + a
                        + "; usage: --data DIR --out FILE [--master local[2]]");
                    return 2;
            }
        }
        if (data == null || outFile == null) {
            err.println("xtage w1 (spark): --data DIR and --out FILE are required");
            return 2;
        }
        for (String f : new String[] {"sales_data.csv", "products.csv", "transactions.csv", "customer_data.json",
            "exchange_rates.json"}) {
            if (!data.toString().contains("://") && !Files.isRegularFile(data.resolve(f))) {
                err.println("xtage w1 (spark): " + data.resolve(f) + " does not exist; run `xtage generate` first");
                return 1;
            }
        }
        SparkSession.Builder b = SparkSession.builder().appName("xtage-w1");
        if (master != null) {
            b = b.master(master);
            if (master.startsWith("local")) {
                // a few cores: 200 shuffle partitions per stage only add task overhead
                b = b.config("spark.sql.shuffle.partitions", "8").config("spark.ui.enabled", "false");
            }
        }
        SparkSession spark = configure(b).getOrCreate();
        try {
            long t0 = System.nanoTime();
            Run r = run(spark, data.toString());
            long rows = write(r.prepared().table(), outFile);
            err.printf("step %-16s %8.3f s%n", "TOTAL", (System.nanoTime() - t0) / 1e9);
            out.println(rows);
            out.flush();
            return 0;
        } catch (XtageException e) {
            err.println("xtage w1 (spark): " + e.getMessage());
            err.flush();
            return 1;
        } finally {
            if (master != null) {
                spark.stop();
            }
        }
    }

    /**
     * The settings the engine relies on: the strict date parser (a text that no pattern reads is
     * missing, not an upgrade error), {@code java.time} values.
     *
     * @param b a session builder
     * @return the builder
     * @since 0.1.0
     */
    public static SparkSession.Builder configure(SparkSession.Builder b) {
        return b.config("spark.sql.legacy.timeParserPolicy", "CORRECTED")
            .config("spark.sql.datetime.java8API.enabled", "true")
            .config("spark.sql.ansi.enabled", "false");
    }

    /**
     * Runs W1 on a session.
     *
     * @param spark the session (configured with {@link #configure})
     * @param dataDir the directory (or URI prefix) of the five files
     * @return the reads, the unified table and the output
     * @since 0.1.0
     */
    public static Run run(SparkSession spark, String dataDir) {
        String d = dataDir.endsWith("/") ? dataDir : dataDir + "/";
        Map<String, SparkRead> reads = new LinkedHashMap<>();
        reads.put("sales", SparkSources.csv(spark, "sales", d + "sales_data.csv", salesSchema()));
        reads.put("products", SparkSources.csv(spark, "products", d + "products.csv", productsSchema()));
        reads.put("transactions", SparkSources.csv(spark, "transactions", d + "transactions.csv",
            transactionsSchema()));
        reads.put("customers", SparkSources.json(spark, "customers", d + "customer_data.json", customersSchema()));
        reads.put("exchange_rates", SparkSources.json(spark, "exchange_rates", d + "exchange_rates.json",
            ratesSchema()));
        Map<String, Dataset<Row>> tables = new LinkedHashMap<>();
        reads.forEach((k, v) -> tables.put(k, v.table()));
        SparkStandardizeResult unified = SparkStandardizer.run(standardization(), tables);
        SparkPreprocessor.Result prepared = SparkPreprocessor.fitTransform(preprocessor(), unified.table());
        return new Run(reads, unified, prepared);
    }

    /**
     * Writes rows with the one-machine CSV sink (ISO dates, shortest round-trip doubles).
     *
     * @param rows the rows; collected to the driver
     * @param file the CSV file
     * @return the number of rows written
     * @since 0.1.0
     */
    public static long write(Dataset<Row> rows, Path file) {
        tech.tablesaw.api.Table t = SparkTables.toTablesaw(rows, "w1");
        CsvSink.to(file).write(t);
        return t.rowCount();
    }

    static Schema salesSchema() {
        return Schema.builder()
            .column("transaction_id", ColumnType.LONG)
            .column("product_id", ColumnType.LONG)
            .column("quantity", ColumnType.INT)
            .column("price", ColumnType.DOUBLE)
            .column(ColumnSpec.date("transaction_date", "yyyy-MM-dd", "dd/MM/yyyy", "MM-dd-yyyy"))
            .build();
    }

    static Schema productsSchema() {
        return Schema.builder()
            .column(ColumnSpec.of("product_id", ColumnType.LONG).required())
            .column("product_name", ColumnType.STRING)
            .column("category", ColumnType.STRING)
            .column("price", ColumnType.DOUBLE)
            .column("stock_available", ColumnType.LONG)
            .build();
    }

    static Schema transactionsSchema() {
        return Schema.builder()
            .column(ColumnSpec.of("transaction_id", ColumnType.LONG).required())
            .column("customer_id", ColumnType.LONG)
            .column("product_id", ColumnType.LONG)
            .column("quantity", ColumnType.INT)
            .date("transaction_date", "yyyy-MM-dd")
            .column("total_amount", ColumnType.DOUBLE)
            .build();
    }

    static Schema customersSchema() {
        return Schema.builder()
            .column("customer_id", ColumnType.LONG)
            .column("customer_name", ColumnType.STRING)
            .column("age", ColumnType.DOUBLE)
            .column("gender", ColumnType.STRING)
            .column("location", ColumnType.STRING)
            .date("date_joined", "yyyy-MM-dd")
            .build();
    }

    static Schema ratesSchema() {
        return Schema.builder()
            .column("currency_code", ColumnType.STRING)
            .column("exchange_rate", ColumnType.DOUBLE)
            .date("date", "yyyy-MM-dd")
            .build();
    }

    /** @return the W1 plan, equal to {@code W1Workload.standardization()} @since 0.1.0 */
    public static StandardizationPlan standardization() {
        return Standardizer.from("sales")
            .leftJoin("products").on("product_id")
                .keep("product_name", "category", "price", "stock_available").alias("price", "list_price")
            .leftJoin("transactions").on("transaction_id")
                .keep("customer_id", "total_amount")
            .leftJoin("customers").on("customer_id")
                .keep("customer_name", "age", "gender", "location", "date_joined")
            .asOfJoin("exchange_rates").onPair("transaction_date", "date")
                .where(RowFilter.isNotNull("date"), RowFilter.gt("exchange_rate", 0),
                    RowFilter.eq("currency_code", "EUR"))
                .keep("exchange_rate").alias("exchange_rate", "eur_rate")
                .onDuplicateKeys(DuplicatePolicy.aggregate(Aggregate.MEAN))
            .build();
    }

    /** @return the W1 preprocessor, equal to {@code W1Workload.preprocessor()} @since 0.1.0 */
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
}
