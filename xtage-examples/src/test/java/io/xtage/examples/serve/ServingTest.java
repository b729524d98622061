package io.xtage.examples.serve;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.xtage.sink.SinkException;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ServingTest {
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final ObjectMapper MAPPER = new ObjectMapper();

    @TempDir
    Path tmp;

    private static InetSocketAddress loopback() {
        return new InetSocketAddress(InetAddress.getLoopbackAddress(), 0);
    }

    private static HttpResponse<String> get(java.net.URI uri) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30)).build(),
            HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void servesASqlExportFromAnEmbeddedDatabase() throws Exception {
        Path export = ServeFixtures.export(tmp.resolve("prepared.sql"));

        try (Serving s = Serving.fromSqlExport(export, loopback())) {
            HttpResponse<String> r = get(java.net.URI.create(s.productsUri() + "?sort=-price&limit=2"));

            assertThat(r.statusCode()).isEqualTo(200);
            JsonNode page = MAPPER.readTree(r.body());
            assertThat(page.get("total").asLong()).isEqualTo(6);
            assertThat(page.get("items").get(0).get("product_name").asText()).isEqualTo("Desk");
            assertThat(s.productsUri().toString()).isEqualTo("http://127.0.0.1:" + s.port() + "/prices/products");
            assertThat(s.databaseProblem()).isEmpty();
        }
    }

    @Test
    void closeStopsTheEmbeddedDatabaseToo() throws Exception {
        Path export = ServeFixtures.export(tmp.resolve("prepared.sql"));
        Serving s = Serving.fromSqlExport(export, loopback());
        int dbPort = s.embeddedDatabasePort().orElseThrow();

        s.close();
        s.awaitClose();

        assertThatThrownBy(() -> new java.net.Socket("127.0.0.1", dbPort).close()).isInstanceOf(IOException.class);
    }

    @Test
    void anExportThatDoesNotLoadFailsNamingTheLine() throws IOException {
        Path bad = tmp.resolve("bad.sql");
        Files.writeString(bad, "CREATE TABLE products (product_id bigint);\nINSERT INTO nope VALUES (1);\n");

        assertThatThrownBy(() -> Serving.fromSqlExport(bad, loopback()))
            .isInstanceOf(SinkException.class)
            .hasMessageContaining("line 2");
    }

    @Test
    void aMissingExportFileFailsBeforeStartingAnything() {
        assertThatThrownBy(() -> Serving.fromSqlExport(tmp.resolve("nope.sql"), loopback()))
            .isInstanceOf(UncheckedIOException.class)
            .hasMessageContaining("nope.sql");
    }

    @Test
    void servesAnExistingDatabaseByUrl() throws Exception {
        try (EmbeddedPostgres pg = ServeFixtures.startEmbedded()) {
            ServeFixtures.load(pg.getPostgresDatabase());

            try (Serving s = Serving.fromUrl(pg.getJdbcUrl("postgres", "postgres"), null, "unused", loopback())) {
                assertThat(get(s.uri().resolve("/products/2")).body()).contains("\"product_name\":\"Lamp\"");
            }
        }
    }

    @Test
    void rejectsUrlsThatAreNotPostgresAndHidesTheirSecrets() {
        assertThatThrownBy(() -> Serving.fromUrl("jdbc:mysql://u:pw@h/db?password=s3cret", null, null, loopback()))
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining("jdbc:postgresql:")
            .hasMessageNotContaining("s3cret")
            .hasMessageNotContaining("pw@");
    }

    @Test
    void sqlScriptsLoadsAnExportIntoAnEmptyDatabase() throws Exception {
        Path export = ServeFixtures.export(tmp.resolve("prepared.sql"));
        try (EmbeddedPostgres pg = ServeFixtures.startEmbedded()) {
            var report = SqlScripts.load(pg.getPostgresDatabase(), export);

            assertThat(report.rowsWritten()).isEqualTo(8);
            try (var c = pg.getPostgresDatabase().getConnection(); var st = c.createStatement();
                 var rs = st.executeQuery("SELECT count(*) FROM prepared")) {
                rs.next();
                assertThat(rs.getLong(1)).isEqualTo(2);
            }
        }
    }
}
