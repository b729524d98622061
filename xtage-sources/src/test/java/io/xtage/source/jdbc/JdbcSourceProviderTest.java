package io.xtage.source.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.xtage.core.Source;
import io.xtage.core.Sources;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JdbcSourceProviderTest {
    private static TestPg pg;
    private static String schema;
    private final JdbcSourceProvider provider = new JdbcSourceProvider();

    @TempDir
    Path dir;

    @BeforeAll
    static void setUp() throws SQLException {
        pg = TestPg.get();
        schema = pg.newSchema("jdbc_provider");
        pg.exec("CREATE TABLE " + schema + ".products (\"ProductID\" bigint, name text)",
            "INSERT INTO " + schema + ".products VALUES (1, 'pen'), (2, 'ink')");
        pg.role("xtage_provider", "prov-pw-112233", schema);
    }

    @Test
    void supportsPostgresqlJdbcUrisOnly() {
        assertThat(provider.kind()).isEqualTo("jdbc");
        assertThat(provider.supports(URI.create("jdbc:postgresql://h:5432/db"))).isTrue();
        assertThat(provider.supports(URI.create("jdbc:mysql://h/db"))).isFalse();
        assertThat(provider.supports(URI.create("http://h/x"))).isFalse();
    }

    @Test
    void readsATableThroughSources() throws Exception {
        Path pw = dir.resolve("pw");
        Files.writeString(pw, "prov-pw-112233");
        Source s = Sources.forUri(URI.create(pg.url()), Map.of("user", "xtage_provider", "password_file",
            pw.toString(), "table", schema + ".products", "fetch_size", "1", "query_timeout", "30s"));
        assertThat(s.name()).isEqualTo(pg.name() + "#" + schema + ".products");
        assertThat(s.read().table().longColumn("product_id").asList()).containsExactly(1L, 2L);
    }

    @Test
    void readsAQueryWithOptions() throws Exception {
        Path pw = dir.resolve("pw");
        Files.writeString(pw, "prov-pw-112233");
        Source s = provider.create(URI.create(pg.url()), Map.of("user", "xtage_provider", "password_file",
            pw.toString(), "query", "select \"ProductID\" from " + schema + ".products order by 1", "snake_case",
            "false"));
        assertThat(s.read().table().columnNames()).containsExactly("ProductID");
    }

    @Test
    void needsExactlyOneOfTableAndQuery() {
        assertThatThrownBy(() -> provider.create(URI.create(pg.url()), Map.of()))
            .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("table and query");
        assertThatThrownBy(() -> provider.create(URI.create(pg.url()), Map.of("table", "t", "query", "select 1")))
            .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void unknownOptionIsRefusedListingTheKnownOnes() {
        assertThatThrownBy(() -> provider.create(URI.create(pg.url()), Map.of("table", "t", "pasword_env", "X")))
            .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("pasword_env")
            .hasMessageContaining("password_env");
    }

    @Test
    void badValuesNameTheOption() {
        assertThatThrownBy(() -> provider.create(URI.create(pg.url()), Map.of("table", "t", "snake_case", "yes")))
            .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("snake_case");
        assertThatThrownBy(() -> provider.create(URI.create(pg.url()), Map.of("table", "t", "query_timeout", "soon")))
            .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("query_timeout");
    }
}
