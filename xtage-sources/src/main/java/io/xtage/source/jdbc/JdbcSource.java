package io.xtage.source.jdbc;

import io.xtage.core.ProgressListener;
import io.xtage.core.ReadResult;
import io.xtage.core.SchemaException;
import io.xtage.core.SecretSupplier;
import io.xtage.core.Source;
import io.xtage.core.SourceException;
import io.xtage.core.internal.Secrets;
import io.xtage.core.report.SourceReport;
import io.xtage.core.schema.ColumnType;
import io.xtage.core.schema.Naming;
import io.xtage.core.schema.SqlTypes;
import io.xtage.core.spi.Progress;
import io.xtage.core.spi.RejectCollector;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * A source that reads a query or a table over JDBC (written for PostgreSQL, compiled against
 * {@code java.sql} only), streaming the rows straight into typed columns.
 *
 * <pre>{@code
 * Source big = JdbcSource.builder().dataSource(pool)
 *     .query("select * from sales where transaction_date >= ?", LocalDate.of(2024, 1, 1))
 *     .build();
 * Source products = JdbcSource.builder()
 *     .url("jdbc:postgresql://db:5432/shop").user("reader").passwordEnv("XTAGE_PG_PASSWORD")
 *     .table("public", "products")
 *     .build();
 * }</pre>
 *
 * <p>Values are bound as parameters, never written into the SQL; a table name is quoted as an
 * identifier. Each read takes a connection, turns autocommit off (PgJDBC streams with a fetch
 * size only inside a transaction; otherwise it buffers the whole result), fetches
 * {@link JdbcOptions#fetchSize()} rows per round trip, then rolls the read-only transaction back,
 * restores autocommit and closes the connection.
 *
 * <p>Column types come from {@link SqlTypes}: smallint and integer to INT, bigint to LONG,
 * numeric, real and double precision to DOUBLE, text and varchar to STRING (trimmed; blank is
 * missing), boolean, date to LOCAL_DATE, timestamp to LOCAL_DATE_TIME, and timestamptz to the
 * same instant as a LOCAL_DATE_TIME in UTC. A column of any other type (bytea, interval,
 * arrays, ...) fails the read with a {@link SchemaException} naming it and its SQL type, unless
 * {@link JdbcOptions#isUnmappedAsText()} reads it as text. A value its column cannot hold (NaN,
 * which Tablesaw cannot tell from missing; {@code -2147483648} in an INT column, which is
 * Tablesaw's missing marker; an {@code infinity} date) becomes missing and a reject.
 *
 * <p>{@link #name()} is {@code postgresql://host:port/db#schema.table} or {@code ...#query},
 * without user, password or parameters. Passwords never appear in a message or a log line.
 *
 * <p>Immutable and thread-safe; reads may run concurrently if the DataSource allows it.
 *
 * @since 0.1.0
 */
public final class JdbcSource implements Source {
    private static final Logger log = LoggerFactory.getLogger(JdbcSource.class);

    private final DataSource dataSource;
    private final String sql;
    private final List<Object> params;
    private final JdbcOptions options;
    private final String name;
    private final List<String> secrets;

    private JdbcSource(Builder b, DataSource ds, String sql, String target) {
        this.dataSource = ds;
        this.sql = sql;
        this.params = b.params;
        this.options = b.options;
        this.name = (b.url != null ? JdbcNames.fromUrl(b.url) : JdbcNames.fromDataSource(ds)) + "#" + target;
        this.secrets = b.url == null ? List.of() : JdbcNames.secrets(b.url);
    }

    /** @return a builder @since 0.1.0 */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Quotes a name as a PostgreSQL (and SQL standard) identifier: in double quotes, with each
     * double quote doubled, so {@code Order "Items"} becomes {@code "Order ""Items"""}.
     *
     * @param identifier a schema, table or column name, exactly as it is spelled in the database
     * @return the quoted identifier
     * @throws IllegalArgumentException if it is empty or contains a NUL character
     * @since 0.1.0
     */
    public static String quoteIdentifier(String identifier) {
        Objects.requireNonNull(identifier, "identifier");
        if (identifier.isEmpty() || identifier.indexOf('\0') >= 0) {
            throw new IllegalArgumentException("an identifier must be non-empty and have no NUL character");
        }
        return '"' + identifier.replace("\"", "\"\"") + '"';
    }

    /** @return {@code postgresql://host:port/db#schema.table} or {@code ...#query}, without credentials @since 0.1.0 */
    @Override
    public String name() {
        return name;
    }

    /** @return the SQL sent, with {@code ?} for each parameter @since 0.1.0 */
    public String sql() {
        return sql;
    }

    /** @return the options @since 0.1.0 */
    public JdbcOptions options() {
        return options;
    }

    /**
     * {@inheritDoc}
     *
     * @throws SourceException for a database error, with {@link SourceException#sqlState()}
     * @throws SchemaException for a column of a type with no column type, or two columns of one name
     * @since 0.1.0
     */
    @Override
    public ReadResult read(ProgressListener listener) {
        Objects.requireNonNull(listener, "listener");
        long start = System.nanoTime();
        log.debug("{}: open (fetch size {}, query timeout {})", name, options.fetchSize(),
            options.queryTimeout().isZero() ? "none" : options.queryTimeout());
        Connection c;
        try {
            c = dataSource.getConnection();
        } catch (SQLException e) {
            throw fail("cannot connect", e);
        }
        Throwable failure = null;
        boolean switched = false;
        try {
            switched = c.getAutoCommit();
            if (switched) {
                c.setAutoCommit(false);
            }
            ReadResult r = query(c, listener, start);
            log.debug("{}: closed; {} rows, {} columns in {} ms", name, r.recordsRead(), r.table().columnCount(),
                r.report().elapsedMillis());
            return r;
        } catch (SQLException e) {
            SourceException f = fail("query failed", e);
            failure = f;
            throw f;
        } catch (RuntimeException | Error e) {
            failure = e;
            throw e;
        } finally {
            release(c, switched, failure);
        }
    }

    private ReadResult query(Connection c, ProgressListener listener, long start) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql, ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY)) {
            ps.setFetchSize(options.fetchSize());
            if (!options.queryTimeout().isZero()) {
                ps.setQueryTimeout(timeoutSeconds());
            }
            for (int i = 0; i < params.size(); i++) {
                Object p = params.get(i);
                if (p == null) {
                    ps.setNull(i + 1, Types.NULL);
                } else {
                    ps.setObject(i + 1, p);
                }
            }
            try (ResultSet rs = ps.executeQuery()) {
                RejectCollector rejects = new RejectCollector(name, options.rejectPolicy());
                ColumnReader<?>[] readers = readers(rs.getMetaData(), rejects);
                Progress progress = new Progress(name, listener);
                long record = 0;
                while (rs.next()) {
                    record++;
                    for (int i = 0; i < readers.length; i++) {
                        readers[i].read(rs, i + 1, record);
                    }
                    progress.update(record, -1);
                }
                List<Column<?>> columns = new ArrayList<>(readers.length);
                for (ColumnReader<?> r : readers) {
                    columns.add(r.column());
                }
                Table table = Table.create(name, columns);
                rejects.finish(record);
                SourceReport.Builder report = SourceReport.builder(name).rowsRead(record).rowsRejected(0)
                    .valuesRejected(rejects.valuesRejected()).rejectPolicy(options.rejectPolicy().describe())
                    .bytesRead(-1).elapsedMillis((System.nanoTime() - start) / 1_000_000);
                for (Column<?> col : columns) {
                    report.missing(col.name(), col.countMissing());
                }
                if (rejects.valuesRejected() > 0) {
                    log.warn("{}: {} values replaced by missing (NaN, missing markers, dates out of range); "
                        + "see the rejects", name, rejects.valuesRejected());
                }
                progress.done(record, -1);
                return new ReadResult(table, rejects.rejects(), report.build());
            }
        }
    }

    private ColumnReader<?>[] readers(ResultSetMetaData md, RejectCollector rejects) throws SQLException {
        int n = md.getColumnCount();
        List<String> labels = new ArrayList<>(n);
        for (int i = 1; i <= n; i++) {
            labels.add(md.getColumnLabel(i));
        }
        List<String> names = options.isSnakeCaseNames() ? Naming.snakeCaseAll(labels) : labels;
        Map<String, Integer> seen = new HashMap<>();
        ColumnReader<?>[] readers = new ColumnReader<?>[n];
        for (int i = 0; i < n; i++) {
            String col = names.get(i);
            Integer prev = seen.putIfAbsent(col, i);
            if (prev != null) {
                throw new SchemaException(name + ": columns " + (prev + 1) + " and " + (i + 1) + " are both named '"
                    + col + "'; give one an alias in the query");
            }
            int jdbcType = md.getColumnType(i + 1);
            String typeName = md.getColumnTypeName(i + 1);
            Optional<ColumnType> type = SqlTypes.columnType(jdbcType, typeName);
            if (type.isEmpty()) {
                if (!options.isUnmappedAsText()) {
                    throw new SchemaException(name + ": column '" + labels.get(i) + "' has SQL type " + typeName
                        + ", which has no column type; cast it in the query (" + labels.get(i) + "::text) or set "
                        + "JdbcOptions.Builder.unmappedAsText(true)");
                }
                readers[i] = new ColumnReader.Strings(col, typeName, name, rejects);
                continue;
            }
            readers[i] = reader(type.get(), col, jdbcType, typeName, rejects);
        }
        return readers;
    }

    private ColumnReader<?> reader(ColumnType type, String col, int jdbcType, String typeName, RejectCollector rejects) {
        switch (type) {
            case INT:
                return new ColumnReader.Ints(col, typeName, name, rejects);
            case LONG:
                return new ColumnReader.Longs(col, typeName, name, rejects);
            case DOUBLE:
                return new ColumnReader.Doubles(col, typeName, name, rejects);
            case BOOLEAN:
                return new ColumnReader.Booleans(col, typeName, name, rejects);
            case LOCAL_DATE:
                return new ColumnReader.Dates(col, typeName, name, rejects);
            case LOCAL_DATE_TIME:
                boolean zoned = jdbcType == Types.TIMESTAMP_WITH_TIMEZONE
                    || typeName != null && typeName.toLowerCase(Locale.ROOT).equals("timestamptz");
                return new ColumnReader.DateTimes(col, typeName, name, rejects, zoned);
            case STRING:
            default:
                return new ColumnReader.Strings(col, typeName, name, rejects);
        }
    }

    private int timeoutSeconds() {
        Duration t = options.queryTimeout();
        long s = t.getSeconds() + (t.getNano() > 0 ? 1 : 0);
        return (int) Math.min(Integer.MAX_VALUE, Math.max(1, s));
    }

    private SourceException fail(String what, SQLException e) {
        String state = e.getSQLState();
        String prefix = what;
        if ("57014".equals(state) && !options.queryTimeout().isZero()) {
            prefix = "query cancelled; the query timeout is " + timeoutSeconds() + " s (JdbcOptions.queryTimeout)";
        }
        String message = Secrets.redact(e.getMessage(), secrets);
        return SourceException.sql(name, state, prefix + ": " + message + (state == null ? "" : " [SQLSTATE " + state
            + "]"), Secrets.sanitize(e, secrets));
    }

    /** Ends the read-only transaction, restores autocommit and closes, without hiding an earlier failure. */
    private void release(Connection c, boolean switched, Throwable failure) {
        try {
            if (switched) {
                c.rollback();
                c.setAutoCommit(true);
            }
        } catch (SQLException e) {
            if (failure != null) {
                failure.addSuppressed(fail("cannot restore autocommit", e));
            } else {
                // The rows were read; a connection that cannot be reset is the pool's to discard.
                log.warn("{}: cannot restore autocommit after the read: {}", name, Secrets.redact(e.getMessage(),
                    secrets));
            }
        } finally {
            try {
                c.close();
            } catch (SQLException e) {
                if (failure != null) {
                    failure.addSuppressed(fail("cannot close the connection", e));
                }
            }
        }
    }

    @Override
    public String toString() {
        return "JdbcSource[" + name + ", " + params.size() + " parameters, " + options + "]";
    }

    /**
     * Builds a {@link JdbcSource}: where (a DataSource, or a URL with user and password) and what
     * (a query with parameters, or a table). Not thread-safe.
     *
     * @since 0.1.0
     */
    public static final class Builder {
        private DataSource dataSource;
        private String url;
        private String user;
        private SecretSupplier password;
        private String query;
        private List<Object> params = List.of();
        private String schema;
        private String table;
        private JdbcOptions options = JdbcOptions.DEFAULTS;

        private Builder() {
        }

        /**
         * @param ds where connections come from; the caller owns pooling and credentials
         * @return this
         * @throws IllegalStateException if a DataSource or a URL was already given
         * @since 0.1.0
         */
        public Builder dataSource(DataSource ds) {
            requireNoConnection();
            this.dataSource = Objects.requireNonNull(ds, "dataSource");
            return this;
        }

        /**
         * Connects through {@link java.sql.DriverManager} with this URL; the driver must be on the
         * class path.
         *
         * @param jdbcUrl such as {@code jdbc:postgresql://db:5432/shop}; better without a password in it
         * @return this
         * @throws IllegalStateException if a DataSource or a URL was already given
         * @since 0.1.0
         */
        public Builder url(String jdbcUrl) {
            requireNoConnection();
            Objects.requireNonNull(jdbcUrl, "url");
            if (!jdbcUrl.regionMatches(true, 0, "jdbc:", 0, 5)) {
                throw new IllegalArgumentException("url must start with jdbc:, was '" + JdbcNames.fromUrl(jdbcUrl)
                    + "'");
            }
            this.url = jdbcUrl;
            return this;
        }

        /** @param name the database user, with {@link #url(String)} @return this @since 0.1.0 */
        public Builder user(String name) {
            this.user = Objects.requireNonNull(name, "user");
            return this;
        }

        /**
         * @param secret where the password is read from, at each connection; with {@link #url(String)}
         * @return this
         * @since 0.1.0
         */
        public Builder password(SecretSupplier secret) {
            this.password = Objects.requireNonNull(secret, "password");
            return this;
        }

        /**
         * @param variable the environment variable holding the password, such as {@code XTAGE_PG_PASSWORD}
         * @return this
         * @since 0.1.0
         */
        public Builder passwordEnv(String variable) {
            return password(SecretSupplier.env(variable));
        }

        /**
         * @param sql a query with {@code ?} for each parameter
         * @param parameters the values, bound in order with {@code setObject} (null with {@code setNull})
         * @return this
         * @throws IllegalStateException if a query or table was already given
         * @since 0.1.0
         */
        public Builder query(String sql, Object... parameters) {
            requireNoTarget();
            this.query = Objects.requireNonNull(sql, "sql");
            this.params = Collections.unmodifiableList(new ArrayList<>(Arrays.asList(parameters)));
            return this;
        }

        /**
         * @param schemaName the schema, spelled as in the database (quoted for you)
         * @param tableName the table, spelled as in the database (quoted for you)
         * @return this
         * @throws IllegalStateException if a query or table was already given
         * @since 0.1.0
         */
        public Builder table(String schemaName, String tableName) {
            requireNoTarget();
            quoteIdentifier(schemaName);
            quoteIdentifier(tableName);
            this.schema = schemaName;
            this.table = tableName;
            return this;
        }

        /**
         * @param tableName the table in the connection's search path, spelled as in the database
         * @return this
         * @throws IllegalStateException if a query or table was already given
         * @since 0.1.0
         */
        public Builder table(String tableName) {
            requireNoTarget();
            quoteIdentifier(tableName);
            this.table = tableName;
            return this;
        }

        /** @param o the options; {@link JdbcOptions#DEFAULTS} when not set @return this @since 0.1.0 */
        public Builder options(JdbcOptions o) {
            this.options = Objects.requireNonNull(o, "options");
            return this;
        }

        private void requireNoConnection() {
            if (dataSource != null || url != null) {
                throw new IllegalStateException("a DataSource or URL is already set; give one of "
                    + "JdbcSource.Builder.dataSource or url");
            }
        }

        private void requireNoTarget() {
            if (query != null || table != null) {
                throw new IllegalStateException("a query or table is already set; give one of "
                    + "JdbcSource.Builder.query or table");
            }
        }

        /**
         * @return the source
         * @throws IllegalStateException if no DataSource or URL, or no query or table, was given;
         *     or user or password was given with a DataSource
         * @since 0.1.0
         */
        public JdbcSource build() {
            if (dataSource == null && url == null) {
                throw new IllegalStateException("no connection; call JdbcSource.Builder.dataSource(DataSource) or "
                    + "url(String)");
            }
            if (query == null && table == null) {
                throw new IllegalStateException("nothing to read; call JdbcSource.Builder.query(String, Object...) "
                    + "or table(String, String)");
            }
            if (dataSource != null && (user != null || password != null)) {
                throw new IllegalStateException("user and password go with url(String); a DataSource brings its own "
                    + "credentials");
            }
            DataSource ds = dataSource != null ? dataSource : new DriverManagerDataSource(url, user, password);
            String sql;
            String target;
            if (table != null) {
                sql = "SELECT * FROM " + (schema == null ? "" : quoteIdentifier(schema) + ".") + quoteIdentifier(table);
                target = schema == null ? table : schema + "." + table;
            } else {
                sql = query;
                target = "query";
            }
            return new JdbcSource(this, ds, sql, target);
        }
    }
}
