package io.xtage.sink.postgres;

import io.xtage.sink.ForeignKey;
import io.xtage.sink.SinkException;
import io.xtage.sink.SinkReport;
import io.xtage.sink.internal.ColumnView;
import io.xtage.sink.internal.TextOut;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tech.tablesaw.api.Table;

/**
 * Writes tables as one PostgreSQL {@code .sql} file that {@code psql -f} loads into an empty
 * database: {@code CREATE TABLE} with quoted identifiers and the types of
 * {@link io.xtage.core.schema.SqlTypes#postgresType}, the rows as {@code COPY ... FROM stdin}
 * blocks (the default) or multi-row {@code INSERT}s, then the declared primary keys, then the
 * foreign keys as {@code ALTER TABLE}, so the order of the tables does not matter. The whole
 * script runs in one transaction ({@code BEGIN} ... {@code COMMIT}).
 *
 * <pre>{@code
 * SqlExport.builder()
 *     .table("products", products, List.of("product_id"))
 *     .table("prepared", prepared, List.of("transaction_id"),
 *            List.of(ForeignKey.of("product_id", "products", "product_id")))
 *     .build()
 *     .write(Path.of("out/prepared.sql"));
 * // psql -v ON_ERROR_STOP=1 -d empty_db -f out/prepared.sql
 * }</pre>
 *
 * <p>The output is deterministic (no timestamps): the same tables give the same bytes. The file
 * is written beside its final name and moved into place when complete. Immutable and
 * thread-safe (the tables must not be changed while a write runs).
 *
 * @since 0.1.0
 */
public final class SqlExport {
    private static final Logger log = LoggerFactory.getLogger(SqlExport.class);

    /**
     * How the rows are written.
     *
     * @since 0.1.0
     */
    public enum DataFormat {
        /** {@code COPY "t" (cols) FROM stdin;} followed by tab-separated rows and {@code \.}: fast. */
        COPY,
        /** Multi-row {@code INSERT INTO "t" (cols) VALUES (...), (...);}: any SQL client can run it. */
        INSERT
    }

    private final List<Entry> tables;
    private final DataFormat dataFormat;
    private final int insertBatchRows;

    private SqlExport(Builder b) {
        this.tables = List.copyOf(b.tables);
        this.dataFormat = b.dataFormat;
        this.insertBatchRows = b.insertBatchRows;
    }

    /** @return a builder @since 0.1.0 */
    public static Builder builder() {
        return new Builder();
    }

    /** @return the table names, in the order they are written @since 0.1.0 */
    public List<String> tableNames() {
        List<String> n = new ArrayList<>();
        for (Entry e : tables) {
            n.add(e.name);
        }
        return n;
    }

    /** @return COPY (the default) or INSERT @since 0.1.0 */
    public DataFormat dataFormat() {
        return dataFormat;
    }

    /**
     * Writes the script to a file, replacing it.
     *
     * @param path the {@code .sql} file; parent directories are created
     * @return the path as sink name, all tables' rows, the time taken
     * @throws SinkException if the file cannot be written, a text value holds NUL or is not valid
     *     Unicode; an earlier file at the path is then left as it was
     * @throws io.xtage.core.SchemaException if a column name cannot be a PostgreSQL identifier or a
     *     column's type has no PostgreSQL type
     * @since 0.1.0
     */
    public SinkReport write(Path path) {
        Objects.requireNonNull(path, "path");
        long started = System.nanoTime();
        Path target = path.toAbsolutePath();
        Path tmp = null;
        long rows;
        try {
            Files.createDirectories(target.getParent());
            tmp = Files.createTempFile(target.getParent(), "." + target.getFileName() + ".", ".tmp");
            try (OutputStream os = Files.newOutputStream(tmp);
                 Writer w = new OutputStreamWriter(os, StandardCharsets.UTF_8.newEncoder())) {
                rows = writeScript(w, path.toString());
            }
            try {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
            }
            tmp = null;
        } catch (CharacterCodingException e) {
            throw new SinkException(path.toString(), "a text value is not valid Unicode (a lone surrogate?)", e);
        } catch (IOException e) {
            throw new SinkException(path.toString(), "cannot write: " + e, e);
        } finally {
            if (tmp != null) {
                try {
                    Files.deleteIfExists(tmp);
                } catch (IOException e) {
                    log.warn("could not delete temporary file {}: {}", tmp, e.toString());
                }
            }
        }
        Duration elapsed = Duration.ofNanos(System.nanoTime() - started);
        log.debug("wrote {} tables, {} rows to {} in {} ms", tables.size(), rows, path, elapsed.toMillis());
        return SinkReport.of(path.toString(), rows, elapsed);
    }

    /**
     * Writes the script to a caller's writer, which is flushed but not closed.
     *
     * @param out where to write
     * @return rows written, all tables
     * @throws UncheckedIOException if the writer fails
     * @throws SinkException if a text value holds NUL
     * @throws io.xtage.core.SchemaException as {@link #write(Path)}
     * @since 0.1.0
     */
    public long write(Writer out) {
        Objects.requireNonNull(out, "out");
        try {
            return writeScript(out, "sql export");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write SQL export", e);
        }
    }

    private long writeScript(Writer w, String sinkName) throws IOException {
        Map<Entry, List<ColumnView>> views = new LinkedHashMap<>();
        long total = 0;
        for (Entry e : tables) {
            List<ColumnView> cols = ColumnView.of(e.table);
            PgText.checkColumns(cols);
            views.put(e, cols);
            total += e.table.rowCount();
        }
        TextOut out = TextOut.of(w);
        out.append("-- xtage SQL export: ").append(tables.size()).append(" table(s), ").append(total)
            .append(" row(s).\n-- Load into an empty database: psql -v ON_ERROR_STOP=1 -f FILE\n")
            .append("SET client_encoding = 'UTF8';\nSET standard_conforming_strings = on;\n\nBEGIN;\n");
        for (Entry e : tables) {
            out.append('\n').append(PgText.createTable(PgText.quote(e.name), views.get(e), false)).append(";\n");
        }
        for (Entry e : tables) {
            List<ColumnView> cols = views.get(e);
            out.append('\n');
            if (dataFormat == DataFormat.COPY) {
                writeCopy(e, cols, out, sinkName);
            } else {
                writeInserts(e, cols, out, sinkName);
            }
        }
        boolean constraints = false;
        for (Entry e : tables) {
            if (!e.primaryKey.isEmpty()) {
                out.append(constraints ? "" : "\n").append("ALTER TABLE ").append(PgText.quote(e.name))
                    .append(" ADD PRIMARY KEY (").append(PgText.columnList(e.primaryKey)).append(");\n");
                constraints = true;
            }
        }
        for (Entry e : tables) {
            for (ForeignKey fk : e.foreignKeys) {
                out.append(constraints ? "" : "\n").append("ALTER TABLE ").append(PgText.quote(e.name))
                    .append(" ADD FOREIGN KEY (").append(PgText.quote(fk.column())).append(") REFERENCES ")
                    .append(PgText.quote(fk.refTable())).append(" (").append(PgText.quote(fk.refColumn()))
                    .append(");\n");
                constraints = true;
            }
        }
        out.append("\nCOMMIT;\n");
        out.flush();
        return total;
    }

    private static void writeCopy(Entry e, List<ColumnView> cols, TextOut out, String sinkName) throws IOException {
        out.append("COPY ").append(PgText.quote(e.name)).append(" (").append(PgText.columnList(names(cols)))
            .append(") FROM stdin;\n");
        ColumnView[] arr = cols.toArray(new ColumnView[0]);
        int rows = e.table.rowCount();
        for (int i = 0; i < rows; i++) {
            PgText.appendCopyRow(arr, i, out, sinkName);
        }
        out.append("\\.\n");
    }

    private void writeInserts(Entry e, List<ColumnView> cols, TextOut out, String sinkName) throws IOException {
        String head = "INSERT INTO " + PgText.quote(e.name) + " (" + PgText.columnList(names(cols)) + ") VALUES\n";
        int rows = e.table.rowCount();
        for (int from = 0; from < rows; from += insertBatchRows) {
            int to = Math.min(rows, from + insertBatchRows);
            out.append(head);
            for (int i = from; i < to; i++) {
                out.append(i == from ? "(" : ",\n(");
                for (int j = 0; j < cols.size(); j++) {
                    if (j > 0) {
                        out.append(", ");
                    }
                    PgText.appendLiteral(cols.get(j), i, out, sinkName);
                }
                out.append(')');
            }
            out.append(";\n");
        }
    }

    private static List<String> names(List<ColumnView> cols) {
        List<String> n = new ArrayList<>(cols.size());
        for (ColumnView c : cols) {
            n.add(c.name());
        }
        return n;
    }

    /** One table of the export. */
    private static final class Entry {
        final String name;
        final Table table;
        final List<String> primaryKey;
        final List<ForeignKey> foreignKeys;

        Entry(String name, Table table, List<String> primaryKey, List<ForeignKey> foreignKeys) {
            this.name = name;
            this.table = table;
            this.primaryKey = List.copyOf(primaryKey);
            this.foreignKeys = List.copyOf(foreignKeys);
        }
    }

    /**
     * Builds a {@link SqlExport}. Not thread-safe.
     *
     * @since 0.1.0
     */
    public static final class Builder {
        private final List<Entry> tables = new ArrayList<>();
        private DataFormat dataFormat = DataFormat.COPY;
        private int insertBatchRows = 1000;

        private Builder() {
        }

        /**
         * @param name the table name in the database
         * @param table its rows
         * @return this
         * @throws IllegalArgumentException if the name cannot be a PostgreSQL identifier or repeats
         * @since 0.1.0
         */
        public Builder table(String name, Table table) {
            return table(name, table, List.of(), List.of());
        }

        /**
         * @param name the table name in the database
         * @param table its rows
         * @param primaryKey the primary key columns, empty for none
         * @return this
         * @throws IllegalArgumentException if the name repeats or a key column is not in the table
         * @since 0.1.0
         */
        public Builder table(String name, Table table, List<String> primaryKey) {
            return table(name, table, primaryKey, List.of());
        }

        /**
         * @param name the table name in the database
         * @param table its rows
         * @param primaryKey the primary key columns, empty for none
         * @param foreignKeys foreign keys from this table's columns, empty for none
         * @return this
         * @throws IllegalArgumentException if the name repeats or a key column is not in the table
         * @since 0.1.0
         */
        public Builder table(String name, Table table, List<String> primaryKey, List<ForeignKey> foreignKeys) {
            PgText.checkName(Objects.requireNonNull(name, "name"), "table");
            Objects.requireNonNull(table, "table");
            Set<String> columns = new HashSet<>(table.columnNames());
            Set<String> seen = new HashSet<>();
            for (String k : primaryKey) {
                if (!columns.contains(k)) {
                    throw new IllegalArgumentException("primary key column '" + k + "' of table '" + name
                        + "' is not one of its columns " + table.columnNames());
                }
                if (!seen.add(k)) {
                    throw new IllegalArgumentException("primary key column '" + k + "' of table '" + name
                        + "' is given twice");
                }
            }
            for (ForeignKey fk : foreignKeys) {
                if (!columns.contains(fk.column())) {
                    throw new IllegalArgumentException("foreign key column '" + fk.column() + "' of table '" + name
                        + "' is not one of its columns " + table.columnNames());
                }
                PgText.checkName(fk.refTable(), "referenced table");
                PgText.checkName(fk.refColumn(), "referenced column");
            }
            for (Entry e : tables) {
                if (e.name.equals(name)) {
                    throw new IllegalArgumentException("table '" + name + "' is added twice");
                }
            }
            tables.add(new Entry(name, table, primaryKey, foreignKeys));
            return this;
        }

        /** @param dataFormat COPY (the default) or INSERT @return this @since 0.1.0 */
        public Builder dataFormat(DataFormat dataFormat) {
            this.dataFormat = Objects.requireNonNull(dataFormat, "dataFormat");
            return this;
        }

        /**
         * @param rows rows per INSERT statement, 1 to 100000; 1000 by default
         * @return this
         * @throws IllegalArgumentException outside that range
         * @since 0.1.0
         */
        public Builder insertBatchRows(int rows) {
            if (rows < 1 || rows > 100_000) {
                throw new IllegalArgumentException("insertBatchRows must be 1 to 100000 (was " + rows
                    + "); change SqlExport.Builder.insertBatchRows(int)");
            }
            this.insertBatchRows = rows;
            return this;
        }

        /**
         * @return the export
         * @throws IllegalStateException if no table was added
         * @throws IllegalArgumentException if a foreign key references a table of this export on a
         *     column that is not that table's one-column primary key
         * @since 0.1.0
         */
        public SqlExport build() {
            validate();
            return new SqlExport(this);
        }

        private void validate() {
            if (tables.isEmpty()) {
                throw new IllegalStateException("no table; call SqlExport.Builder.table(String, Table, ...)");
            }
            for (Entry e : tables) {
                for (ForeignKey fk : e.foreignKeys) {
                    for (Entry ref : tables) {
                        if (ref.name.equals(fk.refTable()) && !ref.primaryKey.equals(List.of(fk.refColumn()))) {
                            throw new IllegalArgumentException("foreign key " + fk + " of table '" + e.name
                                + "' references column '" + fk.refColumn() + "', but the primary key of '" + ref.name
                                + "' is " + ref.primaryKey + "; PostgreSQL needs the referenced column to be its key");
                        }
                    }
                }
            }
        }
    }
}
