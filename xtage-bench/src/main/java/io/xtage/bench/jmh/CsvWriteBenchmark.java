package io.xtage.bench.jmh;

import io.xtage.sink.SinkReport;
import io.xtage.sink.csv.CsvSink;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import tech.tablesaw.api.Table;

/**
 * Writing the 1,000,000-row, 5-column table of {@link CsvBenchData} (read once at setup) as CSV
 * to a file: xtage's {@code CsvSink} (shortest round-trip doubles, ISO dates) vs Tablesaw's
 * {@code write().csv} vs DuckDB {@code COPY t TO ... (FORMAT csv)} of the same data, loaded into
 * DuckDB at setup.
 *
 * <pre>java -jar xtage-bench/target/xtage-bench.jar CsvWriteBenchmark</pre>
 *
 * @since 0.1.0
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 5)
@Measurement(iterations = 5, time = 5)
@Fork(value = 1, jvmArgs = {"-Xmx2g", "-XX:+UseParallelGC"})
public class CsvWriteBenchmark {

    private Path dir;
    private Path in;
    private Path out;
    private Table table;
    private Connection duck;
    private String copySql;

    /**
     * @throws IOException if the input cannot be written
     * @throws SQLException if DuckDB cannot load it
     * @since 0.1.0
     */
    @Setup
    public void setUp() throws IOException, SQLException {
        dir = Files.createTempDirectory("xtage-bench-write");
        in = CsvBenchData.write(dir.resolve("in.csv"), CsvBenchData.ROWS, CsvBenchData.SEED);
        out = dir.resolve("out.csv");
        table = CsvBenchData.source(in).read().table();
        duck = DriverManager.getConnection("jdbc:duckdb:");
        try (Statement st = duck.createStatement()) {
            st.execute("CREATE TABLE t AS SELECT * FROM read_csv('" + in.toAbsolutePath() + "', header = true, "
                + "columns = {'id': 'BIGINT', 'customer_id': 'BIGINT', 'quantity': 'INTEGER', "
                + "'amount': 'DOUBLE', 'day': 'DATE'})");
        }
        copySql = "COPY t TO '" + out.toAbsolutePath() + "' (FORMAT csv, HEADER true, DATEFORMAT '%Y-%m-%d')";
    }

    /** @throws IOException if the files cannot be removed @throws SQLException if DuckDB fails @since 0.1.0 */
    @TearDown
    public void tearDown() throws IOException, SQLException {
        duck.close();
        Files.deleteIfExists(out);
        Files.deleteIfExists(in);
        Files.deleteIfExists(dir);
    }

    /** @return the report @since 0.1.0 */
    @Benchmark
    public SinkReport xtageCsvSink() {
        return CsvSink.to(out).write(table);
    }

    /** @since 0.1.0 */
    @Benchmark
    public void tablesawWriteCsv() {
        table.write().csv(out.toFile());
    }

    /** @return rows written @throws SQLException if DuckDB fails @since 0.1.0 */
    @Benchmark
    public long duckdbCopy() throws SQLException {
        try (Statement st = duck.createStatement()) {
            return st.executeLargeUpdate(copySql);
        }
    }
}
