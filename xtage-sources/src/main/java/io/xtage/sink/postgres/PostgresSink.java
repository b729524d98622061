package io.xtage.sink.postgres;

import io.xtage.core.SchemaException;
import io.xtage.sink.ForeignKey;
import io.xtage.sink.Sink;
import io.xtage.sink.SinkException;
import io.xtage.sink.SinkReport;
import io.xtage.sink.internal.ColumnView;
import io.xtage.sink.internal.TextOut;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.CharacterCodingException;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import javax.sql.DataSource;
import org.postgresql.copy.CopyIn;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tech.tablesaw.api.Table;

/**
 * Writes a table into a PostgreSQL table, loading the rows with {@code COPY ... FROM STDIN}
 * through the driver's {@code CopyManager}, all in one transaction.
 *
 * <p>The table is created from the Tablesaw table's column types through
 * {@link io.xtage.core.schema.SqlTypes#postgresType} (LONG {@code bigint}, INT
 * {@code integer}, DOUBLE {@code double precision}, STRING {@code text}, BOOLEAN
 * {@code boolean}, LOCAL_DATE {@code date}, LOCAL_DATE_TIME {@code timestamp}), with the
 * declared primary key and foreign keys added after the rows are in (faster, and a violation
 * fails the whole load). Every identifier is quoted, so a column called {@code order} or
 * {@code Customer ID} works.
 *
 * <p>{@link Mode Modes}:
 * <ul>
 *   <li>{@link Mode#CREATE}: create the table; fail if it exists.</li>
 *   <li>{@link Mode#REPLACE}: load a new table under a temporary name, then drop the old one and
 *       rename the new one, in the same transaction. Readers see the old rows until the commit,
 *       never a half table. The old table's own indexes, grants and comments are not carried
 *       over; views or foreign keys that depend on it make the drop (and the write) fail.</li>
 *   <li>{@link Mode#APPEND}: add the rows to the table, creating it if missing.</li>
 *   <li>{@link Mode#UPSERT}: copy into a temporary table, then
 *       {@code INSERT ... ON CONFLICT (primary key) DO UPDATE} every other column; creates the
 *       table if missing. Needs a primary key, and the existing table needs a unique index on it.
 *       Two input rows with the same key fail the write.</li>
 * </ul>
 *
 * <p>A failure rolls the transaction back: an earlier table and its rows stay as they were.
 *
 * <p>The caller owns the {@link DataSource} (pooling, credentials); the sink borrows one
 * connection per write and restores its auto-commit setting. Immutable and thread-safe.
 *
 * <pre>{@code
 * PostgresSink.builder()
 *     .dataSource(ds)
 *     .table("public", "prepared")
 *     .primaryKey("transaction_id")
 *     .foreignKey("product_id", "products", "product_id")
 *     .mode(PostgresSink.Mode.REPLACE)
 *     .build()
 *     .write(table);
 * }</pre>
 *
 * @since 0.1.0
 */
public final class PostgresSink implements Sink {
    private static final Logger log = LoggerFactory.getLogger(PostgresSink.class);
    private static final SecureRandom RANDOM = new SecureRandom();

    /**
     * How a write treats an existing table.
     *
     * @since 0.1.0
     */
    public enum Mode {
        /** Create the table; fail if it exists. */
        CREATE,
        /** Replace the table and its rows, atomically. */
        REPLACE,
        /** Add rows; create the table if missing. */
        APPEND,
        /** Insert new keys, update existing ones; create the table if missing. */
        UPSERT
    }

    private final DataSource dataSource;
    private final String schema;
    private final String table;
    private final List<String> primaryKey;
    private final List<ForeignKey> foreignKeys;
    private final Mode mode;

    private PostgresSink(Builder b) {
        this.dataSource = b.dataSource;
        this.schema = b.schema;
        this.table = b.table;
        this.primaryKey = List.copyOf(b.primaryKey);
        this.foreignKeys = List.copyOf(b.foreignKeys);
        this.mode = b.mode;
    }

    /** @return a builder @since 0.1.0 */
    public static Builder builder() {
        return new Builder();
    }

    /** @return a builder starting from this sink's settings @since 0.1.0 */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.dataSource = dataSource;
        b.schema = schema;
        b.table = table;
        b.primaryKey.addAll(primaryKey);
        b.foreignKeys.addAll(foreignKeys);
        b.mode = mode;
        b.primaryKeySet = !primaryKey.isEmpty();
        return b;
    }

    /** @return {@code postgresql:schema.table}, or {@code postgresql:table} without a schema @since 0.1.0 */
    @Override
    public String name() {
        return "postgresql:" + (schema == null ? "" : schema + ".") + table;
    }

    /** @return the database schema, or null for the connection's search path @since 0.1.0 */
    public String schema() {
        return schema;
    }

    /** @return the table name @since 0.1.0 */
    public String table() {
        return table;
    }

    /** @return the primary key columns, empty when none is declared @since 0.1.0 */
    public List<String> primaryKey() {
        return primaryKey;
    }

    /** @return the declared foreign keys, never null @since 0.1.0 */
    public List<ForeignKey> foreignKeys() {
        return foreignKeys;
    }

    /** @return the mode @since 0.1.0 */
    public Mode mode() {
        return mode;
    }

    @Override
    public String toString() {
        return "PostgresSink[" + name() + ", mode=" + mode + ", primaryKey=" + primaryKey + ", foreignKeys="
            + foreignKeys + "]";
    }

    /**
     * @return rows written; for UPSERT, rows inserted or updated
     * @throws SinkException if the database cannot be reached, refuses a statement (a key
     *     violation, a type mismatch with an existing table), or the table exists in CREATE mode;
     *     {@link SinkException#sqlState()} has the SQLSTATE. The transaction is rolled back.
     * @throws SchemaException if a key names a column the table does not have, a column name
     *     cannot be a PostgreSQL identifier, or a column's type has no PostgreSQL type
     * @since 0.1.0
     */
    @Override
    public SinkReport write(Table data) {
        Objects.requireNonNull(data, "table");
        long started = System.nanoTime();
        List<ColumnView> cols = ColumnView.of(data);
        PgText.checkColumns(cols);
        checkKeysExist(data);
        long rows;
        try (Connection c = dataSource.getConnection()) {
            boolean autoCommit = c.getAutoCommit();
            c.setAutoCommit(false);
            try {
                rows = load(c, cols, data.rowCount());
                c.commit();
            } catch (SQLException | IOException | RuntimeException e) {
                rollback(c, e);
                throw translate(e);
            } finally {
                restoreAutoCommit(c, autoCommit);
            }
        } catch (SQLException e) {
            throw SinkException.sql(name(), e.getSQLState(), "cannot connect or close the connection: "
                + e.getMessage(), e);
        }
        Duration elapsed = Duration.ofNanos(System.nanoTime() - started);
        log.debug("{}: {} {} rows in {} ms", name(), mode, rows, elapsed.toMillis());
        return SinkReport.of(name(), rows, elapsed);
    }

    private void checkKeysExist(Table data) {
        Set<String> names = new HashSet<>(data.columnNames());
        for (String k : primaryKey) {
            if (!names.contains(k)) {
                throw new SchemaException(name() + ": primary key column '" + k + "' is not in the table; columns: "
                    + data.columnNames());
            }
        }
        for (ForeignKey fk : foreignKeys) {
            if (!names.contains(fk.column())) {
                throw new SchemaException(name() + ": foreign key column '" + fk.column()
                    + "' is not in the table; columns: " + data.columnNames());
            }
        }
    }

    private long load(Connection c, List<ColumnView> cols, int rowCount) throws SQLException, IOException {
        String target = PgText.qualified(schema, table);
        String existingSchema = existingSchema(c, target);
        if (existingSchema == null) {
            execute(c, PgText.createTable(target, cols, false));
            long n = copy(c, target, cols, rowCount);
            addConstraints(c, target);
            return n;
        }
        switch (mode) {
            case CREATE:
                throw SinkException.sql(name(), "42P07", "table " + target + " already exists; use Mode.REPLACE, "
                    + "APPEND or UPSERT, or drop it first", null);
            case APPEND:
                return copy(c, target, cols, rowCount);
            case REPLACE: {
                String tmpName = "xtage_load_" + randomHex();
                String tmp = PgText.qualified(existingSchema, tmpName);
                execute(c, PgText.createTable(tmp, cols, false));
                long n = copy(c, tmp, cols, rowCount);
                execute(c, "DROP TABLE " + target);
                execute(c, "ALTER TABLE " + tmp + " RENAME TO " + PgText.quote(table));
                addConstraints(c, PgText.qualified(existingSchema, table));
                return n;
            }
            case UPSERT: {
                String tmp = PgText.quote("xtage_upsert_" + randomHex());
                execute(c, PgText.createTable(tmp, cols, true));
                copy(c, tmp, cols, rowCount);
                return upsert(c, target, tmp, cols);
            }
            default:
                throw new AssertionError(mode);
        }
    }

    /** @return the schema the table lives in, or null when it does not exist */
    private static String existingSchema(Connection c, String qualifiedName) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT n.nspname FROM pg_catalog.pg_class t "
            + "JOIN pg_catalog.pg_namespace n ON n.oid = t.relnamespace WHERE t.oid = to_regclass(?)")) {
            ps.setString(1, qualifiedName);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
    }

    private long copy(Connection c, String target, List<ColumnView> cols, int rowCount)
        throws SQLException, IOException {
        List<String> names = new ArrayList<>(cols.size());
        for (ColumnView v : cols) {
            names.add(v.name());
        }
        String sql = "COPY " + target + " (" + PgText.columnList(names) + ") FROM STDIN";
        log.debug("{}: {}", name(), sql);
        ColumnView[] arr = cols.toArray(new ColumnView[0]);
        CopyIn in = CopyIns.start(c, sql);
        try {
            Writer w = CopyIns.writer(in);
            TextOut out = TextOut.of(w);
            for (int i = 0; i < rowCount; i++) {
                PgText.appendCopyRow(arr, i, out, name());
            }
            out.flush();
            long n = in.endCopy();
            if (n != rowCount) {
                throw new SinkException(name(), "COPY reported " + n + " rows for " + rowCount + " sent", null);
            }
            return n;
        } catch (SQLException | IOException | RuntimeException e) {
            CopyIns.cancelQuietly(in, e);
            throw e;
        }
    }

    private void addConstraints(Connection c, String target) throws SQLException {
        if (!primaryKey.isEmpty()) {
            execute(c, "ALTER TABLE " + target + " ADD PRIMARY KEY (" + PgText.columnList(primaryKey) + ")");
        }
        for (ForeignKey fk : foreignKeys) {
            execute(c, "ALTER TABLE " + target + " ADD FOREIGN KEY (" + PgText.quote(fk.column()) + ") REFERENCES "
                + PgText.qualified(schema, fk.refTable()) + " (" + PgText.quote(fk.refColumn()) + ")");
        }
    }

    private long upsert(Connection c, String target, String tmp, List<ColumnView> cols) throws SQLException {
        List<String> names = new ArrayList<>(cols.size());
        StringBuilder set = new StringBuilder();
        Set<String> keys = new LinkedHashSet<>(primaryKey);
        for (ColumnView v : cols) {
            names.add(v.name());
            if (!keys.contains(v.name())) {
                if (set.length() > 0) {
                    set.append(", ");
                }
                set.append(PgText.quote(v.name())).append(" = EXCLUDED.").append(PgText.quote(v.name()));
            }
        }
        String list = PgText.columnList(names);
        String sql = "INSERT INTO " + target + " (" + list + ") SELECT " + list + " FROM " + tmp + " ON CONFLICT ("
            + PgText.columnList(primaryKey) + ") " + (set.length() == 0 ? "DO NOTHING" : "DO UPDATE SET " + set);
        log.debug("{}: {}", name(), sql);
        try (Statement st = c.createStatement()) {
            return st.executeLargeUpdate(sql);
        }
    }

    private void execute(Connection c, String sql) throws SQLException {
        log.debug("{}: {}", name(), sql);
        try (Statement st = c.createStatement()) {
            st.execute(sql);
        }
    }

    private static String randomHex() {
        return Long.toHexString(RANDOM.nextLong() & Long.MAX_VALUE);
    }

    private static void rollback(Connection c, Exception failure) {
        try {
            c.rollback();
        } catch (SQLException e) {
            failure.addSuppressed(e);
        }
    }

    private static void restoreAutoCommit(Connection c, boolean autoCommit) {
        try {
            c.setAutoCommit(autoCommit);
        } catch (SQLException e) {
            log.debug("could not restore autoCommit={}: {}", autoCommit, e.toString());
        }
    }

    private RuntimeException translate(Exception e) {
        if (e instanceof SinkException || e instanceof SchemaException) {
            return (RuntimeException) e;
        }
        if (e instanceof CharacterCodingException) {
            return new SinkException(name(), "a text value is not valid Unicode (a lone surrogate?); "
                + "the load was rolled back", e);
        }
        SQLException sql = e instanceof SQLException ? (SQLException) e
            : e.getCause() instanceof SQLException ? (SQLException) e.getCause() : null;
        if (sql != null) {
            String state = sql.getSQLState();
            return SinkException.sql(name(), state, hint(state) + sql.getMessage() + "; the " + mode
                + " was rolled back", e);
        }
        if (e instanceof RuntimeException) {
            return (RuntimeException) e;
        }
        return new SinkException(name(), "cannot load: " + e + "; the " + mode + " was rolled back", e);
    }

    private String hint(String state) {
        if (state == null) {
            return "";
        }
        switch (state) {
            case "23505":
                return "duplicate key in " + primaryKey + ": ";
            case "23502":
                return "missing value in a key or NOT NULL column: ";
            case "23503":
                return "foreign key violated: ";
            case "42P10":
                return "the existing table has no primary key or unique index on " + primaryKey
                    + ", which UPSERT needs: ";
            case "2BP01":
                return "other objects (views, foreign keys) depend on the old table; REPLACE cannot drop it: ";
            case "42703":
            case "42804":
                return "the existing table's columns do not match the table written: ";
            default:
                return "";
        }
    }

    /**
     * Builds a {@link PostgresSink}. Not thread-safe.
     *
     * @since 0.1.0
     */
    public static final class Builder {
        private DataSource dataSource;
        private String schema;
        private String table;
        private final List<String> primaryKey = new ArrayList<>();
        private boolean primaryKeySet;
        private final List<ForeignKey> foreignKeys = new ArrayList<>();
        private Mode mode = Mode.CREATE;

        private Builder() {
        }

        /** @param dataSource where to connect; the caller owns pooling and credentials @return this @since 0.1.0 */
        public Builder dataSource(DataSource dataSource) {
            this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
            return this;
        }

        /**
         * @param name the table, created in the first schema of the connection's search path
         * @return this
         * @throws IllegalArgumentException if the name cannot be a PostgreSQL identifier
         * @since 0.1.0
         */
        public Builder table(String name) {
            this.schema = null;
            this.table = PgText.checkName(Objects.requireNonNull(name, "name"), "table");
            return this;
        }

        /**
         * @param schema the database schema, such as {@code public}; it must exist
         * @param name the table
         * @return this
         * @throws IllegalArgumentException if a name cannot be a PostgreSQL identifier
         * @since 0.1.0
         */
        public Builder table(String schema, String name) {
            this.schema = PgText.checkName(Objects.requireNonNull(schema, "schema"), "schema");
            this.table = PgText.checkName(Objects.requireNonNull(name, "name"), "table");
            return this;
        }

        /**
         * @param columns the primary key columns, in key order
         * @return this
         * @throws IllegalArgumentException if no column is given or one repeats
         * @throws IllegalStateException if the primary key was already set
         * @since 0.1.0
         */
        public Builder primaryKey(String... columns) {
            if (primaryKeySet) {
                throw new IllegalStateException("primaryKey already set to " + primaryKey
                    + "; call PostgresSink.Builder.primaryKey(String...) once");
            }
            if (columns.length == 0) {
                throw new IllegalArgumentException("primaryKey needs at least one column");
            }
            Set<String> seen = new HashSet<>();
            for (String col : columns) {
                PgText.checkName(Objects.requireNonNull(col, "column"), "primary key column");
                if (!seen.add(col)) {
                    throw new IllegalArgumentException("primary key column '" + col + "' is given twice");
                }
            }
            primaryKey.addAll(List.of(columns));
            primaryKeySet = true;
            return this;
        }

        /**
         * Declares a foreign key to a table in the same schema.
         *
         * @param column the referencing column
         * @param refTable the referenced table (same schema as this one)
         * @param refColumn the referenced column, its primary key
         * @return this
         * @throws IllegalArgumentException if a name cannot be a PostgreSQL identifier
         * @since 0.1.0
         */
        public Builder foreignKey(String column, String refTable, String refColumn) {
            return foreignKey(ForeignKey.of(column, refTable, refColumn));
        }

        /**
         * @param fk a foreign key to a table in the same schema
         * @return this
         * @throws IllegalArgumentException if a name cannot be a PostgreSQL identifier
         * @since 0.1.0
         */
        public Builder foreignKey(ForeignKey fk) {
            Objects.requireNonNull(fk, "fk");
            PgText.checkName(fk.column(), "foreign key column");
            PgText.checkName(fk.refTable(), "referenced table");
            PgText.checkName(fk.refColumn(), "referenced column");
            foreignKeys.add(fk);
            return this;
        }

        /** @param mode CREATE (the default), REPLACE, APPEND or UPSERT @return this @since 0.1.0 */
        public Builder mode(Mode mode) {
            this.mode = Objects.requireNonNull(mode, "mode");
            return this;
        }

        /**
         * @return the sink
         * @throws IllegalStateException if the data source or table is not set, or UPSERT has no
         *     primary key
         * @since 0.1.0
         */
        public PostgresSink build() {
            validate();
            return new PostgresSink(this);
        }

        private void validate() {
            if (dataSource == null) {
                throw new IllegalStateException("no data source; call PostgresSink.Builder.dataSource(DataSource)");
            }
            if (table == null) {
                throw new IllegalStateException("no table; call PostgresSink.Builder.table(String)");
            }
            if (mode == Mode.UPSERT && primaryKey.isEmpty()) {
                throw new IllegalStateException("Mode.UPSERT needs a key to match rows on; call "
                    + "PostgresSink.Builder.primaryKey(String...)");
            }
        }
    }
}
