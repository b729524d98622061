package io.xtage.source.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.xtage.core.ReadResult;
import io.xtage.core.SourceException;
import io.xtage.core.spi.RecordFormat;
import io.xtage.source.LogCapture;
import io.xtage.source.json.JsonOptions;
import io.xtage.source.json.JsonSource;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class HttpSource_RetryTest {
    private static final RecordFormat JSON = JsonSource.format(JsonOptions.DEFAULT);
    private static final String OK = "[{\"id\":1},{\"id\":2}]";

    private final TestServer server = new TestServer();

    @AfterEach
    void stop() {
        server.close();
    }

    /** Short waits so the tests stay fast; the seed makes the waits the same every run. */
    private static HttpOptions.Builder fast() {
        return HttpOptions.builder().backoff(Duration.ofMillis(5), Duration.ofMillis(20)).jitterSeed(42)
            .requestTimeout(Duration.ofMillis(300));
    }

    private HttpSource source(String path, HttpOptions options) {
        return HttpSource.builder().uri(server.uri(path)).format(JSON).options(options).build();
    }

    @Test
    void retriesA429WithRetryAfterZero() {
        server.route("/x", (ex, n) -> {
            if (n == 1) {
                ex.getResponseHeaders().set("Retry-After", "0");
                TestServer.send(ex, 429, "text/plain", "slow down");
            } else {
                TestServer.json(ex, OK);
            }
        });
        try (LogCapture log = LogCapture.start()) {
            ReadResult r = source("/x", fast().build()).read();
            assertThat(r.table().rowCount()).isEqualTo(2);
            assertThat(log.text().lines().filter(l -> l.contains("WARN") && l.contains("retrying"))).hasSize(1);
        }
        assertThat(server.requests).hasSize(2);
    }

    @Test
    void waitsTheRetryAfterSeconds() {
        server.route("/x", (ex, n) -> {
            if (n == 1) {
                ex.getResponseHeaders().set("Retry-After", "1");
                TestServer.send(ex, 429, null, "");
            } else {
                TestServer.json(ex, OK);
            }
        });
        long t0 = System.nanoTime();
        source("/x", fast().build()).read();
        assertThat(Duration.ofNanos(System.nanoTime() - t0)).isGreaterThanOrEqualTo(Duration.ofMillis(950));
        assertThat(server.requests).hasSize(2);
    }

    @Test
    void waitsUntilTheRetryAfterDate() {
        // An HTTP date has whole seconds: two seconds ahead is at least one second of waiting.
        String at = DateTimeFormatter.RFC_1123_DATE_TIME.format(ZonedDateTime.now(ZoneOffset.UTC).plusSeconds(2));
        server.route("/x", (ex, n) -> {
            if (n == 1) {
                ex.getResponseHeaders().set("Retry-After", at);
                TestServer.send(ex, 429, null, "");
            } else {
                TestServer.json(ex, OK);
            }
        });
        long t0 = System.nanoTime();
        source("/x", fast().build()).read();
        assertThat(Duration.ofNanos(System.nanoTime() - t0)).isGreaterThanOrEqualTo(Duration.ofMillis(950));
        assertThat(server.requests).hasSize(2);
    }

    @Test
    void retryAfterLongerThanTheCapFailsAtOnce() {
        server.route("/x", (ex, n) -> {
            ex.getResponseHeaders().set("Retry-After", "3600");
            TestServer.send(ex, 429, null, "");
        });
        assertThatThrownBy(() -> source("/x", fast().build()).read()).isInstanceOfSatisfying(SourceException.class,
            e -> {
                assertThat(e.httpStatus()).hasValue(429);
                assertThat(e.getMessage()).contains("maxRetryAfter");
            });
        assertThat(server.requests).hasSize(1);
    }

    @Test
    void retryAfterPastTheRetryTimeFailsAtOnce() {
        server.route("/x", (ex, n) -> {
            ex.getResponseHeaders().set("Retry-After", "2");
            TestServer.send(ex, 503, null, "");
        });
        HttpOptions o = fast().maxRetryTime(Duration.ofMillis(500)).build();
        assertThatThrownBy(() -> source("/x", o).read()).isInstanceOf(SourceException.class)
            .hasMessageContaining("maxRetryTime");
        assertThat(server.requests).hasSize(1);
    }

    @Test
    void retries503ThenSucceeds() {
        server.route("/x", (ex, n) -> {
            if (n < 3) {
                TestServer.send(ex, 503, "text/plain", "unavailable");
            } else {
                TestServer.json(ex, OK);
            }
        });
        ReadResult r = source("/x", fast().build()).read();
        assertThat(r.table().rowCount()).isEqualTo(2);
        assertThat(server.requests).hasSize(3);
    }

    @Test
    void gatewayErrorsThatPersistFailWithEveryAttemptKept() {
        server.route("/x", (ex, n) -> TestServer.send(ex, n == 1 ? 502 : 504, "text/plain", "gateway " + n));
        assertThatThrownBy(() -> source("/x", fast().maxAttempts(3).build()).read())
            .isInstanceOfSatisfying(SourceException.class, e -> {
                assertThat(e.httpStatus()).hasValue(504);
                assertThat(e.getMessage()).contains("gave up after 3 attempts").contains("gateway 3");
                assertThat(e.getSuppressed()).hasSize(2);
                assertThat(((SourceException) e.getSuppressed()[0]).httpStatus()).hasValue(502);
            });
        assertThat(server.requests).hasSize(3);
    }

    @Test
    void otherClientErrorsAreNotRetried() {
        server.route("/x", (ex, n) -> TestServer.send(ex, 404, "text/plain", "no such thing"));
        assertThatThrownBy(() -> source("/x", fast().build()).read()).isInstanceOfSatisfying(SourceException.class,
            e -> {
                assertThat(e.httpStatus()).hasValue(404);
                assertThat(e.getMessage()).contains("no such thing");
                assertThat(e.getSuppressed()).isEmpty();
            });
        assertThat(server.requests).hasSize(1);
    }

    @Test
    void otherServerErrorsAreNotRetried() {
        server.route("/x", (ex, n) -> TestServer.send(ex, 500, "text/plain", "boom"));
        assertThatThrownBy(() -> source("/x", fast().build()).read()).isInstanceOf(SourceException.class);
        assertThat(server.requests).hasSize(1);
    }

    @Test
    void postIsNotRetried() {
        server.route("/x", (ex, n) -> TestServer.send(ex, 503, null, ""));
        assertThatThrownBy(() -> source("/x", fast().post("{\"q\":1}", "application/json").build()).read())
            .isInstanceOf(SourceException.class).hasMessageContaining("a POST is not retried");
        assertThat(server.requests).hasSize(1);
    }

    @Test
    void connectionRefusedIsRetriedThenFails() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        HttpSource s = HttpSource.builder().uri(URI.create("http://127.0.0.1:" + port + "/x")).format(JSON)
            .options(fast().maxAttempts(3).build()).build();
        assertThatThrownBy(s::read).isInstanceOfSatisfying(SourceException.class, e -> {
            assertThat(e.getCause()).isInstanceOf(ConnectException.class);
            assertThat(e.getMessage()).contains("gave up after 3 attempts");
            assertThat(e.getSuppressed()).hasSize(2);
            assertThat(e.httpStatus()).isEmpty();
        });
    }

    @Test
    void serverThatHangsPastTheTimeoutFails() {
        server.route("/x", (ex, n) -> {
            TestServer.sleep(5_000);
            TestServer.json(ex, OK);
        });
        assertTimeoutPreemptively(Duration.ofSeconds(4), () ->
            assertThatThrownBy(() -> source("/x", fast().maxAttempts(2).build()).read())
                .isInstanceOfSatisfying(SourceException.class, e -> {
                    assertThat(e.getCause()).isInstanceOf(HttpTimeoutException.class);
                    assertThat(e.getMessage()).contains("timed out after 300 ms");
                    assertThat(e.getSuppressed()).hasSize(1);
                }));
        assertThat(server.requests).hasSize(2);
    }

    @Test
    void bodyThatStallsAfterTheHeadersTimesOut() {
        server.route("/x", (ex, n) -> {
            ex.sendResponseHeaders(200, OK.length());
            ex.getResponseBody().write(OK.substring(0, 5).getBytes());
            ex.getResponseBody().flush();
            TestServer.sleep(5_000);
        });
        assertTimeoutPreemptively(Duration.ofSeconds(4), () ->
            assertThatThrownBy(() -> source("/x", fast().maxAttempts(1).build()).read())
                .isInstanceOfSatisfying(SourceException.class, e -> {
                    assertThat(e.getMessage()).contains("broke off after 5 bytes").contains("no body bytes");
                    assertThat(e.getCause()).isInstanceOf(HttpTimeoutException.class);
                }));
    }

    @Test
    void bodyCutShortIsRetried() {
        server.route("/x", (ex, n) -> {
            if (n == 1) {
                TestServer.cutShort(ex, OK, 7);
            } else {
                TestServer.json(ex, OK);
            }
        });
        ReadResult r = source("/x", fast().build()).read();
        assertThat(r.table().rowCount()).isEqualTo(2);
        assertThat(server.requests).hasSize(2);
    }

    @Test
    void bodyAlwaysCutShortFails() {
        server.route("/x", (ex, n) -> TestServer.cutShort(ex, OK, 7));
        assertThatThrownBy(() -> source("/x", fast().maxAttempts(2).build()).read())
            .isInstanceOfSatisfying(SourceException.class, e -> {
                assertThat(e.getMessage()).contains("broke off after 7 bytes");
                assertThat(e.getCause()).isInstanceOf(java.io.IOException.class);
                assertThat(e.getSuppressed()).hasSize(1);
            });
        assertThat(server.requests).hasSize(2);
    }

    @Test
    void bodyCutShortOfAPostIsNotRetried() {
        server.route("/x", (ex, n) -> TestServer.cutShort(ex, OK, 7));
        assertThatThrownBy(() -> source("/x", fast().post("{}", "application/json").build()).read())
            .isInstanceOf(SourceException.class).hasMessageContaining("broke off");
        assertThat(server.requests).hasSize(1);
    }

    @Test
    void eachRetryLogsOneWarningWithoutTheToken() throws Exception {
        java.nio.file.Path token = java.nio.file.Files.createTempFile("token", ".txt");
        java.nio.file.Files.writeString(token, "tok-retry-98765");
        server.route("/x", (ex, n) -> TestServer.send(ex, 503, "text/plain", "down; you sent Bearer tok-retry-98765"));
        try (LogCapture log = LogCapture.start()) {
            Throwable t = org.assertj.core.api.Assertions.catchThrowable(() -> source("/x", fast().maxAttempts(3)
                .bearerToken(io.xtage.core.SecretSupplier.file(token)).build()).read());
            assertThat(t).isInstanceOf(SourceException.class);
            assertThat(log.text().lines().filter(l -> l.contains("WARN"))).hasSize(2);
            NoSecrets.assertNowhere(t, log.text(), "tok-retry-98765");
        }
    }
}
