package io.xtage.source.csv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.xtage.core.ReadResult;
import io.xtage.core.RejectPolicy;
import io.xtage.core.Source;
import io.xtage.core.Sources;
import java.net.URI;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvSourceProviderTest {
    @TempDir
    Path dir;

    private final CsvSourceProvider provider = new CsvSourceProvider();

    @Test
    void supportsCsvTsvAndGzipFiles() {
        assertThat(provider.supports(URI.create("file:///d/a.csv"))).isTrue();
        assertThat(provider.supports(URI.create("file:///d/a.CSV.gz"))).isTrue();
        assertThat(provider.supports(URI.create("data/a.tsv"))).isTrue();
        assertThat(provider.supports(URI.create("file:///d/a.json"))).isFalse();
        assertThat(provider.supports(URI.create("https://h/a.csv"))).isFalse();
    }

    @Test
    void isFoundByServiceLoader() {
        Path file = CsvFixtures.write(dir, "s.csv", "A;B\n1;x\n");

        Source s = Sources.forUri(file.toUri(), Map.of("delimiter", ";"));

        assertThat(s).isInstanceOf(CsvSource.class);
        assertThat(s.read().table().columnNames()).containsExactly("a", "b");
    }

    @Test
    void stringOptionsConfigureTheSource() {
        Path file = CsvFixtures.write(dir, "o.csv", "1|n/a|2024-01-02\n");

        CsvSource s = (CsvSource) provider.create(file.toUri(), Map.of("delimiter", "|", "header", "false",
            "column_names", "id,v,day", "missing", "n/a", "reject_policy", "max_rows(3)", "sample_rows", "10",
            "encoding", "UTF-8", "schema", "id:LONG,v:DOUBLE,day:LOCAL_DATE:yyyy-MM-dd"));
        ReadResult r = s.read();

        assertThat(s.rejectPolicy()).isEqualTo(RejectPolicy.maxRows(3));
        assertThat(r.table().columnNames()).containsExactly("id", "v", "day");
        assertThat(Tables.column(r.table(), "v")).containsExactly((Object) null);
        assertThat(r.rejects()).isEmpty();
    }

    @Test
    void tsvExtensionDefaultsToTab() {
        Path file = CsvFixtures.write(dir, "t.tsv", "a\tb\n1\t2\n");

        assertThat(provider.create(file.toUri(), Map.of()).read().table().columnNames()).containsExactly("a", "b");
    }

    @Test
    void unknownOptionListsTheKnownOnes() {
        assertThatThrownBy(() -> provider.create(URI.create("file:///x.csv"), Map.of("delimeter", ";")))
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining("'delimeter'")
            .hasMessageContaining("delimiter, encoding");
    }

    @Test
    void badValueNamesTheOption() {
        assertThatThrownBy(() -> provider.create(URI.create("file:///x.csv"), Map.of("delimiter", ";;")))
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining("option 'delimiter' must be one character");
        assertThatThrownBy(() -> provider.create(URI.create("file:///x.csv"), Map.of("reject_policy", "sometimes")))
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining("reject_policy");
    }

    @Test
    void sourceNameIsThePath() {
        Source s = provider.create(URI.create("data/sales.csv"), Map.of());

        assertThat(s.name()).isEqualTo(Path.of("data/sales.csv").toString());
    }
}
