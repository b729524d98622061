package io.xtage.source.http;

import io.xtage.core.SecretSupplier;
import io.xtage.core.Source;
import io.xtage.core.Sources;
import io.xtage.core.spi.RecordFormat;
import io.xtage.core.spi.SourceProvider;
import io.xtage.source.internal.ProviderOptions;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * Makes {@link HttpSource}s for {@code http} and {@code https} URIs; kind {@code http}.
 *
 * <p>The body's format is named by the option {@code format} ({@code json} or {@code csv}, or any
 * installed {@link io.xtage.core.spi.RecordFormatProvider}); without it, the URI path's extension
 * ({@code .json}, {@code .csv}) names it. Options starting with {@code format.} go to the format
 * without that prefix ({@code format.records_pointer=/items}). The others:
 *
 * <table>
 *   <caption>HTTP options</caption>
 *   <tr><th>option</th><th>value</th></tr>
 *   <tr><td>method</td><td>GET (default) or POST</td></tr>
 *   <tr><td>body, content_type</td><td>the POST body, and its type (default application/json)</td></tr>
 *   <tr><td>header.&lt;Name&gt;</td><td>a request header</td></tr>
 *   <tr><td>token_env / token_file</td><td>bearer token from an environment variable / a file</td></tr>
 *   <tr><td>connect_timeout, request_timeout, max_retry_time, max_retry_after</td>
 *       <td>durations: {@code 300ms}, {@code 10s}, {@code 2m} or ISO-8601 {@code PT10S}</td></tr>
 *   <tr><td>max_attempts, max_pages, jitter_seed</td><td>integers</td></tr>
 *   <tr><td>pagination</td><td>none (default), pages, offset, cursor or link</td></tr>
 *   <tr><td>page_param, first_page, size_param, page_size</td>
 *       <td>for pages: defaults page, 1, per_page; page_size required</td></tr>
 *   <tr><td>offset_param, limit_param, limit</td><td>for offset: defaults offset, limit; limit required</td></tr>
 *   <tr><td>cursor_pointer, cursor_param</td><td>for cursor: pointer required, param default cursor</td></tr>
 * </table>
 *
 * <p>Stateless; has a public no-arg constructor for {@link java.util.ServiceLoader}.
 *
 * @since 0.1.0
 */
public final class HttpSourceProvider implements SourceProvider {
    private static final Set<String> KEYS = Set.of("format", "method", "body", "content_type", "token_env",
        "token_file", "connect_timeout", "request_timeout", "max_retry_time", "max_retry_after", "max_attempts",
        "max_pages", "jitter_seed", "pagination", "page_param", "first_page", "size_param", "page_size",
        "offset_param", "limit_param", "limit", "cursor_pointer", "cursor_param");

    /** Public no-arg constructor for {@link java.util.ServiceLoader}. @since 0.1.0 */
    public HttpSourceProvider() {
    }

    /** @return {@code http} @since 0.1.0 */
    @Override
    public String kind() {
        return "http";
    }

    /** @return true for http and https URIs @since 0.1.0 */
    @Override
    public boolean supports(URI uri) {
        String s = uri.getScheme();
        return s != null && (s.equalsIgnoreCase("http") || s.equalsIgnoreCase("https"));
    }

    /**
     * {@inheritDoc}
     *
     * @throws IllegalArgumentException for an unknown option, a bad value, or no way to tell the format
     * @since 0.1.0
     */
    @Override
    public Source create(URI uri, Map<String, String> options) {
        Objects.requireNonNull(uri, "uri");
        Map<String, String> formatOptions = new LinkedHashMap<>();
        Set<String> unknown = new TreeSet<>();
        options.forEach((k, v) -> {
            if (k.startsWith("format.")) {
                formatOptions.put(k.substring("format.".length()), v);
            } else if (!KEYS.contains(k) && !k.startsWith("header.")) {
                unknown.add(k);
            }
        });
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException("unknown http source option(s) " + unknown + "; known: "
                + new TreeSet<>(KEYS) + ", header.<Name> and format.<option>");
        }
        RecordFormat format = Sources.format(formatName(uri, options), formatOptions);
        return HttpSource.builder().uri(uri).format(format).options(options(options)).build();
    }

    private static String formatName(URI uri, Map<String, String> options) {
        String f = options.get("format");
        if (f != null) {
            return f.trim().toLowerCase(Locale.ROOT);
        }
        String path = uri.getPath() == null ? "" : uri.getPath().toLowerCase(Locale.ROOT);
        if (path.endsWith(".json")) {
            return "json";
        }
        if (path.endsWith(".csv")) {
            return "csv";
        }
        throw new IllegalArgumentException("cannot tell the format of " + Uris.name(uri)
            + "; set the option format=json or format=csv");
    }

    static HttpOptions options(Map<String, String> o) {
        HttpOptions.Builder b = HttpOptions.builder();
        String method = o.getOrDefault("method", "GET").trim().toUpperCase(Locale.ROOT);
        if (method.equals("POST")) {
            b.post(o.getOrDefault("body", ""), o.getOrDefault("content_type", "application/json"));
        } else if (!method.equals("GET")) {
            throw ProviderOptions.invalid("method", "GET or POST", method);
        } else if (o.containsKey("body")) {
            throw new IllegalArgumentException("option body needs method=POST");
        }
        o.forEach((k, v) -> {
            if (k.startsWith("header.")) {
                b.header(k.substring("header.".length()), v);
            }
        });
        if (o.containsKey("token_env") && o.containsKey("token_file")) {
            throw new IllegalArgumentException("options token_env and token_file both set; keep one");
        }
        if (o.containsKey("token_env")) {
            b.bearerToken(SecretSupplier.env(o.get("token_env")));
        }
        if (o.containsKey("token_file")) {
            b.bearerToken(SecretSupplier.file(Path.of(o.get("token_file"))));
        }
        if (o.containsKey("connect_timeout")) {
            b.connectTimeout(duration(o, "connect_timeout"));
        }
        if (o.containsKey("request_timeout")) {
            b.requestTimeout(duration(o, "request_timeout"));
        }
        if (o.containsKey("max_retry_time")) {
            b.maxRetryTime(duration(o, "max_retry_time"));
        }
        if (o.containsKey("max_retry_after")) {
            b.maxRetryAfter(duration(o, "max_retry_after"));
        }
        if (o.containsKey("max_attempts")) {
            b.maxAttempts(integer(o, "max_attempts"));
        }
        if (o.containsKey("max_pages")) {
            b.maxPages(integer(o, "max_pages"));
        }
        if (o.containsKey("jitter_seed")) {
            b.jitterSeed(integer(o, "jitter_seed"));
        }
        b.pagination(pagination(o));
        return b.build();
    }

    private static Pagination pagination(Map<String, String> o) {
        String kind = o.getOrDefault("pagination", "none").trim().toLowerCase(Locale.ROOT);
        switch (kind) {
            case "none":
                return Pagination.none();
            case "pages":
                return Pagination.pages(o.getOrDefault("page_param", "page"),
                    o.containsKey("first_page") ? integer(o, "first_page") : 1,
                    o.getOrDefault("size_param", "per_page"),
                    required(o, "page_size", kind));
            case "offset":
                return Pagination.offset(o.getOrDefault("offset_param", "offset"),
                    o.getOrDefault("limit_param", "limit"),
                    required(o, "limit", kind));
            case "cursor":
                if (!o.containsKey("cursor_pointer")) {
                    throw new IllegalArgumentException("pagination=cursor needs the option cursor_pointer "
                        + "(a JSON Pointer such as /next_cursor)");
                }
                return Pagination.cursor(o.get("cursor_pointer"), o.getOrDefault("cursor_param", "cursor"));
            case "link":
                return Pagination.linkHeader();
            default:
                throw ProviderOptions.invalid("pagination", "none, pages, offset, cursor or link", kind);
        }
    }

    private static int required(Map<String, String> o, String key, String kind) {
        if (!o.containsKey(key)) {
            throw new IllegalArgumentException("pagination=" + kind + " needs the option " + key);
        }
        return integer(o, key);
    }

    private static int integer(Map<String, String> o, String key) {
        return ProviderOptions.integer(key, o.get(key));
    }

    private static Duration duration(Map<String, String> o, String key) {
        return ProviderOptions.duration(key, o.get(key));
    }
}
