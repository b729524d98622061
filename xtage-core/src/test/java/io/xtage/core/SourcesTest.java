package io.xtage.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.xtage.core.spi.SourceProvider;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.Table;

/** Discovery through ServiceLoader, with providers that exist only in the test sources. */
class SourcesTest {
    private static final URI SALES = URI.create("inline:Transaction%20ID,customerName,Price:DOUBLE;1,Ann,9.5;2,Bob,x;3,Cy");

    @Test
    void providerDefinedOnlyInTheTestSourcesIsFoundByItsKind() {
        Source s = Sources.forKind("inline", SALES, Map.of());
        ReadResult r = s.read();
        Table t = r.table();

        assertThat(s.name()).isEqualTo("inline");
        assertThat(t.columnNames()).containsExactly("transaction_id", "customer_name", "price");
        assertThat(t.longColumn("transaction_id").asLongArray()).containsExactly(1L, 2L);
        assertThat(r.recordsRead()).isEqualTo(3);
        assertThat(r.rejects()).extracting(Reject::kind).containsExactly(RejectKind.TYPE, RejectKind.SHAPE);
    }

    @Test
    void providerIsFoundByTheUriScheme() {
        Source s = Sources.forUri(URI.create("inline:a,b;1,2"), Map.of());
        assertThat(s.read().table().rowCount()).isEqualTo(1);
    }

    @Test
    void optionsReachTheProvider() {
        Source strict = Sources.forUri(SALES, Map.of("policy", "strict"));
        assertThatThrownBy(strict::read).isInstanceOfSatisfying(RejectedRecordException.class,
            e -> assertThat(e.reject().column()).hasValue("price"));
    }

    @Test
    void unknownOptionIsAnIllegalArgument() {
        assertThatThrownBy(() -> Sources.forUri(SALES, Map.of("delimiter", ";")))
            .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("delimiter");
    }

    @Test
    void sourcesAreReReadable() {
        Source s = Sources.forUri(SALES, Map.of());
        ReadResult a = s.read();
        ReadResult b = s.read();
        assertThat(b.table().printAll()).isEqualTo(a.table().printAll());
        assertThat(b.rejects()).isEqualTo(a.rejects());
    }

    @Test
    void progressIsReportedOnceAtTheEnd() {
        List<String> calls = new ArrayList<>();
        Sources.forUri(SALES, Map.of()).read((source, rows, bytes, done) -> calls.add(source + rows + done));
        assertThat(calls).containsExactly("inline3true");
    }

    @Test
    void highestPriorityWins() {
        assertThat(Sources.forUri(URI.create("prio:x"), Map.of()).name()).isEqualTo("prio-high:x");
    }

    @Test
    void tieAtTopPriorityNamesBothClasses() {
        assertThatThrownBy(() -> Sources.forUri(URI.create("tie:x"), Map.of()))
            .isInstanceOfSatisfying(SourceException.class, e -> {
                assertThat(e.getMessage()).contains(OtherTestProviders.TieA.class.getName())
                    .contains(OtherTestProviders.TieB.class.getName());
                assertThat(e.sourceName()).isEqualTo("tie:x");
            });
    }

    @Test
    void unknownSchemeListsTheInstalledKinds() {
        assertThatThrownBy(() -> Sources.forUri(URI.create("ftp://example.com/x.csv"), Map.of()))
            .isInstanceOfSatisfying(SourceException.class, e -> assertThat(e.getMessage())
                .contains("no installed source supports this URI")
                .contains("installed kinds: inline, prio-high, prio-low, tie-a, tie-b"));
    }

    @Test
    void unknownKindListsTheInstalledKinds() {
        assertThatThrownBy(() -> Sources.forKind("parquet", SALES, Map.of()))
            .isInstanceOf(SourceException.class)
            .hasMessageContaining("'parquet'")
            .hasMessageContaining("installed kinds: inline, prio-high, prio-low, tie-a, tie-b");
    }

    @Test
    void providersAreFoundWhenCalledAndNotCached() {
        List<SourceProvider> a = Sources.providers();
        List<SourceProvider> b = Sources.providers();
        assertThat(a).extracting(SourceProvider::kind).contains("inline");
        assertThat(a.get(0)).isNotSameAs(b.get(0));
    }

    @Test
    void discoveryUsesTheContextClassLoader() {
        Thread t = Thread.currentThread();
        ClassLoader saved = t.getContextClassLoader();
        try {
            t.setContextClassLoader(new ClassLoader(null) { });
            assertThatThrownBy(() -> Sources.forKind("inline", SALES, Map.of()))
                .isInstanceOf(SourceException.class).hasMessageContaining("installed kinds: none");
        } finally {
            t.setContextClassLoader(saved);
        }
    }
}
