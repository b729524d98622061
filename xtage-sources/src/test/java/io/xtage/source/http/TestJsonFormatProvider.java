package io.xtage.source.http;

import io.xtage.core.spi.RecordFormat;
import io.xtage.core.spi.RecordFormatProvider;
import io.xtage.source.json.JsonOptions;
import io.xtage.source.json.JsonSource;
import java.util.Map;

/**
 * A test-only format provider, registered in the test resources, so that the provider tests do not
 * depend on whether the JSON package registers its own.
 */
public final class TestJsonFormatProvider implements RecordFormatProvider {
    static final String NAME = "xtage-test-json";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public RecordFormat create(Map<String, String> options) {
        JsonOptions.Builder b = JsonOptions.builder();
        options.forEach((k, v) -> {
            if (k.equals("pointer")) {
                b.pointer(v);
            } else {
                throw new IllegalArgumentException("unknown option " + k);
            }
        });
        return JsonSource.format(b.build());
    }
}
