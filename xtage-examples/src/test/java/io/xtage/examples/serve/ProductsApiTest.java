package io.xtage.examples.serve;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.postgresql.ds.PGSimpleDataSource;

/** The products API over real HTTP against a real PostgreSQL. */
class ProductsApiTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private static EmbeddedPostgres pg;
    private static DataSource ds;
    private static ProductsApi api;

    @BeforeAll
    static void start() {
        pg = ServeFixtures.startEmbedded();
        ds = ServeFixtures.dataSource(pg);
        ServeFixtures.load(ds);
        api = ProductsApi.start(ds, loopback());
    }

    @AfterAll
    static void stop() throws IOException {
        api.close();
        pg.close();
    }

    private static InetSocketAddress loopback() {
        return new InetSocketAddress(InetAddress.getLoopbackAddress(), 0);
    }

    static HttpResponse<String> get(ProductsApi server, String pathAndQuery) throws IOException, InterruptedException {
        return send(server, "GET", pathAndQuery);
    }

    static HttpResponse<String> send(ProductsApi server, String method, String pathAndQuery)
        throws IOException, InterruptedException {
        HttpRequest req = HttpRequest.newBuilder(server.uri().resolve(pathAndQuery))
            .timeout(Duration.ofSeconds(30))
            .method(method, HttpRequest.BodyPublishers.noBody())
            .build();
        return HTTP.send(req, HttpResponse.BodyHandlers.ofString());
    }

    private static JsonNode json(HttpResponse<String> r) throws IOException {
        assertThat(r.headers().firstValue("Content-Type")).contains("application/json; charset=utf-8");
        return MAPPER.readTree(r.body());
    }

    private static JsonNode ok(String pathAndQuery) throws IOException, InterruptedException {
        HttpResponse<String> r = get(api, pathAndQuery);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return json(r);
    }

    private static List<Long> ids(JsonNode page) {
        List<Long> ids = new ArrayList<>();
        page.get("items").forEach(i -> ids.add(i.get("product_id").asLong()));
        return ids;
    }

    private static void assertError(HttpResponse<String> r, int status, String messagePart) throws IOException {
        assertThat(r.statusCode()).as(r.body()).isEqualTo(status);
        JsonNode body = json(r);
        assertThat(body.get("status").asInt()).isEqualTo(status);
        assertThat(body.get("error").asText()).contains(messagePart);
    }

    private static long productRows() throws Exception {
        try (Connection c = ds.getConnection(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT count(*) FROM products")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    // --- /prices/products ----------------------------------------------------------------------

    @Test
    void listsProductsWithPricesByIdWithDefaultPaging() throws Exception {
        JsonNode page = ok("/prices/products");

        assertThat(ids(page)).containsExactly(1L, 2L, 3L, 4L, 5L, 6L);
        assertThat(page.get("limit").asInt()).isEqualTo(50);
        assertThat(page.get("offset").asInt()).isZero();
        assertThat(page.get("total").asLong()).isEqualTo(6);
        assertThat(page.get("items").get(0).toString()).isEqualTo("{\"product_id\":1,\"product_name\":\"Desk\","
            + "\"category\":\"Furniture\",\"price\":120.5,\"stock_available\":4}");
    }

    @Test
    void missingValuesAreJsonNulls() throws Exception {
        JsonNode items = ok("/prices/products").get("items");

        assertThat(items.get(3).get("price").isNull()).isTrue();
        assertThat(items.get(4).get("stock_available").isNull()).isTrue();
    }

    @Test
    void limitAndOffsetSelectAPageAndTotalCountsAll() throws Exception {
        JsonNode page = ok("/prices/products?limit=2&offset=2");

        assertThat(ids(page)).containsExactly(3L, 4L);
        assertThat(page.get("limit").asInt()).isEqualTo(2);
        assertThat(page.get("offset").asInt()).isEqualTo(2);
        assertThat(page.get("total").asLong()).isEqualTo(6);
    }

    @Test
    void offsetPastTheEndGivesNoItemsButTheTotal() throws Exception {
        JsonNode page = ok("/prices/products?offset=100");

        assertThat(ids(page)).isEmpty();
        assertThat(page.get("total").asLong()).isEqualTo(6);
    }

    @Test
    void categoryFilterIgnoresCase() throws Exception {
        JsonNode page = ok("/prices/products?category=FURNITURE");

        assertThat(ids(page)).containsExactly(1L, 2L, 6L);
        assertThat(page.get("total").asLong()).isEqualTo(3);
    }

    @Test
    void categoryIsABoundParameterNotSql() throws Exception {
        JsonNode page = ok("/prices/products?category=%27%20OR%20%271%27%3D%271");

        assertThat(ids(page)).isEmpty();
        assertThat(page.get("total").asLong()).isZero();
    }

    @Test
    void sortByPriceAscendingPutsMissingPricesLast() throws Exception {
        assertThat(ids(ok("/prices/products?sort=price"))).containsExactly(3L, 2L, 5L, 6L, 1L, 4L);
    }

    @Test
    void sortByPriceDescendingAlsoPutsMissingPricesLast() throws Exception {
        assertThat(ids(ok("/prices/products?sort=-price"))).containsExactly(1L, 6L, 5L, 2L, 3L, 4L);
    }

    @Test
    void sortByName() throws Exception {
        assertThat(ids(ok("/prices/products?sort=name"))).containsExactly(5L, 6L, 1L, 2L, 3L, 4L);
        assertThat(ids(ok("/prices/products?sort=-name"))).containsExactly(4L, 3L, 2L, 1L, 6L, 5L);
    }

    @Test
    void filterSortAndPageCombine() throws Exception {
        JsonNode page = ok("/prices/products?category=books&sort=-price&limit=1");

        assertThat(ids(page)).containsExactly(5L);
        assertThat(page.get("total").asLong()).isEqualTo(2);
    }

    @ParameterizedTest
    @ValueSource(strings = {"-1", "abc", "0", "1001", "1.5", "99999999999999999999", ""})
    void badLimitIs400(String limit) throws Exception {
        assertError(get(api, "/prices/products?limit=" + limit), 400, "limit must be an integer from 1 to 1000");
    }

    @ParameterizedTest
    @ValueSource(strings = {"-1", "x", "2147483648"})
    void badOffsetIs400(String offset) throws Exception {
        assertError(get(api, "/prices/products?offset=" + offset), 400, "offset must be an integer");
    }

    @Test
    void unknownSortIs400() throws Exception {
        assertError(get(api, "/prices/products?sort=price;drop%20table%20products"), 400,
            "sort must be one of price, -price, name, -name");
    }

    @Test
    void unknownParameterIs400() throws Exception {
        assertError(get(api, "/prices/products?limt=5"), 400, "unknown parameter 'limt'");
    }

    @Test
    void repeatedParameterIs400() throws Exception {
        assertError(get(api, "/prices/products?limit=5&limit=6"), 400, "more than once");
    }

    @Test
    void emptyCategoryIs400() throws Exception {
        assertError(get(api, "/prices/products?category="), 400, "category must not be empty");
    }

    @Test
    void invalidUtf8InACategoryIsJustAnotherCategory() throws Exception {
        JsonNode page = ok("/prices/products?category=%ff%fe");

        assertThat(page.get("total").asLong()).isZero();
    }

    // --- /products/{id} ------------------------------------------------------------------------

    @Test
    void productById() throws Exception {
        assertThat(ok("/products/3").toString()).isEqualTo("{\"product_id\":3,\"product_name\":\"Novel\","
            + "\"category\":\"Books\",\"price\":12.99,\"stock_available\":100}");
    }

    @Test
    void unknownIdIs404() throws Exception {
        assertError(get(api, "/products/999"), 404, "no product with id 999");
    }

    @ParameterizedTest
    @ValueSource(strings = {"1;drop%20table%20products", "abc", "0", "-1", "1.0", "99999999999999999999", "%201", ""})
    void badIdIs400AndTouchesNothing(String id) throws Exception {
        assertError(get(api, "/products/" + id), 400, "product id");
        assertThat(productRows()).isEqualTo(6);
    }

    // --- routing, health -------------------------------------------------------------------------

    @ParameterizedTest
    @ValueSource(strings = {"/", "/nope", "/products", "/products/1/extra", "/prices/products/", "/prices"})
    void unknownPathIs404Json(String path) throws Exception {
        assertError(get(api, path), 404, "no such path");
    }

    @Test
    void otherMethodsAre405WithAllow() throws Exception {
        HttpResponse<String> r = send(api, "POST", "/prices/products");

        assertError(r, 405, "use GET");
        assertThat(r.headers().firstValue("Allow")).contains("GET");
    }

    @Test
    void healthIsOkWhileTheDatabaseAnswers() throws Exception {
        assertThat(ok("/health").toString()).isEqualTo("{\"status\":\"ok\"}");
    }

    @Test
    void concurrentRequestsAreAllAnswered() throws Exception {
        List<CompletableFuture<HttpResponse<String>>> all = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            HttpRequest req = HttpRequest.newBuilder(api.uri().resolve("/prices/products?limit=" + (1 + i % 6)))
                .timeout(Duration.ofSeconds(30)).build();
            all.add(HTTP.sendAsync(req, HttpResponse.BodyHandlers.ofString()));
        }
        for (int i = 0; i < all.size(); i++) {
            HttpResponse<String> r = all.get(i).get();
            assertThat(r.statusCode()).isEqualTo(200);
            assertThat(ids(json(r))).hasSize(1 + i % 6);
        }
    }

    // --- database trouble ----------------------------------------------------------------------

    @Test
    void unreachableDatabaseIs503Everywhere() throws Exception {
        int closedPort;
        try (ServerSocket s = new ServerSocket(0)) {
            closedPort = s.getLocalPort();
        }
        PGSimpleDataSource down = new PGSimpleDataSource();
        down.setServerNames(new String[] {"127.0.0.1"});
        down.setPortNumbers(new int[] {closedPort});
        down.setConnectTimeout(2);
        try (ProductsApi broken = ProductsApi.start(down, loopback())) {
            assertError(get(broken, "/health"), 503, "database unavailable");
            assertError(get(broken, "/prices/products"), 503, "database unavailable");
            assertError(get(broken, "/products/1"), 503, "database unavailable");
            assertError(get(broken, "/products/x"), 400, "product id");
        }
    }

    @Test
    void databaseStoppedWhileServingTurnsHealthTo503() throws Exception {
        EmbeddedPostgres own = ServeFixtures.startEmbedded();
        try (ProductsApi server = ProductsApi.start(own.getPostgresDatabase(), loopback())) {
            ServeFixtures.load(own.getPostgresDatabase());
            assertThat(get(server, "/health").statusCode()).isEqualTo(200);
            assertThat(get(server, "/products/1").statusCode()).isEqualTo(200);

            own.close();

            assertError(get(server, "/health"), 503, "database unavailable");
            assertError(get(server, "/prices/products"), 503, "database unavailable");
        } finally {
            own.close();
        }
    }

    @Test
    void missingProductsTableIs500WithoutSqlDetails() throws Exception {
        EmbeddedPostgres own = ServeFixtures.startEmbedded();
        try (ProductsApi server = ProductsApi.start(own.getPostgresDatabase(), loopback())) {
            HttpResponse<String> r = get(server, "/prices/products");

            assertError(r, 500, "database error (SQLSTATE 42P01)");
            assertThat(r.body()).doesNotContain("relation");
        } finally {
            own.close();
        }
    }

    @Test
    void closeStopsListening() throws Exception {
        ProductsApi server = ProductsApi.start(ds, loopback());
        URI uri = server.uri();
        assertThat(get(server, "/health").statusCode()).isEqualTo(200);

        server.close();

        HttpRequest req = HttpRequest.newBuilder(uri.resolve("/health")).timeout(Duration.ofSeconds(5)).build();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> HTTP.send(req, HttpResponse.BodyHandlers.ofString()))
            .isInstanceOf(IOException.class);
    }
}
