package io.xtage.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.xtage.core.ProgressListener;
import io.xtage.core.ReadResult;
import io.xtage.core.Reject;
import io.xtage.core.SchemaException;
import io.xtage.core.coerce.DateOrder;
import io.xtage.core.coerce.DateShapeReport;
import io.xtage.core.schema.ColumnSpec;
import io.xtage.core.schema.ColumnType;
import io.xtage.core.schema.Schema;
import io.xtage.core.standardize.CardinalityException;
import io.xtage.core.standardize.StandardizationPlan;
import io.xtage.core.standardize.StandardizeResult;
import io.xtage.source.csv.CsvOptions;
import io.xtage.source.csv.CsvSource;
import io.xtage.core.standardize.Standardizer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tech.tablesaw.api.Table;

/** Small behaviours of the Spark engine: rejects, failures that name the problem. */
class SparkEngineTest {
    @TempDir
    static Path dir;

    static SparkSession spark;

    @BeforeAll
    static void start() {
        spark = SparkStandardizerParityTest.start("xtage-spark-engine-test");
    }

    @AfterAll
    static void stop() {
        spark.stop();
    }

    private static SparkRead read(String csv, Schema schema) throws IOException {
        Path f = Files.createTempFile(dir, "in", ".csv");
        Files.writeString(f, csv);
        return SparkSources.csv(spark, "t", f, schema);
    }

    @Test
    void valuesThatDoNotConvertBecomeMissingAndRejectRecords() throws IOException {
        SparkRead r = read("ID,Amount,Day\n1,2.5,2022-01-31\n2,x1,31/01/2022\n3.5,,2022-02-30\n",
            Schema.builder().column("id", ColumnType.LONG).column("amount", ColumnType.DOUBLE)
                .column(ColumnSpec.date("day", "yyyy-MM-dd")).build());
        List<Row> rows = r.table().orderBy("amount").collectAsList();
        assertThat(r.table().count()).isEqualTo(3);
        List<Row> rejects = r.rejects().orderBy("record", "column").collectAsList();
        assertThat(rejects).extracting(x -> x.getLong(1) + ":" + x.getString(2) + "=" + x.getString(3))
            .containsExactly("2:amount=x1", "2:day=31/01/2022", "3:day=2022-02-30", "3:id=3.5");
        assertThat(rows).anyMatch(x -> x.isNullAt(0));
    }

    @Test
    void repeatedRightKeysFailWhenThePolicyIsFail() throws IOException {
        Dataset<Row> left = read("k,v\n1,a\n2,b\n", Schema.builder().column("k", ColumnType.LONG)
            .column("v", ColumnType.STRING).build()).table();
        Dataset<Row> right = read("k,w\n1,x\n1,y\n", Schema.builder().column("k", ColumnType.INT)
            .column("w", ColumnType.STRING).build()).table();
        StandardizationPlan plan = Standardizer.from("l").leftJoin("r").on("k").build();
        assertThatThrownBy(() -> SparkStandardizer.run(plan, Map.of("l", left, "r", right)))
            .isInstanceOfSatisfying(CardinalityException.class, e -> {
                assertThat(e.side()).isEqualTo("right");
                assertThat(e.repeatedKeySample()).containsExactly("1");
            })
            .hasMessageStartingWith("join 'r' expects MANY_TO_ONE, but 1 right key(s) [k] repeat among 2 right rows: "
                + "1 (2 rows);");
    }

    @Test
    @SuppressWarnings("unchecked")
    void leftJoinOnIntAndLongKeysMatchesAndReportsTheUnmatched() throws IOException {
        Dataset<Row> left = read("k,v\n1,a\n2,b\n,c\n", Schema.builder().column("k", ColumnType.LONG)
            .column("v", ColumnType.STRING).build()).table();
        Dataset<Row> right = read("k,w\n1,x\n3,y\n", Schema.builder().column("k", ColumnType.INT)
            .column("w", ColumnType.STRING).build()).table();
        SparkStandardizeResult r = SparkStandardizer.run(Standardizer.from("l").leftJoin("r").on("k").build(),
            Map.of("l", left, "r", right));
        Map<String, Object> j = r.joinReports().get(0);
        assertThat(j.get("matched_left_rows")).isEqualTo(1L);
        assertThat(j.get("unmatched_left_rows")).isEqualTo(2L);
        assertThat((List<Object>) j.get("unmatched_key_sample")).containsExactlyInAnyOrder("2", "null");
        assertThat(r.table().where("w = 'x'").count()).isEqualTo(1);
    }

    @Test
    void unsupportedPlanFeaturesFailNamingThem() {
        // a Dataset column of a type xtage has no equivalent for (here an array) cannot be cast
        Dataset<Row> t = spark.sql("select 1L as k, array(1, 2) as v");
        StandardizationPlan plan = Standardizer.from("l").cast("v", ColumnType.LONG).build();
        assertThatThrownBy(() -> SparkStandardizer.run(plan, Map.of("l", t)))
            .isInstanceOf(SchemaException.class).hasMessage("input 'l': cannot cast column 'v' from array<int> to LONG");
    }

    @Test
    @SuppressWarnings("unchecked")
    void asOfToleranceRunsAsTheOneMachineEngine() throws IOException {
        Schema kv = Schema.builder().column("k", ColumnType.LONG).column("v", ColumnType.STRING).build();
        String left = "k,v\n1,a\n3,b\n5,c\n";
        String right = "k,w\n1,x\n4,y\n";
        Schema kw = Schema.builder().column("k", ColumnType.LONG).column("w", ColumnType.STRING).build();
        StandardizationPlan plan = Standardizer.from("l").asOfJoin("r").on("k").tolerance(1).build();
        SparkStandardizeResult remote = SparkStandardizer.run(plan, Map.of("l", read(left, kv).table(),
            "r", read(right, kw).table()));
        StandardizeResult local = plan.run(Map.of("l", local(left, kv), "r", local(right, kw)));
        assertThat(remote.joinReports()).isEqualTo(local.toMap().get("joins"));
        assertThat(remote.joinReports().get(0)).containsEntry("matched_left_rows", 2L)
            .containsEntry("unmatched_left_rows", 1L);
        assertThat(remote.table().where("k = 3").first().getString(2)).as("3 is more than 1 after 1").isNull();
        assertThat(remote.table().where("k = 5").first().getString(2)).isEqualTo("y");
    }

    private static Table local(String csv, Schema schema) throws IOException {
        Path f = Files.createTempFile(dir, "local", ".csv");
        Files.writeString(f, csv);
        return CsvSource.builder().path(f).options(CsvOptions.DEFAULT).schema(schema).build()
            .read(ProgressListener.NONE).table();
    }

    private static final Schema INFERRED = Schema.builder().column("id", ColumnType.LONG)
        .column(ColumnSpec.date("day")).build();

    private static Map<Long, Object> days(SparkRead r) {
        Map<Long, Object> out = new TreeMap<>();
        for (Row row : r.table().collectAsList()) {
            out.put(row.getLong(0), row.get(1));
        }
        return out;
    }

    @Test
    void inferredDatesTakeEachShapesOrderFromItsOwnEvidence() throws IOException {
        // 05/13 proves the slash shape month-first, 13-05 the dash shape day-first
        SparkRead r = read("id,day\n1,05/13/2022\n2,13-05-2022\n3,05/06/2022\n4,05-06-2022\n", INFERRED);
        assertThat(days(r)).containsEntry(3L, LocalDate.of(2022, 5, 6)).containsEntry(4L, LocalDate.of(2022, 6, 5))
            .containsEntry(1L, LocalDate.of(2022, 5, 13)).containsEntry(2L, LocalDate.of(2022, 5, 13));
        assertThat(r.dateFormats().get("day")).extracting(DateShapeReport::pattern)
            .containsExactlyInAnyOrder("MM/dd/yyyy", "dd-MM-yyyy");
        assertThat(r.dateFormats().get("day")).allSatisfy(x -> {
            assertThat(x.decidedBy()).isEqualTo(DateShapeReport.DecidedBy.EVIDENCE);
            assertThat(x.evidence()).isEqualTo(1);
            assertThat(x.ambiguous()).isEqualTo(1);
        });
        assertThat(r.rejects().count()).isZero();
    }

    @Test
    void inferredDatesFollowTheEvidenceWhenItIsSwapped() throws IOException {
        SparkRead r = read("id,day\n1,13/05/2022\n2,05-13-2022\n3,05/06/2022\n4,05-06-2022\n", INFERRED);
        assertThat(days(r)).containsEntry(3L, LocalDate.of(2022, 6, 5)).containsEntry(4L, LocalDate.of(2022, 5, 6));
        assertThat(r.dateFormats().get("day")).extracting(DateShapeReport::pattern)
            .containsExactlyInAnyOrder("dd/MM/yyyy", "MM-dd-yyyy");
    }

    @Test
    void inferredDatesRejectWhatTheOneMachineEngineRejectsWithItsReasonsAndReport() throws IOException {
        String csv = "id,day\n1,05/13/2022\n2,02/30/2022\n3,soon\n4,\n5,  \n6, 2022-01-31 \n7,20221345\n"
            + "8,13-05-2022\n9,05-06-2022\n10,2022-02-03T10:00\n";
        Path f = Files.createTempFile(dir, "dates", ".csv");
        Files.writeString(f, csv);
        ReadResult local = CsvSource.builder().path(f).options(CsvOptions.DEFAULT).schema(INFERRED).build()
            .read(ProgressListener.NONE);
        SparkRead remote = SparkSources.csv(spark, "t", f, INFERRED);

        assertThat(remote.dateFormats()).isEqualTo(local.report().dateFormats());
        List<String> expected = new ArrayList<>();
        for (Reject x : local.rejects()) {
            expected.add(x.recordNumber() + ":" + x.column().orElse("") + "=" + x.rawValue() + " / " + x.reason());
        }
        List<String> actual = new ArrayList<>();
        for (Row x : remote.rejects().collectAsList()) {
            actual.add(x.getLong(1) + ":" + x.getString(2) + "=" + x.getString(3) + " / " + x.getString(4));
        }
        assertThat(expected).as("the one-machine engine rejects these").hasSize(4);
        assertThat(actual).containsExactlyInAnyOrderElementsOf(expected);
        Map<Long, Object> localDays = new TreeMap<>();
        for (int i = 0; i < local.table().rowCount(); i++) {
            localDays.put(local.table().longColumn("id").get(i), local.table().dateColumn("day").get(i));
        }
        assertThat(days(remote)).isEqualTo(localDays).containsEntry(6L, LocalDate.of(2022, 1, 31));
    }

    @Test
    void aRequiredInferredDateThatDoesNotParseDropsItsRow() throws IOException {
        Schema schema = Schema.builder().column("id", ColumnType.LONG).column(ColumnSpec.date("day").required())
            .build();
        SparkRead r = read("id,day\n1,2022-01-02\n2,2022-02-30\n3,\n", schema);
        assertThat(days(r)).containsOnlyKeys(1L);
        assertThat(r.rejects().collectAsList()).extracting(x -> x.getLong(1) + ":" + x.getString(3))
            .containsExactly("2:2022-02-30", "3:");
    }

    @Test
    void aPlansInferredDatesStepEqualsTheOneMachineEngines() throws IOException {
        String csv = "id,day\n1,05/13/2022\n2,13-05-2022\n3,05/06/2022\n4,05-06-2022\n5,02/30/2022\n6,later\n"
            + "7,\n";
        Schema text = Schema.builder().column("id", ColumnType.LONG).column("day", ColumnType.STRING).build();
        Path f = Files.createTempFile(dir, "plan", ".csv");
        Files.writeString(f, csv);
        StandardizationPlan plan = Standardizer.from("t").dates("day", DateOrder.DAY_FIRST).build();
        Table localIn = CsvSource.builder().path(f).options(CsvOptions.DEFAULT).schema(text).build()
            .read(ProgressListener.NONE).table();
        StandardizeResult local = plan.run(Map.of("t", localIn));
        SparkStandardizeResult remote = SparkStandardizer.run(plan,
            Map.of("t", SparkSources.csv(spark, "t", f, text).table()));

        assertThat(remote.toMap().get("date_formats")).isEqualTo(local.toMap().get("date_formats"));
        assertThat(remote.dateFormats()).containsOnlyKeys("t.day");
        assertThat(remote.toMap().get("rejects")).isEqualTo(2L).isEqualTo(local.toMap().get("rejects"));
        assertThat(remote.inputReports()).isEqualTo(local.toMap().get("inputs"));
        Map<Long, Object> localDays = new TreeMap<>();
        for (int i = 0; i < local.table().rowCount(); i++) {
            localDays.put(local.table().longColumn("id").get(i), local.table().dateColumn("day").get(i));
        }
        Map<Long, Object> remoteDays = new TreeMap<>();
        for (Row row : remote.table().collectAsList()) {
            remoteDays.put(row.getLong(0), row.get(1));
        }
        assertThat(remoteDays).isEqualTo(localDays).containsEntry(3L, LocalDate.of(2022, 5, 6))
            .containsEntry(4L, LocalDate.of(2022, 6, 5));
        List<String> expected = new ArrayList<>();
        for (Reject x : local.rejects()) {
            expected.add(x.column().orElse("") + "=" + x.rawValue() + " / " + x.reason());
        }
        assertThat(remote.rejects().collectAsList()).extracting(x -> x.getString(2) + "=" + x.getString(3) + " / "
            + x.getString(4)).containsExactlyInAnyOrderElementsOf(expected);
    }
}
