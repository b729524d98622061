package io.xtage.bench.jmh;

import io.xtage.core.standardize.StandardizeResult;
import io.xtage.core.standardize.Standardizer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
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
import tech.tablesaw.api.DateColumn;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;
import tech.tablesaw.joining.JoinType;

/**
 * Joins on W1's shape, tables already in memory: a 1,000,000-row fact table
 * ({@code transaction_id, product_id, amount, day}; about 9% of product ids have no product,
 * 1% of days are missing) against
 * <ul>
 *   <li>a 10,000-row dimension ({@code product_id, category, list_price}): a left join on
 *       {@code product_id}: xtage's {@code Standardizer} vs Tablesaw's
 *       {@code joinOn(..).type(LEFT_OUTER)} vs DuckDB {@code LEFT JOIN};</li>
 *   <li>a daily rate table with gaps ({@code date, eur_rate}, 1,460 of 1,827 days): an as-of
 *       join, the rate of the latest date at or before each fact row's day: xtage's
 *       {@code asOfJoin} vs a {@link TreeMap#floorEntry} per row vs DuckDB {@code ASOF LEFT JOIN}.</li>
 * </ul>
 * DuckDB's tables are loaded once at setup; its operations write the result into a new table.
 * The Java alternatives reuse the fact table's columns and add the new ones, the least work
 * possible; xtage builds a new table and a join report.
 *
 * <pre>java -jar xtage-bench/target/xtage-bench.jar JoinBenchmark</pre>
 *
 * @since 0.1.0
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 5)
@Measurement(iterations = 5, time = 5)
@Fork(value = 1, jvmArgs = {"-Xmx2g", "-XX:+UseParallelGC"})
public class JoinBenchmark {

    static final int FACT_ROWS = 1_000_000;
    static final int PRODUCTS = 10_000;
    private static final String[] CATEGORIES = {"Books", "Clothing", "Electronics", "Furniture", "Toys"};

    private Table fact;
    private Table products;
    private Table rates;
    private TreeMap<LocalDate, Double> rateByDate;
    private Path dir;
    private Connection duck;

    /**
     * @throws IOException if the tables cannot be written for DuckDB
     * @throws SQLException if DuckDB cannot load them
     * @since 0.1.0
     */
    @Setup
    public void setUp() throws IOException, SQLException {
        SplittableRandom r = new SplittableRandom(7);
        LocalDate first = LocalDate.of(2020, 1, 1);
        long[] tid = new long[FACT_ROWS];
        long[] pid = new long[FACT_ROWS];
        double[] amount = new double[FACT_ROWS];
        DateColumn day = DateColumn.create("day", FACT_ROWS);
        for (int i = 0; i < FACT_ROWS; i++) {
            tid[i] = i + 1;
            pid[i] = 1 + r.nextInt(PRODUCTS + PRODUCTS / 10);
            amount[i] = r.nextLong(1, 100_000) / 100.0;
            if (r.nextInt(100) != 0) {
                day.set(i, first.plusDays(r.nextInt(1827)));
            }
        }
        fact = Table.create("sales", LongColumn.create("transaction_id", tid), LongColumn.create("product_id", pid),
            DoubleColumn.create("amount", amount), day);

        long[] ppid = new long[PRODUCTS];
        String[] cat = new String[PRODUCTS];
        double[] listPrice = new double[PRODUCTS];
        for (int i = 0; i < PRODUCTS; i++) {
            ppid[i] = i + 1;
            cat[i] = CATEGORIES[r.nextInt(CATEGORIES.length)];
            listPrice[i] = r.nextLong(100, 50_000) / 100.0;
        }
        products = Table.create("products", LongColumn.create("product_id", ppid), StringColumn.create("category", cat),
            DoubleColumn.create("list_price", listPrice));

        DateColumn date = DateColumn.create("date");
        DoubleColumn eur = DoubleColumn.create("eur_rate");
        rateByDate = new TreeMap<>();
        for (int d = 0; d < 1827; d++) {
            if (r.nextInt(5) != 0) { // gaps: about one day in five has no rate
                double v = 0.8 + r.nextInt(4000) / 10_000.0;
                date.append(first.plusDays(d));
                eur.append(v);
                rateByDate.put(first.plusDays(d), v);
            }
        }
        rates = Table.create("rates", date, eur);

        dir = Files.createTempDirectory("xtage-bench-join");
        duck = DriverManager.getConnection("jdbc:duckdb:");
        try (Statement st = duck.createStatement()) {
            for (Table t : new Table[] {fact, products, rates}) {
                Path csv = dir.resolve(t.name() + ".csv");
                t.write().csv(csv.toFile());
                st.execute("CREATE TABLE " + t.name() + " AS SELECT * FROM read_csv('" + csv.toAbsolutePath() + "', header = true)");
                Files.delete(csv);
            }
        }
        check(xtageLeftJoin(), tablesawLeftJoin(), "list_price");
        check(xtageAsOfJoin(), treeMapAsOfJoin(), "eur_rate");
    }

    /** The contenders must compute the same thing: same rows, same sum of the brought column. */
    private static void check(Table xtage, Table other, String column) {
        double a = xtage.doubleColumn(column).sum();
        double b = other.doubleColumn(column).sum();
        if (xtage.rowCount() != other.rowCount() || Math.abs(a - b) > 1e-9 * Math.abs(b)
                || xtage.doubleColumn(column).countMissing() != other.doubleColumn(column).countMissing()) {
            throw new IllegalStateException("join results disagree on " + column + ": " + xtage.rowCount() + " rows, sum "
                + a + " vs " + other.rowCount() + " rows, sum " + b);
        }
    }

    /** @throws IOException if the directory cannot be removed @throws SQLException if DuckDB fails @since 0.1.0 */
    @TearDown
    public void tearDown() throws IOException, SQLException {
        duck.close();
        Files.deleteIfExists(dir);
    }

    /** @return the joined table @since 0.1.0 */
    @Benchmark
    public Table xtageLeftJoin() {
        StandardizeResult r = Standardizer.from("sales", fact).leftJoin("products", products).on("product_id").run();
        return r.table();
    }

    /** @return the joined table @since 0.1.0 */
    @Benchmark
    public Table tablesawLeftJoin() {
        return fact.joinOn("product_id").type(JoinType.LEFT_OUTER).with(products).join();
    }

    /** @return rows written @throws SQLException if DuckDB fails @since 0.1.0 */
    @Benchmark
    public long duckdbLeftJoin() throws SQLException {
        try (Statement st = duck.createStatement()) {
            return st.executeLargeUpdate("CREATE OR REPLACE TABLE j AS SELECT s.*, p.category, p.list_price "
                + "FROM sales s LEFT JOIN products p ON s.product_id = p.product_id");
        }
    }

    /** @return the joined table @since 0.1.0 */
    @Benchmark
    public Table xtageAsOfJoin() {
        return Standardizer.from("sales", fact).asOfJoin("rates", rates).onPair("day", "date").run().table();
    }

    /** @return the joined table @since 0.1.0 */
    @Benchmark
    public Table treeMapAsOfJoin() {
        DateColumn day = fact.dateColumn("day");
        double[] rate = new double[fact.rowCount()];
        for (int i = 0; i < rate.length; i++) {
            LocalDate d = day.get(i);
            Map.Entry<LocalDate, Double> e = d == null ? null : rateByDate.floorEntry(d);
            rate[i] = e == null ? Double.NaN : e.getValue();
        }
        Table out = Table.create("sales");
        for (Column<?> c : fact.columns()) {
            out.addColumns(c);
        }
        return out.addColumns(DoubleColumn.create("eur_rate", rate));
    }

    /** @return rows written @throws SQLException if DuckDB fails @since 0.1.0 */
    @Benchmark
    public long duckdbAsOfJoin() throws SQLException {
        try (Statement st = duck.createStatement()) {
            return st.executeLargeUpdate("CREATE OR REPLACE TABLE a AS SELECT s.*, r.eur_rate "
                + "FROM sales s ASOF LEFT JOIN rates r ON s.day >= r.date");
        }
    }
}
