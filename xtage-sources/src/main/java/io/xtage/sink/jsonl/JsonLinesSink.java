package io.xtage.sink.jsonl;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonFactoryBuilder;
import com.fasterxml.jackson.core.JsonGenerator;
import io.xtage.sink.Sink;
import io.xtage.sink.SinkException;
import io.xtage.sink.SinkReport;
import io.xtage.sink.internal.ColumnView;
import io.xtage.sink.internal.Values;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tech.tablesaw.api.Table;

/**
 * Writes a table as JSON lines (one JSON object per row, one row per line, UTF-8), with
 * Jackson's streaming {@link JsonGenerator}.
 *
 * <p>Keys are the column names in column order. A missing value is {@code null}; LONG and INT
 * are JSON integers; DOUBLE is a JSON number in the text every sink shares (plain notation
 * for magnitudes in [1e-7, 1e16)), except infinities, which JSON numbers cannot express and
 * are written as the strings {@code "Infinity"} and {@code "-Infinity"} (Jackson's own
 * convention); BOOLEAN is {@code true}/{@code false}; dates and date-times are ISO strings.
 *
 * <p>The file is written beside its final name and moved into place when complete. Immutable and
 * thread-safe.
 *
 * <pre>{@code
 * JsonLinesSink.to(Path.of("out/prepared.jsonl")).write(table);
 * // {"transaction_id":1,"price":12.5,"transaction_date":"2024-03-01","gender":null}
 * }</pre>
 *
 * @since 0.1.0
 */
public final class JsonLinesSink implements Sink {
    private static final Logger log = LoggerFactory.getLogger(JsonLinesSink.class);
    private static final JsonFactory FACTORY = new JsonFactoryBuilder().rootValueSeparator((String) null).build();

    private final Path path;

    private JsonLinesSink(Path path) {
        this.path = Objects.requireNonNull(path, "path");
    }

    /**
     * @param path the file to write; replaced if it exists
     * @return the sink
     * @since 0.1.0
     */
    public static JsonLinesSink to(Path path) {
        return new JsonLinesSink(path);
    }

    /** @return the file path @since 0.1.0 */
    public Path path() {
        return path;
    }

    /** @return the file path as text @since 0.1.0 */
    @Override
    public String name() {
        return path.toString();
    }

    /**
     * @throws SinkException if the file cannot be written or moved into place, or a text value is
     *     not valid Unicode; an earlier file at the path is then left as it was
     * @throws io.xtage.core.SchemaException if a column is of a type sinks do not write
     * @since 0.1.0
     */
    @Override
    public SinkReport write(Table table) {
        Objects.requireNonNull(table, "table");
        long started = System.nanoTime();
        List<ColumnView> views = ColumnView.of(table);
        Path target = path.toAbsolutePath();
        Path tmp = null;
        try {
            Path dir = target.getParent();
            Files.createDirectories(dir);
            tmp = Files.createTempFile(dir, "." + target.getFileName() + ".", ".tmp");
            try (OutputStream os = new BufferedOutputStream(Files.newOutputStream(tmp), 1 << 16)) {
                writeRows(views, table.rowCount(), os);
            }
            try {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
            }
            tmp = null;
        } catch (IOException e) {
            throw new SinkException(name(), "cannot write: " + e.getMessage(), e);
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
        log.debug("wrote {} rows to {} in {} ms", table.rowCount(), path, elapsed.toMillis());
        return SinkReport.of(name(), table.rowCount(), elapsed);
    }

    /**
     * Writes {@code table} as JSON lines to a caller's stream, which is flushed but not closed.
     *
     * @param table the table
     * @param out where to write, UTF-8
     * @return rows written
     * @throws UncheckedIOException if the stream fails
     * @throws io.xtage.core.SchemaException if a column is of a type sinks do not write
     * @since 0.1.0
     */
    public static long write(Table table, OutputStream out) {
        Objects.requireNonNull(table, "table");
        Objects.requireNonNull(out, "out");
        try {
            writeRows(ColumnView.of(table), table.rowCount(), out);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write JSON lines", e);
        }
        return table.rowCount();
    }

    private static void writeRows(List<ColumnView> views, int rows, OutputStream os) throws IOException {
        ColumnView[] cols = views.toArray(new ColumnView[0]);
        try (JsonGenerator g = FACTORY.createGenerator(os, JsonEncoding.UTF8)) {
            g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
            for (int i = 0; i < rows; i++) {
                g.writeStartObject();
                for (ColumnView c : cols) {
                    g.writeFieldName(c.name());
                    if (c.isMissing(i)) {
                        g.writeNull();
                        continue;
                    }
                    switch (c.type()) {
                        case STRING:
                            g.writeString(c.string(i));
                            break;
                        case INT:
                            g.writeNumber(c.intValue(i));
                            break;
                        case LONG:
                            g.writeNumber(c.longValue(i));
                            break;
                        case DOUBLE: {
                            double v = c.doubleValue(i);
                            if (Double.isInfinite(v)) {
                                g.writeString(v > 0 ? "Infinity" : "-Infinity");
                            } else {
                                g.writeNumber(Values.formatDouble(v));
                            }
                            break;
                        }
                        case BOOLEAN:
                            g.writeBoolean(c.booleanValue(i));
                            break;
                        case LOCAL_DATE:
                            g.writeString(Values.formatDate(c.packedDate(i)));
                            break;
                        case LOCAL_DATE_TIME:
                            g.writeString(Values.formatDateTime(c.packedDateTime(i)));
                            break;
                        default:
                            throw new AssertionError(c.type());
                    }
                }
                g.writeEndObject();
                g.writeRaw('\n');
            }
            g.flush();
        }
    }
}
