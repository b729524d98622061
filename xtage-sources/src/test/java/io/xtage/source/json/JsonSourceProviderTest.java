package io.xtage.source.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.xtage.core.ReadResult;
import io.xtage.core.Source;
import io.xtage.core.Sources;
import io.xtage.source.csv.Tables;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JsonSourceProviderTest {
    @TempDir
    Path dir;

    private final JsonSourceProvider provider = new JsonSourceProvider();

    @Test
    void supportsJsonNdjsonAndJsonlFiles() {
        assertThat(provider.supports(URI.create("file:///d/a.json"))).isTrue();
        assertThat(provider.supports(URI.create("file:///d/a.ndjson"))).isTrue();
        assertThat(provider.supports(URI.create("data/a.JSONL"))).isTrue();
        assertThat(provider.supports(URI.create("file:///d/a.json.gz"))).isTrue();
        assertThat(provider.supports(URI.create("file:///d/a.csv"))).isFalse();
        assertThat(provider.supports(URI.create("https://h/a.json"))).isFalse();
    }

    @Test
    void isFoundByServiceLoaderWithAPointer() throws IOException {
        Path file = Files.writeString(dir.resolve("o.json"), "{\"data\": {\"items\": [{\"Id\": 1}]}}");

        Source s = Sources.forUri(file.toUri(), Map.of("pointer", "/data/items"));

        assertThat(s).isInstanceOf(JsonSource.class);
        assertThat(Tables.column(s.read().table(), "id")).containsExactly(1L);
    }

    @Test
    void ndjsonExtensionReadsLines() throws IOException {
        Path file = Files.writeString(dir.resolve("l.jsonl"), "{\"id\": 1}\n");

        assertThat(provider.create(file.toUri(), Map.of()).read().table().rowCount()).isEqualTo(1);
    }

    @Test
    void stringOptionsConfigureTheSource() throws IOException {
        Path file = Files.writeString(dir.resolve("s.json"), "[{\"a\": \"Unknown\", \"b\": {\"c\": 2}}]");

        JsonSource s = (JsonSource) provider.create(file.toUri(), Map.of("missing", "Unknown", "snake_case", "false",
            "max_nesting_depth", "5", "schema", "a:STRING,b_c:DOUBLE", "reject_policy", "strict", "layout", "array"));
        ReadResult r = s.read();

        assertThat(s.options().maxNestingDepth()).isEqualTo(5);
        assertThat(s.options().layout()).isEqualTo(JsonLayout.ARRAY);
        assertThat(Tables.column(r.table(), "a")).containsExactly("");
        assertThat(Tables.column(r.table(), "b_c")).containsExactly(2.0);
    }

    @Test
    void unknownOptionListsTheKnownOnes() {
        assertThatThrownBy(() -> provider.create(URI.create("file:///x.json"), Map.of("path", "/a")))
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining("unknown json option 'path'")
            .hasMessageContaining("pointer");
    }

    @Test
    void badLayoutNamesTheOption() {
        assertThatThrownBy(() -> provider.create(URI.create("file:///x.json"), Map.of("layout", "lines")))
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining("option 'layout' must be auto, array or ndjson");
    }
}
