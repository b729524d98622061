package io.xtage.sink.postgres;

import static io.xtage.sink.postgres.TestPostgres.expected;
import static io.xtage.sink.postgres.TestPostgres.rows;
import static io.xtage.sink.postgres.TestPostgres.scalar;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.xtage.core.SchemaException;
import io.xtage.sink.SinkException;
import io.xtage.sink.SinkFixtures;
import io.xtage.sink.SinkReport;
import java.io.IOException;
import java.net.ServerSocket;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

class PostgresSinkTest {
    private static final AtomicInteger TABLES = new AtomicInteger();
    private static TestPostgres pg;
    private static DataSource ds;

    @BeforeAll
    static void start() throws SQLException {
        pg = TestPostgres.start();
        ds = pg.newDatabase();
    }

    @AfterAll
    static void stop() throws IOException {
        pg.close();
    }

    private static String newTable() {
        return "t" + TABLES.incrementAndGet();
    }

    private static void sql(String sql) throws SQLException {
        try (Connection c = ds.getConnection(); Statement st = c.createStatement()) {
            st.execute(sql);
        }
    }

    private static PostgresSink.Builder sink(String table) {
        return PostgresSink.builder().dataSource(ds).table(table);
    }

    private static Table idName(long[] ids, String... names) {
        return Table.create("t", LongColumn.create("id", ids), StringColumn.create("name", names));
    }

    @Test
    void createsTheTableWithSqlTypesAndLoadsEveryRow() throws SQLException {
        String t = newTable();

        SinkReport r = sink(t).build().write(SinkFixtures.allTypes());

        assertThat(r.rowsWritten()).isEqualTo(4);
        assertThat(rows(ds, "SELECT column_name, data_type FROM information_schema.columns WHERE table_name = '"
            + t + "' ORDER BY ordinal_position")).containsExactly(
            List.of("id", "bigint"), List.of("qty", "integer"), List.of("price", "double precision"),
            List.of("name", "text"), List.of("active", "boolean"), List.of("day", "date"),
            List.of("at", "timestamp without time zone"));
        assertThat(rows(ds, "SELECT * FROM " + t + " ORDER BY id")).isEqualTo(expected(SinkFixtures.allTypes()));
    }

    @Test
    void quotesIdentifiersSoReservedWordsAndSpacesWork() throws SQLException {
        Table data = Table.create("t", LongColumn.create("order", new long[] {7}),
            StringColumn.create("Customer ID", "c-1"), StringColumn.create("we\"ird", "x"));

        sink("Order Lines").primaryKey("order").build().write(data);

        assertThat(rows(ds, "SELECT \"order\", \"Customer ID\", \"we\"\"ird\" FROM \"Order Lines\""))
            .containsExactly(List.of(7L, "c-1", "x"));
    }

    @Test
    void declaresThePrimaryKey() throws SQLException {
        String t = newTable();

        sink(t).primaryKey("id").build().write(idName(new long[] {1, 2}, "a", "b"));

        assertThat(scalar(ds, "SELECT pg_get_constraintdef(oid) FROM pg_constraint WHERE contype = 'p' "
            + "AND conrelid = '" + t + "'::regclass")).isEqualTo("PRIMARY KEY (id)");
    }

    @Test
    void createFailsWhenTheTableExistsAndLeavesItAlone() throws SQLException {
        String t = newTable();
        sink(t).build().write(idName(new long[] {1}, "old"));

        assertThatThrownBy(() -> sink(t).build().write(idName(new long[] {2}, "new")))
            .isInstanceOf(SinkException.class)
            .hasMessageContaining("already exists")
            .satisfies(e -> assertThat(((SinkException) e).sqlState()).contains("42P07"));
        assertThat(rows(ds, "SELECT id, name FROM " + t)).containsExactly(List.of(1L, "old"));
    }

    @Test
    void replaceSwapsInTheNewRowsAndKeepsTheKey() throws SQLException {
        String t = newTable();
        sink(t).primaryKey("id").build().write(idName(new long[] {1, 2, 3}, "a", "b", "c"));

        SinkReport r = sink(t).primaryKey("id").mode(PostgresSink.Mode.REPLACE).build()
            .write(idName(new long[] {10, 20}, "x", "y"));

        assertThat(r.rowsWritten()).isEqualTo(2);
        assertThat(rows(ds, "SELECT id, name FROM " + t + " ORDER BY id"))
            .containsExactly(List.of(10L, "x"), List.of(20L, "y"));
        assertThat(scalar(ds, "SELECT conname FROM pg_constraint WHERE contype = 'p' AND conrelid = '" + t
            + "'::regclass")).isEqualTo(t + "_pkey");
        assertThat(scalar(ds, "SELECT count(*) FROM pg_class WHERE relname LIKE 'xtage_%'")).isEqualTo(0L);
    }

    @Test
    void replaceThatFailsOnADuplicateKeyLeavesTheEarlierTableAndRows() throws SQLException {
        String t = newTable();
        sink(t).primaryKey("id").build().write(idName(new long[] {1, 2}, "a", "b"));

        assertThatThrownBy(() -> sink(t).primaryKey("id").mode(PostgresSink.Mode.REPLACE).build()
            .write(idName(new long[] {5, 5}, "dup", "dup")))
            .isInstanceOf(SinkException.class)
            .hasMessageContaining("duplicate key")
            .hasMessageContaining("rolled back")
            .satisfies(e -> assertThat(((SinkException) e).sqlState()).contains("23505"));

        assertThat(rows(ds, "SELECT id, name FROM " + t + " ORDER BY id"))
            .containsExactly(List.of(1L, "a"), List.of(2L, "b"));
        assertThat(scalar(ds, "SELECT count(*) FROM pg_constraint WHERE contype = 'p' AND conrelid = '" + t
            + "'::regclass")).isEqualTo(1L);
        assertThat(scalar(ds, "SELECT count(*) FROM pg_class WHERE relname LIKE 'xtage_%'")).isEqualTo(0L);
    }

    @Test
    void replaceCreatesAMissingTable() throws SQLException {
        String t = newTable();

        sink(t).mode(PostgresSink.Mode.REPLACE).build().write(idName(new long[] {1}, "a"));

        assertThat(rows(ds, "SELECT id, name FROM " + t)).containsExactly(List.of(1L, "a"));
    }

    @Test
    void appendAddsRowsAndCreatesAMissingTable() throws SQLException {
        String t = newTable();
        PostgresSink append = sink(t).mode(PostgresSink.Mode.APPEND).build();

        append.write(idName(new long[] {1}, "a"));
        append.write(idName(new long[] {2}, "b"));

        assertThat(rows(ds, "SELECT id, name FROM " + t + " ORDER BY id"))
            .containsExactly(List.of(1L, "a"), List.of(2L, "b"));
    }

    @Test
    void appendThatViolatesTheKeyAddsNoRowAtAll() throws SQLException {
        String t = newTable();
        sink(t).primaryKey("id").build().write(idName(new long[] {1}, "a"));

        assertThatThrownBy(() -> sink(t).mode(PostgresSink.Mode.APPEND).build()
            .write(idName(new long[] {2, 1}, "b", "again")))
            .isInstanceOf(SinkException.class)
            .satisfies(e -> assertThat(((SinkException) e).sqlState()).contains("23505"));

        assertThat(rows(ds, "SELECT id, name FROM " + t)).containsExactly(List.of(1L, "a"));
    }

    @Test
    void upsertInsertsNewKeysAndUpdatesExistingOnes() throws SQLException {
        String t = newTable();
        sink(t).primaryKey("id").build().write(idName(new long[] {1, 2}, "a", "b"));

        SinkReport r = sink(t).primaryKey("id").mode(PostgresSink.Mode.UPSERT).build()
            .write(idName(new long[] {2, 3}, "B", "c"));

        assertThat(r.rowsWritten()).isEqualTo(2);
        assertThat(rows(ds, "SELECT id, name FROM " + t + " ORDER BY id"))
            .containsExactly(List.of(1L, "a"), List.of(2L, "B"), List.of(3L, "c"));
    }

    @Test
    void upsertOnACompositeKeyUpdatesOnlyTheMatchingRow() throws SQLException {
        String t = newTable();
        Table first = Table.create("t", LongColumn.create("a", new long[] {1, 1}), IntColumn.create("b",
            new int[] {1, 2}), StringColumn.create("v", "x", "y"));
        sink(t).primaryKey("a", "b").build().write(first);

        sink(t).primaryKey("a", "b").mode(PostgresSink.Mode.UPSERT).build().write(Table.create("t",
            LongColumn.create("a", new long[] {1}), IntColumn.create("b", new int[] {2}), StringColumn.create("v", "Y")));

        assertThat(rows(ds, "SELECT a, b, v FROM " + t + " ORDER BY a, b"))
            .containsExactly(List.of(1L, 1, "x"), List.of(1L, 2, "Y"));
    }

    @Test
    void upsertWithTheSameKeyTwiceInTheInputChangesNothing() throws SQLException {
        String t = newTable();
        sink(t).primaryKey("id").build().write(idName(new long[] {1}, "a"));

        assertThatThrownBy(() -> sink(t).primaryKey("id").mode(PostgresSink.Mode.UPSERT).build()
            .write(idName(new long[] {1, 1, 2}, "x", "y", "z")))
            .isInstanceOf(SinkException.class)
            .hasMessageContaining("rolled back");

        assertThat(rows(ds, "SELECT id, name FROM " + t)).containsExactly(List.of(1L, "a"));
    }

    @Test
    void upsertNeedsAPrimaryKey() {
        assertThatThrownBy(() -> sink("x").mode(PostgresSink.Mode.UPSERT).build())
            .isInstanceOf(IllegalStateException.class)
            .hasMessageContaining("primaryKey");
    }

    @Test
    void copyEscapesBackslashesTabsLineBreaksAndNullLookalikes() throws SQLException {
        String t = newTable();
        String[] texts = {"back\\slash", "tab\there", "line\nfeed", "carriage\rreturn", "\\N", "\\.", "'quote\"",
            "naïve 🎉", "end\\"};
        long[] ids = new long[texts.length];
        for (int i = 0; i < ids.length; i++) {
            ids[i] = i;
        }

        sink(t).build().write(idName(ids, texts));

        assertThat(rows(ds, "SELECT id, name FROM " + t + " ORDER BY id")).isEqualTo(expected(idName(ids, texts)));
    }

    @Test
    void textWithNulFailsAndCreatesNothing() throws SQLException {
        String t = newTable();

        assertThatThrownBy(() -> sink(t).build().write(idName(new long[] {1, 2}, "ok", "nul\0here")))
            .isInstanceOf(SinkException.class)
            .hasMessageContaining("column 'name', row 2")
            .hasMessageContaining("NUL");

        assertThat(scalar(ds, "SELECT to_regclass('" + t + "')::text")).isNull();
    }

    @Test
    void declaredForeignKeyIsEnforced() throws SQLException {
        String parent = newTable();
        String child = newTable();
        sink(parent).primaryKey("id").build().write(idName(new long[] {1}, "p"));
        Table ok = Table.create("c", LongColumn.create("cid", new long[] {10}),
            LongColumn.create("parent_id", new long[] {1}));
        Table bad = Table.create("c", LongColumn.create("cid", new long[] {11}),
            LongColumn.create("parent_id", new long[] {99}));
        PostgresSink.Builder childSink = sink(child).primaryKey("cid").foreignKey("parent_id", parent, "id");

        childSink.build().write(ok);
        assertThatThrownBy(() -> childSink.mode(PostgresSink.Mode.REPLACE).build().write(bad))
            .isInstanceOf(SinkException.class)
            .satisfies(e -> assertThat(((SinkException) e).sqlState()).contains("23503"));

        assertThat(rows(ds, "SELECT cid, parent_id FROM " + child)).containsExactly(List.of(10L, 1L));
        assertThat(scalar(ds, "SELECT count(*) FROM pg_constraint WHERE contype = 'f' AND conrelid = '" + child
            + "'::regclass")).isEqualTo(1L);
    }

    @Test
    void writesIntoTheGivenDatabaseSchema() throws SQLException {
        sql("CREATE SCHEMA IF NOT EXISTS staging");

        PostgresSink s = PostgresSink.builder().dataSource(ds).table("staging", "numbers").build();
        s.write(idName(new long[] {1}, "one"));

        assertThat(s.name()).isEqualTo("postgresql:staging.numbers");
        assertThat(rows(ds, "SELECT id, name FROM staging.numbers")).containsExactly(List.of(1L, "one"));
    }

    @Test
    void missingKeyColumnIsASchemaError() {
        assertThatThrownBy(() -> sink(newTable()).primaryKey("nope").build().write(idName(new long[] {1}, "a")))
            .isInstanceOf(SchemaException.class)
            .hasMessageContaining("'nope'");
    }

    @Test
    void tooLongColumnNameIsASchemaError() {
        Table t = Table.create("t", LongColumn.create("x".repeat(64), new long[] {1}));

        assertThatThrownBy(() -> sink(newTable()).build().write(t))
            .isInstanceOf(SchemaException.class)
            .hasMessageContaining("64 bytes");
    }

    @Test
    void unreachableDatabaseIsASinkExceptionWithTheSqlState() throws IOException {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        PGSimpleDataSource down = new PGSimpleDataSource();
        down.setServerNames(new String[] {"127.0.0.1"});
        down.setPortNumbers(new int[] {port});
        down.setUser("nobody");
        down.setPassword("secret-password");

        assertThatThrownBy(() -> PostgresSink.builder().dataSource(down).table("t").build()
            .write(idName(new long[] {1}, "a")))
            .isInstanceOf(SinkException.class)
            .hasMessageStartingWith("postgresql:t: cannot connect")
            .hasMessageNotContaining("secret-password")
            .satisfies(e -> assertThat(((SinkException) e).sqlState()).contains("08001"));
    }

    @Test
    void writeLeavesTheConnectionsAutoCommitAsItWas() throws SQLException {
        String t = newTable();
        try (Connection c = ds.getConnection()) {
            DataSource single = new SingleConnection(c);

            PostgresSink.builder().dataSource(single).table(t).build().write(idName(new long[] {1}, "a"));

            assertThat(c.getAutoCommit()).isTrue();
        }
    }

    /** Hands out one connection that closing does not close, as a pool would. */
    private static final class SingleConnection extends PGSimpleDataSource {
        private static final long serialVersionUID = 1L;
        private final transient Connection c;

        SingleConnection(Connection c) {
            this.c = c;
        }

        @Override
        public Connection getConnection() {
            return (Connection) java.lang.reflect.Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {Connection.class}, (proxy, m, args) -> {
                    if (m.getName().equals("close")) {
                        return null;
                    }
                    try {
                        return m.invoke(c, args);
                    } catch (java.lang.reflect.InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
        }
    }
}
