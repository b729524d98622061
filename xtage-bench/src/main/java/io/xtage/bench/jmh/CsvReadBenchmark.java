package io.xtage.bench.jmh;

import io.xtage.core.ReadResult;
import io.xtage.source.csv.CsvSource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.format.DateTimeFormatter;
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
import tech.tablesaw.api.ColumnType;
import tech.tablesaw.api.Table;
import tech.tablesaw.io.csv.CsvReadOptions;

/**
 * Reading a 1,000,000-row, 5-column CSV ({@link CsvBenchData}) into a typed in-memory table, each
 * reader told the column types:
 * <ul>
 *   <li>xtage's CsvSource with a declared schema;</li>
 *   <li>Tablesaw's own reader, configured well: column types given and
 *       {@code dateFormat(ISO_LOCAL_DATE)} (its default date parsing is 3x slower and lenient,
 *       FIELD-NOTES.md; beating that would prove nothing);</li>
 *   <li>DuckDB, {@code CREATE TABLE t AS SELECT * FROM read_csv(...)} through JDBC, with the same
 *       column types, on all cores (the Java readers use one) and on one thread.</li>
 * </ul>
 *
 * <pre>java -jar xtage-bench/target/xtage-bench.jar CsvReadBenchmark</pre>
 *
 * @since 0.1.0
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 5)
@Measurement(iterations = 5, time = 5)
@Fork(value = 1, jvmArgs = {"-Xmx2g", "-XX:+UseParallelGC"})
public class CsvReadBenchmark {

    private Path dir;
    private Path file;
    private Connection duck;
    private Connection duckOneThread;
    private String duckSql;
    private CsvSource source;

    /**
     * @throws IOException if the file cannot be written
     * @throws SQLException if DuckDB cannot start
     * @since 0.1.0
     */
    @Setup
    public void setUp() throws IOException, SQLException {
        dir = Files.createTempDirectory("xtage-bench-csv");
        file = CsvBenchData.write(dir.resolve("data.csv"), CsvBenchData.ROWS, CsvBenchData.SEED);
        source = CsvBenchData.source(file);
        duck = DriverManager.getConnection("jdbc:duckdb:");
        duckOneThread = DriverManager.getConnection("jdbc:duckdb:");
        try (Statement st = duckOneThread.createStatement()) {
            st.execute("SET threads = 1");
        }
        duckSql = "CREATE OR REPLACE TABLE t AS SELECT * FROM read_csv('"
            + file.toAbsolutePath().toString().replace("'", "''") + "', header = true, "
            + "columns = {'id': 'BIGINT', 'customer_id': 'BIGINT', 'quantity': 'INTEGER', "
            + "'amount': 'DOUBLE', 'day': 'DATE'}, dateformat = '%Y-%m-%d')";
    }

    /**
     * @throws IOException if the file cannot be deleted
     * @throws SQLException if DuckDB cannot close
     * @since 0.1.0
     */
    @TearDown
    public void tearDown() throws IOException, SQLException {
        duck.close();
        duckOneThread.close();
        Files.deleteIfExists(file);
        Files.deleteIfExists(dir);
    }

    /** @return the table @since 0.1.0 */
    @Benchmark
    public Table xtageCsvSource() {
        ReadResult r = source.read();
        if (!r.rejects().isEmpty()) {
            throw new IllegalStateException("unexpected rejects: " + r.rejects().get(0));
        }
        return r.table();
    }

    /** @return the table @since 0.1.0 */
    @Benchmark
    public Table tablesawConfigured() {
        return Table.read().csv(CsvReadOptions.builder(file.toFile())
            .columnTypes(new ColumnType[] {
                ColumnType.LONG, ColumnType.LONG, ColumnType.INTEGER, ColumnType.DOUBLE, ColumnType.LOCAL_DATE})
            .dateFormat(DateTimeFormatter.ISO_LOCAL_DATE)
            .build());
    }

    /** @return rows loaded @throws SQLException if DuckDB fails @since 0.1.0 */
    @Benchmark
    public long duckdbReadCsv() throws SQLException {
        try (Statement st = duck.createStatement()) {
            return st.executeLargeUpdate(duckSql);
        }
    }

    /** @return rows loaded @throws SQLException if DuckDB fails @since 0.1.0 */
    @Benchmark
    public long duckdbReadCsvOneThread() throws SQLException {
        try (Statement st = duckOneThread.createStatement()) {
            return st.executeLargeUpdate(duckSql);
        }
    }
}
