package io.xtage.sink.postgres;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.postgresql.ds.PGSimpleDataSource;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * A real PostgreSQL server for one test class: the one named by {@code XTAGE_TEST_PG_URL}
 * (a JDBC URL with user and password; the user needs CREATEDB) when set, else an embedded one.
 */
final class TestPostgres implements AutoCloseable {
    private static final AtomicInteger DATABASES = new AtomicInteger();

    private final EmbeddedPostgres embedded;
    private final PGSimpleDataSource admin;

    private TestPostgres(EmbeddedPostgres embedded, PGSimpleDataSource admin) {
        this.embedded = embedded;
        this.admin = admin;
    }

    static TestPostgres start() {
        String url = System.getenv("XTAGE_TEST_PG_URL");
        PGSimpleDataSource ds = new PGSimpleDataSource();
        if (url != null && !url.isBlank()) {
            ds.setUrl(url);
            return new TestPostgres(null, ds);
        }
        try {
            EmbeddedPostgres pg = EmbeddedPostgres.builder().start();
            ds.setUrl(pg.getJdbcUrl("postgres", "postgres"));
            return new TestPostgres(pg, ds);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start embedded PostgreSQL", e);
        }
    }

    /** @return the server's default database */
    DataSource dataSource() {
        return admin;
    }

    /** Creates an empty database with a fresh name. */
    PGSimpleDataSource newDatabase() throws SQLException {
        String db = "xtage_test_" + ProcessHandle.current().pid() + "_" + DATABASES.incrementAndGet();
        try (Connection c = admin.getConnection(); Statement st = c.createStatement()) {
            st.execute("CREATE DATABASE " + db);
        }
        PGSimpleDataSource ds = new PGSimpleDataSource();
        ds.setUrl(admin.getUrl());
        ds.setDatabaseName(db);
        if (admin.getUser() != null) {
            ds.setUser(admin.getUser());
        }
        if (admin.getPassword() != null) {
            ds.setPassword(admin.getPassword());
        }
        return ds;
    }

    String host() {
        String[] hosts = admin.getServerNames();
        return hosts.length == 0 ? "localhost" : hosts[0];
    }

    int port() {
        int[] ports = admin.getPortNumbers();
        return ports.length == 0 || ports[0] == 0 ? 5432 : ports[0];
    }

    String user() {
        return admin.getUser() == null ? "postgres" : admin.getUser();
    }

    String password() {
        return admin.getPassword();
    }

    static List<List<Object>> rows(DataSource ds, String sql) throws SQLException {
        try (Connection c = ds.getConnection(); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            List<List<Object>> out = new ArrayList<>();
            int n = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                List<Object> row = new ArrayList<>(n);
                for (int i = 1; i <= n; i++) {
                    int type = rs.getMetaData().getColumnType(i);
                    if (type == Types.DATE) {
                        row.add(rs.getObject(i, LocalDate.class));
                    } else if (type == Types.TIMESTAMP) {
                        row.add(rs.getObject(i, LocalDateTime.class));
                    } else {
                        row.add(rs.getObject(i));
                    }
                }
                out.add(row);
            }
            return out;
        }
    }

    /** @return the table's rows as JDBC would give them: missing as null, dates as java.time */
    static List<List<Object>> expected(Table t) {
        List<List<Object>> out = new ArrayList<>();
        for (int i = 0; i < t.rowCount(); i++) {
            List<Object> row = new ArrayList<>();
            for (Column<?> c : t.columns()) {
                Object v = c.isMissing(i) ? null : c.get(i);
                row.add(v);
            }
            out.add(row);
        }
        return out;
    }

    static Object scalar(DataSource ds, String sql) throws SQLException {
        List<List<Object>> r = rows(ds, sql);
        return r.isEmpty() ? null : r.get(0).get(0);
    }

    @Override
    public void close() throws IOException {
        if (embedded != null) {
            embedded.close();
        }
    }
}
