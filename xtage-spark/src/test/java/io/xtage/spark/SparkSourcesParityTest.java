package io.xtage.spark;

import static org.assertj.core.api.Assertions.assertThat;

import io.xtage.core.ProgressListener;
import io.xtage.core.ReadResult;
import io.xtage.core.Reject;
import io.xtage.core.schema.ColumnSpec;
import io.xtage.core.schema.ColumnType;
import io.xtage.core.schema.Schema;
import io.xtage.source.csv.CsvOptions;
import io.xtage.source.csv.CsvSource;
import io.xtage.source.json.JsonOptions;
import io.xtage.source.json.JsonSource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructField;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * The same small CSV and JSON files read by the one-machine sources ({@link CsvSource},
 * {@link JsonSource}) and by {@link SparkSources}: the same table cell for cell, the same
 * rejects (every field but the line and column numbers, which Spark's readers do not give), in
 * the same order, and the same report counts.
 */
class SparkSourcesParityTest {
    @TempDir
    static Path dir;

    static SparkSession spark;

    @BeforeAll
    static void startSpark() {
        spark = SparkStandardizerParityTest.start("xtage-spark-sources-parity-test");
    }

    @AfterAll
    static void stopSpark() {
        spark.stop();
    }

    /** Every type; a required id, a required name, dates with patterns, inferred and required. */
    static final Schema SCHEMA = Schema.builder()
        .column(ColumnSpec.of("id", ColumnType.LONG).required())
        .column("qty", ColumnType.INT)
        .column("big", ColumnType.LONG)
        .column("price", ColumnType.DOUBLE)
        .column("flag", ColumnType.BOOLEAN)
        .column(ColumnSpec.of("name", ColumnType.STRING).required())
        .column(ColumnSpec.date("day", "yyyy-MM-dd", "dd/MM/yyyy"))
        .column(ColumnSpec.date("seen"))
        .column(ColumnSpec.date("due").required())
        .column(ColumnSpec.of("at", ColumnType.LOCAL_DATE_TIME).withFormats(List.of("yyyy-MM-dd HH:mm")))
        .build();

    static final String[] HEADER = {"ID", "Qty", "Big", "Price", "Flag", "Name", "Day", "Seen", "Due", "At"};

    /** One row per line; null is an empty CSV cell and a JSON null. */
    static final String[][] ROWS = {
        {"1", " 13 ", "9223372036854775807", " 2.50 ", "true", " Ann ", "2022-01-31", "05/13/2022", "2022-01-02",
            "2022-01-02 10:15"},
        {"2", null, null, null, null, "Bo", null, null, "2022-01-03", null},
        {"3", "   ", " ", "\t", "  ", "Cy", " ", "  ", "2022-01-04", "  "},
        {"4", "x1", "1.5", "abc", "maybe", "Di", "2022-02-30", "soon", "2022-01-05", "2022-13-01 00:00"},
        {"5", "-2147483648", "-9223372036854775808", "1e3", "YES", "Ed", " 31/01/2022 ", "13/05/2022", "2022-01-06",
            "2022-01-06 07:08"},
        {null, "7", "8", "9.5", "f", "Fi", "2022-01-01", "05/06/2022", "2022-01-07", "2022-01-01 00:00"},
        {"  ", "x", "8", "9.5", "F", "Gu", "2022-01-01", "07/08/2022", "2022-01-08", null},
        {"x8", "8", "8", "NaN", "T", "Hu", "2022-01-01", "07/09/2022", "2022-01-09", null},
        {"9", "+5", " -0 ", "-0.0", "y", null, "01/02/2022", "13/05/2022", "2022-01-10", null},
        {"10", "q", "10", "1,000", "n", "Jo", "2022-01-01", "not a date", "2022-02-30", null},
        {"11", "2147483648", "0x10", "Infinity", "No", "Ki", "2022-01-01", "31-12-2022", null, null},
        {"12", "1.0", "+", " 1e-3 ", " t ", "   ", "2022-01-01", "05/06/2022", "  ", null},
        {"13", "-7", "12", ".5", "N", "Lu", "2022/01/01", "06/07/2022", "2022-01-13", "2022-01-13 24:00"},
        {"14", "0", "-12", "5.", "1", "Mo", "2022-01-14", "2022-01-14", "2022-01-14", "2022-01-14 23:59"},
        {"15", "00012", "0", "-1.5E-2", "0", "Ny", "14/01/2022", " 07/06/2022 ", "2022-01-15", null},
        {"16", "3", "4", "1.7976931348623157E309", "false", "\u00a0Oz\u00a0", "2022-01-16", "2022-01-16",
            "2022-1-16", null},
    };

    static Path csv(String name) throws IOException {
        StringBuilder b = new StringBuilder(String.join(",", HEADER)).append('\n');
        for (String[] row : ROWS) {
            for (int i = 0; i < row.length; i++) {
                if (i > 0) {
                    b.append(',');
                }
                String v = row[i];
                if (v != null) {
                    b.append(v.contains(",") || v.contains("\"") ? "\"" + v.replace("\"", "\"\"") + "\"" : v);
                }
            }
            b.append('\n');
        }
        Path f = dir.resolve(name);
        Files.writeString(f, b.toString());
        return f;
    }

    /** An array of objects; every value a JSON string or null (numbers and booleans: see below). */
    static Path json(String name, String[][] rows) throws IOException {
        StringBuilder b = new StringBuilder("[\n");
        for (int r = 0; r < rows.length; r++) {
            b.append("  {");
            for (int i = 0; i < HEADER.length; i++) {
                if (i > 0) {
                    b.append(", ");
                }
                String v = rows[r][i];
                b.append('"').append(HEADER[i]).append("\": ").append(v == null ? "null" : v.startsWith("=")
                    ? v.substring(1) : "\"" + v.replace("\\", "\\\\").replace("\"", "\\\"").replace("\t", "\\t") + "\"");
            }
            b.append(r + 1 < rows.length ? "},\n" : "}\n");
        }
        Path f = dir.resolve(name);
        Files.writeString(f, b.append("]\n").toString());
        return f;
    }

    @Test
    void csvReadEqualsTheOneMachineReadCellForCellWithItsRejectsAndReport() throws IOException {
        Path f = csv("parity.csv");
        ReadResult local = CsvSource.builder().path(f).options(CsvOptions.DEFAULT).schema(SCHEMA).build()
            .read(ProgressListener.NONE);
        SparkRead remote = SparkSources.csv(spark, local.report().source(), f, SCHEMA);
        assertSameRead(local, remote);
        assertThat(local.rejects()).as("the fixture exercises every reject kind")
            .anyMatch(r -> r.reason().equals("a value is required"))
            .anyMatch(r -> r.reason().contains("reserved for missing values"))
            .anyMatch(r -> r.isRowDropped() && r.kind().name().equals("TYPE"))
            .anyMatch(r -> !r.isRowDropped());
    }

    @Test
    void jsonReadOfTextValuesEqualsTheOneMachineRead() throws IOException {
        Path f = json("parity.json", ROWS);
        ReadResult local = JsonSource.builder().path(f).options(JsonOptions.DEFAULT).schema(SCHEMA).build()
            .read(ProgressListener.NONE);
        SparkRead remote = SparkSources.json(spark, local.report().source(), f.toString(), SCHEMA);
        assertSameRead(local, remote);
    }

    @Test
    void jsonNumbersAndBooleansInTheirShortestSpellingEqualTheOneMachineRead() throws IOException {
        // "=" marks a JSON literal. Spark hands a JSON number to a text column re-printed from its
        // double (1.50 becomes 1.5, 1e3 becomes 1000.0), so these are spelled as Java prints them.
        String[][] rows = {
            {"=1", "=13", "=9223372036854775807", "=2.5", "=true", "=\"Ann\"", "2022-01-31", "05/13/2022",
                "2022-01-02", null},
            {"=2", "=-7", "=-12", "=-0.5", "=false", "Bo", null, "05/06/2022", "2022-01-03", null},
            {"=3", "=1.5", "=2.0", "=1000.0", "=1", "Cy", null, "07/06/2022", "2022-01-04", null},
            {"=4", "=2147483648", "=12345678901234567890", "=0.1", "=0", "Di", null, null, "2022-01-05", null},
            {"=5", "=true", "=false", "=true", "=null", "=7", null, null, "2022-01-06", null},
        };
        Path f = json("literals.json", rows);
        ReadResult local = JsonSource.builder().path(f).options(JsonOptions.DEFAULT).schema(SCHEMA).build()
            .read(ProgressListener.NONE);
        SparkRead remote = SparkSources.json(spark, local.report().source(), f.toString(), SCHEMA);
        assertSameRead(local, remote);
        assertThat(local.rejects()).isNotEmpty();
    }

    @Test
    void booleansReadEveryCoreSpellingInAnyCase() throws IOException {
        Schema s = Schema.builder().column("id", ColumnType.LONG).column("flag", ColumnType.BOOLEAN).build();
        String[] spellings = {"true", "TRUE", "t", "T", "yes", "Yes", "y", "Y", "false", "False", "f", "F", "no",
            "NO", "n", "N", " yes ", "1", "0", "on", "off"};
        StringBuilder b = new StringBuilder("id,flag\n");
        for (int i = 0; i < spellings.length; i++) {
            b.append(i + 1).append(',').append(spellings[i]).append('\n');
        }
        Path f = dir.resolve("booleans.csv");
        Files.writeString(f, b.toString());
        ReadResult local = CsvSource.builder().path(f).options(CsvOptions.DEFAULT).schema(s).build()
            .read(ProgressListener.NONE);
        SparkRead remote = SparkSources.csv(spark, local.report().source(), f, s);
        assertSameRead(local, remote);
        assertThat(local.rejects()).extracting(Reject::rawValue).containsExactly("1", "0", "on", "off");
    }

    @Test
    void rejectsHaveTheColumnsOfRejectsCsv() throws IOException {
        SparkRead remote = SparkSources.csv(spark, "t", csv("columns.csv"), SCHEMA);
        assertThat(remote.rejects().columns()).containsExactly("source", "record", "column", "value", "reason");
        assertThat(remote.rejectDetails().columns()).containsExactly("source", "record", "column", "value", "reason",
            "kind", "row_dropped");
    }

    // ------------------------------------------------------------------ comparison

    static void assertSameRead(ReadResult local, SparkRead remote) {
        Table lt = local.table();
        List<StructField> fields = List.of(remote.table().schema().fields());
        assertThat(fields).extracting(StructField::name).isEqualTo(lt.columnNames());
        for (int i = 0; i < fields.size(); i++) {
            ColumnType t = ColumnType.of(lt.column(i).type());
            assertThat(fields.get(i).dataType()).as("type of " + fields.get(i).name())
                .isEqualTo(SparkSources.sparkType(t));
        }
        List<List<Object>> expected = new ArrayList<>();
        for (int r = 0; r < lt.rowCount(); r++) {
            List<Object> row = new ArrayList<>();
            for (Column<?> c : lt.columns()) {
                row.add(c.isMissing(r) ? null : c.get(r));
            }
            expected.add(row);
        }
        List<List<Object>> actual = new ArrayList<>();
        for (Row r : remote.table().collectAsList()) {
            List<Object> row = new ArrayList<>();
            for (int i = 0; i < r.size(); i++) {
                Object v = r.get(i);
                row.add(v instanceof java.sql.Date ? ((java.sql.Date) v).toLocalDate() : v);
            }
            actual.add(row);
        }
        expected.sort(Comparator.comparing(Object::toString));
        actual.sort(Comparator.comparing(Object::toString));
        assertThat(actual).as("table").isEqualTo(expected);

        List<Map<String, Object>> lr = new ArrayList<>();
        for (Reject x : local.rejects()) {
            Map<String, Object> m = x.toMap();
            m.remove("line");
            lr.add(m);
        }
        List<Map<String, Object>> rr = new ArrayList<>();
        for (Row x : remote.rejectDetails().collectAsList()) {
            Map<String, Object> m = new LinkedHashMap<>();
            for (String f : x.schema().fieldNames()) {
                m.put(f, x.getAs(f));
            }
            rr.add(m);
        }
        assertThat(rr).as("rejects, in order").isEqualTo(lr);

        Map<String, Object> report = new LinkedHashMap<>(local.report().toMap());
        report.remove("bytes_read");
        report.remove("elapsed_ms");
        assertThat(remote.report()).as("report").isEqualTo(report);
        assertThat(remote.dateFormats()).isEqualTo(local.report().dateFormats());
    }

    @Test
    void aRequiredDateThatDoesNotParseDropsItsRowAndMarksItsOtherRejects() throws IOException {
        Path f = dir.resolve("late.csv");
        Files.writeString(f, "id,qty,due\n1,x,2022-01-02\n2,y,2022-02-30\n3,4,\n");
        Schema s = Schema.builder().column("id", ColumnType.LONG).column("qty", ColumnType.INT)
            .column(ColumnSpec.date("due").required()).build();
        ReadResult local = CsvSource.builder().path(f).options(CsvOptions.DEFAULT).schema(s).build()
            .read(ProgressListener.NONE);
        SparkRead remote = SparkSources.csv(spark, local.report().source(), f, s);
        assertSameRead(local, remote);
        List<Row> rejects = remote.rejectDetails().collectAsList();
        assertThat(rejects).extracting(x -> x.getLong(1) + ":" + x.getString(2) + "=" + x.getString(3) + " "
                + x.getString(5) + (x.getBoolean(6) ? " dropped" : ""))
            .containsExactly("1:qty=x TYPE", "2:qty=y TYPE dropped", "2:due=2022-02-30 CONSTRAINT dropped",
                "3:due= CONSTRAINT dropped");
        assertThat(remote.table().collectAsList()).extracting(x -> x.getLong(0)).containsExactly(1L);
        assertThat(remote.table().collectAsList().get(0).get(2)).isEqualTo(LocalDate.of(2022, 1, 2));
    }
}
