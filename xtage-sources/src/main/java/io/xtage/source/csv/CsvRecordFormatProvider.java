package io.xtage.source.csv;

import io.xtage.core.spi.RecordFormat;
import io.xtage.core.spi.RecordFormatProvider;
import java.net.URI;
import java.util.Map;

/**
 * Makes the csv {@link RecordFormat} by name for a transport such as the HTTP source
 * ({@code Sources.format("csv", options)}). Takes the same string options as
 * {@link CsvSourceProvider}, parsed by the same code, so a format and a file source configured
 * alike read alike.
 *
 * @since 0.1.0
 */
public final class CsvRecordFormatProvider implements RecordFormatProvider {
    /** Only gives the option parser a name to check extensions against; never opened. */
    private static final URI BODY = URI.create("body.csv");

    /** For {@link java.util.ServiceLoader}. @since 0.1.0 */
    public CsvRecordFormatProvider() {
    }

    /** @return {@code csv} @since 0.1.0 */
    @Override
    public String name() {
        return "csv";
    }

    /**
     * @param options the options of {@link CsvSourceProvider}
     * @return the format
     * @throws IllegalArgumentException for an unknown option or a bad value
     * @since 0.1.0
     */
    @Override
    public RecordFormat create(Map<String, String> options) {
        CsvSource parsed = (CsvSource) new CsvSourceProvider().create(BODY, options);
        RecordFormat f = CsvSource.format(parsed.options(), parsed.rejectPolicy());
        return parsed.schema().map(f::withSchema).orElse(f);
    }
}
