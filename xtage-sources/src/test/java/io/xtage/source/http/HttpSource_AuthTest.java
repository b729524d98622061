package io.xtage.source.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.xtage.core.ReadResult;
import io.xtage.core.SecretSupplier;
import io.xtage.core.SourceException;
import io.xtage.core.spi.RecordFormat;
import io.xtage.source.LogCapture;
import io.xtage.source.json.JsonOptions;
import io.xtage.source.json.JsonSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HttpSource_AuthTest {
    private static final RecordFormat JSON = JsonSource.format(JsonOptions.DEFAULT);
    private static final String OK = "[{\"id\":1}]";
    private static final String TOKEN = "tok-7f3a9c1e5b2d4680";

    private final TestServer server = new TestServer();

    @TempDir
    Path dir;

    @AfterEach
    void stop() {
        server.close();
    }

    private Path tokenFile(String token) throws IOException {
        Path p = dir.resolve("token");
        Files.writeString(p, token + "\n");
        return p;
    }

    private HttpSource source(String pathAndQuery, HttpOptions.Builder options) {
        return HttpSource.builder().uri(server.uri(pathAndQuery)).format(JSON)
            .options(options.maxAttempts(1).jitterSeed(1).build()).build();
    }

    @Test
    void sendsTheTokenAsABearer() throws Exception {
        server.route("/x", (ex, n) -> TestServer.json(ex, OK));
        source("/x", HttpOptions.builder().bearerToken(SecretSupplier.file(tokenFile(TOKEN)))).read();
        assertThat(server.requests.get(0).header("Authorization")).isEqualTo("Bearer " + TOKEN);
    }

    @Test
    void unauthorizedRereadsTheTokenOnceThenFails() throws Exception {
        server.route("/x", (ex, n) -> TestServer.send(ex, 401, "application/json",
            "{\"error\":\"bad token " + TOKEN + "\"}"));
        HttpSource s = source("/x", HttpOptions.builder().bearerToken(SecretSupplier.file(tokenFile(TOKEN))));
        try (LogCapture log = LogCapture.start()) {
            Throwable t = catchThrowable(s::read);
            assertThat(t).isInstanceOfSatisfying(SourceException.class, e -> {
                assertThat(e.httpStatus()).hasValue(401);
                assertThat(e.getSuppressed()).hasSize(1);
            });
            NoSecrets.assertNowhere(t, log.text(), TOKEN);
        }
        assertThat(server.requests).hasSize(2);
    }

    @Test
    void unauthorizedPicksUpARotatedToken() throws Exception {
        Path file = tokenFile("tok-old-111111111");
        server.route("/x", (ex, n) -> {
            if (("Bearer tok-new-222222222").equals(ex.getRequestHeaders().getFirst("Authorization"))) {
                TestServer.json(ex, OK);
            } else {
                try {
                    Files.writeString(file, "tok-new-222222222");
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                TestServer.send(ex, 401, null, "");
            }
        });
        ReadResult r = source("/x", HttpOptions.builder().bearerToken(SecretSupplier.file(file))).read();
        assertThat(r.table().rowCount()).isEqualTo(1);
        assertThat(server.requests).hasSize(2);
    }

    @Test
    void unauthorizedWithoutATokenIsNotRetried() {
        server.route("/x", (ex, n) -> TestServer.send(ex, 401, null, ""));
        assertThatThrownBy(() -> source("/x", HttpOptions.builder()).read()).isInstanceOf(SourceException.class);
        assertThat(server.requests).hasSize(1);
    }

    @Test
    void errorBodyIsRedactedAndKeepsTheStatus() throws Exception {
        server.route("/x", (ex, n) -> TestServer.send(ex, 400, "application/json",
            "{\"error\":\"token " + TOKEN + " rejected\",\"echo\":\"Authorization: Bearer someone-elses-token\"}"));
        HttpSource s = source("/x", HttpOptions.builder().bearerToken(SecretSupplier.file(tokenFile(TOKEN))));
        try (LogCapture log = LogCapture.start()) {
            Throwable t = catchThrowable(s::read);
            assertThat(t).isInstanceOfSatisfying(SourceException.class, e -> {
                assertThat(e.httpStatus()).hasValue(400);
                assertThat(e.getMessage()).contains("HTTP 400").contains("token [redacted] rejected")
                    .contains("Bearer [redacted]").doesNotContain("someone-elses-token");
            });
            NoSecrets.assertNowhere(t, log.text(), TOKEN);
        }
        assertThat(server.requests).hasSize(1);
    }

    @Test
    void errorBodyIsCutAfterItsFirstBytes() {
        server.route("/x", (ex, n) -> TestServer.send(ex, 400, "text/plain", "e".repeat(5000)));
        assertThatThrownBy(() -> source("/x", HttpOptions.builder()).read())
            .satisfies(e -> assertThat(e.getMessage()).containsOnlyOnce("e".repeat(HttpSource.ERROR_BODY_BYTES))
                .doesNotContain("e".repeat(HttpSource.ERROR_BODY_BYTES + 1)));
    }

    @Test
    void tokenAcrossTheCutIsStillRedacted() throws Exception {
        server.route("/x", (ex, n) -> TestServer.send(ex, 400, "text/plain",
            "e".repeat(HttpSource.ERROR_BODY_BYTES - 6) + TOKEN + "e".repeat(100)));
        HttpSource s = source("/x", HttpOptions.builder().bearerToken(SecretSupplier.file(tokenFile(TOKEN))));
        Throwable t = catchThrowable(s::read);
        assertThat(t.getMessage()).doesNotContain(TOKEN.substring(0, 6));
    }

    @Test
    void secretQueryParametersAreLeftOutOfTheNameAndRedacted() {
        String key = "k-55aa66bb77cc";
        server.route("/x", (ex, n) -> TestServer.send(ex, 403, "text/plain", "key " + key + " is not allowed"));
        HttpSource s = source("/x?category=toys&api_key=" + key, HttpOptions.builder());
        assertThat(s.name()).isEqualTo(server.uri("/x?category=toys").toString());
        try (LogCapture log = LogCapture.start()) {
            Throwable t = catchThrowable(s::read);
            assertThat(t).isInstanceOf(SourceException.class);
            assertThat(((SourceException) t).sourceName()).isEqualTo(s.name());
            NoSecrets.assertNowhere(t, log.text(), key);
        }
        assertThat(server.requests.get(0).query()).contains("api_key=" + key);
    }

    @Test
    void missingTokenVariableFailsNamingTheVariable() {
        server.route("/x", (ex, n) -> TestServer.json(ex, OK));
        HttpSource s = source("/x", HttpOptions.builder().bearerToken(SecretSupplier.env("XTAGE_TEST_UNSET_TOKEN_VAR")));
        assertThatThrownBy(s::read).isInstanceOf(SourceException.class)
            .hasMessageContaining("XTAGE_TEST_UNSET_TOKEN_VAR");
        assertThat(server.requests).isEmpty();
    }

    @Test
    void redirectIsNotFollowedWithAToken() throws Exception {
        server.route("/old", (ex, n) -> {
            ex.getResponseHeaders().set("Location", "/new");
            TestServer.send(ex, 302, null, "");
        });
        server.route("/new", (ex, n) -> TestServer.json(ex, OK));
        HttpSource s = source("/old", HttpOptions.builder().bearerToken(SecretSupplier.file(tokenFile(TOKEN))));
        assertThatThrownBy(s::read).isInstanceOfSatisfying(SourceException.class, e -> {
            assertThat(e.httpStatus()).hasValue(302);
            assertThat(e.getMessage()).contains("not followed").contains("/new");
        });
        assertThat(server.requests("/new")).isEmpty();
    }

    @Test
    void redirectIsFollowedWithoutCredentials() {
        server.route("/old", (ex, n) -> {
            ex.getResponseHeaders().set("Location", "/new");
            TestServer.send(ex, 302, null, "");
        });
        server.route("/new", (ex, n) -> TestServer.json(ex, OK));
        assertThat(source("/old", HttpOptions.builder()).read().table().rowCount()).isEqualTo(1);
    }

    @Test
    void userInfoInTheUriIsRefusedWithoutShowingIt() {
        assertThatThrownBy(() -> HttpSource.builder().uri(java.net.URI.create("http://bob:pw-9f8e7d@127.0.0.1:1/x"))
            .format(JSON).build()).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("user info")
            .satisfies(e -> assertThat(e.getMessage()).doesNotContain("pw-9f8e7d").doesNotContain("bob"));
    }
}
