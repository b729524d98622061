package io.xtage.source.csv;

import io.xtage.core.ProgressListener;
import io.xtage.core.ReadResult;
import io.xtage.core.RejectPolicy;
import io.xtage.core.schema.Schema;
import io.xtage.core.spi.RecordFormat;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Small helpers for reading inline CSV text. */
final class CsvFixtures {
    static final String NAME = "inline.csv";

    private CsvFixtures() {
    }

    static ReadResult read(String text) {
        return read(text, CsvOptions.DEFAULT);
    }

    static ReadResult read(String text, CsvOptions options) {
        return read(text.getBytes(StandardCharsets.UTF_8), options, null, RejectPolicy.lenient());
    }

    static ReadResult read(String text, Schema schema) {
        return read(text.getBytes(StandardCharsets.UTF_8), CsvOptions.DEFAULT, schema, RejectPolicy.lenient());
    }

    static ReadResult read(byte[] bytes, CsvOptions options, Schema schema, RejectPolicy policy) {
        RecordFormat f = CsvSource.format(options, policy);
        if (schema != null) {
            f = f.withSchema(schema);
        }
        return f.read(NAME, new ByteArrayInputStream(bytes), ProgressListener.NONE);
    }

    static Path write(Path dir, String name, String text) {
        return write(dir, name, text.getBytes(StandardCharsets.UTF_8));
    }

    static Path write(Path dir, String name, byte[] bytes) {
        try {
            return Files.write(dir.resolve(name), bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
