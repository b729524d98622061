package io.xtage.source.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.xtage.core.ReadResult;
import io.xtage.core.SourceException;
import io.xtage.core.spi.RecordFormat;
import io.xtage.source.LogCapture;
import io.xtage.source.csv.CsvOptions;
import io.xtage.source.csv.CsvSource;
import io.xtage.source.json.JsonOptions;
import io.xtage.source.json.JsonSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class HttpSource_BodyTest {
    private static final RecordFormat JSON = JsonSource.format(JsonOptions.DEFAULT);

    private final TestServer server = new TestServer();

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void asksForGzipAndReadsAGzippedBody() {
        server.route("/x", (ex, n) -> TestServer.gzipJson(ex, "[{\"id\":1,\"name\":\"a\"},{\"id\":2,\"name\":\"b\"}]"));
        ReadResult r = HttpSource.builder().uri(server.uri("/x")).format(JSON).build().read();
        assertThat(r.table().stringColumn("name").asList()).containsExactly("a", "b");
        assertThat(server.requests.get(0).header("Accept-Encoding")).isEqualTo("gzip");
    }

    @Test
    void gzippedPagesAreFollowed() {
        server.route("/x", (ex, n) -> TestServer.gzipJson(ex, n == 1 ? "[{\"id\":1}]" : "[]"));
        ReadResult r = HttpSource.builder().uri(server.uri("/x")).format(JSON)
            .options(HttpOptions.builder().pagination(Pagination.pages("page", "size", 1)).build()).build().read();
        assertThat(r.table().rowCount()).isEqualTo(1);
    }

    @Test
    void unknownContentEncodingFails() {
        server.route("/x", (ex, n) -> {
            ex.getResponseHeaders().set("Content-Encoding", "br");
            TestServer.json(ex, "[]");
        });
        assertThatThrownBy(() -> HttpSource.builder().uri(server.uri("/x")).format(JSON).build().read())
            .isInstanceOf(SourceException.class).hasMessageContaining("Content-Encoding 'br'");
    }

    @Test
    void postSendsItsBodyAndType() {
        server.route("/search", (ex, n) -> TestServer.json(ex, "[{\"id\":7}]"));
        ReadResult r = HttpSource.builder().uri(server.uri("/search")).format(JSON)
            .options(HttpOptions.builder().post("{\"q\":\"shoes\"}", "application/json").build()).build().read();
        assertThat(r.table().rowCount()).isEqualTo(1);
        TestServer.Request req = server.requests.get(0);
        assertThat(req.method()).isEqualTo("POST");
        assertThat(req.body()).isEqualTo("{\"q\":\"shoes\"}");
        assertThat(req.header("Content-Type")).isEqualTo("application/json");
    }

    @Test
    void sendsTheGivenHeaders() {
        server.route("/x", (ex, n) -> TestServer.json(ex, "[]"));
        HttpSource.builder().uri(server.uri("/x")).format(JSON)
            .options(HttpOptions.builder().header("Accept", "application/json").header("X-Tenant", "t1").build())
            .build().read();
        assertThat(server.requests.get(0).header("Accept")).isEqualTo("application/json");
        assertThat(server.requests.get(0).header("X-Tenant")).isEqualTo("t1");
    }

    @Test
    void readsCsvBodiesWithTheCsvFormat() {
        server.route("/x.csv", (ex, n) -> TestServer.send(ex, 200, "text/csv", "id,price\n1,2.5\n2,3.5\n"));
        ReadResult r = HttpSource.builder().uri(server.uri("/x.csv")).format(CsvSource.format(CsvOptions.DEFAULT))
            .build().read();
        assertThat(r.table().doubleColumn("price").asList()).containsExactly(2.5, 3.5);
    }

    @Test
    void emptyFirstPageGivesAnEmptyTable() {
        server.route("/x", (ex, n) -> TestServer.json(ex, "[]"));
        ReadResult r = HttpSource.builder().uri(server.uri("/x")).format(JSON)
            .options(HttpOptions.builder().pagination(Pagination.pages("page", "size", 10)).build()).build().read();
        assertThat(r.table().rowCount()).isZero();
        assertThat(r.recordsRead()).isZero();
        assertThat(server.requests).hasSize(1);
    }

    @Test
    void readingTwiceGivesEqualTables() {
        server.route("/x", (ex, n) -> TestServer.json(ex, "[{\"id\":1,\"name\":\"a\"}]"));
        HttpSource s = HttpSource.builder().uri(server.uri("/x")).format(JSON).build();
        assertThat(s.read().table().printAll()).isEqualTo(s.read().table().printAll());
    }

    @Test
    void opensAndClosesAreLoggedAtDebug() {
        server.route("/x", (ex, n) -> TestServer.json(ex, "[{\"id\":1}]"));
        try (LogCapture log = LogCapture.start()) {
            HttpSource.builder().uri(server.uri("/x")).format(JSON).build().read();
            assertThat(log.text()).contains("DEBUG").contains(": open (GET").contains(": closed; 1 records");
        }
    }
}
