package io.xtage.source.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.xtage.core.ReadResult;
import io.xtage.core.SecretSupplier;
import io.xtage.core.SourceException;
import io.xtage.core.spi.RecordFormat;
import io.xtage.source.json.JsonOptions;
import io.xtage.source.json.JsonSource;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tech.tablesaw.api.Table;

/** The snippets of docs/sources.md (HTTP section), run against a loopback server. */
class HttpSource_DocExamplesTest {
    private final TestServer server = new TestServer();

    @TempDir
    Path dir;

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void cursorPagedApiWithABearerToken() throws Exception {
        server.route("/v1/products", (ex, n) -> TestServer.json(ex, n == 1
            ? "{\"items\":[{\"productId\":1,\"price\":9.5}],\"next_cursor\":\"p2\"}"
            : "{\"items\":[{\"productId\":2,\"price\":12}],\"next_cursor\":null}"));
        URI api = server.uri("/v1/products?category=toys");
        Path tokenFile = dir.resolve("token");
        Files.writeString(tokenFile, "tok-doc-example-1");
        SecretSupplier token = SecretSupplier.file(tokenFile);   // in production: SecretSupplier.env("XTAGE_API_TOKEN")

        // --- docs/sources.md: HTTP
        RecordFormat json = JsonSource.format(JsonOptions.DEFAULT.toBuilder().pointer("/items").build());
        HttpSource products = HttpSource.builder()
            .uri(api)
            .format(json)
            .options(HttpOptions.builder()
                .bearerToken(token)
                .requestTimeout(Duration.ofSeconds(30))
                .pagination(Pagination.cursor("/next_cursor", "cursor"))
                .build())
            .build();
        ReadResult r = products.read();
        Table t = r.table();                      // product_id LONG, price DOUBLE (page 2's 12 read as page 1's type)
        // ---

        assertThat(t.longColumn("product_id").asList()).containsExactly(1L, 2L);
        assertThat(t.doubleColumn("price").asList()).containsExactly(9.5, 12.0);
        assertThat(server.requests.get(1).query()).isEqualTo("category=toys&cursor=p2");
    }

    @Test
    void failureCarriesTheStatusAndTheEarlierAttempts() {
        server.route("/v1/products", (ex, n) -> TestServer.send(ex, 503, "application/json",
            "{\"error\":\"maintenance\"}"));
        HttpSource products = HttpSource.builder().uri(server.uri("/v1/products"))
            .format(JsonSource.format(JsonOptions.DEFAULT))
            .options(HttpOptions.builder().backoff(Duration.ofMillis(1), Duration.ofMillis(5)).build()).build();

        // --- docs/sources.md: HTTP failures
        try {
            products.read();
        } catch (SourceException e) {
            int status = e.httpStatus().orElse(-1);         // 503
            int attempts = e.getSuppressed().length + 1;    // 3
            // e.getMessage(): http://.../v1/products: HTTP 503 for GET page 1: {"error":"maintenance"};
            //                 gave up after 3 attempts (HttpOptions.maxAttempts)
            assertThat(status).isEqualTo(503);
            assertThat(attempts).isEqualTo(3);
        }
        // ---

        assertThat(catchThrowable(products::read)).hasMessageEndingWith(
            "HTTP 503 for GET page 1: {\"error\":\"maintenance\"}; gave up after 3 attempts (HttpOptions.maxAttempts)");
    }
}
