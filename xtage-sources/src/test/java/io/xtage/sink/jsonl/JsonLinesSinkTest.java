package io.xtage.sink.jsonl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.xtage.sink.SinkException;
import io.xtage.sink.SinkFixtures;
import io.xtage.sink.SinkReport;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

class JsonLinesSinkTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    @TempDir
    Path tmp;

    private static String jsonl(Table t) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        JsonLinesSink.write(t, out);
        return out.toString(StandardCharsets.UTF_8);
    }

    private static List<JsonNode> parse(String text) throws IOException {
        List<JsonNode> rows = new ArrayList<>();
        for (String line : text.split("\n")) {
            rows.add(MAPPER.readTree(line));
        }
        return rows;
    }

    @Test
    void writesOneObjectPerLineEndingWithNewline() {
        String text = jsonl(SinkFixtures.allTypes());

        assertThat(text).endsWith("\n");
        assertThat(text.split("\n")).hasSize(4);
        assertThat(text.split("\n")[0]).isEqualTo("{\"id\":1,\"qty\":5,\"price\":12.5,\"name\":\"plain\",\"active\":true,"
            + "\"day\":\"2024-03-01\",\"at\":\"2024-03-01T09:30:00\"}");
    }

    @Test
    void writesMissingValuesAsNull() throws IOException {
        JsonNode row = parse(jsonl(SinkFixtures.allTypes())).get(1);

        assertThat(row.get("id").asLong()).isEqualTo(2);
        for (String c : List.of("qty", "price", "name", "active", "day", "at")) {
            assertThat(row.get(c).isNull()).as(c).isTrue();
        }
    }

    @Test
    void keepsTypesAndEscapesText() throws IOException {
        JsonNode row = parse(jsonl(SinkFixtures.allTypes())).get(3);

        assertThat(row.get("id").isIntegralNumber()).isTrue();
        assertThat(row.get("price").doubleValue()).isEqualTo(1241.0099999999998);
        assertThat(row.get("name").textValue()).isEqualTo("line\nbreak\\tab\t");
        assertThat(row.get("active").booleanValue()).isTrue();
        assertThat(row.get("day").textValue()).isEqualTo("0001-01-01");
    }

    @Test
    void writesSmallDoublesInPlainNotationAndInfinityAsText() {
        Table t = Table.create("t", DoubleColumn.create("d", new double[] {0.0001, Double.POSITIVE_INFINITY}));

        assertThat(jsonl(t)).isEqualTo("{\"d\":0.0001}\n{\"d\":\"Infinity\"}\n");
    }

    @Test
    void writesAFileAndReportsRows() throws IOException {
        Path file = tmp.resolve("out/rows.jsonl");

        SinkReport r = JsonLinesSink.to(file).write(SinkFixtures.allTypes());

        assertThat(r.rowsWritten()).isEqualTo(4);
        assertThat(Files.readString(file)).isEqualTo(jsonl(SinkFixtures.allTypes()));
    }

    @Test
    void loneSurrogateIsEscapedAndReadsBack() throws IOException {
        Table t = Table.create("t", StringColumn.create("s", "lone \uD800"));

        String text = jsonl(t);

        assertThat(text).isEqualTo("{\"s\":\"lone \\uD800\"}\n");
        assertThat(parse(text).get(0).get("s").textValue()).isEqualTo("lone \uD800");
    }

    @Test
    void unwritableTargetFailsWithSinkExceptionAndLeavesNoTemporaryFile() throws IOException {
        Path dir = tmp.resolve("taken");
        Files.createDirectories(dir.resolve("child"));

        assertThatThrownBy(() -> JsonLinesSink.to(dir).write(SinkFixtures.allTypes()))
            .isInstanceOf(SinkException.class)
            .hasMessageStartingWith(dir.toString() + ": cannot write");
        try (var files = Files.list(tmp)) {
            assertThat(files).containsExactly(dir);
        }
    }

    @Test
    void emptyTableWritesAnEmptyFile() {
        Table t = Table.create("t", StringColumn.create("s"));

        assertThat(jsonl(t)).isEmpty();
    }
}
