package io.xtage.examples.cli;

import io.xtage.core.ProgressListener;
import io.xtage.core.ReadResult;
import io.xtage.core.Source;
import io.xtage.core.standardize.StandardizationPlan;
import io.xtage.core.standardize.StandardizeResult;
import io.xtage.examples.pipeline.ParallelReads;
import io.xtage.examples.pipeline.W1Workload;
import io.xtage.examples.spark.SparkW1;
import io.xtage.preprocess.PreprocessResult;
import io.xtage.sink.csv.CsvSink;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code xtage w1 --data DIR --out FILE}: workload W1 exactly as {@code WORKLOAD.md} defines it,
 * reading the five files directly (no PostgreSQL, no HTTP). This is what the benchmarks time.
 * Prints the number of rows written; step times go to standard error.
 */
@Command(name = "w1", mixinStandardHelpOptions = true,
    description = "Run workload W1 (shared/bench/WORKLOAD.md) on the five files of a data directory.")
final class W1Command implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Option(names = "--data", required = true, paramLabel = "DIR",
        description = "Directory with sales_data.csv, products.csv, transactions.csv, customer_data.json, exchange_rates.json.")
    private Path data;

    @Option(names = "--out", required = true, paramLabel = "FILE", description = "The CSV file to write.")
    private Path out;

    @Option(names = "--engine", defaultValue = "local", paramLabel = "ENGINE",
        description = "local (default) or spark: io.xtage.examples.spark.SparkW1, with Spark on the class path.")
    private String engine;

    @Option(names = "--master", paramLabel = "URL", description = "Spark master for --engine spark, such as local[2].")
    private String master;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        if (!"local".equals(engine)) {
            return otherEngine(err);
        }
        Optional<Path> missing = W1Workload.missingFile(data);
        if (missing.isPresent()) {
            err.println("xtage w1: " + missing.get() + " does not exist; run `xtage generate` first");
            return 1;
        }
        long t0 = System.nanoTime();
        // each source reads only the columns the plan uses (transactions: 3 of 6), as DuckDB
        // pushes the same projection into its scans
        StandardizationPlan plan = W1Workload.standardization();
        Map<String, Source> sources = W1Workload.fileSources(data, plan);
        Map<String, ReadResult> reads = ParallelReads.readAll(sources, ProgressListener.NONE);
        long t1 = step(err, "read", t0);
        StandardizeResult unified = plan.run(W1Workload.tables(reads));
        long t2 = step(err, "standardize", t1);
        PreprocessResult prepared = W1Workload.preprocessor().fitTransform(unified.table());
        long t3 = step(err, "preprocess", t2);
        CsvSink.to(out).write(prepared.table());
        step(err, "write csv", t3);
        err.printf("step %-16s %8.3f s%n", "TOTAL", (System.nanoTime() - t0) / 1e9);
        err.flush();
        spec.commandLine().getOut().println(prepared.table().rowCount());
        spec.commandLine().getOut().flush();
        return 0;
    }

    /**
     * Runs W1 on Spark ({@link SparkW1}). Spark is {@code provided}: without it on the class path
     * the first Spark class SparkW1 needs is missing, which is reported with what to do.
     */
    private int otherEngine(PrintWriter err) {
        if (!"spark".equals(engine)) {
            err.println("xtage w1: --engine must be local or spark, not " + engine);
            return 2;
        }
        java.util.List<String> args = new java.util.ArrayList<>(java.util.List.of("--data", data.toString(), "--out",
            out.toString()));
        if (master != null) {
            args.add("--master");
            args.add(master);
        }
        try {
            return SparkW1.run(args.toArray(new String[0]), spec.commandLine().getOut(), err);
        } catch (NoClassDefFoundError e) {
            err.println("xtage w1: --engine spark needs Spark 3.5 (Scala 2.13) on the class path ("
                + e.getMessage() + " not found); run `spark-submit --class io.xtage.examples.spark.SparkW1 xtage.jar "
                + "--data DIR --out FILE` (see docs/deployment.md)");
            return 1;
        }
    }

    private static long step(PrintWriter err, String name, long since) {
        long now = System.nanoTime();
        err.printf("step %-16s %8.3f s%n", name, (now - since) / 1e9);
        return now;
    }
}
