package io.xtage.source.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.xtage.core.SecretSupplier;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class HttpOptionsTest {
    @Test
    void defaultsAreTheDocumentedConstants() {
        HttpOptions o = HttpOptions.DEFAULTS;
        assertThat(o.method()).isEqualTo("GET");
        assertThat(o.connectTimeout()).isEqualTo(Duration.ofSeconds(10));
        assertThat(o.requestTimeout()).isEqualTo(Duration.ofSeconds(60));
        assertThat(o.maxAttempts()).isEqualTo(3);
        assertThat(o.maxPages()).isEqualTo(10_000);
        assertThat(o.pagination()).isEqualTo(Pagination.none());
        assertThat(o.bearerToken()).isEmpty();
        assertThat(o.jitterSeed()).isEmpty();
    }

    @Test
    void toBuilderGivesEqualOptions() {
        HttpOptions o = HttpOptions.builder().post("{}", "application/json").header("X-A", "1")
            .bearerToken(SecretSupplier.env("XTAGE_API_TOKEN")).connectTimeout(Duration.ofSeconds(3))
            .requestTimeout(Duration.ofSeconds(4)).maxAttempts(5).backoff(Duration.ofMillis(10), Duration.ofSeconds(1))
            .maxRetryAfter(Duration.ofSeconds(9)).maxRetryTime(Duration.ofSeconds(30)).jitterSeed(7)
            .pagination(Pagination.cursor("/next", "c")).maxPages(12).build();
        assertThat(o.toBuilder().build()).isEqualTo(o).hasSameHashCodeAs(o);
        assertThat(o.toBuilder().maxPages(13).build()).isNotEqualTo(o);
    }

    @Test
    void toStringShowsHeaderNamesButNotValues() {
        HttpOptions o = HttpOptions.builder().header("X-Api-Key", "key-value-4242")
            .bearerToken(SecretSupplier.env("XTAGE_API_TOKEN")).build();
        assertThat(o.toString()).contains("X-Api-Key").contains("XTAGE_API_TOKEN").doesNotContain("key-value-4242");
    }

    @Test
    void timeoutsMustBePositive() {
        assertThatThrownBy(() -> HttpOptions.builder().requestTimeout(Duration.ZERO).build())
            .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("requestTimeout")
            .hasMessageContaining("HttpOptions.Builder.requestTimeout");
        assertThatThrownBy(() -> HttpOptions.builder().connectTimeout(Duration.ofSeconds(-1)).build())
            .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("connectTimeout");
    }

    @Test
    void maxAttemptsIsBounded() {
        assertThatThrownBy(() -> HttpOptions.builder().maxAttempts(0).build())
            .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("maxAttempts");
        assertThatThrownBy(() -> HttpOptions.builder().maxAttempts(HttpOptions.MAX_MAX_ATTEMPTS + 1).build())
            .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void backoffMaxMustNotBeBelowInitial() {
        assertThatThrownBy(() -> HttpOptions.builder().backoff(Duration.ofSeconds(2), Duration.ofSeconds(1)).build())
            .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("backoff");
    }

    @Test
    void authorizationHeaderAndBearerTokenConflict() {
        assertThatThrownBy(() -> HttpOptions.builder().header("authorization", "Basic eA==")
            .bearerToken(SecretSupplier.env("T")).build()).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void restrictedHeaderIsRefusedWithoutShowingItsValue() {
        assertThatThrownBy(() -> HttpOptions.builder().header("Host", "secret-host-value").build())
            .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Host")
            .satisfies(e -> assertThat(e.getMessage()).doesNotContain("secret-host-value"));
    }

    @Test
    void acceptEncodingIsHttpSourcesOwn() {
        assertThatThrownBy(() -> HttpOptions.builder().header("Accept-Encoding", "br").build())
            .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Accept-Encoding");
    }

    @Test
    void headerOfTheSameNameReplacesTheEarlierOne() {
        HttpOptions o = HttpOptions.builder().header("X-A", "1").header("x-a", "2").build();
        assertThat(o.headers()).containsExactly(java.util.Map.entry("x-a", "2"));
    }
}
