package io.xtage.bench;

import io.xtage.core.ProgressListener;
import io.xtage.core.ReadResult;
import io.xtage.core.Source;
import io.xtage.examples.pipeline.ParallelReads;
import io.xtage.examples.pipeline.W1Workload;
import io.xtage.preprocess.PreprocessResult;
import io.xtage.sink.csv.CsvSink;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import tech.tablesaw.api.Table;

/**
 * W1 step 5 alone: {@code W1Workload.preprocessor().fitTransform(unified)} against the same step
 * in DuckDB SQL, on the same unified table (steps 1 to 4), in one JVM.
 *
 * <pre>java -Xmx3g -XX:+UseParallelGC -cp xtage-bench/target/xtage-bench.jar io.xtage.bench.PreprocessVsDuck DATA_DIR [WARMUP [RUNS]]</pre>
 *
 * <p>Setup, untimed: reads the five W1 files and runs {@code W1Workload.standardization()} once
 * (the unified table), writes that table to a CSV with {@link CsvSink}, and loads the CSV into an
 * in-memory DuckDB as table {@code unified} with W1's column types.
 *
 * <p>Timed, alternately, WARMUP (default 2) runs of each not counted, then RUNS (default 5) runs
 * of each; prints every run and the medians on stdout:
 * <ul>
 *   <li>xtage: {@code W1Workload.preprocessor().fitTransform(unified)}, the fitted preprocessor
 *       and its report included;</li>
 *   <li>DuckDB: step 5 of {@link DuckW1}'s SQL unchanged (drop duplicates, filter, clean text,
 *       the statistics, the category levels, imputation and features), reading from table
 *       {@code unified} and ending in {@code CREATE TEMP TABLE prepared AS ...} instead of
 *       {@code COPY ... TO} a file. DuckDB uses all cores.</li>
 * </ul>
 * Both must give the same number of rows, or the run fails.
 *
 * @since 0.1.0
 */
public final class PreprocessVsDuck {

    private PreprocessVsDuck() {
    }

    /**
     * @param args DATA_DIR [WARMUP [RUNS]]
     * @throws Exception if a read, a write or DuckDB fails
     * @since 0.1.0
     */
    public static void main(String[] args) throws Exception {
        if (args.length < 1 || args.length > 3) {
            System.err.println("usage: PreprocessVsDuck DATA_DIR [WARMUP [RUNS]]");
            System.exit(2);
        }
        Path dir = Path.of(args[0]);
        int warmup = args.length > 1 ? Integer.parseInt(args[1]) : 2;
        int runs = args.length > 2 ? Integer.parseInt(args[2]) : 5;

        long t0 = System.nanoTime();
        Table unified = unified(dir);
        System.out.printf("setup: unified table %,d rows x %d columns in %.2f s%n", unified.rowCount(),
            unified.columnCount(), (System.nanoTime() - t0) / 1e9);
        Path csv = Files.createTempFile("w1-unified", ".csv");
        try (Connection conn = DriverManager.getConnection("jdbc:duckdb:");
             Statement st = conn.createStatement()) {
            CsvSink.to(csv).write(unified);
            st.execute("CREATE TABLE unified AS SELECT * FROM read_csv('" + csv.toAbsolutePath() + "', header = true,"
                + " dateformat = '%Y-%m-%d', columns = {transaction_id: 'BIGINT', product_id: 'BIGINT',"
                + " quantity: 'BIGINT', price: 'DOUBLE', transaction_date: 'DATE', product_name: 'VARCHAR',"
                + " category: 'VARCHAR', list_price: 'DOUBLE', stock_available: 'BIGINT', customer_id: 'BIGINT',"
                + " total_amount: 'DOUBLE', customer_name: 'VARCHAR', age: 'DOUBLE', gender: 'VARCHAR',"
                + " location: 'VARCHAR', date_joined: 'DATE', eur_rate: 'DOUBLE'})");
            Files.delete(csv);
            System.out.printf("setup: DuckDB %s, table unified loaded%n", conn.getMetaData().getDatabaseProductVersion());

            double[] xs = new double[runs];
            double[] ds = new double[runs];
            long xRows = -1;
            long dRows = -1;
            for (int i = -warmup; i < runs; i++) {
                String label = i < 0 ? "warm-up " + (i + warmup + 1) : "run " + (i + 1);
                System.gc();
                long a = System.nanoTime();
                PreprocessResult r = W1Workload.preprocessor().fitTransform(unified);
                double x = (System.nanoTime() - a) / 1e6;
                xRows = r.table().rowCount();
                r = null;
                System.gc();
                a = System.nanoTime();
                dRows = duckStep5(st);
                double d = (System.nanoTime() - a) / 1e6;
                if (xRows != dRows) {
                    throw new IllegalStateException("rows differ: xtage " + xRows + ", DuckDB " + dRows);
                }
                System.out.printf("%-10s xtage %8.1f ms   duckdb %8.1f ms   (%,d rows)%n", label, x, d, xRows);
                if (i >= 0) {
                    xs[i] = x;
                    ds[i] = d;
                }
            }
            double mx = median(xs);
            double md = median(ds);
            System.out.printf("median of %d runs after %d warm-up: xtage %.1f ms, DuckDB %.1f ms, xtage/DuckDB %.2f"
                + " (%,d rows in, %,d out)%n", runs, warmup, mx, md, mx / md, unified.rowCount(), xRows);
        } finally {
            Files.deleteIfExists(csv);
        }
    }

    /** W1 steps 1-4 with xtage, as {@code xtage w1} does them. */
    static Table unified(Path dir) {
        Map<String, Source> sources = W1Workload.fileSources(dir, null);
        Map<String, ReadResult> reads = ParallelReads.readAll(sources, ProgressListener.NONE);
        return W1Workload.standardization().run(W1Workload.tables(reads)).table();
    }

    /** DuckW1's step 5 on table {@code unified}, into table {@code prepared}; returns its rows. */
    static long duckStep5(Statement st) throws SQLException {
        st.execute("DROP TABLE IF EXISTS prepared");
        st.execute("DROP TABLE IF EXISTS zstats");
        st.execute("DROP TABLE IF EXISTS stats");
        st.execute("DROP TABLE IF EXISTS cleaned");
        st.execute("CREATE TEMP TABLE cleaned AS\nWITH " + DuckW1.DEDUP_AND_CLEAN);
        List<String> cats = DuckW1.statistics(st);
        st.execute("CREATE TEMP TABLE prepared AS\n" + DuckW1.prepared(cats));
        try (ResultSet rs = st.executeQuery("SELECT count(*) FROM prepared")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    static double median(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        int n = s.length;
        return n % 2 == 1 ? s[n / 2] : (s[n / 2 - 1] + s[n / 2]) / 2;
    }
}
