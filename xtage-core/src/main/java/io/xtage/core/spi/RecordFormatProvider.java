package io.xtage.core.spi;

import java.util.Map;

/**
 * Creates a {@link RecordFormat} by name from string options; found with
 * {@link java.util.ServiceLoader} through {@link io.xtage.core.Sources#format(String, Map)}.
 *
 * <p>This lets a transport (the HTTP source provider) pick the CSV or JSON format from an option
 * such as {@code format=json} without importing the package that implements it. An
 * implementation has a public no-arg constructor and no state, and is listed in
 * {@code META-INF/services/io.xtage.core.spi.RecordFormatProvider}.
 *
 * @since 0.1.0
 */
public interface RecordFormatProvider {
    /**
     * @return the format name, such as {@code csv} or {@code json}; unique among installed providers
     * @since 0.1.0
     */
    String name();

    /**
     * @param options immutable string options of the format, documented by the provider
     * @return the format
     * @throws IllegalArgumentException for an unknown option or a bad value
     * @since 0.1.0
     */
    RecordFormat create(Map<String, String> options);
}
