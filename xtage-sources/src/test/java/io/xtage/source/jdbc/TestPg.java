package io.xtage.source.jdbc;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * One real PostgreSQL server for the JDBC tests of this JVM: the one named by
 * {@code XTAGE_TEST_PG_URL} (a JDBC URL whose user may create schemas and roles) when set, else
 * an embedded one, started once. The embedded server trusts the superuser {@code postgres} and
 * asks every other role for a SCRAM password, so that a wrong password really fails.
 */
final class TestPg {
    private static final AtomicInteger SCHEMAS = new AtomicInteger();
    private static TestPg instance;

    private final PGSimpleDataSource admin;
    private final EmbeddedPostgres embedded;

    private TestPg(PGSimpleDataSource admin, EmbeddedPostgres embedded) {
        this.admin = admin;
        this.embedded = embedded;
    }

    static synchronized TestPg get() {
        if (instance == null) {
            instance = start();
        }
        return instance;
    }

    private static TestPg start() {
        String url = System.getenv("XTAGE_TEST_PG_URL");
        PGSimpleDataSource ds = new PGSimpleDataSource();
        if (url != null && !url.isBlank()) {
            ds.setUrl(url);
            return new TestPg(ds, null);
        }
        try {
            Path hba = Files.createTempFile("xtage-pg-hba", ".conf");
            Files.writeString(hba, String.join("\n",
                "local all postgres trust",
                "host all postgres 127.0.0.1/32 trust",
                "host all postgres ::1/128 trust",
                "local all all scram-sha-256",
                "host all all 127.0.0.1/32 scram-sha-256",
                "host all all ::1/128 scram-sha-256", ""));
            Files.setPosixFilePermissions(hba, PosixFilePermissions.fromString("rw-r--r--"));
            hba.toFile().deleteOnExit();
            EmbeddedPostgres pg = EmbeddedPostgres.builder().setServerConfig("hba_file", hba.toString())
                .setServerConfig("password_encryption", "scram-sha-256").start();
            ds.setUrl(pg.getJdbcUrl("postgres", "postgres"));
            return new TestPg(ds, pg);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start embedded PostgreSQL", e);
        }
    }

    /** @return a superuser (or the configured user) DataSource */
    DataSource admin() {
        return admin;
    }

    boolean isEmbedded() {
        return embedded != null;
    }

    /** @return a JDBC URL of the same database, with no user or password in it */
    String url() {
        String host = admin.getServerNames().length == 0 ? "localhost" : admin.getServerNames()[0];
        int port = admin.getPortNumbers().length == 0 || admin.getPortNumbers()[0] == 0 ? 5432
            : admin.getPortNumbers()[0];
        return "jdbc:postgresql://" + host + ":" + port + "/" + admin.getDatabaseName();
    }

    /** @return a JDBC URL with the admin's credentials in it, for a child JVM's environment */
    String childUrl() {
        String env = System.getenv("XTAGE_TEST_PG_URL");
        return env != null && !env.isBlank() ? env : url() + "?user=postgres";
    }

    /** @return the URL as a source name: postgresql://host:port/db */
    String name() {
        return url().substring("jdbc:".length());
    }

    void exec(String... statements) throws SQLException {
        try (Connection c = admin.getConnection(); Statement st = c.createStatement()) {
            for (String s : statements) {
                st.execute(s);
            }
        }
    }

    /** Creates a schema with a fresh name. */
    String newSchema(String prefix) throws SQLException {
        String s = prefix + "_" + ProcessHandle.current().pid() + "_" + SCHEMAS.incrementAndGet();
        exec("CREATE SCHEMA " + s);
        return s;
    }

    /** Creates (or re-creates) a login role with a password that may read the schema. */
    void role(String name, String password, String schema) throws SQLException {
        exec("DO $$ BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '" + name + "') THEN CREATE ROLE "
                + name + " LOGIN; END IF; END $$",
            "ALTER ROLE " + name + " WITH LOGIN PASSWORD '" + password + "'",
            "GRANT USAGE ON SCHEMA " + schema + " TO " + name,
            "GRANT SELECT ON ALL TABLES IN SCHEMA " + schema + " TO " + name);
    }
}
