package io.xtage.source.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.xtage.core.ReadResult;
import io.xtage.core.Source;
import io.xtage.core.Sources;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HttpSourceProviderTest {
    private final TestServer server = new TestServer();
    private final HttpSourceProvider provider = new HttpSourceProvider();

    @TempDir
    Path dir;

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void supportsHttpAndHttps() {
        assertThat(provider.kind()).isEqualTo("http");
        assertThat(provider.supports(URI.create("http://h/x"))).isTrue();
        assertThat(provider.supports(URI.create("HTTPS://h/x"))).isTrue();
        assertThat(provider.supports(URI.create("file:///x.json"))).isFalse();
        assertThat(provider.supports(URI.create("jdbc:postgresql://h/db"))).isFalse();
    }

    @Test
    void isInstalled() {
        assertThat(Sources.providers()).anyMatch(p -> p instanceof HttpSourceProvider);
    }

    @Test
    void readsThroughSourcesWithTheNamedFormatAndOptions() throws Exception {
        Path token = dir.resolve("t");
        Files.writeString(token, "tok-provider-31337");
        server.route("/items", (ex, n) -> TestServer.json(ex, n == 1
            ? "{\"data\":[{\"id\":1},{\"id\":2}],\"next\":\"b\"}" : "{\"data\":[{\"id\":3}],\"next\":null}"));
        Source s = Sources.forUri(server.uri("/items"), Map.of("format", TestJsonFormatProvider.NAME,
            "format.pointer", "/data", "pagination", "cursor", "cursor_pointer", "/next", "token_file",
            token.toString(), "header.X-Tenant", "t1"));
        ReadResult r = s.read();
        assertThat(r.table().longColumn("id").asList()).containsExactly(1L, 2L, 3L);
        assertThat(server.requests.get(1).query()).isEqualTo("cursor=b");
        assertThat(server.requests.get(1).header("Authorization")).isEqualTo("Bearer tok-provider-31337");
        assertThat(server.requests.get(1).header("X-Tenant")).isEqualTo("t1");
    }

    @Test
    void realJsonAndCsvFormatsAreFoundByName() {
        server.route("/customers.json", (ex, n) -> TestServer.json(ex,
            "{\"items\":[{\"Customer_ID\":1,\"Age\":30.5},{\"Customer_ID\":2,\"Age\":null}]}"));
        server.route("/products", (ex, n) -> TestServer.send(ex, 200, "text/csv", "Product_ID;Price\n7;1.5\n8;2\n"));
        ReadResult json = Sources.forUri(server.uri("/customers.json"), Map.of("format.pointer", "/items")).read();
        assertThat(json.table().columnNames()).containsExactly("customer_id", "age");
        assertThat(json.table().doubleColumn("age").countMissing()).isEqualTo(1);
        ReadResult csv = Sources.forUri(server.uri("/products"), Map.of("format", "csv", "format.delimiter", ";"))
            .read();
        assertThat(csv.table().longColumn("product_id").asList()).containsExactly(7L, 8L);
        assertThat(csv.table().doubleColumn("price").asList()).containsExactly(1.5, 2.0);
    }

    @Test
    void mapsEveryHttpOption() {
        HttpOptions o = HttpSourceProvider.options(Map.ofEntries(Map.entry("method", "post"),
            Map.entry("body", "{}"), Map.entry("content_type", "application/x-json"),
            Map.entry("token_env", "XTAGE_API_TOKEN"), Map.entry("connect_timeout", "300ms"),
            Map.entry("request_timeout", "PT2S"), Map.entry("max_retry_time", "2m"),
            Map.entry("max_retry_after", "30s"), Map.entry("max_attempts", "4"), Map.entry("max_pages", "5"),
            Map.entry("jitter_seed", "9"), Map.entry("pagination", "offset"), Map.entry("limit", "50")));
        assertThat(o).isEqualTo(HttpOptions.builder().post("{}", "application/x-json")
            .bearerToken(io.xtage.core.SecretSupplier.env("XTAGE_API_TOKEN")).connectTimeout(Duration.ofMillis(300))
            .requestTimeout(Duration.ofSeconds(2)).maxRetryTime(Duration.ofMinutes(2))
            .maxRetryAfter(Duration.ofSeconds(30)).maxAttempts(4).maxPages(5).jitterSeed(9)
            .pagination(Pagination.offset("offset", "limit", 50)).build());
    }

    @Test
    void unknownOptionIsRefusedListingTheKnownOnes() {
        assertThatThrownBy(() -> provider.create(URI.create("http://h/x.json"), Map.of("max_attempt", "3")))
            .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("max_attempt")
            .hasMessageContaining("max_attempts");
    }

    @Test
    void formatIsTakenFromTheExtensionOrMustBeGiven() {
        assertThatThrownBy(() -> provider.create(URI.create("http://h/api/items"), Map.of()))
            .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("format=json");
    }

    @Test
    void unknownFormatListsTheInstalledOnes() {
        assertThatThrownBy(() -> provider.create(URI.create("http://h/x"), Map.of("format", "xml")))
            .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'xml'")
            .hasMessageContaining(TestJsonFormatProvider.NAME);
    }

    @Test
    void paginationNeedsItsRequiredOptions() {
        assertThatThrownBy(() -> HttpSourceProvider.options(Map.of("pagination", "pages")))
            .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("page_size");
        assertThatThrownBy(() -> HttpSourceProvider.options(Map.of("pagination", "cursor")))
            .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("cursor_pointer");
        assertThatThrownBy(() -> HttpSourceProvider.options(Map.of("pagination", "sideways")))
            .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("sideways");
    }

    @Test
    void badDurationNamesTheOption() {
        assertThatThrownBy(() -> HttpSourceProvider.options(Map.of("request_timeout", "soon")))
            .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("request_timeout");
    }
}
