package io.xtage.source.csv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.xtage.core.schema.SchemaInference;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class CsvOptionsTest {
    @Test
    void defaultsAreCommaQuoteUtf8HeaderSnakeCase() {
        CsvOptions o = CsvOptions.DEFAULT;

        assertThat(o.delimiter()).isEqualTo(',');
        assertThat(o.quote()).isEqualTo('"');
        assertThat(o.escape()).isEqualTo('\0');
        assertThat(o.charset()).isEqualTo(StandardCharsets.UTF_8);
        assertThat(o.hasHeader()).isTrue();
        assertThat(o.isSnakeCaseHeaders()).isTrue();
        assertThat(o.isIgnoreEmptyLines()).isTrue();
        assertThat(o.sampleRows()).isEqualTo(SchemaInference.DEFAULT_SAMPLE_ROWS);
    }

    @Test
    void rfc4180DiffersFromDefaultOnlyInEmptyLines() {
        assertThat(CsvOptions.RFC4180.toBuilder().ignoreEmptyLines(true).build()).isEqualTo(CsvOptions.DEFAULT);
        assertThat(CsvOptions.RFC4180.isIgnoreEmptyLines()).isFalse();
    }

    @Test
    void toBuilderRoundTripsEveryOption() {
        CsvOptions o = CsvOptions.builder().delimiter(';').quote('\'').escape('\\').charset(StandardCharsets.UTF_16)
            .header(false).columnNames("a", "b").snakeCaseHeaders(false).ignoreEmptyLines(false).missingTokens("NA")
            .sampleRows(5).maxRecordChars(99).build();

        assertThat(o.toBuilder().build()).isEqualTo(o).hasSameHashCodeAs(o);
        assertThat(o.toString()).contains("delimiter=';'", "escape='\\'", "columnNames=[a, b]", "NA");
    }

    @Test
    void quoteEqualToDelimiterNamesBothAndTheFix() {
        assertThatThrownBy(() -> CsvOptions.builder().delimiter(';').quote(';').build())
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessage("quote and delimiter must differ (both ';'); change CsvOptions.Builder.quote(char)");
    }

    @Test
    void lineBreakDelimiterIsRejected() {
        assertThatThrownBy(() -> CsvOptions.builder().delimiter('\n').build())
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining("CsvOptions.Builder.delimiter(char)");
    }

    @Test
    void escapeEqualToQuoteIsRejected() {
        assertThatThrownBy(() -> CsvOptions.builder().escape('"').build())
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining("escape and quote must differ");
    }

    @Test
    void repeatedColumnNameIsRejected() {
        assertThatThrownBy(() -> CsvOptions.builder().columnNames("a", "b", "a").build())
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining("'a' twice");
    }

    @Test
    void sampleRowsMustBePositive() {
        assertThatThrownBy(() -> CsvOptions.builder().sampleRows(0).build())
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining("CsvOptions.Builder.sampleRows(int)");
    }

    @Test
    void nullCharsetIsANullPointerException() {
        assertThatThrownBy(() -> CsvOptions.builder().charset(null))
            .isInstanceOf(NullPointerException.class)
            .hasMessage("charset");
    }
}
