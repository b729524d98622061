package io.xtage.examples.spark;

import io.xtage.core.XtageException;
import io.xtage.examples.pipeline.W1Workload;
import io.xtage.sink.csv.CsvSink;
import io.xtage.spark.SparkEngine;
import io.xtage.spark.SparkPreprocessor;
import io.xtage.spark.SparkRead;
import io.xtage.spark.SparkSources;
import io.xtage.spark.SparkStandardizeResult;
import io.xtage.spark.SparkStandardizer;
import io.xtage.spark.SparkTables;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * Workload W1 ({@code shared/bench/WORKLOAD.md}) on Spark: reads the five files with the
 * xtage-spark readers and the schemas of {@link W1Workload}, runs {@link W1Workload#standardization()}
 * with {@link SparkStandardizer} and fits and applies {@link W1Workload#preprocessor()} with
 * {@link SparkPreprocessor}, then writes the CSV with the one-machine sink (the result is
 * collected to the driver).
 *
 * <p>The command line, for {@code spark-submit} or an AWS Glue job (the same arguments):
 * <pre>
 * spark-submit --class io.xtage.examples.spark.SparkW1 xtage.jar --data DIR --out FILE [--master local[2]]
 * </pre>
 * {@code --master} is only needed outside spark-submit (a plain {@code java} run with Spark's jars
 * on the class path); it is ignored when the session already has a master. Prints the number of
 * rows written; the total time goes to standard error.
 *
 * @since 0.1.0
 */
public final class SparkW1 {
    private static final String USAGE = "--data DIR --out FILE [--master local[2]]";

    private SparkW1() {
    }

    /**
     * The result of a run: the reads, the unified table and the output, with their reports.
     * Immutable.
     *
     * @since 0.1.0
     */
    public static final class Run {
        private final Map<String, SparkRead> reads;
        private final SparkStandardizeResult unified;
        private final SparkPreprocessor.Result prepared;

        Run(Map<String, SparkRead> reads, SparkStandardizeResult unified, SparkPreprocessor.Result prepared) {
            this.reads = Collections.unmodifiableMap(new LinkedHashMap<>(reads));
            this.unified = unified;
            this.prepared = prepared;
        }

        /** @return the five reads, by source name; never null @since 0.1.0 */
        public Map<String, SparkRead> reads() {
            return reads;
        }

        /** @return the unified table and its reports; never null @since 0.1.0 */
        public SparkStandardizeResult unified() {
            return unified;
        }

        /** @return the fitted preprocessor, the output rows and the step report; never null @since 0.1.0 */
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
     * @param err where the total time and errors go
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
                    err.println("Usage: SparkW1 " + USAGE);
                    return 0;
                default:
                    err.println("xtage w1 (spark): unknown argument " + a + "; usage: " + USAGE);
                    return 2;
            }
        }
        if (data == null || outFile == null) {
            err.println("xtage w1 (spark): --data DIR and --out FILE are required");
            return 2;
        }
        java.util.Optional<Path> missing = data.toString().contains("://") ? java.util.Optional.empty()
            : W1Workload.missingFile(data);
        if (missing.isPresent()) {
            err.println("xtage w1 (spark): " + missing.get() + " does not exist; run `xtage generate` first");
            return 1;
        }
        SparkSession.Builder b = SparkSession.builder().appName("xtage-w1");
        if (master != null) {
            b = b.master(master);
            if (master.startsWith("local")) {
                // a few cores: 200 shuffle partitions per stage only add task overhead
                b = b.config("spark.sql.shuffle.partitions", "8").config("spark.ui.enabled", "false");
            }
        }
        SparkSession spark = SparkEngine.configure(b).getOrCreate();
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
     * Runs W1 on a session.
     *
     * @param spark the session, configured with {@link SparkEngine#configure}
     * @param dataDir the directory (or URI prefix) of the five files
     * @return the reads, the unified table and the output
     * @throws XtageException as the Spark readers, standardizer and preprocessor
     * @since 0.1.0
     */
    public static Run run(SparkSession spark, String dataDir) {
        String d = dataDir.endsWith("/") ? dataDir : dataDir + "/";
        Map<String, SparkRead> reads = new LinkedHashMap<>();
        reads.put(W1Workload.SALES, SparkSources.csv(spark, W1Workload.SALES, d + "sales_data.csv",
            W1Workload.salesSchema(false)));
        reads.put(W1Workload.PRODUCTS, SparkSources.csv(spark, W1Workload.PRODUCTS, d + "products.csv",
            W1Workload.productsSchema()));
        reads.put(W1Workload.TRANSACTIONS, SparkSources.csv(spark, W1Workload.TRANSACTIONS, d + "transactions.csv",
            W1Workload.transactionsSchema()));
        reads.put(W1Workload.CUSTOMERS, SparkSources.json(spark, W1Workload.CUSTOMERS, d + "customer_data.json",
            W1Workload.customersSchema()));
        reads.put(W1Workload.RATES, SparkSources.json(spark, W1Workload.RATES, d + "exchange_rates.json",
            W1Workload.ratesSchema()));
        Map<String, Dataset<Row>> tables = new LinkedHashMap<>();
        reads.forEach((k, v) -> tables.put(k, v.table()));
        SparkStandardizeResult unified = SparkStandardizer.run(W1Workload.standardization(), tables);
        SparkPreprocessor.Result prepared = SparkPreprocessor.fitTransform(W1Workload.preprocessor(), unified.table());
        return new Run(reads, unified, prepared);
    }

    /**
     * Writes rows with the one-machine CSV sink (ISO dates, shortest round-trip doubles).
     *
     * @param rows the rows; collected to the driver
     * @param file the CSV file
     * @return the number of rows written
     * @throws XtageException if the file cannot be written
     * @since 0.1.0
     */
    public static long write(Dataset<Row> rows, Path file) {
        tech.tablesaw.api.Table t = SparkTables.toTablesaw(rows, "w1");
        CsvSink.to(file).write(t);
        return t.rowCount();
    }
}
