package io.xtage.sink.postgres;

import static io.xtage.sink.postgres.TestPostgres.expected;
import static io.xtage.sink.postgres.TestPostgres.rows;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.xtage.sink.ForeignKey;
import io.xtage.sink.SinkException;
import io.xtage.sink.SinkFixtures;
import io.xtage.sink.SinkReport;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.postgresql.ds.PGSimpleDataSource;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

class SqlExportTest {
    private static final Path PSQL = Path.of("/usr/bin/psql");
    private static TestPostgres pg;

    @TempDir
    Path tmp;

    @BeforeAll
    static void start() {
        pg = TestPostgres.start();
    }

    @AfterAll
    static void stop() throws IOException {
        pg.close();
    }

    private static Table products() {
        return Table.create("products", LongColumn.create("product_id", new long[] {1, 2}),
            StringColumn.create("product_name", "Desk", "Lamp \"LED\""),
            DoubleColumn.create("price", new double[] {120.5, Double.NaN}));
    }

    private static Table sales() {
        return Table.create("sales", LongColumn.create("transaction_id", new long[] {10, 11, 12}),
            LongColumn.create("product_id", new long[] {2, 1, 2}), IntColumn.create("quantity", new int[] {1, 3, 2}));
    }

    /** Sales first: the foreign key comes after all data, so table order must not matter. */
    private static SqlExport.Builder productsAndSales() {
        return SqlExport.builder()
            .table("sales", sales(), List.of("transaction_id"),
                List.of(ForeignKey.of("product_id", "products", "product_id")))
            .table("products", products(), List.of("product_id"));
    }

    /** A few thousand rows of random text from across Unicode (no NUL, no lone surrogates). */
    private static Table randomText(long seed) {
        Random r = new Random(seed);
        int n = 3000;
        long[] ids = new long[n];
        String[] texts = new String[n];
        for (int i = 0; i < n; i++) {
            ids[i] = i;
            StringBuilder b = new StringBuilder();
            int len = r.nextInt(12);
            for (int k = 0; k < len; k++) {
                int kind = r.nextInt(4);
                String specials = "\\\t\n\r'\";,.N";
                int cp = kind == 0 ? specials.codePointAt(r.nextInt(specials.length()))
                    : kind == 1 ? 1 + r.nextInt(0x7f) : kind == 2 ? 0xa0 + r.nextInt(0xd7ff - 0xa0)
                    : 0x10000 + r.nextInt(0x1000);
                b.appendCodePoint(cp);
            }
            texts[i] = b.toString();
        }
        return Table.create("random_text", LongColumn.create("id", ids), StringColumn.create("text", texts));
    }

    private static String script(SqlExport e) {
        StringWriter w = new StringWriter();
        e.write(w);
        return w.toString();
    }

    @Test
    void writesCreateTablesThenCopyBlocksThenKeys() {
        assertThat(script(productsAndSales().build())).isEqualTo(""
            + "-- xtage SQL export: 2 table(s), 5 row(s).\n"
            + "-- Load into an empty database: psql -v ON_ERROR_STOP=1 -f FILE\n"
            + "SET client_encoding = 'UTF8';\n"
            + "SET standard_conforming_strings = on;\n"
            + "\n"
            + "BEGIN;\n"
            + "\n"
            + "CREATE TABLE \"sales\" (\n"
            + "    \"transaction_id\" bigint,\n"
            + "    \"product_id\" bigint,\n"
            + "    \"quantity\" integer\n"
            + ");\n"
            + "\n"
            + "CREATE TABLE \"products\" (\n"
            + "    \"product_id\" bigint,\n"
            + "    \"product_name\" text,\n"
            + "    \"price\" double precision\n"
            + ");\n"
            + "\n"
            + "COPY \"sales\" (\"transaction_id\", \"product_id\", \"quantity\") FROM stdin;\n"
            + "10\t2\t1\n"
            + "11\t1\t3\n"
            + "12\t2\t2\n"
            + "\\.\n"
            + "\n"
            + "COPY \"products\" (\"product_id\", \"product_name\", \"price\") FROM stdin;\n"
            + "1\tDesk\t120.5\n"
            + "2\tLamp \"LED\"\t\\N\n"
            + "\\.\n"
            + "\n"
            + "ALTER TABLE \"sales\" ADD PRIMARY KEY (\"transaction_id\");\n"
            + "ALTER TABLE \"products\" ADD PRIMARY KEY (\"product_id\");\n"
            + "ALTER TABLE \"sales\" ADD FOREIGN KEY (\"product_id\") REFERENCES \"products\" (\"product_id\");\n"
            + "\n"
            + "COMMIT;\n");
    }

    @Test
    void insertFormatWritesMultiRowInsertsInBatches() {
        String s = script(SqlExport.builder().table("products", products(), List.of("product_id"))
            .dataFormat(SqlExport.DataFormat.INSERT).insertBatchRows(1).build());

        assertThat(s).contains("INSERT INTO \"products\" (\"product_id\", \"product_name\", \"price\") VALUES\n"
            + "(1, 'Desk', 120.5);\n"
            + "INSERT INTO \"products\" (\"product_id\", \"product_name\", \"price\") VALUES\n"
            + "(2, 'Lamp \"LED\"', NULL);\n");
        assertThat(s).doesNotContain("COPY");
    }

    @Test
    void sameTablesGiveTheSameBytes() throws IOException {
        productsAndSales().build().write(tmp.resolve("a.sql"));
        productsAndSales().build().write(tmp.resolve("b.sql"));

        assertThat(Files.readAllBytes(tmp.resolve("a.sql"))).isEqualTo(Files.readAllBytes(tmp.resolve("b.sql")));
    }

    @Test
    void psqlLoadsTheCopyExportIntoAnEmptyDatabaseWithTheSameRows() throws Exception {
        assumeTrue(Files.isExecutable(PSQL), "psql is not installed at " + PSQL
            + "; the JDBC round trip still runs");
        Path file = tmp.resolve("export.sql");
        SqlExport e = fullExport(SqlExport.DataFormat.COPY);
        e.write(file);
        PGSimpleDataSource db = pg.newDatabase();

        psql(db, file);

        assertSameRows(db);
    }

    @Test
    void psqlLoadsTheInsertExportIntoAnEmptyDatabaseWithTheSameRows() throws Exception {
        assumeTrue(Files.isExecutable(PSQL), "psql is not installed at " + PSQL
            + "; the JDBC round trip still runs");
        Path file = tmp.resolve("export.sql");
        fullExport(SqlExport.DataFormat.INSERT).write(file);
        PGSimpleDataSource db = pg.newDatabase();

        psql(db, file);

        assertSameRows(db);
    }

    @Test
    void jdbcLoadsTheCopyExportIntoAnEmptyDatabaseWithTheSameRows() throws Exception {
        Path file = tmp.resolve("export.sql");
        SinkReport written = fullExport(SqlExport.DataFormat.COPY).write(file);
        PGSimpleDataSource db = pg.newDatabase();

        SinkReport loaded = SqlScript.load(db, file);

        assertThat(loaded.rowsWritten()).isEqualTo(written.rowsWritten());
        assertSameRows(db);
    }

    @Test
    void jdbcLoadsTheInsertExportIntoAnEmptyDatabaseWithTheSameRows() throws Exception {
        Path file = tmp.resolve("export.sql");
        SinkReport written = fullExport(SqlExport.DataFormat.INSERT).write(file);
        PGSimpleDataSource db = pg.newDatabase();

        SinkReport loaded = SqlScript.load(db, file);

        assertThat(loaded.rowsWritten()).isEqualTo(written.rowsWritten());
        assertSameRows(db);
    }

    @Test
    void psqlStopsAndKeepsNothingWhenATableAlreadyExists() throws Exception {
        assumeTrue(Files.isExecutable(PSQL), "psql is not installed at " + PSQL);
        Path file = tmp.resolve("export.sql");
        productsAndSales().build().write(file);
        PGSimpleDataSource db = pg.newDatabase();
        try (var c = db.getConnection(); var st = c.createStatement()) {
            st.execute("CREATE TABLE products (x int)");
        }

        int code = run(db, file).exitCode;

        assertThat(code).isNotZero();
        assertThat(rows(db, "SELECT to_regclass('sales')::text")).containsExactly(java.util.Collections.singletonList(null));
    }

    @Test
    void textWithNulFailsAndLeavesNoFile() {
        Path file = tmp.resolve("bad.sql");
        SqlExport e = SqlExport.builder().table("t", Table.create("t", StringColumn.create("s", "a\0b"))).build();

        assertThatThrownBy(() -> e.write(file))
            .isInstanceOf(SinkException.class)
            .hasMessageContaining("NUL");
        assertThat(file).doesNotExist();
    }

    @Test
    void foreignKeyToAColumnThatIsNotTheReferencedKeyIsRejected() {
        SqlExport.Builder b = SqlExport.builder()
            .table("products", products(), List.of("product_id"))
            .table("sales", sales(), List.of(), List.of(ForeignKey.of("product_id", "products", "product_name")));

        assertThatThrownBy(b::build)
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining("product_name");
    }

    @Test
    void primaryKeyColumnMustBeInTheTable() {
        assertThatThrownBy(() -> SqlExport.builder().table("p", products(), List.of("id")))
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining("'id'");
    }

    @Test
    void tableNamesMustBeUnique() {
        assertThatThrownBy(() -> SqlExport.builder().table("p", products()).table("p", sales()))
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining("twice");
    }

    @Test
    void anExportNeedsATable() {
        assertThatThrownBy(() -> SqlExport.builder().build()).isInstanceOf(IllegalStateException.class);
    }

    // --- round trip helpers -------------------------------------------------------------------

    private static SqlExport fullExport(SqlExport.DataFormat format) {
        Table all = SinkFixtures.allTypes();
        Table weird = Table.create("weird", LongColumn.create("order", new long[] {1}),
            StringColumn.create("Customer ID", "c 1"));
        return productsAndSales()
            .table("all_types", all, List.of("id"))
            .table("Weird Names", weird, List.of("order"))
            .table("random_text", randomText(42), List.of("id"))
            .dataFormat(format)
            .build();
    }

    private static void assertSameRows(DataSource db) throws SQLException {
        assertThat(rows(db, "SELECT * FROM products ORDER BY product_id")).isEqualTo(expected(products()));
        assertThat(rows(db, "SELECT * FROM sales ORDER BY transaction_id")).isEqualTo(expected(sales()));
        assertThat(rows(db, "SELECT * FROM all_types ORDER BY id")).isEqualTo(expected(SinkFixtures.allTypes()));
        assertThat(rows(db, "SELECT * FROM \"Weird Names\"")).containsExactly(List.of(1L, "c 1"));
        assertThat(rows(db, "SELECT * FROM random_text ORDER BY id")).isEqualTo(expected(randomText(42)));
        assertThat(rows(db, "SELECT conrelid::regclass::text, contype::text FROM pg_constraint "
            + "WHERE connamespace = 'public'::regnamespace ORDER BY 1, 2")).containsExactly(
            List.of("\"Weird Names\"", "p"), List.of("all_types", "p"), List.of("products", "p"),
            List.of("random_text", "p"), List.of("sales", "f"), List.of("sales", "p"));
    }

    private static final class Result {
        final int exitCode;
        final String output;

        Result(int exitCode, String output) {
            this.exitCode = exitCode;
            this.output = output;
        }
    }

    private static Result run(PGSimpleDataSource db, Path file) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of(PSQL.toString(), "-X", "-q", "-v", "ON_ERROR_STOP=1",
            "-h", pg.host(), "-p", String.valueOf(pg.port()), "-U", pg.user(), "-d", db.getDatabaseName(),
            "-f", file.toString()));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
        if (pg.password() != null) {
            pb.environment().put("PGPASSWORD", pg.password());
        }
        Process p = pb.start();
        byte[] out = p.getInputStream().readAllBytes();
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("psql did not finish in 120 s");
        }
        return new Result(p.exitValue(), new String(out, StandardCharsets.UTF_8));
    }

    private static void psql(PGSimpleDataSource db, Path file) throws IOException, InterruptedException {
        Result r = run(db, file);
        assertThat(r.exitCode).as("psql output: %s", r.output).isZero();
    }
}
