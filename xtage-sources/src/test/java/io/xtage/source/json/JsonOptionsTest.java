package io.xtage.source.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class JsonOptionsTest {
    @Test
    void defaultsAreAutoLayoutDepth100NoPointer() {
        JsonOptions o = JsonOptions.DEFAULT;

        assertThat(o.layout()).isEqualTo(JsonLayout.AUTO);
        assertThat(o.pointer()).isEmpty();
        assertThat(o.maxNestingDepth()).isEqualTo(100);
        assertThat(o.maxDocumentLength()).isEqualTo(-1);
        assertThat(o.isSnakeCaseNames()).isTrue();
    }

    @Test
    void toBuilderRoundTripsEveryOption() {
        JsonOptions o = JsonOptions.builder().pointer("/a/b").layout(JsonLayout.ARRAY).snakeCaseNames(false)
            .missingTokens("Unknown").sampleRecords(3).maxNestingDepth(7).maxDocumentLength(1000).maxStringLength(50)
            .maxLineLength(60).build();

        assertThat(o.toBuilder().build()).isEqualTo(o).hasSameHashCodeAs(o);
        assertThat(o.toString()).contains("pointer=/a/b", "maxNestingDepth=7", "Unknown");
    }

    @Test
    void pointerMustBeAJsonPointer() {
        assertThatThrownBy(() -> JsonOptions.builder().pointer("data/items").build())
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining("'data/items' is not a JSON Pointer")
            .hasMessageContaining("JsonOptions.Builder.pointer(String)");
    }

    @Test
    void pointerWithNdjsonIsRejected() {
        assertThatThrownBy(() -> JsonOptions.NDJSON.toBuilder().pointer("/data").build())
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining("cannot apply to layout NDJSON");
    }

    @Test
    void nestingDepthIsBounded() {
        assertThatThrownBy(() -> JsonOptions.builder().maxNestingDepth(100_000).build())
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessage("maxNestingDepth must be between 1 and 1000 (was 100000); change "
                + "JsonOptions.Builder.maxNestingDepth(int)");
    }

    @Test
    void documentLengthZeroIsRejected() {
        assertThatThrownBy(() -> JsonOptions.builder().maxDocumentLength(0).build())
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining("JsonOptions.Builder.maxDocumentLength(long)");
    }

    @Test
    void nullLayoutIsANullPointerException() {
        assertThatThrownBy(() -> JsonOptions.builder().layout(null))
            .isInstanceOf(NullPointerException.class)
            .hasMessage("layout");
    }
}
