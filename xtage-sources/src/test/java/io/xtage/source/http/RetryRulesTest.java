package io.xtage.source.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.security.cert.CertificateException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Random;
import java.util.zip.ZipException;
import javax.net.ssl.SSLHandshakeException;
import org.junit.jupiter.api.Test;

class RetryRulesTest {
    @Test
    void retryAfterReadsSeconds() {
        assertThat(RetryRules.retryAfter(" 7 ", Instant.now())).contains(Duration.ofSeconds(7));
        assertThat(RetryRules.retryAfter("0", Instant.now())).contains(Duration.ZERO);
    }

    @Test
    void retryAfterReadsAnHttpDate() {
        Instant now = Instant.parse("2026-01-05T10:00:00Z");
        String at = DateTimeFormatter.RFC_1123_DATE_TIME.format(now.plusSeconds(90).atZone(ZoneOffset.UTC));
        assertThat(RetryRules.retryAfter(at, now)).contains(Duration.ofSeconds(90));
    }

    @Test
    void retryAfterInThePastIsZero() {
        Instant now = Instant.parse("2026-01-05T10:00:00Z");
        assertThat(RetryRules.retryAfter("Mon, 05 Jan 2026 09:00:00 GMT", now)).contains(Duration.ZERO);
    }

    @Test
    void retryAfterThatIsNeitherIsIgnored() {
        assertThat(RetryRules.retryAfter("soon", Instant.now())).isEmpty();
        assertThat(RetryRules.retryAfter("-5", Instant.now())).isEmpty();
        assertThat(RetryRules.retryAfter(null, Instant.now())).isEmpty();
    }

    @Test
    void hugeRetryAfterDoesNotOverflow() {
        assertThat(RetryRules.retryAfter("99999999999999999999999", Instant.now()).orElseThrow())
            .isGreaterThan(Duration.ofDays(365));
    }

    @Test
    void backoffStaysWithinTheDoublingBoundAndTheCap() {
        Duration initial = Duration.ofMillis(100);
        Duration max = Duration.ofSeconds(20);
        qt().forAll(integers().between(0, 40), longs().all()).check((retry, seed) -> {
            Duration d = RetryRules.backoff(retry, initial, max, new Random(seed));
            long bound = Math.min(max.toNanos(), initial.toNanos() * (1L << Math.min(retry, 30)));
            return !d.isNegative() && d.toNanos() <= bound;
        });
    }

    @Test
    void backoffWithASeedIsTheSameEveryTime() {
        Random a = new Random(42);
        Random b = new Random(42);
        for (int i = 0; i < 5; i++) {
            assertThat(RetryRules.backoff(i, Duration.ofMillis(100), Duration.ofSeconds(20), a))
                .isEqualTo(RetryRules.backoff(i, Duration.ofMillis(100), Duration.ofSeconds(20), b));
        }
    }

    @Test
    void backoffIsJittered() {
        Random r = new Random(1);
        long distinct = java.util.stream.IntStream.range(0, 50)
            .mapToObj(i -> RetryRules.backoff(3, Duration.ofMillis(100), Duration.ofSeconds(20), r)).distinct().count();
        assertThat(distinct).isGreaterThan(40);
    }

    @Test
    void retryableStatusesAre429AndTheGatewayOnes() {
        assertThat(java.util.stream.IntStream.range(100, 600).filter(RetryRules::isRetryableStatus).boxed())
            .containsExactly(429, 502, 503, 504);
    }

    @Test
    void onlyGetIsIdempotent() {
        assertThat(RetryRules.isIdempotent("GET")).isTrue();
        assertThat(RetryRules.isIdempotent("POST")).isFalse();
    }

    @Test
    void connectionFailuresAndTimeoutsAreRetryable() {
        assertThat(RetryRules.isConnectionFailure(new ConnectException())).isTrue();
        assertThat(RetryRules.isConnectionFailure(new HttpConnectTimeoutException("x"))).isTrue();
        assertThat(RetryRules.isConnectionFailure(new HttpTimeoutException("x"))).isTrue();
        assertThat(RetryRules.isConnectionFailure(new IOException("fixed content-length: 9, bytes received: 2")))
            .isTrue();
    }

    @Test
    void certificateProblemsInterruptsAndCorruptGzipAreNot() {
        SSLHandshakeException cert = new SSLHandshakeException("x");
        cert.initCause(new CertificateException("untrusted"));
        assertThat(RetryRules.isConnectionFailure(cert)).isFalse();
        assertThat(RetryRules.isConnectionFailure(new InterruptedIOException())).isFalse();
        assertThat(RetryRules.isConnectionFailure(new ZipException("not in GZIP format"))).isFalse();
    }

    @Test
    void tokenIsRefreshedOnceAndOnlyOn401WithAToken() {
        assertThat(RetryRules.isTokenRefreshable(401, true, false)).isTrue();
        assertThat(RetryRules.isTokenRefreshable(401, true, true)).isFalse();
        assertThat(RetryRules.isTokenRefreshable(401, false, false)).isFalse();
        assertThat(RetryRules.isTokenRefreshable(403, true, false)).isFalse();
    }

    @Test
    void waitsAreBoundedByTheCapAndTheDeadline() {
        assertThat(RetryRules.retryAfterAllows(Duration.ofSeconds(120), Duration.ofSeconds(120))).isTrue();
        assertThat(RetryRules.retryAfterAllows(Duration.ofSeconds(121), Duration.ofSeconds(120))).isFalse();
        assertThat(RetryRules.endsInTime(0, Duration.ofNanos(10), 10)).isTrue();
        assertThat(RetryRules.endsInTime(0, Duration.ofNanos(11), 10)).isFalse();
        assertThat(RetryRules.hasAttemptsLeft(2, 3)).isTrue();
        assertThat(RetryRules.hasAttemptsLeft(3, 3)).isFalse();
    }
}
