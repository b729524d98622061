package io.xtage.source.http;

import io.xtage.core.ProgressListener;
import io.xtage.core.ReadResult;
import io.xtage.core.SecretSupplier;
import io.xtage.core.SourceException;
import io.xtage.core.XtageException;
import io.xtage.core.internal.Secrets;
import io.xtage.core.internal.Texts;
import io.xtage.core.spi.RecordFormat;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPInputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** One read of an {@link HttpSource}: its token, its secrets, its pages and their retries. Not thread-safe. */
final class HttpRead {
    private static final Logger log = LoggerFactory.getLogger(HttpSource.class);

    private final HttpSource source;
    private final HttpOptions options;
    private final String name;
    private final ProgressListener listener;
    private final Random random;
    private final List<String> secrets = new ArrayList<>();
    private final SecretSupplier tokenSupplier;
    private String token;
    private boolean tokenRefreshed;

    HttpRead(HttpSource source, ProgressListener listener) {
        this.source = source;
        this.options = source.options();
        this.name = source.name();
        this.listener = listener;
        this.random = options.jitterSeed().isPresent() ? new Random(options.jitterSeed().getAsLong())
            : ThreadLocalRandom.current();
        this.tokenSupplier = options.bearerToken().orElse(null);
        secrets.addAll(Uris.secrets(source.uri()));
        options.headers().forEach((k, v) -> {
            if (isSecretHeader(k)) {
                secrets.add(v);
            }
        });
    }

    /** Headers whose values are treated as secrets: redacted from messages, and no redirects. */
    static boolean isSecretHeader(String headerName) {
        String n = headerName.toLowerCase(Locale.ROOT);
        return n.contains("auth") || n.contains("key") || n.contains("token") || n.contains("secret")
            || n.contains("cookie") || n.contains("password") || n.contains("signature");
    }

    ReadResult run() {
        long start = System.nanoTime();
        if (tokenSupplier != null) {
            token = readToken();
        }
        Pagination pagination = options.pagination();
        log.debug("{}: open ({} with {} format, pagination {})", name, options.method(), source.format().name(),
            pagination);
        PageMerger merged = new PageMerger(name);
        RecordFormat format = source.format();
        URI next = pagination.first(source.uri());
        int page = 0;
        while (next != null) {
            if (page == options.maxPages()) {
                throw new SourceException(name, "has more than " + options.maxPages() + " pages (the next would be "
                    + Uris.name(next) + "); raise HttpOptions.Builder.maxPages(int) if that many are expected", null);
            }
            page++;
            Page p = fetch(next, format, page, merged);
            ReadResult r = p.result;
            if (r.recordsRead() == 0 && page > 1) {
                merged.addBytes(p.bytes);
                log.debug("{}: page {} is empty; last page", name, page);
                break;
            }
            merged.add(r, page, p.bytes);
            if (r.recordsRead() == 0) {
                break;
            }
            if (page == 1 && !"none".equals(pagination.kind())) {
                format = source.format().withSchema(PageMerger.schemaOf(r));
            }
            next = pagination.next(new PageContext(name, source.uri(), next, page, merged.recordsRead(), p.headers,
                p.body, tokenSupplier != null));
        }
        ReadResult out = merged.result((System.nanoTime() - start) / 1_000_000);
        listener.progress(name, out.recordsRead(), out.report().bytesRead(), true);
        log.debug("{}: closed; {} records from {} pages, {} bytes in {} ms", name, out.recordsRead(), page,
            out.report().bytesRead(), out.report().elapsedMillis());
        return out;
    }

    private String readToken() {
        String t;
        try {
            t = tokenSupplier.get();
        } catch (XtageException e) {
            // The supplier's message names the variable or file, never a value.
            throw new SourceException(name, "cannot read the bearer token: " + e.getMessage(), e);
        }
        secrets.add(t);
        return t;
    }

    /** A page fetched and read. */
    private static final class Page {
        final ReadResult result;
        final HttpHeaders headers;
        final byte[] body;
        final long bytes;

        Page(ReadResult result, HttpHeaders headers, byte[] body, long bytes) {
            this.result = result;
            this.headers = headers;
            this.body = body;
            this.bytes = bytes;
        }
    }

    /** An attempt that failed; becomes an exception when it is the last or is kept as suppressed. */
    private final class Failure {
        final String message;
        final int status;
        final Throwable cause;

        Failure(String message, int status, Throwable cause) {
            this.message = message;
            this.status = status;
            this.cause = cause == null ? null : Secrets.sanitize(cause, secrets);
        }

        SourceException toException(String why) {
            String m = why == null ? message : message + "; " + why;
            if (status >= 0) {
                SourceException e = SourceException.http(name, status, m);
                if (cause != null) {
                    e.initCause(cause);
                }
                return e;
            }
            return new SourceException(name, m, cause);
        }
    }

    /** The body broke off: an I/O failure of the transport while the format read it. */
    private static final class BodyFailure extends Exception {
        private static final long serialVersionUID = 1L;
        final IOException io;
        final long bytes;

        BodyFailure(IOException io, long bytes) {
            super(io);
            this.io = io;
            this.bytes = bytes;
        }
    }

    private Page fetch(URI target, RecordFormat format, int page, PageMerger merged) {
        List<Failure> failures = new ArrayList<>();
        long deadline = System.nanoTime() + options.maxRetryTime().toNanos();
        int attempts = 0;
        while (true) {
            attempts++;
            HttpResponse<InputStream> response;
            try {
                response = source.client().send(request(target),
                    BodyStream.handler(options.requestTimeout().toNanos()));
            } catch (IOException e) {
                Failure f = new Failure(describe(e) + " (page " + page + ")", -1, e);
                waitOrThrow(f, RetryRules.isConnectionFailure(e), failures, attempts, deadline, Optional.empty());
                continue;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw suppress(new Failure("interrupted while waiting for page " + page, -1, e).toException(null),
                    failures);
            }
            int status = response.statusCode();
            if (status / 100 == 2) {
                try {
                    return readBody(response, format, page, merged);
                } catch (BodyFailure bf) {
                    Failure f = new Failure("the body of page " + page + " broke off after " + bf.bytes + " bytes: "
                        + describe(bf.io), -1, bf.io);
                    waitOrThrow(f, RetryRules.isConnectionFailure(bf.io), failures, attempts, deadline,
                        Optional.empty());
                    continue;
                } catch (RuntimeException e) {
                    throw suppress(e, failures);
                }
            }
            Failure f = new Failure(statusMessage(response, page), status, null);
            if (RetryRules.isTokenRefreshable(status, tokenSupplier != null, tokenRefreshed)) {
                tokenRefreshed = true;
                failures.add(f);
                log.warn("{}: HTTP 401 on page {}; reading the token again from {} and retrying once", name, page,
                    tokenSupplier);
                token = readToken();
                attempts--;
                continue;
            }
            Optional<Duration> retryAfter = RetryRules.retryAfter(response.headers().firstValue("Retry-After")
                .orElse(null), Instant.now());
            waitOrThrow(f, RetryRules.isRetryableStatus(status), failures, attempts, deadline, retryAfter);
        }
    }

    /** Waits before the next attempt, or throws the failure with the earlier ones suppressed. */
    private void waitOrThrow(Failure f, boolean retryable, List<Failure> failures, int attempts, long deadline,
                             Optional<Duration> retryAfter) {
        String why = null;
        Duration wait = Duration.ZERO;
        if (!retryable) {
            why = null;
        } else if (!RetryRules.isIdempotent(options.method())) {
            why = "a " + options.method() + " is not retried";
        } else if (!RetryRules.hasAttemptsLeft(attempts, options.maxAttempts())) {
            why = "gave up after " + attempts + (attempts == 1 ? " attempt" : " attempts")
                + " (HttpOptions.maxAttempts)";
        } else if (retryAfter.isPresent() && !RetryRules.retryAfterAllows(retryAfter.get(), options.maxRetryAfter())) {
            why = "the server asked to retry after " + retryAfter.get().toSeconds() + " s, longer than "
                + "HttpOptions.maxRetryAfter " + options.maxRetryAfter().toSeconds() + " s";
        } else {
            wait = retryAfter.orElseGet(() -> RetryRules.backoff(attempts - 1, options.initialBackoff(),
                options.maxBackoff(), random));
            if (!RetryRules.endsInTime(System.nanoTime(), wait, deadline)) {
                why = "no time left to retry within HttpOptions.maxRetryTime " + options.maxRetryTime().toSeconds()
                    + " s";
            }
        }
        if (!retryable || why != null) {
            throw suppress(f.toException(why), failures);
        }
        failures.add(f);
        log.warn("{}: {}; attempt {} of {}, retrying in {} ms", name, f.message, attempts, options.maxAttempts(),
            wait.toMillis());
        try {
            TimeUnit.NANOSECONDS.sleep(wait.toNanos());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw suppress(new Failure("interrupted while waiting to retry", -1, e).toException(null), failures);
        }
    }

    private <E extends RuntimeException> E suppress(E e, List<Failure> failures) {
        for (Failure f : failures) {
            e.addSuppressed(f.toException(null));
        }
        return e;
    }

    private HttpRequest request(URI target) {
        HttpRequest.Builder b = HttpRequest.newBuilder(target).timeout(options.requestTimeout())
            .header("Accept-Encoding", "gzip");
        options.headers().forEach(b::header);
        if (token != null) {
            try {
                b.header("Authorization", "Bearer " + token);
            } catch (IllegalArgumentException e) {
                // The JDK's message would quote the value.
                throw new SourceException(name, "the bearer token from " + tokenSupplier + " has characters that "
                    + "cannot be sent in a header", null);
            }
        }
        if ("POST".equals(options.method())) {
            b.POST(HttpRequest.BodyPublishers.ofString(options.body().orElse(""), StandardCharsets.UTF_8))
                .header("Content-Type", options.contentType().orElse("application/octet-stream"));
        } else {
            b.GET();
        }
        return b.build();
    }

    private Page readBody(HttpResponse<InputStream> response, RecordFormat format, int page, PageMerger merged)
        throws BodyFailure {
        InputStream raw = response.body();
        TransportStream in = null;
        try {
            in = new TransportStream(decode(response, raw, page));
            ProgressListener pages = pageListener(merged.recordsRead(), merged.bytes());
            byte[] body = null;
            ReadResult r;
            if (options.pagination().needsBody()) {
                body = in.readAllBytes();
                r = format.read(name, new ByteArrayInputStream(body), pages);
            } else {
                r = format.read(name, in, pages);
            }
            log.debug("{}: page {}: {} records, {} bytes", name, page, r.recordsRead(), in.bytes());
            return new Page(r, response.headers(), body, in.bytes());
        } catch (IOException e) {
            throw new BodyFailure(e, in == null ? 0 : in.bytes());
        } catch (RuntimeException e) {
            if (in != null && in.failure() != null) {
                // The format wrapped a transport failure (however it chose to): the body broke off.
                throw new BodyFailure(in.failure(), in.bytes());
            }
            throw e;
        } finally {
            close(raw);
        }
    }

    private InputStream decode(HttpResponse<InputStream> response, InputStream raw, int page) throws IOException {
        String encoding = response.headers().firstValue("Content-Encoding").orElse("identity").trim()
            .toLowerCase(Locale.ROOT);
        switch (encoding) {
            case "identity":
            case "":
                return raw;
            case "gzip":
            case "x-gzip":
                return new GZIPInputStream(raw, 64 * 1024);
            default:
                throw new SourceException(name, "page " + page + " has Content-Encoding '" + Texts.truncate(encoding)
                    + "', but only gzip was asked for", null);
        }
    }

    private ProgressListener pageListener(long rowsBefore, long bytesBefore) {
        if (listener == ProgressListener.NONE) {
            return ProgressListener.NONE;
        }
        return (src, rows, bytes, done) -> {
            if (!done) {
                listener.progress(name, rowsBefore + rows, bytes < 0 ? -1 : bytesBefore + bytes, false);
            }
        };
    }

    /** The message of an error status: status, page, and the first bytes of the body, redacted. */
    private String statusMessage(HttpResponse<InputStream> response, int page) {
        int status = response.statusCode();
        StringBuilder m = new StringBuilder("HTTP ").append(status).append(" for ").append(options.method())
            .append(" page ").append(page);
        if (status / 100 == 3) {
            m.append(" (a redirect to ").append(response.headers().firstValue("Location")
                .map(l -> Uris.name(response.uri().resolve(l))).orElse("nowhere"))
                .append(", not followed because the request carries credentials; use the final URL)");
        }
        String body = errorBody(response);
        if (!body.isEmpty()) {
            m.append(": ").append(body);
        }
        return m.toString();
    }

    private String errorBody(HttpResponse<InputStream> response) {
        InputStream raw = response.body();
        // Read past the cut by the longest secret, so that a secret straddling it is still redacted whole.
        int longest = 0;
        for (String s : secrets) {
            longest = Math.max(longest, s == null ? 0 : s.length() * 4);
        }
        byte[] bytes;
        try {
            InputStream in;
            try {
                in = decode(response, raw, 0);
            } catch (SourceException e) {
                in = raw;
            }
            bytes = in.readNBytes(HttpSource.ERROR_BODY_BYTES + longest + 64);
        } catch (IOException e) {
            return "";
        } finally {
            close(raw);
        }
        String text = Secrets.redact(new String(bytes, StandardCharsets.UTF_8), secrets);
        if (text.length() > HttpSource.ERROR_BODY_BYTES) {
            text = text.substring(0, HttpSource.ERROR_BODY_BYTES) + "…";
        }
        return Texts.printable(text.strip());
    }

    private String describe(IOException e) {
        String what;
        if (e instanceof BodyStream.BodyTimeoutException) {
            what = e.getMessage();
        } else if (e instanceof HttpConnectTimeoutException) {
            what = "connect timed out after " + options.connectTimeout().toMillis() + " ms";
        } else if (e instanceof HttpTimeoutException) {
            what = "timed out after " + options.requestTimeout().toMillis() + " ms";
        } else if (e instanceof ConnectException && e.getMessage() == null) {
            what = "cannot connect to " + source.uri().getHost() + (source.uri().getPort() < 0 ? ""
                : ":" + source.uri().getPort());
        } else {
            what = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : " (" + e.getMessage() + ")");
        }
        return Secrets.redact(what, secrets);
    }

    private static void close(InputStream in) {
        try {
            in.close();
        } catch (IOException e) {
            // closing cancels the exchange; nothing left to report
        }
    }
}
