package io.xtage.source.http;

import io.xtage.core.ProgressListener;
import io.xtage.core.ReadResult;
import io.xtage.core.Source;
import io.xtage.core.spi.RecordFormat;
import java.net.URI;
import java.net.http.HttpClient;
import java.util.Locale;
import java.util.Objects;

/**
 * A source that fetches bytes over HTTP and hands each body to a {@link RecordFormat} (the CSV or
 * JSON format): transport here, parsing there.
 *
 * <pre>{@code
 * Source products = HttpSource.builder()
 *     .uri(URI.create("https://api.example.com/v1/products"))
 *     .format(JsonSource.format(JsonOptions.builder().recordsPointer("/items").build()))
 *     .options(HttpOptions.builder()
 *         .bearerToken(SecretSupplier.env("XTAGE_API_TOKEN"))
 *         .pagination(Pagination.cursor("/next_cursor", "cursor"))
 *         .build())
 *     .build();
 * ReadResult r = products.read();
 * }</pre>
 *
 * <p>Each {@link #read()} sends its own requests: it reads the token, fetches the pages one by one
 * (asking for gzip), reads page 1 with the format as given and later pages with the format bound
 * to page 1's schema, and concatenates them into one table. Rejects are numbered across pages
 * (line numbers stay those within the page); the report sums rows, rejects, missing values and
 * bytes, and keeps the date formats of the first page that had the column's values.
 * {@link HttpOptions} says what is retried. The reject policy is the format's and applies to
 * each page.
 *
 * <p>{@link #name()} is the URI without user info, fragment or secret query parameters
 * ({@code api_key}, {@code token}, ...). Tokens never appear in a message or log line: error
 * bodies are cut to their first {@value #ERROR_BODY_BYTES} bytes and have the token, anything
 * after {@code Bearer } and every secret query value replaced by {@code [redacted]}.
 *
 * <p>Immutable and thread-safe; reads may run concurrently.
 *
 * @since 0.1.0
 */
public final class HttpSource implements Source {
    /**
     * Bytes of an error response kept in the exception: 512, enough for the JSON error object of
     * most APIs, cut (like {@code Texts.MAX_RAW} for values) so an HTML error page does not flood
     * the message.
     */
    public static final int ERROR_BODY_BYTES = 512;

    private final URI uri;
    private final RecordFormat format;
    private final HttpOptions options;
    private final String name;
    private final HttpClient client;

    private HttpSource(Builder b) {
        this.uri = b.uri;
        this.format = b.format;
        this.options = b.options;
        this.name = Uris.name(uri);
        // Redirects would carry the token or a secret header to wherever they point, so they are
        // followed only when the request carries no credentials.
        boolean credentials = options.bearerToken().isPresent()
            || options.headers().keySet().stream().anyMatch(HttpRead::isSecretHeader);
        this.client = HttpClient.newBuilder().connectTimeout(options.connectTimeout())
            .followRedirects(credentials ? HttpClient.Redirect.NEVER : HttpClient.Redirect.NORMAL).build();
    }

    /** @return a builder @since 0.1.0 */
    public static Builder builder() {
        return new Builder();
    }

    /** @return the URI without user info, fragment or secret query parameters @since 0.1.0 */
    @Override
    public String name() {
        return name;
    }

    /** @return the format each body is read with @since 0.1.0 */
    public RecordFormat format() {
        return format;
    }

    /** @return the options @since 0.1.0 */
    public HttpOptions options() {
        return options;
    }

    /**
     * {@inheritDoc}
     *
     * @throws io.xtage.core.SourceException if a request fails and is not (or no longer) retried,
     *     with {@link io.xtage.core.SourceException#httpStatus()} for an error status and the
     *     earlier failed attempts as suppressed exceptions; if the token cannot be read; if the
     *     pages pass {@link HttpOptions#maxPages()}
     * @throws io.xtage.core.SchemaException if a later page's columns differ from page 1's
     * @since 0.1.0
     */
    @Override
    public ReadResult read(ProgressListener listener) {
        return new HttpRead(this, Objects.requireNonNull(listener, "listener")).run();
    }

    URI uri() {
        return uri;
    }

    HttpClient client() {
        return client;
    }

    @Override
    public String toString() {
        return "HttpSource[" + name + ", format " + format.name() + ", " + options + "]";
    }

    /**
     * Builds an {@link HttpSource}. Not thread-safe.
     *
     * @since 0.1.0
     */
    public static final class Builder {
        private URI uri;
        private RecordFormat format;
        private HttpOptions options = HttpOptions.DEFAULTS;

        private Builder() {
        }

        /** @param u an http or https URI without user info @return this @since 0.1.0 */
        public Builder uri(URI u) {
            this.uri = Objects.requireNonNull(u, "uri");
            return this;
        }

        /** @param f the format each body is read with @return this @since 0.1.0 */
        public Builder format(RecordFormat f) {
            this.format = Objects.requireNonNull(f, "format");
            return this;
        }

        /** @param o the options; {@link HttpOptions#DEFAULTS} when not set @return this @since 0.1.0 */
        public Builder options(HttpOptions o) {
            this.options = Objects.requireNonNull(o, "options");
            return this;
        }

        /**
         * @return the source
         * @throws IllegalStateException if the URI or the format is not set
         * @throws IllegalArgumentException if the URI is not http or https, has no host, or has user info
         * @since 0.1.0
         */
        public HttpSource build() {
            if (uri == null) {
                throw new IllegalStateException("no URI; call HttpSource.Builder.uri(URI)");
            }
            if (format == null) {
                throw new IllegalStateException("no format; call HttpSource.Builder.format(RecordFormat), for "
                    + "example with JsonSource.format(...) or CsvSource.format(...)");
            }
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!scheme.equals("http") && !scheme.equals("https")) {
                throw new IllegalArgumentException("HttpSource needs an http or https URI, not " + Uris.name(uri));
            }
            if (uri.getHost() == null) {
                throw new IllegalArgumentException("URI " + Uris.name(uri) + " has no host");
            }
            if (uri.getRawUserInfo() != null) {
                throw new IllegalArgumentException("URI " + Uris.name(uri) + " has user info (not shown); credentials "
                    + "in URIs are not supported, use HttpOptions.Builder.bearerToken or a header");
            }
            return new HttpSource(this);
        }
    }
}
