package io.xtage.source.http;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.http.HttpTimeoutException;
import java.security.cert.CertificateException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.Random;
import java.util.zip.ZipException;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLPeerUnverifiedException;

/**
 * When to try a request again, one small named rule each, and how long to wait. Stateless.
 * The limits are in {@link HttpOptions}, each with where its number came from.
 */
final class RetryRules {
    private RetryRules() {
    }

    /** Only GET is retried: a POST may have been processed even when its answer was lost. */
    static boolean isIdempotent(String method) {
        return "GET".equals(method);
    }

    /**
     * 429 Too Many Requests, and the gateway statuses that say the server behind did not answer:
     * 502 Bad Gateway, 503 Service Unavailable, 504 Gateway Timeout. Other 4xx are the client's
     * fault and other 5xx may repeat forever.
     */
    static boolean isRetryableStatus(int status) {
        return status == 429 || status == 502 || status == 503 || status == 504;
    }

    /**
     * A connection that failed or timed out, before a response or while its body arrived. Not a
     * certificate problem (it will fail the same way again) and not an interrupt (the caller wants
     * to stop), as OkHttp's {@code RetryAndFollowUpInterceptor.isRecoverable} decides.
     */
    static boolean isConnectionFailure(IOException e) {
        if (e instanceof HttpTimeoutException) {
            return true;
        }
        if (e instanceof InterruptedIOException) {
            return false;
        }
        if (e instanceof ZipException) {
            // A body that is not the gzip it claims to be will be the same next time.
            return false;
        }
        if (e instanceof SSLHandshakeException && e.getCause() instanceof CertificateException) {
            return false;
        }
        return !(e instanceof SSLPeerUnverifiedException);
    }

    /** A 401 may mean the token was rotated: read it again, once per read, when there is one. */
    static boolean isTokenRefreshable(int status, boolean authenticated, boolean refreshedAlready) {
        return status == 401 && authenticated && !refreshedAlready;
    }

    /** The server asked for a wait no longer than the options allow. */
    static boolean retryAfterAllows(Duration wait, Duration maxRetryAfter) {
        return wait.compareTo(maxRetryAfter) <= 0;
    }

    /** Another attempt is allowed. */
    static boolean hasAttemptsLeft(int attemptsMade, int maxAttempts) {
        return attemptsMade < maxAttempts;
    }

    /** The wait ends before the time allowed for the request's retries. */
    static boolean endsInTime(long nowNanos, Duration wait, long deadlineNanos) {
        return nowNanos + wait.toNanos() - deadlineNanos <= 0;
    }

    /**
     * @param header a Retry-After value: delay seconds or an HTTP date (RFC 9110 section 10.2.3)
     * @param now the current time
     * @return the wait, zero for a date in the past; empty when the value is neither
     */
    static Optional<Duration> retryAfter(String header, Instant now) {
        if (header == null) {
            return Optional.empty();
        }
        String v = header.trim();
        if (!v.isEmpty() && v.chars().allMatch(c -> c >= '0' && c <= '9')) {
            try {
                return Optional.of(Duration.ofSeconds(Long.parseLong(v)));
            } catch (NumberFormatException e) {
                return Optional.of(Duration.ofSeconds(Long.MAX_VALUE / 1_000_000_000L));
            }
        }
        try {
            Instant at = ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
            Duration d = Duration.between(now, at);
            return Optional.of(d.isNegative() ? Duration.ZERO : d);
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    /**
     * Exponential backoff with full jitter: a uniform wait in [0, min(max, initial * 2^retry)],
     * as in "Exponential Backoff And Jitter" (AWS Architecture Blog, 2015), which spreads clients
     * that failed together.
     *
     * @param retry 0 for the first retry
     */
    static Duration backoff(int retry, Duration initial, Duration max, Random random) {
        long cap = max.toNanos();
        long bound = initial.toNanos();
        for (int i = 0; i < retry && bound < cap; i++) {
            bound = bound > cap / 2 ? cap : bound * 2;
        }
        bound = Math.min(bound, cap);
        return Duration.ofNanos((long) (random.nextDouble() * bound));
    }
}
