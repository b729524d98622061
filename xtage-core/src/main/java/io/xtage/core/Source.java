package io.xtage.core;

/**
 * Something that reads into a table: a file, an HTTP API, a database table.
 *
 * <p>Sources are immutable, thread-safe and re-readable: each {@link #read()} opens and closes
 * its own stream, connection or exchange. Build one directly ({@code CsvSource.builder()...}) or
 * discover one by URI with {@link Sources#forUri}.
 *
 * <pre>{@code
 * ReadResult r = source.read();
 * Table t = r.table();
 * r.rejects().forEach(x -> log.warn(x.message()));
 * }</pre>
 *
 * @since 0.1.0
 */
public interface Source {
    /**
     * @return the name that identifies the input for humans: a path, a URL without credentials,
     *     or {@code postgresql://host/db#schema.table}; never null
     * @since 0.1.0
     */
    String name();

    /**
     * Reads the whole input.
     *
     * @return the table, its rejects and a report
     * @throws SourceException if the input cannot be opened or read
     * @throws RejectedRecordException if the reject policy is strict and a value is rejected
     * @throws TooManyRejectsException if more rows are rejected than the policy allows
     * @since 0.1.0
     */
    default ReadResult read() {
        return read(ProgressListener.NONE);
    }

    /**
     * Reads the whole input, telling a listener how far it got at a bounded rate.
     *
     * @param listener called with rows and bytes done
     * @return the table, its rejects and a report
     * @throws SourceException if the input cannot be opened or read
     * @throws RejectedRecordException if the reject policy is strict and a value is rejected
     * @throws TooManyRejectsException if more rows are rejected than the policy allows
     * @since 0.1.0
     */
    ReadResult read(ProgressListener listener);
}
