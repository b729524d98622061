package io.xtage.source.json;

import io.xtage.core.spi.RecordFormat;
import io.xtage.core.spi.RecordFormatProvider;
import java.net.URI;
import java.util.Map;

/**
 * Makes the json {@link RecordFormat} by name for a transport such as the HTTP source
 * ({@code Sources.format("json", options)}). Takes the same string options as
 * {@link JsonSourceProvider}, parsed by the same code, so a format and a file source configured
 * alike read alike.
 *
 * @since 0.1.0
 */
public final class JsonRecordFormatProvider implements RecordFormatProvider {
    /** Only gives the option parser a name to check extensions against; never opened. */
    private static final URI BODY = URI.create("body.json");

    /** For {@link java.util.ServiceLoader}. @since 0.1.0 */
    public JsonRecordFormatProvider() {
    }

    /** @return {@code json} @since 0.1.0 */
    @Override
    public String name() {
        return "json";
    }

    /**
     * @param options the options of {@link JsonSourceProvider}
     * @return the format
     * @throws IllegalArgumentException for an unknown option or a bad value
     * @since 0.1.0
     */
    @Override
    public RecordFormat create(Map<String, String> options) {
        JsonSource parsed = (JsonSource) new JsonSourceProvider().create(BODY, options);
        RecordFormat f = JsonSource.format(parsed.options(), parsed.rejectPolicy());
        return parsed.schema().map(f::withSchema).orElse(f);
    }
}
