package io.xtage.sink;

import tech.tablesaw.api.Table;

/**
 * Writes a whole {@link Table} somewhere: a file, a database table.
 *
 * <p>A sink is built from its options plus a destination and can be used again: each
 * {@link #write(Table)} opens and closes its own file or connection. Implementations are
 * immutable and thread-safe, but two concurrent writes to the same destination race as the
 * destination lets them (the last file move wins; PostgreSQL serializes on the table's lock).
 *
 * <p>A write is all or nothing where the destination allows it: a file is written beside
 * its final name and moved into place; a database load runs in one transaction. The input
 * table is never changed.
 *
 * <pre>{@code
 * SinkReport r = CsvSink.to(Path.of("out.csv")).write(table);
 * log.info("{} rows in {} ms", r.rowsWritten(), r.elapsed().toMillis());
 * }</pre>
 *
 * @since 0.1.0
 */
public interface Sink {

    /**
     * @return what this sink writes to, for humans: a path or {@code postgresql:schema.table};
     *     never with credentials, never null
     * @since 0.1.0
     */
    String name();

    /**
     * Writes every row of {@code table}.
     *
     * @param table the table; not changed
     * @return rows written and the time taken, never null
     * @throws SinkException if the destination cannot be written; nothing is left half written
     *     where the destination allows that (see each sink)
     * @throws io.xtage.core.SchemaException if a column's type has no representation in this sink,
     *     or a declared key names a column the table does not have
     * @since 0.1.0
     */
    SinkReport write(Table table);
}
