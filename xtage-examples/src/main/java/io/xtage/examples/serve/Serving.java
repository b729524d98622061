package io.xtage.examples.serve;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.sql.DataSource;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.xtage.examples.pipeline.Database;
import org.postgresql.ds.PGSimpleDataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A running {@link ProductsApi} together with the database it serves: an existing PostgreSQL
 * server ({@link #fromUrl}) or an embedded one loaded from a {@code .sql} export
 * ({@link #fromSqlExport}). What {@code xtage serve} runs. Closing stops the server and, for an
 * embedded database, the database. Thread-safe; {@link #close()} may be called from a shutdown
 * hook while another thread waits in {@link #awaitClose()}.
 *
 * @since 0.1.0
 */
public final class Serving implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(Serving.class);

    /** Seconds a socket read may block: beyond any query the API runs. */
    static final int SOCKET_TIMEOUT_SECONDS = 30;

    /** Connections: one per API worker thread, a few spare. */
    static final int POOL_SIZE = 8;
    /** Milliseconds a request waits for a pooled connection before the API answers 503. */
    static final long POOL_WAIT_MILLIS = 2_000;

    private final ProductsApi api;
    private final EmbeddedPostgres embedded;
    private final DataSource dataSource;
    private final CountDownLatch closed = new CountDownLatch(1);
    private final AtomicBoolean closing = new AtomicBoolean();

    private Serving(ProductsApi api, EmbeddedPostgres embedded, DataSource dataSource) {
        this.api = api;
        this.embedded = embedded;
        this.dataSource = dataSource;
    }

    /**
     * Serves an existing database.
     *
     * @param jdbcUrl {@code jdbc:postgresql://host:port/db}
     * @param user the user, or null to take it from the URL
     * @param password the password, or null; never logged or printed
     * @param address where to listen
     * @return the running server
     * @throws IllegalArgumentException if the URL is not a PostgreSQL JDBC URL
     * @since 0.1.0
     */
    public static Serving fromUrl(String jdbcUrl, String user, String password, InetSocketAddress address) {
        PGSimpleDataSource ds = (PGSimpleDataSource) Database.existing(jdbcUrl, user, password).dataSource();
        ds.setSocketTimeout(SOCKET_TIMEOUT_SECONDS);
        ds.setApplicationName("xtage serve");
        HikariDataSource pool = pooled(ds);
        try {
            return new Serving(ProductsApi.start(pool, address), null, pool);
        } catch (RuntimeException e) {
            pool.close();
            throw e;
        }
    }

    /**
     * Starts an embedded PostgreSQL, loads the export into it, and serves it.
     *
     * @param sqlExport the {@code .sql} file written by {@link io.xtage.sink.postgres.SqlExport}
     * @param address where to listen
     * @return the running server
     * @throws UncheckedIOException if the file is missing or the database cannot start
     * @throws io.xtage.sink.SinkException if the export does not load; the database is then stopped
     * @since 0.1.0
     */
    public static Serving fromSqlExport(Path sqlExport, InetSocketAddress address) {
        Objects.requireNonNull(sqlExport, "sqlExport");
        if (!Files.isRegularFile(sqlExport)) {
            throw new UncheckedIOException(new java.io.FileNotFoundException("no such file: " + sqlExport));
        }
        EmbeddedPostgres pg;
        try {
            pg = EmbeddedPostgres.builder().start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the embedded PostgreSQL", e);
        }
        try {
            DataSource ds = pg.getPostgresDatabase();
            var report = SqlScripts.load(ds, sqlExport);
            log.info("loaded {} rows from {} into the embedded PostgreSQL on port {} in {} ms", report.rowsWritten(),
                sqlExport, pg.getPort(), report.elapsed().toMillis());
            HikariDataSource pool = pooled(ds);
            try {
                return new Serving(ProductsApi.start(pool, address), pg, pool);
            } catch (RuntimeException e) {
                pool.close();
                throw e;
            }
        } catch (RuntimeException e) {
            closeQuietly(pg, e);
            throw e;
        }
    }

    /**
     * A small connection pool: a new PostgreSQL connection per request costs more than the query
     * (measured: 308 requests/s unpooled, see docs/benchmarks.md). Starting the pool never fails,
     * so a database that is down at start gives 503s until it answers.
     */
    static HikariDataSource pooled(DataSource ds) {
        HikariConfig c = new HikariConfig();
        c.setDataSource(ds);
        c.setPoolName("xtage-serve");
        c.setMaximumPoolSize(POOL_SIZE);
        c.setMinimumIdle(0);
        c.setInitializationFailTimeout(-1);
        c.setConnectionTimeout(POOL_WAIT_MILLIS);
        c.setValidationTimeout(POOL_WAIT_MILLIS);
        return new HikariDataSource(c);
    }

    /** @return the API's base URI, {@code http://host:port/} @since 0.1.0 */
    public URI uri() {
        return api.uri();
    }

    /** @return the products listing URL, {@code http://host:port/prices/products} @since 0.1.0 */
    public URI productsUri() {
        return api.uri().resolve("/prices/products");
    }

    /** @return the port listened on @since 0.1.0 */
    public int port() {
        return api.port();
    }

    /** @return the embedded database's port, when serving an export @since 0.1.0 */
    public Optional<Integer> embeddedDatabasePort() {
        return embedded == null ? Optional.empty() : Optional.of(embedded.getPort());
    }

    /**
     * @return why the database cannot be reached now, or empty when it answers
     * @since 0.1.0
     */
    public Optional<String> databaseProblem() {
        try (Connection c = dataSource.getConnection()) {
            return c.isValid(Database.CONNECT_TIMEOUT_SECONDS) ? Optional.empty() : Optional.of("connection is not valid");
        } catch (SQLException e) {
            return Optional.of(e.getMessage());
        }
    }

    /**
     * Blocks until {@link #close()} is called.
     *
     * @throws InterruptedException if the waiting thread is interrupted
     * @since 0.1.0
     */
    public void awaitClose() throws InterruptedException {
        closed.await();
    }

    /** Stops the server, then the embedded database if there is one. Idempotent. @since 0.1.0 */
    @Override
    public void close() {
        if (!closing.compareAndSet(false, true)) {
            return;
        }
        try {
            api.close();
            if (dataSource instanceof HikariDataSource) {
                ((HikariDataSource) dataSource).close();
            }
            if (embedded != null) {
                try {
                    embedded.close();
                } catch (IOException e) {
                    log.warn("could not stop the embedded PostgreSQL: {}", e.toString());
                }
            }
        } finally {
            closed.countDown();
        }
    }

    private static void closeQuietly(EmbeddedPostgres pg, Exception failure) {
        try {
            pg.close();
        } catch (IOException e) {
            failure.addSuppressed(e);
        }
    }

}
