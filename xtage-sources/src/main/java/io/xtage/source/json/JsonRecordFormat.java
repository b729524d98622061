package io.xtage.source.json;

import com.fasterxml.jackson.core.JsonFactory;
import io.xtage.core.ProgressListener;
import io.xtage.core.ReadResult;
import io.xtage.core.RejectPolicy;
import io.xtage.core.schema.Schema;
import io.xtage.core.spi.RecordFormat;
import io.xtage.source.internal.FileSources;
import java.io.InputStream;
import java.util.Objects;

/** JSON as a {@link RecordFormat}, for transports such as HTTP. Immutable and thread-safe. */
final class JsonRecordFormat implements RecordFormat {
    private final JsonOptions options;
    private final Schema schema;
    private final RejectPolicy policy;
    private final JsonFactory factory;

    JsonRecordFormat(JsonOptions options, Schema schema, RejectPolicy policy) {
        this.options = options;
        this.schema = schema;
        this.policy = policy;
        this.factory = JsonReader.factory(options);
    }

    @Override
    public String name() {
        return "json";
    }

    @Override
    public ReadResult read(String sourceName, InputStream in, ProgressListener listener) {
        Objects.requireNonNull(sourceName, "sourceName");
        Objects.requireNonNull(in, "in");
        Objects.requireNonNull(listener, "listener");
        return new JsonReader(sourceName, options, schema, policy, factory).read(in, listener);
    }

    @Override
    public RecordFormat withSchema(Schema s) {
        return new JsonRecordFormat(options, Objects.requireNonNull(s, "schema"), policy);
    }

    @Override
    public String toString() {
        return "JsonRecordFormat[" + FileSources.describe(options, schema, policy) + "]";
    }
}
