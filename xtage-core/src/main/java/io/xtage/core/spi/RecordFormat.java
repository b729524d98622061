package io.xtage.core.spi;

import io.xtage.core.ProgressListener;
import io.xtage.core.ReadResult;
import io.xtage.core.schema.Schema;
import java.io.InputStream;

/**
 * A way to read records from bytes (CSV, JSON, ...), separate from where the bytes come from.
 *
 * <p>A transport such as the HTTP source fetches bytes and hands them to a format it was given,
 * so transport and parsing never import each other. Implementations are immutable and
 * thread-safe; {@code CsvSource.format(options)} and {@code JsonSource.format(options)} make them.
 *
 * @since 0.1.0
 */
public interface RecordFormat {
    /**
     * @return a short name such as {@code csv} or {@code json}
     * @since 0.1.0
     */
    String name();

    /**
     * Reads one whole stream (a file, one HTTP body or page). Does not close the stream.
     *
     * @param sourceName the name rejects and messages use
     * @param in the bytes
     * @param listener progress
     * @return the table, rejects and report of this stream
     * @throws io.xtage.core.SourceException if the bytes cannot be read as this format
     * @since 0.1.0
     */
    ReadResult read(String sourceName, InputStream in, ProgressListener listener);

    /**
     * @param schema a declared schema
     * @return the same format reading with this schema, so that later pages follow the first
     * @since 0.1.0
     */
    RecordFormat withSchema(Schema schema);
}
