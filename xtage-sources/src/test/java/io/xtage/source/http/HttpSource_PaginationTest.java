package io.xtage.source.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.xtage.core.ReadResult;
import io.xtage.core.Reject;
import io.xtage.core.RejectKind;
import io.xtage.core.SourceException;
import io.xtage.core.spi.RecordFormat;
import io.xtage.source.json.JsonOptions;
import io.xtage.source.json.JsonSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.ColumnType;

class HttpSource_PaginationTest {
    private static final RecordFormat JSON = JsonSource.format(JsonOptions.DEFAULT);

    private final TestServer server = new TestServer();

    @AfterEach
    void stop() {
        server.close();
    }

    private static String items(int from, int to) {
        return IntStream.range(from, to).mapToObj(i -> "{\"id\":" + i + ",\"name\":\"n" + i + "\"}")
            .collect(Collectors.joining(",", "[", "]"));
    }

    private static Map<String, String> query(TestServer.Request r) {
        return java.util.Arrays.stream(r.query().split("&")).filter(s -> !s.isEmpty())
            .map(s -> s.split("=", 2)).collect(Collectors.toMap(a -> a[0], a -> a.length > 1 ? a[1] : ""));
    }

    private ReadResult read(String path, Pagination p) {
        return HttpSource.builder().uri(server.uri(path)).format(JSON)
            .options(HttpOptions.builder().pagination(p).build()).build().read();
    }

    @Test
    void noPaginationSendsOneRequest() {
        server.route("/items", (ex, n) -> TestServer.json(ex, items(0, 3)));
        ReadResult r = read("/items", Pagination.none());
        assertThat(r.table().rowCount()).isEqualTo(3);
        assertThat(server.requests).hasSize(1);
    }

    @Test
    void pagesFollowPageNumbersUntilAnEmptyPage() {
        server.route("/items", (ex, n) -> {
            int page = Integer.parseInt(query(server.requests.get(server.requests.size() - 1)).get("page"));
            TestServer.json(ex, page <= 2 ? items((page - 1) * 2, page * 2) : "[]");
        });
        ReadResult r = read("/items?category=a", Pagination.pages("page", "per_page", 2));
        assertThat(r.table().longColumn("id").asList()).containsExactly(0L, 1L, 2L, 3L);
        assertThat(server.requests).extracting(TestServer.Request::query)
            .containsExactly("category=a&page=1&per_page=2", "category=a&page=2&per_page=2",
                "category=a&page=3&per_page=2");
    }

    @Test
    void pagesStartAtTheGivenFirstPage() {
        server.route("/items", (ex, n) -> TestServer.json(ex, n == 1 ? items(0, 1) : "[]"));
        read("/items", Pagination.pages("p", 0, "size", 10));
        assertThat(server.requests).extracting(TestServer.Request::query).containsExactly("p=0&size=10", "p=1&size=10");
    }

    @Test
    void offsetAdvancesByRecordsReadWhenTheServerCapsThePage() {
        // The client asks for 3, the server never gives more than 2: no record may be skipped.
        server.route("/items", (ex, n) -> {
            int offset = Integer.parseInt(query(server.requests.get(server.requests.size() - 1)).get("offset"));
            TestServer.json(ex, items(offset, Math.min(offset + 2, 5)));
        });
        ReadResult r = read("/items", Pagination.offset("offset", "limit", 3));
        assertThat(r.table().longColumn("id").asList()).containsExactly(0L, 1L, 2L, 3L, 4L);
        assertThat(server.requests).extracting(TestServer.Request::query)
            .containsExactly("offset=0&limit=3", "offset=2&limit=3", "offset=4&limit=3", "offset=5&limit=3");
    }

    @Test
    void cursorIsReadFromTheBodyAndSentAsAParameter() {
        server.route("/items", (ex, n) -> {
            String body = switch (n) {
                case 1 -> "{\"items\":" + items(0, 2) + ",\"meta\":{\"next\":\"c/2+x\"}}";
                case 2 -> "{\"items\":" + items(2, 4) + ",\"meta\":{\"next\":\"c3\"}}";
                default -> "{\"items\":" + items(4, 5) + ",\"meta\":{\"next\":null}}";
            };
            TestServer.json(ex, body);
        });
        ReadResult r = HttpSource.builder().uri(server.uri("/items")).format(JsonSource.format(
                JsonOptions.builder().pointer("/items").build()))
            .options(HttpOptions.builder().pagination(Pagination.cursor("/meta/next", "cursor")).build()).build()
            .read();
        assertThat(r.table().longColumn("id").asList()).containsExactly(0L, 1L, 2L, 3L, 4L);
        assertThat(server.requests).extracting(TestServer.Request::query)
            .containsExactly("", "cursor=c%2F2%2Bx", "cursor=c3");
    }

    @Test
    void cursorThatRepeatsFailsTheRead() {
        server.route("/items", (ex, n) -> TestServer.json(ex, "{\"items\":" + items(n, n + 1) + ",\"next\":\"same\"}"));
        HttpSource s = HttpSource.builder().uri(server.uri("/items"))
            .format(JsonSource.format(JsonOptions.builder().pointer("/items").build()))
            .options(HttpOptions.builder().pagination(Pagination.cursor("/next", "cursor")).build()).build();
        assertThatThrownBy(s::read).isInstanceOf(SourceException.class).hasMessageContaining("page 2")
            .hasMessageContaining("would loop");
        assertThat(server.requests).hasSize(2);
    }

    @Test
    void linkHeaderIsFollowedUntilThereIsNoNext() {
        server.route("/items", (ex, n) -> {
            if (n < 3) {
                ex.getResponseHeaders().add("Link", "</items?page=" + (n + 1) + ">; rel=\"next\", </items?page=3>; "
                    + "rel=\"last\"");
            }
            TestServer.json(ex, items(n * 10, n * 10 + 1));
        });
        ReadResult r = read("/items", Pagination.linkHeader());
        assertThat(r.table().longColumn("id").asList()).containsExactly(10L, 20L, 30L);
        assertThat(server.requests).extracting(TestServer.Request::query).containsExactly("", "page=2", "page=3");
    }

    @Test
    void linkToAnotherOriginIsNotFollowedWithAToken() throws Exception {
        java.nio.file.Path token = java.nio.file.Files.createTempFile("token", ".txt");
        java.nio.file.Files.writeString(token, "tok-origin-123456");
        server.route("/items", (ex, n) -> {
            ex.getResponseHeaders().add("Link", "<http://localhost:" + server.port() + "/items?page=2>; rel=next");
            TestServer.json(ex, items(0, 1));
        });
        HttpSource s = HttpSource.builder().uri(server.uri("/items")).format(JSON)
            .options(HttpOptions.builder().pagination(Pagination.linkHeader())
                .bearerToken(io.xtage.core.SecretSupplier.file(token)).build()).build();
        assertThatThrownBy(s::read).isInstanceOf(SourceException.class).hasMessageContaining("another origin");
        assertThat(server.requests).hasSize(1);
    }

    @Test
    void readFailsWhenThePagesPassTheCap() {
        server.route("/items", (ex, n) -> TestServer.json(ex, items(n, n + 1)));
        HttpSource s = HttpSource.builder().uri(server.uri("/items")).format(JSON)
            .options(HttpOptions.builder().pagination(Pagination.pages("page", "size", 1)).maxPages(3).build())
            .build();
        assertThatThrownBy(s::read).isInstanceOf(SourceException.class)
            .hasMessageContaining("more than 3 pages").hasMessageContaining("maxPages");
        assertThat(server.requests).hasSize(3);
    }

    @Test
    void laterPagesAreReadWithPageOnesSchema() {
        // Alone, page 2 would be inferred as LONG; it must follow page 1's DOUBLE.
        server.route("/items", (ex, n) -> TestServer.json(ex, switch (n) {
            case 1 -> "[{\"id\":1,\"price\":1.5}]";
            case 2 -> "[{\"id\":2,\"price\":2}]";
            default -> "[]";
        }));
        ReadResult r = read("/items", Pagination.pages("page", "size", 1));
        assertThat(r.table().column("price").type()).isEqualTo(ColumnType.DOUBLE);
        assertThat(r.table().doubleColumn("price").asList()).containsExactly(1.5, 2.0);
    }

    @Test
    void rejectsAreNumberedAcrossPages() {
        server.route("/items", (ex, n) -> TestServer.json(ex, switch (n) {
            case 1 -> "[{\"id\":1,\"price\":1.5},{\"id\":2,\"price\":2.5}]";
            case 2 -> "[{\"id\":3,\"price\":3.5},{\"id\":4,\"price\":\"abc\"}]";
            default -> "[]";
        }));
        ReadResult r = read("/items", Pagination.pages("page", "size", 2));
        assertThat(r.rejects()).hasSize(1);
        Reject x = r.rejects().get(0);
        assertThat(x.recordNumber()).isEqualTo(4);
        assertThat(x.column()).contains("price");
        assertThat(x.kind()).isEqualTo(RejectKind.TYPE);
        assertThat(x.source()).isEqualTo(server.uri("/items").toString());
    }

    @Test
    void reportSumsThePages() {
        server.route("/items", (ex, n) -> TestServer.json(ex, switch (n) {
            case 1 -> "[{\"id\":1,\"name\":\"a\"},{\"id\":2,\"name\":null}]";
            case 2 -> "[{\"id\":3,\"name\":null}]";
            default -> "[]";
        }));
        ReadResult r = read("/items", Pagination.pages("page", "size", 2));
        assertThat(r.recordsRead()).isEqualTo(3);
        assertThat(r.report().rowsRead()).isEqualTo(3);
        assertThat(r.report().missing()).containsEntry("name", 2L);
        assertThat(server.requests).hasSize(3);
        assertThat(r.report().bytesRead()).isEqualTo("[{\"id\":1,\"name\":\"a\"},{\"id\":2,\"name\":null}]".length()
            + "[{\"id\":3,\"name\":null}]".length() + "[]".length());
    }

    @Test
    void progressEndsOnceWithTheTotal() {
        server.route("/items", (ex, n) -> TestServer.json(ex, n <= 2 ? items(n * 10, n * 10 + 2) : "[]"));
        List<long[]> done = new ArrayList<>();
        HttpSource.builder().uri(server.uri("/items")).format(JSON)
            .options(HttpOptions.builder().pagination(Pagination.pages("page", "size", 2)).build()).build()
            .read((src, rows, bytes, isDone) -> {
                if (isDone) {
                    done.add(new long[] {rows, bytes});
                }
            });
        assertThat(done).hasSize(1);
        assertThat(done.get(0)[0]).isEqualTo(4);
    }
}
