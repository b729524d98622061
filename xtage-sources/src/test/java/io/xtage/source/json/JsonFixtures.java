package io.xtage.source.json;

import io.xtage.core.ProgressListener;
import io.xtage.core.ReadResult;
import io.xtage.core.RejectPolicy;
import io.xtage.core.schema.Schema;
import io.xtage.core.spi.RecordFormat;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.function.Function;

/** Small helpers for reading inline JSON text. */
final class JsonFixtures {
    static final String NAME = "inline.json";

    private JsonFixtures() {
    }

    static ReadResult read(String json) {
        return read(json, JsonOptions.DEFAULT);
    }

    static ReadResult read(String json, JsonOptions options) {
        return read(utf8(json), options, null, RejectPolicy.lenient(), ByteArrayInputStream::new);
    }

    static ReadResult read(String json, Schema schema) {
        return read(utf8(json), JsonOptions.DEFAULT, schema, RejectPolicy.lenient(), ByteArrayInputStream::new);
    }

    static ReadResult read(byte[] bytes, JsonOptions options, Schema schema, RejectPolicy policy,
                           Function<byte[], InputStream> how) {
        RecordFormat f = JsonSource.format(options, policy);
        if (schema != null) {
            f = f.withSchema(schema);
        }
        return f.read(NAME, how.apply(bytes), ProgressListener.NONE);
    }

    static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
