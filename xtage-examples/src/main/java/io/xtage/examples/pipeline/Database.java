package io.xtage.examples.pipeline;

import io.xtage.core.SourceException;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.util.Objects;
import javax.sql.DataSource;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * The PostgreSQL a command works against: an embedded server started for the run (the default,
 * so a fresh machine needs no database), or an existing one named by URL, user and a password
 * from an environment variable. The password never appears in {@link #toString()} or messages.
 *
 * @since 0.1.0
 */
public final class Database implements AutoCloseable {
    /** The environment variable that holds the password of an existing server. */
    public static final String PASSWORD_ENV = "XTAGE_PG_PASSWORD";
    /** Seconds to wait for a TCP connection and a login: a server that is down fails fast. */
    public static final int CONNECT_TIMEOUT_SECONDS = 5;

    private final EmbeddedPostgres embedded;
    private final DataSource dataSource;
    private final String description;

    private Database(EmbeddedPostgres embedded, DataSource dataSource, String description) {
        this.embedded = embedded;
        this.dataSource = dataSource;
        this.description = description;
    }

    /**
     * Starts an embedded PostgreSQL (a real server from a Maven artifact, about 2 s).
     *
     * @return the running database
     * @throws SourceException if it cannot start
     * @since 0.1.0
     */
    public static Database embedded() {
        try {
            EmbeddedPostgres pg = EmbeddedPostgres.builder().start();
            return new Database(pg, pg.getPostgresDatabase(), "embedded PostgreSQL on port " + pg.getPort());
        } catch (IOException | RuntimeException e) {
            throw new SourceException("embedded PostgreSQL", "cannot start: " + e.getMessage(), e);
        }
    }

    /**
     * @param jdbcUrl a {@code jdbc:postgresql://} URL, without a password in it
     * @param user the user, or null to use the URL's
     * @param password the password, or null
     * @return the database
     * @throws IllegalArgumentException if the URL is not a PostgreSQL JDBC URL
     * @since 0.1.0
     */
    public static Database existing(String jdbcUrl, String user, String password) {
        Objects.requireNonNull(jdbcUrl, "jdbcUrl");
        if (!jdbcUrl.startsWith("jdbc:postgresql:")) {
            throw new IllegalArgumentException("the database URL must start with jdbc:postgresql: (was '"
                + redact(jdbcUrl) + "')");
        }
        PGSimpleDataSource ds = new PGSimpleDataSource();
        ds.setUrl(jdbcUrl);
        if (user != null) {
            ds.setUser(user);
        }
        if (password != null) {
            ds.setPassword(password);
        }
        ds.setConnectTimeout(CONNECT_TIMEOUT_SECONDS);
        ds.setLoginTimeout(CONNECT_TIMEOUT_SECONDS);
        ds.setApplicationName("xtage");
        return new Database(null, ds, redact(jdbcUrl));
    }

    /**
     * @param jdbcUrl a JDBC URL
     * @return it without query parameters and user info, either of which may hold a password
     * @since 0.1.0
     */
    public static String redact(String jdbcUrl) {
        int q = jdbcUrl.indexOf('?');
        String s = q < 0 ? jdbcUrl : jdbcUrl.substring(0, q) + "?...";
        int at = s.indexOf('@');
        int scheme = s.indexOf("//");
        if (at > 0 && scheme >= 0 && at > scheme) {
            s = s.substring(0, scheme + 2) + "...@" + s.substring(at + 1);
        }
        return s;
    }

    /** @return the data source; the caller owns the connections it opens @since 0.1.0 */
    public DataSource dataSource() {
        return dataSource;
    }

    /** @return true for an embedded server started by this object @since 0.1.0 */
    public boolean isEmbedded() {
        return embedded != null;
    }

    @Override
    public void close() {
        if (embedded != null) {
            try {
                embedded.close();
            } catch (IOException e) {
                // the server is going away with the process anyway
            }
        }
    }

    @Override
    public String toString() {
        return description;
    }
}
