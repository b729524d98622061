package io.xtage.core;

import io.xtage.core.spi.RecordFormat;
import io.xtage.core.spi.RecordFormatProvider;
import io.xtage.core.spi.SourceProvider;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.ServiceLoader;
import java.util.TreeSet;

/**
 * Opens sources through the installed {@link SourceProvider}s, and finds record formats through
 * the installed {@link RecordFormatProvider}s. The only caller of {@link ServiceLoader}; discovery
 * runs when called, never in a static initialiser.
 *
 * <pre>{@code
 * Source s = Sources.forUri(URI.create("file:///data/sales.csv"), Map.of("delimiter", ";"));
 * Source t = Sources.forKind("csv", URI.create("file:///data/sales.txt"), Map.of());
 * }</pre>
 *
 * @since 0.1.0
 */
public final class Sources {
    private Sources() {
    }

    /**
     * @return the installed providers, found with the context class loader
     * @since 0.1.0
     */
    public static List<SourceProvider> providers() {
        List<SourceProvider> out = new ArrayList<>();
        for (SourceProvider p : ServiceLoader.load(SourceProvider.class, loader())) {
            out.add(p);
        }
        return out;
    }

    /**
     * @return the installed record format providers, found with the context class loader
     * @since 0.1.0
     */
    public static List<RecordFormatProvider> formatProviders() {
        List<RecordFormatProvider> out = new ArrayList<>();
        for (RecordFormatProvider p : ServiceLoader.load(RecordFormatProvider.class, loader())) {
            out.add(p);
        }
        return out;
    }

    /**
     * Finds a record format by name, for transports that are told the format in an option.
     *
     * @param name a format name, such as {@code json} or {@code csv}
     * @param options immutable options for the format
     * @return the format made by the provider of that name
     * @throws IllegalArgumentException if no provider has that name (listing the installed names),
     *     or the provider rejects an option
     * @since 0.1.0
     */
    public static RecordFormat format(String name, Map<String, String> options) {
        Objects.requireNonNull(name, "name");
        List<RecordFormatProvider> all = formatProviders();
        TreeSet<String> names = new TreeSet<>();
        for (RecordFormatProvider p : all) {
            if (p.name().equals(name)) {
                return p.create(Map.copyOf(options));
            }
            names.add(p.name());
        }
        throw new IllegalArgumentException("no installed record format named '" + name + "'; installed formats: "
            + (names.isEmpty() ? "none" : String.join(", ", names)));
    }

    private static ClassLoader loader() {
        ClassLoader cl = Thread.currentThread().getContextClassLoader();
        return cl == null ? Sources.class.getClassLoader() : cl;
    }

    /**
     * @param uri where the data is
     * @param options immutable options for the provider
     * @return a source from the provider with the highest priority that supports the URI
     * @throws SourceException if no provider supports it (listing the installed kinds), or two tie
     * @since 0.1.0
     */
    public static Source forUri(URI uri, Map<String, String> options) {
        Objects.requireNonNull(uri, "uri");
        Objects.requireNonNull(options, "options");
        List<SourceProvider> all = providers();
        SourceProvider best = null;
        SourceProvider tie = null;
        for (SourceProvider p : all) {
            if (!p.supports(uri)) {
                continue;
            }
            if (best == null || p.priority() > best.priority()) {
                best = p;
                tie = null;
            } else if (p.priority() == best.priority()) {
                tie = p;
            }
        }
        if (best == null) {
            throw new SourceException(uri.toString(), "no installed source supports this URI; installed kinds: "
                + kinds(all), null);
        }
        if (tie != null) {
            throw new SourceException(uri.toString(), "two source providers tie at priority " + best.priority() + ": "
                + best.getClass().getName() + " and " + tie.getClass().getName(), null);
        }
        return best.create(uri, Map.copyOf(options));
    }

    /**
     * @param kind a provider's kind name, such as {@code csv}
     * @param uri where the data is
     * @param options immutable options for the provider
     * @return a source from the provider of that kind
     * @throws SourceException if no provider has that kind (listing the installed kinds)
     * @since 0.1.0
     */
    public static Source forKind(String kind, URI uri, Map<String, String> options) {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(uri, "uri");
        Objects.requireNonNull(options, "options");
        List<SourceProvider> all = providers();
        for (SourceProvider p : all) {
            if (p.kind().equals(kind)) {
                return p.create(uri, Map.copyOf(options));
            }
        }
        throw new SourceException(String.valueOf(uri), "no installed source of kind '" + kind + "'; installed kinds: "
            + kinds(all), null);
    }

    private static String kinds(List<SourceProvider> all) {
        TreeSet<String> k = new TreeSet<>();
        all.forEach(p -> k.add(p.kind()));
        return k.isEmpty() ? "none" : String.join(", ", k);
    }
}
