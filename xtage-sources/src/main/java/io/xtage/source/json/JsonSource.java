package io.xtage.source.json;

import com.fasterxml.jackson.core.JsonFactory;
import io.xtage.core.ProgressListener;
import io.xtage.core.ReadResult;
import io.xtage.core.RejectPolicy;
import io.xtage.core.Source;
import io.xtage.core.SourceException;
import io.xtage.core.schema.Schema;
import io.xtage.core.spi.RecordFormat;
import io.xtage.source.internal.FileSources;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * A JSON file read into a table with Jackson's streaming parser: a top-level array of objects,
 * the array at a JSON Pointer ({@code /data/items}), or newline-delimited JSON.
 *
 * <p>Each object is one row. Nested objects become {@code parent_child} columns (names in
 * snake_case: {@code {"customer": {"firstName": "A"}}} gives {@code customer_first_name}). An
 * array inside a record is kept as its JSON text in a STRING column. Values reach the schema as
 * text: numbers spelled as in the document (so doubles round-trip), {@code true}/{@code false},
 * and {@code null} as missing; so a field that is a number in one record and a string in another
 * is coerced by the column's type like any text.
 *
 * <p>The schema is declared, or inferred from the first {@link JsonOptions#sampleRecords()}
 * records (only those are buffered), with the columns in the order their fields were first seen.
 * A field the declared schema does not name is left out. With an inferred schema, a field first
 * seen after the sample keeps its row but its value is a {@link io.xtage.core.RejectKind#SHAPE
 * SHAPE} reject naming the field; so is a repeated key in one object (the last value is kept). A
 * record that is not an object is left out with a SHAPE reject. Rejects carry line and column.
 *
 * <p>Broken input fails the read with a {@link SourceException} naming line and column: truncated
 * or malformed JSON, a top-level value that is not an array (without a pointer), a pointer that
 * matches nothing, nesting deeper than {@link JsonOptions#maxNestingDepth()}. In NDJSON, a broken
 * line is a {@link io.xtage.core.RejectKind#PARSE PARSE} reject instead, and the read goes on. A
 * file that starts with the gzip magic bytes is decompressed on the fly.
 *
 * <p>Immutable and thread-safe; each {@link #read(ProgressListener)} opens and closes the file.
 *
 * <pre>{@code
 * ReadResult r = JsonSource.builder()
 *     .path(Path.of("data/customer_data.json"))
 *     .options(JsonOptions.DEFAULT)
 *     .build()
 *     .read();
 * }</pre>
 *
 * @since 0.1.0
 */
public final class JsonSource implements Source {
    private final Path path;
    private final String name;
    private final JsonOptions options;
    private final Schema schema;
    private final RejectPolicy rejectPolicy;
    private final JsonFactory factory;

    private JsonSource(Builder b) {
        this.path = b.path;
        this.name = b.path.toString();
        this.options = b.options;
        this.schema = b.schema;
        this.rejectPolicy = b.rejectPolicy;
        this.factory = JsonReader.factory(options);
    }

    /** @return a builder; {@link Builder#path(Path)} is required @since 0.1.0 */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * A JSON reader for bytes that come from elsewhere (an HTTP body, say), with a lenient policy.
     *
     * @param options layout, pointer and limits
     * @return a format that reads with those options and an inferred schema
     * @since 0.1.0
     */
    public static RecordFormat format(JsonOptions options) {
        return format(options, RejectPolicy.lenient());
    }

    /**
     * @param options layout, pointer and limits
     * @param policy what a read does with records it cannot use
     * @return a format that reads with those options and an inferred schema
     * @since 0.1.0
     */
    public static RecordFormat format(JsonOptions options, RejectPolicy policy) {
        return new JsonRecordFormat(Objects.requireNonNull(options, "options"), null,
            Objects.requireNonNull(policy, "policy"));
    }

    /** @return the path as given @since 0.1.0 */
    @Override
    public String name() {
        return name;
    }

    /** @return the file @since 0.1.0 */
    public Path path() {
        return path;
    }

    /** @return the options @since 0.1.0 */
    public JsonOptions options() {
        return options;
    }

    /** @return the declared schema, or empty when it is inferred @since 0.1.0 */
    public Optional<Schema> schema() {
        return Optional.ofNullable(schema);
    }

    /** @return the reject policy @since 0.1.0 */
    public RejectPolicy rejectPolicy() {
        return rejectPolicy;
    }

    /**
     * Reads the whole file.
     *
     * @param listener told how far the read has got, in records and file bytes
     * @return the table, its rejects and a report
     * @throws SourceException if the file cannot be opened or its JSON cannot be parsed
     * @throws io.xtage.core.SchemaException if two fields give the same column name
     * @throws io.xtage.core.RejectedRecordException if the policy is strict and a record is rejected
     * @throws io.xtage.core.TooManyRejectsException if more records are rejected than the policy allows
     * @since 0.1.0
     */
    @Override
    public ReadResult read(ProgressListener listener) {
        Objects.requireNonNull(listener, "listener");
        return FileSources.read(path, name, in -> new JsonReader(name, options, schema, rejectPolicy, factory).read(in, listener));
    }

    @Override
    public String toString() {
        return "JsonSource[" + name + ", " + FileSources.describe(options, schema, rejectPolicy) + "]";
    }

    /**
     * Builds a {@link JsonSource}. Not thread-safe.
     *
     * @since 0.1.0
     */
    public static final class Builder {
        private Path path;
        private JsonOptions options = JsonOptions.DEFAULT;
        private Schema schema;
        private RejectPolicy rejectPolicy = RejectPolicy.lenient();

        private Builder() {
        }

        /** @param file the JSON file, plain or gzip-compressed @return this @since 0.1.0 */
        public Builder path(Path file) {
            this.path = Objects.requireNonNull(file, "path");
            return this;
        }

        /** @param o layout, pointer and limits; {@link JsonOptions#DEFAULT} if not set @return this @since 0.1.0 */
        public Builder options(JsonOptions o) {
            this.options = Objects.requireNonNull(o, "options");
            return this;
        }

        /** @param s the declared schema; inferred from a sample if not set @return this @since 0.1.0 */
        public Builder schema(Schema s) {
            this.schema = Objects.requireNonNull(s, "schema");
            return this;
        }

        /** @param p what a read does with records it cannot use; lenient if not set @return this @since 0.1.0 */
        public Builder rejectPolicy(RejectPolicy p) {
            this.rejectPolicy = Objects.requireNonNull(p, "rejectPolicy");
            return this;
        }

        /**
         * @return the source
         * @throws IllegalStateException if no path was given
         * @since 0.1.0
         */
        public JsonSource build() {
            if (path == null) {
                throw new IllegalStateException("a path is required; call JsonSource.Builder.path(Path)");
            }
            return new JsonSource(this);
        }
    }
}
