package io.xtage.source.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpHeaders;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PaginationTest {
    private static PageContext page(URI current, Map<String, List<String>> headers, String body) {
        return new PageContext("src", URI.create("http://h/items"), current, 1, 10,
            HttpHeaders.of(headers, (a, b) -> true), body == null ? null : body.getBytes(), false);
    }

    @Test
    void factoriesCheckTheirArguments() {
        assertThatThrownBy(() -> Pagination.pages("page", "size", 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Pagination.pages("", "size", 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Pagination.offset("o", "l", -1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Pagination.cursor("next", "c")).isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining("JSON Pointer");
        assertThatThrownBy(() -> Pagination.cursor("", "c")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void equalStylesAreEqual() {
        assertThat(Pagination.pages("p", "s", 5)).isEqualTo(Pagination.pages("p", 1, "s", 5))
            .isNotEqualTo(Pagination.pages("p", 0, "s", 5));
        assertThat(Pagination.cursor("/a", "c")).isEqualTo(Pagination.cursor("/a", "c"))
            .hasSameHashCodeAs(Pagination.cursor("/a", "c"));
        assertThat(Pagination.linkHeader()).isEqualTo(Pagination.linkHeader());
    }

    @Test
    void linkHeaderFindsNextAmongSeveralRelsAndHeaders() {
        URI next = Pagination.linkHeader().next(page(URI.create("http://h/items?page=1"), Map.of("Link",
            List.of("<http://h/items?page=9>; rel=\"last\"", "<http://h/items?page=1>; rel=\"first\", "
                + "<items?page=2>; title=\"x, y\"; rel=\"prev next\"")), null));
        assertThat(next).isEqualTo(URI.create("http://h/items?page=2"));
    }

    @Test
    void linkHeaderWithoutNextEnds() {
        assertThat(Pagination.linkHeader().next(page(URI.create("http://h/items"),
            Map.of("Link", List.of("<http://h/items?page=1>; rel=prev")), null))).isNull();
        assertThat(Pagination.linkHeader().next(page(URI.create("http://h/items"), Map.of(), null))).isNull();
    }

    @Test
    void cursorEndsOnMissingNullOrEmpty() {
        Pagination c = Pagination.cursor("/next", "cursor");
        URI u = URI.create("http://h/items");
        assertThat(c.next(page(u, Map.of(), "{}"))).isNull();
        assertThat(c.next(page(u, Map.of(), "{\"next\":null}"))).isNull();
        assertThat(c.next(page(u, Map.of(), "{\"next\":\"\"}"))).isNull();
        assertThat(c.next(page(u, Map.of(), "{\"next\":42}"))).isEqualTo(URI.create("http://h/items?cursor=42"));
    }

    @Test
    void cursorInANonJsonBodyFailsWithoutQuotingIt() {
        assertThatThrownBy(() -> Pagination.cursor("/next", "c").next(page(URI.create("http://h/x"), Map.of(),
            "secret-ish <html>"))).isInstanceOf(io.xtage.core.SourceException.class)
            .hasMessageContaining("not valid JSON").satisfies(e -> assertThat(e.getMessage()).doesNotContain("secret"));
    }
}
