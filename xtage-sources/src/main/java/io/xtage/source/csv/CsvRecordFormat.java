package io.xtage.source.csv;

import io.xtage.core.ProgressListener;
import io.xtage.core.ReadResult;
import io.xtage.core.RejectPolicy;
import io.xtage.core.schema.Schema;
import io.xtage.core.spi.RecordFormat;
import io.xtage.source.internal.FileSources;
import java.io.InputStream;
import java.util.Objects;

/** CSV as a {@link RecordFormat}, for transports such as HTTP. Immutable and thread-safe. */
final class CsvRecordFormat implements RecordFormat {
    private final CsvOptions options;
    private final Schema schema;
    private final RejectPolicy policy;

    CsvRecordFormat(CsvOptions options, Schema schema, RejectPolicy policy) {
        this.options = options;
        this.schema = schema;
        this.policy = policy;
    }

    @Override
    public String name() {
        return "csv";
    }

    @Override
    public ReadResult read(String sourceName, InputStream in, ProgressListener listener) {
        Objects.requireNonNull(sourceName, "sourceName");
        Objects.requireNonNull(in, "in");
        Objects.requireNonNull(listener, "listener");
        return new CsvReader(sourceName, options, schema, policy).read(in, listener);
    }

    @Override
    public RecordFormat withSchema(Schema s) {
        return new CsvRecordFormat(options, Objects.requireNonNull(s, "schema"), policy);
    }

    @Override
    public String toString() {
        return "CsvRecordFormat[" + FileSources.describe(options, schema, policy) + "]";
    }
}
