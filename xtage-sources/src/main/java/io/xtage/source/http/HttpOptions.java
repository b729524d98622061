package io.xtage.source.http;

import io.xtage.core.SecretSupplier;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * How an {@link HttpSource} talks to a server: method and body, headers, bearer-token auth,
 * timeouts, retries and pagination. Holds no URI and no open resource.
 *
 * <p>Immutable and thread-safe. {@link #toString()} shows header names but not their values, and
 * the token's supplier but never the token.
 *
 * <pre>{@code
 * HttpOptions o = HttpOptions.builder()
 *     .bearerToken(SecretSupplier.env("XTAGE_API_TOKEN"))
 *     .requestTimeout(Duration.ofSeconds(30))
 *     .pagination(Pagination.cursor("/next_cursor", "cursor"))
 *     .build();
 * }</pre>
 *
 * <p>Retries (only for GET, which is idempotent; a POST is sent once): on a connection failure or
 * a timeout before a response, on a body cut short, and on statuses 429, 502, 503 and 504. The
 * wait is {@code Retry-After} when the server sends one (seconds or an HTTP date; a wait longer
 * than {@link #maxRetryAfter()} is not honoured and the read fails), otherwise exponential backoff
 * with full jitter. A request is tried at most {@link #maxAttempts()} times and no retry starts
 * after {@link #maxRetryTime()}. A 401 re-reads the token once and tries again once.
 *
 * @since 0.1.0
 */
public final class HttpOptions {
    /**
     * Connect timeout: 10 s, OkHttp's default ({@code OkHttpClient.Builder.connectTimeout}); the
     * JDK's HttpClient has none and would wait for the operating system's TCP timeout.
     */
    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(10);

    /**
     * Request timeout: 60 s until the response headers arrive, and the longest pause between two
     * body chunks. Chosen (the JDK has none): long enough for an API that computes a page before
     * answering, short enough that a hung server fails the read within a minute.
     */
    public static final Duration DEFAULT_REQUEST_TIMEOUT = Duration.ofSeconds(60);

    /** Attempts per request, the first included: 3, the AWS SDKs' standard retry mode default. */
    public static final int DEFAULT_MAX_ATTEMPTS = 3;

    /**
     * Most attempts that can be configured: 10. Chosen: with backoff doubling from 100 ms, the tenth
     * attempt already waits up to the 20 s cap; more attempts only hide an outage.
     */
    public static final int MAX_MAX_ATTEMPTS = 10;

    /**
     * First backoff bound: 100 ms, the AWS SDKs' standard retry base delay
     * ({@code @aws-sdk/middleware-retry} {@code DEFAULT_RETRY_DELAY_BASE}).
     */
    public static final Duration DEFAULT_INITIAL_BACKOFF = Duration.ofMillis(100);

    /**
     * Largest backoff bound: 20 s, the AWS SDKs' standard retry cap
     * ({@code @aws-sdk/middleware-retry} {@code MAXIMUM_RETRY_DELAY}).
     */
    public static final Duration DEFAULT_MAX_BACKOFF = Duration.ofSeconds(20);

    /**
     * Longest {@code Retry-After} that is honoured: 120 s. Chosen: a server asking for a longer
     * pause is down for maintenance or wants the client gone, and a batch read should fail and say
     * so rather than sleep.
     */
    public static final Duration DEFAULT_MAX_RETRY_AFTER = Duration.ofSeconds(120);

    /**
     * Time after which no retry of one request starts: 5 min. Chosen: the sum of the default
     * waits (two backoffs of at most 20 s, or two Retry-After of at most 120 s) fits, a stuck read
     * does not.
     */
    public static final Duration DEFAULT_MAX_RETRY_TIME = Duration.ofMinutes(5);

    /**
     * Most pages one read follows: 10,000. Chosen: at 100 records a page that is a million rows;
     * an API that keeps returning a next page beyond that is more likely looping than that large.
     */
    public static final int DEFAULT_MAX_PAGES = 10_000;

    /** The options with every default: GET, no headers, no auth, no pagination. */
    public static final HttpOptions DEFAULTS = builder().build();

    private final String method;
    private final String body;
    private final String contentType;
    private final Map<String, String> headers;
    private final SecretSupplier bearerToken;
    private final Duration connectTimeout;
    private final Duration requestTimeout;
    private final int maxAttempts;
    private final Duration initialBackoff;
    private final Duration maxBackoff;
    private final Duration maxRetryAfter;
    private final Duration maxRetryTime;
    private final Long jitterSeed;
    private final Pagination pagination;
    private final int maxPages;

    private HttpOptions(Builder b) {
        this.method = b.method;
        this.body = b.body;
        this.contentType = b.contentType;
        this.headers = Collections.unmodifiableMap(new LinkedHashMap<>(b.headers));
        this.bearerToken = b.bearerToken;
        this.connectTimeout = b.connectTimeout;
        this.requestTimeout = b.requestTimeout;
        this.maxAttempts = b.maxAttempts;
        this.initialBackoff = b.initialBackoff;
        this.maxBackoff = b.maxBackoff;
        this.maxRetryAfter = b.maxRetryAfter;
        this.maxRetryTime = b.maxRetryTime;
        this.jitterSeed = b.jitterSeed;
        this.pagination = b.pagination;
        this.maxPages = b.maxPages;
    }

    /** @return a builder with the defaults @since 0.1.0 */
    public static Builder builder() {
        return new Builder();
    }

    /** @return a builder holding these options @since 0.1.0 */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.method = method;
        b.body = body;
        b.contentType = contentType;
        b.headers.putAll(headers);
        b.bearerToken = bearerToken;
        b.connectTimeout = connectTimeout;
        b.requestTimeout = requestTimeout;
        b.maxAttempts = maxAttempts;
        b.initialBackoff = initialBackoff;
        b.maxBackoff = maxBackoff;
        b.maxRetryAfter = maxRetryAfter;
        b.maxRetryTime = maxRetryTime;
        b.jitterSeed = jitterSeed;
        b.pagination = pagination;
        b.maxPages = maxPages;
        return b;
    }

    /** @return {@code GET} or {@code POST} @since 0.1.0 */
    public String method() {
        return method;
    }

    /** @return the POST body, empty for GET @since 0.1.0 */
    public Optional<String> body() {
        return Optional.ofNullable(body);
    }

    /** @return the POST body's content type, empty for GET @since 0.1.0 */
    public Optional<String> contentType() {
        return Optional.ofNullable(contentType);
    }

    /** @return extra request headers in order, unmodifiable @since 0.1.0 */
    public Map<String, String> headers() {
        return headers;
    }

    /** @return where the bearer token is read from, if the requests are authenticated @since 0.1.0 */
    public Optional<SecretSupplier> bearerToken() {
        return Optional.ofNullable(bearerToken);
    }

    /** @return the connect timeout @since 0.1.0 */
    public Duration connectTimeout() {
        return connectTimeout;
    }

    /** @return the time allowed until the response headers, and between two body chunks @since 0.1.0 */
    public Duration requestTimeout() {
        return requestTimeout;
    }

    /** @return attempts per request, the first included @since 0.1.0 */
    public int maxAttempts() {
        return maxAttempts;
    }

    /** @return the first backoff bound @since 0.1.0 */
    public Duration initialBackoff() {
        return initialBackoff;
    }

    /** @return the largest backoff bound @since 0.1.0 */
    public Duration maxBackoff() {
        return maxBackoff;
    }

    /** @return the longest Retry-After that is honoured @since 0.1.0 */
    public Duration maxRetryAfter() {
        return maxRetryAfter;
    }

    /** @return the time after which no retry of one request starts @since 0.1.0 */
    public Duration maxRetryTime() {
        return maxRetryTime;
    }

    /** @return the seed of the backoff jitter, when fixed (for tests) @since 0.1.0 */
    public OptionalLong jitterSeed() {
        return jitterSeed == null ? OptionalLong.empty() : OptionalLong.of(jitterSeed);
    }

    /** @return how pages are followed @since 0.1.0 */
    public Pagination pagination() {
        return pagination;
    }

    /** @return the most pages one read follows @since 0.1.0 */
    public int maxPages() {
        return maxPages;
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof HttpOptions)) {
            return false;
        }
        HttpOptions x = (HttpOptions) o;
        return method.equals(x.method) && Objects.equals(body, x.body) && Objects.equals(contentType, x.contentType)
            && headers.equals(x.headers) && Objects.equals(bearerToken, x.bearerToken)
            && connectTimeout.equals(x.connectTimeout) && requestTimeout.equals(x.requestTimeout)
            && maxAttempts == x.maxAttempts && initialBackoff.equals(x.initialBackoff)
            && maxBackoff.equals(x.maxBackoff) && maxRetryAfter.equals(x.maxRetryAfter)
            && maxRetryTime.equals(x.maxRetryTime) && Objects.equals(jitterSeed, x.jitterSeed)
            && pagination.equals(x.pagination) && maxPages == x.maxPages;
    }

    @Override
    public int hashCode() {
        return Objects.hash(method, body, contentType, headers, bearerToken, connectTimeout, requestTimeout,
            maxAttempts, initialBackoff, maxBackoff, maxRetryAfter, maxRetryTime, jitterSeed, pagination, maxPages);
    }

    @Override
    public String toString() {
        return "HttpOptions[" + method + (body == null ? "" : " (" + body.length() + " chars of " + contentType + ")")
            + ", headers=" + headers.keySet()
            + ", auth=" + (bearerToken == null ? "none" : "bearer from " + bearerToken)
            + ", connectTimeout=" + connectTimeout + ", requestTimeout=" + requestTimeout + ", maxAttempts="
            + maxAttempts + ", backoff=" + initialBackoff + ".." + maxBackoff + ", maxRetryAfter=" + maxRetryAfter
            + ", maxRetryTime=" + maxRetryTime + (jitterSeed == null ? "" : ", jitterSeed=" + jitterSeed)
            + ", pagination=" + pagination + ", maxPages=" + maxPages + "]";
    }

    /**
     * Builds {@link HttpOptions}. Not thread-safe.
     *
     * @since 0.1.0
     */
    public static final class Builder {
        private String method = "GET";
        private String body;
        private String contentType;
        private final Map<String, String> headers = new LinkedHashMap<>();
        private SecretSupplier bearerToken;
        private Duration connectTimeout = DEFAULT_CONNECT_TIMEOUT;
        private Duration requestTimeout = DEFAULT_REQUEST_TIMEOUT;
        private int maxAttempts = DEFAULT_MAX_ATTEMPTS;
        private Duration initialBackoff = DEFAULT_INITIAL_BACKOFF;
        private Duration maxBackoff = DEFAULT_MAX_BACKOFF;
        private Duration maxRetryAfter = DEFAULT_MAX_RETRY_AFTER;
        private Duration maxRetryTime = DEFAULT_MAX_RETRY_TIME;
        private Long jitterSeed;
        private Pagination pagination = Pagination.none();
        private int maxPages = DEFAULT_MAX_PAGES;

        private Builder() {
        }

        /** Sends GET requests (the default). @return this @since 0.1.0 */
        public Builder get() {
            this.method = "GET";
            this.body = null;
            this.contentType = null;
            return this;
        }

        /**
         * Sends POST requests with a body. A POST is never retried, since it may not be idempotent.
         *
         * @param requestBody the body, sent as UTF-8
         * @param type its content type, such as {@code application/json}
         * @return this
         * @since 0.1.0
         */
        public Builder post(String requestBody, String type) {
            this.method = "POST";
            this.body = Objects.requireNonNull(requestBody, "requestBody");
            this.contentType = Objects.requireNonNull(type, "type");
            return this;
        }

        /**
         * Adds a request header, replacing one of the same name.
         *
         * @param name the header name
         * @param value its value
         * @return this
         * @since 0.1.0
         */
        public Builder header(String name, String value) {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(value, "value");
            headers.keySet().removeIf(k -> k.equalsIgnoreCase(name));
            headers.put(name, value);
            return this;
        }

        /**
         * Authenticates every request with {@code Authorization: Bearer <token>}, the token read
         * from the supplier at the start of each read and again once after a 401.
         *
         * @param token where the token is read from
         * @return this
         * @since 0.1.0
         */
        public Builder bearerToken(SecretSupplier token) {
            this.bearerToken = Objects.requireNonNull(token, "token");
            return this;
        }

        /** @param timeout the connect timeout, positive @return this @since 0.1.0 */
        public Builder connectTimeout(Duration timeout) {
            this.connectTimeout = Objects.requireNonNull(timeout, "timeout");
            return this;
        }

        /**
         * @param timeout the time allowed until the response headers, and between two body chunks;
         *     positive
         * @return this
         * @since 0.1.0
         */
        public Builder requestTimeout(Duration timeout) {
            this.requestTimeout = Objects.requireNonNull(timeout, "timeout");
            return this;
        }

        /**
         * @param attempts attempts per request, 1 (no retry) to {@value #MAX_MAX_ATTEMPTS}
         * @return this
         * @since 0.1.0
         */
        public Builder maxAttempts(int attempts) {
            this.maxAttempts = attempts;
            return this;
        }

        /**
         * @param initial the first backoff bound, positive
         * @param max the largest backoff bound, at least {@code initial}
         * @return this
         * @since 0.1.0
         */
        public Builder backoff(Duration initial, Duration max) {
            this.initialBackoff = Objects.requireNonNull(initial, "initial");
            this.maxBackoff = Objects.requireNonNull(max, "max");
            return this;
        }

        /** @param max the longest Retry-After honoured, not negative @return this @since 0.1.0 */
        public Builder maxRetryAfter(Duration max) {
            this.maxRetryAfter = Objects.requireNonNull(max, "max");
            return this;
        }

        /** @param max the time after which no retry of one request starts, positive @return this @since 0.1.0 */
        public Builder maxRetryTime(Duration max) {
            this.maxRetryTime = Objects.requireNonNull(max, "max");
            return this;
        }

        /**
         * Fixes the backoff jitter's random sequence, so that tests see the same waits each run.
         *
         * @param seed the seed
         * @return this
         * @since 0.1.0
         */
        public Builder jitterSeed(long seed) {
            this.jitterSeed = seed;
            return this;
        }

        /** @param p how pages are followed @return this @since 0.1.0 */
        public Builder pagination(Pagination p) {
            this.pagination = Objects.requireNonNull(p, "pagination");
            return this;
        }

        /** @param max the most pages one read follows, positive @return this @since 0.1.0 */
        public Builder maxPages(int max) {
            this.maxPages = max;
            return this;
        }

        /**
         * @return the options
         * @throws IllegalArgumentException for a bad value, naming the option
         * @throws IllegalStateException for conflicting options
         * @since 0.1.0
         */
        public HttpOptions build() {
            validate();
            return new HttpOptions(this);
        }

        private void validate() {
            positive(connectTimeout, "connectTimeout");
            positive(requestTimeout, "requestTimeout");
            positive(initialBackoff, "backoff (initial)");
            positive(maxRetryTime, "maxRetryTime");
            if (maxRetryAfter.isNegative()) {
                throw new IllegalArgumentException("maxRetryAfter must not be negative, was " + maxRetryAfter
                    + "; change HttpOptions.Builder.maxRetryAfter(Duration)");
            }
            if (maxBackoff.compareTo(initialBackoff) < 0) {
                throw new IllegalArgumentException("backoff max " + maxBackoff + " is less than initial "
                    + initialBackoff + "; change HttpOptions.Builder.backoff(Duration, Duration)");
            }
            if (maxAttempts < 1 || maxAttempts > MAX_MAX_ATTEMPTS) {
                throw new IllegalArgumentException("maxAttempts must be 1 to " + MAX_MAX_ATTEMPTS + ", was "
                    + maxAttempts + "; change HttpOptions.Builder.maxAttempts(int)");
            }
            if (maxPages < 1) {
                throw new IllegalArgumentException("maxPages must be positive, was " + maxPages
                    + "; change HttpOptions.Builder.maxPages(int)");
            }
            for (Map.Entry<String, String> h : headers.entrySet()) {
                String n = h.getKey().toLowerCase(Locale.ROOT);
                if (n.equals("authorization") && bearerToken != null) {
                    throw new IllegalStateException("both an Authorization header and a bearer token are set; "
                        + "remove one (HttpOptions.Builder.header or bearerToken)");
                }
                if (n.equals("accept-encoding") || n.equals("content-type") && body != null) {
                    throw new IllegalArgumentException("header '" + h.getKey() + "' is set by HttpSource itself; "
                        + "remove it from HttpOptions.Builder.header");
                }
                try {
                    // The JDK refuses restricted headers (Host, Content-Length, Connection, ...) and bad
                    // characters; find out now rather than at the first request.
                    HttpRequest.newBuilder().header(h.getKey(), h.getValue());
                } catch (IllegalArgumentException e) {
                    // Neither the JDK's message nor the exception is kept: they may quote the value.
                    throw new IllegalArgumentException("header '" + h.getKey() + "' cannot be sent: the JDK's "
                        + "HttpClient reserves it or its value has characters HTTP does not allow (value not shown); "
                        + "change HttpOptions.Builder.header");
                }
            }
        }

        private static void positive(Duration d, String option) {
            if (d.isZero() || d.isNegative()) {
                throw new IllegalArgumentException(option + " must be positive, was " + d
                    + "; change HttpOptions.Builder." + option.replace(" (initial)", ""));
            }
        }
    }
}
