package io.xtage.core.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.xtage.core.ReadResult;
import io.xtage.core.RejectPolicy;
import io.xtage.core.XtageException;
import io.xtage.core.coerce.CoercionOptions;
import io.xtage.core.schema.ColumnType;
import io.xtage.core.schema.Schema;
import io.xtage.core.spi.RejectCollector;
import io.xtage.core.spi.TableBuilder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SourceReportTest {

    private static SourceReport read() {
        Schema schema = Schema.builder().column("id", ColumnType.LONG).date("day").build();
        TableBuilder b = new TableBuilder("sales.csv", schema, CoercionOptions.DEFAULT,
            new RejectCollector("sales.csv", RejectPolicy.maxRows(10)));
        String[][] rows = {{"1", "05/13/2022"}, {"x", "05/06/2022"}, {"3", null}};
        for (int i = 0; i < rows.length; i++) {
            b.startRecord(i + 1, i + 2);
            b.set(0, rows[i][0]);
            b.set(1, rows[i][1]);
            b.endRecord();
        }
        ReadResult r = b.finish(64);
        return r.report();
    }

    @Test
    void toMapHasSnakeCaseKeysInAStableOrder() {
        Map<String, Object> m = read().toMap();
        assertThat(m).containsOnlyKeys("source", "rows_read", "rows_rejected", "rows_out", "values_rejected",
            "reject_policy", "missing", "date_formats", "bytes_read", "elapsed_ms");
        assertThat(m.keySet()).startsWith("source", "rows_read", "rows_rejected");
        assertThat(m).containsEntry("rows_read", 3L).containsEntry("rows_rejected", 0L)
            .containsEntry("values_rejected", 1L).containsEntry("reject_policy", "max_rows(10)")
            .containsEntry("bytes_read", 64L);
        assertThat(m.get("missing")).isEqualTo(Map.of("id", 1L, "day", 1L));
    }

    @Test
    void jsonIsSnakeCaseAndReadsBack() {
        String json = Json.write(read().toMap());
        assertThat(json).contains("\"rows_read\" : 3", "\"rows_rejected\" : 0", "\"missing\"", "\"date_formats\"",
            "\"decided_by\" : \"evidence\"", "\"pattern\" : \"MM/dd/yyyy\"");
        Map<String, Object> back = Json.readMap(json);
        assertThat(back).containsEntry("rows_read", 3).containsEntry("source", "sales.csv");
        @SuppressWarnings("unchecked")
        Map<String, List<Map<String, Object>>> formats = (Map<String, List<Map<String, Object>>>) back.get(
            "date_formats");
        assertThat(formats.get("day")).singleElement().satisfies(shape -> {
            assertThat(shape).containsEntry("shape", "NN/NN/YYYY").containsEntry("evidence", 1)
                .containsEntry("ambiguous", 1).containsEntry("values", 2);
        });
    }

    @Test
    void rowsOutIsReadMinusRejected() {
        SourceReport r = SourceReport.builder("s").rowsRead(10).rowsRejected(3).build();
        assertThat(r.rowsOut()).isEqualTo(7);
        assertThat(r.bytesRead()).isEqualTo(-1);
        assertThat(r.rejectPolicy()).isEqualTo("lenient");
    }

    @Test
    void writesAFile(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("report.json");
        Json.write(f, read().toMap());
        assertThat(Json.readMap(Files.readString(f))).containsKey("date_formats");
    }

    @Test
    void readMapRejectsWhatIsNotAnObject() {
        assertThatThrownBy(() -> Json.readMap("[1, 2]")).isInstanceOf(XtageException.class)
            .hasMessageContaining("JSON object");
        assertThatThrownBy(() -> Json.readMap("null")).isInstanceOf(XtageException.class)
            .hasMessageContaining("JSON object");
        assertThatThrownBy(() -> Json.readMap("{\"a\": ")).isInstanceOf(XtageException.class)
            .hasMessageContaining("line 1");
        assertThatThrownBy(() -> Json.readMap("")).isInstanceOf(XtageException.class);
        assertThatThrownBy(() -> Json.readMap("{\"a\": 1} {")).isInstanceOf(XtageException.class);
    }

    @Test
    void writeToAnUnwritablePathIsAnXtageException(@TempDir Path dir) {
        Path f = dir.resolve("missing-dir").resolve("report.json");
        assertThatThrownBy(() -> Json.write(f, Map.of("a", 1))).isInstanceOf(XtageException.class)
            .hasMessageContaining("report.json").hasCauseInstanceOf(java.io.IOException.class);
    }

    @Test
    void readResultRefusesCountsThatDoNotReconcile() {
        SourceReport bad = SourceReport.builder("s").rowsRead(5).rowsRejected(1).build();
        assertThatThrownBy(() -> new ReadResult(tech.tablesaw.api.Table.create("t"), List.of(), bad))
            .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("read 5 != 0 in table + 1 rejected");
    }
}
