package io.xtage.source.csv;

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
 * A CSV file read into a table, record by record, with Apache Commons CSV.
 *
 * <p>The schema is declared, or inferred from the first {@link CsvOptions#sampleRows()} records
 * (only those are buffered; the rest stream through). With a header row, declared columns are
 * matched to header names (in snake_case unless that is switched off) and header columns the
 * schema does not name are left out; without one, they are matched by position. A file that
 * starts with the gzip magic bytes is decompressed on the fly.
 *
 * <p>Bad data never ends a read silently: a record with too few or too many fields is left out
 * with a {@link io.xtage.core.RejectKind#SHAPE SHAPE} reject carrying its record and line numbers;
 * a value that does not fit its column becomes missing with a
 * {@link io.xtage.core.RejectKind#TYPE TYPE} reject. Text that cannot be parsed at all (a quote
 * that is never closed, bytes that are not valid in the charset, a truncated gzip stream) fails
 * the read with a {@link SourceException} naming the source, record and line.
 *
 * <p>Immutable and thread-safe; each {@link #read(ProgressListener)} opens and closes the file.
 *
 * <pre>{@code
 * ReadResult r = CsvSource.builder()
 *     .path(Path.of("data/sales_data.csv"))
 *     .options(CsvOptions.DEFAULT)
 *     .rejectPolicy(RejectPolicy.maxRows(100))
 *     .build()
 *     .read();
 * }</pre>
 *
 * @since 0.1.0
 */
public final class CsvSource implements Source {
    private final Path path;
    private final String name;
    private final CsvOptions options;
    private final Schema schema;
    private final RejectPolicy rejectPolicy;

    private CsvSource(Builder b) {
        this.path = b.path;
        this.name = b.path.toString();
        this.options = b.options;
        this.schema = b.schema;
        this.rejectPolicy = b.rejectPolicy;
    }

    /** @return a builder; {@link Builder#path(Path)} is required @since 0.1.0 */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * A CSV reader for bytes that come from elsewhere (an HTTP body, say), with a lenient policy.
     *
     * @param options the dialect and limits
     * @return a format that reads with those options and an inferred schema
     * @since 0.1.0
     */
    public static RecordFormat format(CsvOptions options) {
        return format(options, RejectPolicy.lenient());
    }

    /**
     * @param options the dialect and limits
     * @param policy what a read does with rows it cannot use
     * @return a format that reads with those options and an inferred schema
     * @since 0.1.0
     */
    public static RecordFormat format(CsvOptions options, RejectPolicy policy) {
        return new CsvRecordFormat(Objects.requireNonNull(options, "options"), null,
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
    public CsvOptions options() {
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
     * @throws SourceException if the file cannot be opened or its text cannot be parsed
     * @throws io.xtage.core.SchemaException if the header does not fit the declared schema or two
     *     headers have the same snake_case name
     * @throws io.xtage.core.RejectedRecordException if the policy is strict and a record is rejected
     * @throws io.xtage.core.TooManyRejectsException if more records are rejected than the policy allows
     * @since 0.1.0
     */
    @Override
    public ReadResult read(ProgressListener listener) {
        Objects.requireNonNull(listener, "listener");
        return FileSources.read(path, name, in -> new CsvReader(name, options, schema, rejectPolicy).read(in, listener));
    }

    @Override
    public String toString() {
        return "CsvSource[" + name + ", " + FileSources.describe(options, schema, rejectPolicy) + "]";
    }

    /**
     * Builds a {@link CsvSource}. Not thread-safe.
     *
     * @since 0.1.0
     */
    public static final class Builder {
        private Path path;
        private CsvOptions options = CsvOptions.DEFAULT;
        private Schema schema;
        private RejectPolicy rejectPolicy = RejectPolicy.lenient();

        private Builder() {
        }

        /** @param file the CSV file, plain or gzip-compressed @return this @since 0.1.0 */
        public Builder path(Path file) {
            this.path = Objects.requireNonNull(file, "path");
            return this;
        }

        /** @param o the dialect and limits; {@link CsvOptions#DEFAULT} if not set @return this @since 0.1.0 */
        public Builder options(CsvOptions o) {
            this.options = Objects.requireNonNull(o, "options");
            return this;
        }

        /** @param s the declared schema; inferred from a sample if not set @return this @since 0.1.0 */
        public Builder schema(Schema s) {
            this.schema = Objects.requireNonNull(s, "schema");
            return this;
        }

        /** @param p what a read does with rows it cannot use; lenient if not set @return this @since 0.1.0 */
        public Builder rejectPolicy(RejectPolicy p) {
            this.rejectPolicy = Objects.requireNonNull(p, "rejectPolicy");
            return this;
        }

        /**
         * @return the source
         * @throws IllegalStateException if no path was given
         * @since 0.1.0
         */
        public CsvSource build() {
            if (path == null) {
                throw new IllegalStateException("a path is required; call CsvSource.Builder.path(Path)");
            }
            return new CsvSource(this);
        }
    }
}
