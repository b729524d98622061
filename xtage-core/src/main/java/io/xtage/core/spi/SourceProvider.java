package io.xtage.core.spi;

import io.xtage.core.Source;
import java.net.URI;
import java.util.Map;

/**
 * Creates sources of one kind from a URI and options; found with {@link java.util.ServiceLoader}.
 *
 * <p>For people writing sources, not calling them. An implementation has a public no-arg
 * constructor and no state, and is listed in
 * {@code META-INF/services/io.xtage.core.spi.SourceProvider}. Then
 * {@code Sources.forUri(uri, options)} and {@code Sources.forKind(kind, uri, options)} find it.
 *
 * @since 0.1.0
 */
public interface SourceProvider {
    /**
     * @return the kind name, such as {@code csv} or {@code jdbc}; unique among installed providers
     * @since 0.1.0
     */
    String kind();

    /**
     * @param uri a URI
     * @return true if this provider can read it (by scheme, file extension, ...)
     * @since 0.1.0
     */
    boolean supports(URI uri);

    /**
     * @param uri where the data is
     * @param options immutable string options, documented by the provider
     * @return the source
     * @throws IllegalArgumentException for an unknown option or a bad value
     * @since 0.1.0
     */
    Source create(URI uri, Map<String, String> options);

    /**
     * @return the priority when several providers support a URI; higher wins
     * @since 0.1.0
     */
    default int priority() {
        return 0;
    }
}
