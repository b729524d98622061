package io.xtage.examples.spark;

import static org.assertj.core.api.Assertions.assertThat;

import io.xtage.core.ProgressListener;
import io.xtage.core.ReadResult;
import io.xtage.core.Reject;
import io.xtage.core.Source;
import io.xtage.core.coerce.DateShapeReport;
import io.xtage.core.standardize.StandardizeResult;
import io.xtage.examples.generate.W1DataGenerator;
import io.xtage.examples.pipeline.ParallelReads;
import io.xtage.examples.pipeline.W1Workload;
import io.xtage.preprocess.FittedPreprocessor;
import io.xtage.preprocess.PreprocessReport;
import io.xtage.preprocess.PreprocessResult;
import io.xtage.preprocess.StepReport;
import io.xtage.sink.csv.CsvSink;
import io.xtage.source.csv.CsvOptions;
import io.xtage.source.csv.CsvSource;
import io.xtage.spark.SparkEngine;
import io.xtage.spark.SparkPreprocessor;
import io.xtage.spark.SparkRead;
import io.xtage.spark.SparkSources;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tech.tablesaw.api.Table;

/** W1 on 20,000 generated rows: the Spark engine against the one-machine engine. */
class SparkW1ParityTest {
    @TempDir
    static Path dir;

    static SparkSession spark;
    static Path data;
    static StandardizeResult localUnified;
    static PreprocessResult localPrepared;
    static SparkW1.Run sparkRun;

    @BeforeAll
    static void setUp() {
        data = dir.resolve("data");
        W1DataGenerator.generate(data, 20_000, 42);
        spark = SparkEngine.configure(SparkSession.builder().master("local[2]").appName("xtage-spark-test")
            .config("spark.ui.enabled", "false").config("spark.sql.shuffle.partitions", "4")).getOrCreate();
        Map<String, Source> sources = W1Workload.fileSources(data, null);
        Map<String, ReadResult> reads = ParallelReads.readAll(sources, ProgressListener.NONE);
        localUnified = W1Workload.standardization().run(W1Workload.tables(reads));
        localPrepared = W1Workload.preprocessor().fitTransform(localUnified.table());
        sparkRun = SparkW1.run(spark, data.toString());
    }

    @AfterAll
    static void tearDown() {
        if (spark != null) {
            spark.stop();
        }
    }

    @Test
    void commandLineWritesTheRowsAndTheTotalTime() throws IOException {
        Path small = dir.resolve("small");
        W1DataGenerator.generate(small, 300, 7);
        Path out = dir.resolve("cli.csv");
        java.io.StringWriter o = new java.io.StringWriter();
        java.io.StringWriter e = new java.io.StringWriter();
        // the session of this test is reused (no --master: SparkW1 leaves it running)
        int code = SparkW1.run(new String[] {"--data", small.toString(), "--out=" + out}, new java.io.PrintWriter(o),
            new java.io.PrintWriter(e));
        assertThat(code).as(e.toString()).isZero();
        long rows = Files.readAllLines(out).size() - 1;
        assertThat(rows).isPositive();
        assertThat(o.toString().trim()).isEqualTo(String.valueOf(rows));
        assertThat(e.toString()).startsWith("step TOTAL");
    }

    @Test
    void commandLineRejectsMissingFilesAndUnknownArguments() {
        java.io.StringWriter e = new java.io.StringWriter();
        java.io.PrintWriter err = new java.io.PrintWriter(e, true);
        java.io.PrintWriter out = new java.io.PrintWriter(new java.io.StringWriter(), true);
        assertThat(SparkW1.run(new String[] {"--data", dir.resolve("nowhere").toString(), "--out", "x.csv"}, out, err))
            .isEqualTo(1);
        assertThat(e.toString()).contains("sales_data.csv does not exist");
        assertThat(SparkW1.run(new String[] {"--data", "d", "--out", "x.csv", "--rows", "5"}, out, err)).isEqualTo(2);
        assertThat(e.toString()).contains("unknown argument --rows");
        assertThat(SparkW1.run(new String[] {"--out", "x.csv"}, out, err)).isEqualTo(2);
        assertThat(e.toString()).contains("--data DIR and --out FILE are required");
    }

    @Test
    void stepReportsHaveTheOneMachineRowsAndReasons() {
        PreprocessReport local = localPrepared.report();
        PreprocessReport remote = sparkRun.prepared().report();
        assertThat(remote.rowsIn()).isEqualTo(local.rowsIn());
        assertThat(remote.rowsOut()).isEqualTo(local.rowsOut());
        assertThat(remote.steps()).hasSameSizeAs(local.steps());
        for (int i = 0; i < local.steps().size(); i++) {
            StepReport e = local.step(i);
            StepReport a = remote.step(i);
            String what = "step " + i + " (" + e.name() + ")";
            assertThat(a.name()).as(what).isEqualTo(e.name());
            assertThat(a.rowsIn()).as(what + " rows in").isEqualTo(e.rowsIn());
            assertThat(a.rowsOut()).as(what + " rows out").isEqualTo(e.rowsOut());
            assertThat(a.removalReason()).as(what + " reason").isEqualTo(e.removalReason());
            assertThat(a.columnsAdded()).as(what + " added").isEqualTo(e.columnsAdded());
            assertThat(a.columnsRemoved()).as(what + " removed").isEqualTo(e.columnsRemoved());
            assertThat(a.columnsRetyped()).as(what + " retyped").isEqualTo(e.columnsRetyped());
            assertSameJson(a.params(), e.params(), what + " params");
            if (e.name().equals("filter")) {
                assertThat(a.details()).as(what + " details").isEqualTo(e.details());
            }
            if (e.name().equals("impute")) {
                assertThat(a.cellsChanged()).as(what + " cells changed").isEqualTo(e.cellsChanged());
                assertThat(a.notes()).as(what + " notes").isEqualTo(e.notes());
            }
        }
        assertThat(remote.rowsRemoved()).as("W1 removes duplicates and negative prices").isPositive();
    }

    @Test
    void outputEqualsTheOneMachineEnginesCellForCell() throws IOException {
        Path local = write(dir.resolve("local.csv"));
        Path remote = dir.resolve("spark.csv");
        long rows = SparkW1.write(sparkRun.prepared().table(), remote);
        assertThat(rows).isEqualTo(localPrepared.table().rowCount()).isGreaterThan(15_000);
        assertSameCsv(remote, local);
    }

    @Test
    void joinReportsAndInputReportsAgree() {
        Map<String, Object> local = localUnified.toMap();
        Map<String, Object> remote = sparkRun.unified().toMap();
        assertThat(remote.get("rows")).isEqualTo(local.get("rows"));
        assertThat(remote.get("columns")).isEqualTo(local.get("columns"));
        assertThat(remote.get("inputs")).isEqualTo(local.get("inputs"));
        assertThat(withoutSamples(remote.get("joins"))).isEqualTo(withoutSamples(local.get("joins")));
        assertThat(remote.get("date_formats")).isEqualTo(local.get("date_formats"));
        assertThat(remote.get("rejects")).isEqualTo(local.get("rejects"));
    }

    @Test
    void fittedPreprocessorOnSparkIsTheOneMachineEnginesWithinRounding() {
        FittedPreprocessor remote = sparkRun.prepared().fitted();
        FittedPreprocessor local = localPrepared.fitted();
        assertSameJson(remote.toMap(), local.toMap(), "fitted");
    }

    @Test
    void preprocessorFittedOnSparkTransformsTheSameOnTablesaw() throws IOException {
        FittedPreprocessor fromSpark = FittedPreprocessor.fromJson(sparkRun.prepared().fitted().toJson());
        PreprocessResult onTablesaw = fromSpark.transform(localUnified.table());
        Path a = dir.resolve("spark-fit-tablesaw-transform.csv");
        Path b = dir.resolve("local2.csv");
        CsvSink.to(a).write(onTablesaw.table());
        CsvSink.to(b).write(localPrepared.table());
        assertSameCsv(a, b);
    }

    @Test
    void preprocessorFittedOnTablesawTransformsTheSameOnSpark() throws IOException {
        FittedPreprocessor fromLocal = FittedPreprocessor.fromJson(localPrepared.fitted().toJson());
        Dataset<Row> out = SparkPreprocessor.transform(fromLocal, sparkRun.unified().table());
        Path a = dir.resolve("tablesaw-fit-spark-transform.csv");
        Path b = dir.resolve("local3.csv");
        SparkW1.write(out, a);
        CsvSink.to(b).write(localPrepared.table());
        assertSameCsv(a, b);
    }

    @Test
    void readsRejectNothingOnCleanlyTypedValues() {
        for (SparkRead r : sparkRun.reads().values()) {
            assertThat(r.rejects().columns()).containsExactly("source", "record", "column", "value", "reason");
            assertThat(r.rejects().count()).as(r.source()).isZero();
        }
    }

    @Test
    void inferredSalesDatesHaveTheOneMachineShapeReportAndDates() {
        Path sales = data.resolve("sales_data.csv");
        ReadResult local = CsvSource.builder().path(sales).options(CsvOptions.DEFAULT)
            .schema(W1Workload.salesSchema(true)).build().read(ProgressListener.NONE);
        SparkRead remote = SparkSources.csv(spark, "sales", sales, W1Workload.salesSchema(true));

        List<DateShapeReport> shapes = local.report().dateFormats().get("transaction_date");
        assertThat(shapes).as("W1 spells its sales dates three ways").hasSizeGreaterThanOrEqualTo(3);
        assertThat(remote.dateFormats()).containsOnlyKeys("transaction_date");
        assertThat(remote.dateFormats().get("transaction_date")).containsExactlyElementsOf(shapes);
        assertThat(toMaps(remote.dateFormats().get("transaction_date"))).isEqualTo(toMaps(shapes));

        Table t = local.table();
        List<String> expected = new ArrayList<>();
        for (int i = 0; i < t.rowCount(); i++) {
            expected.add(t.longColumn("transaction_id").getString(i) + "=" + t.dateColumn("transaction_date").get(i));
        }
        List<String> actual = new ArrayList<>();
        for (Row r : remote.table().select("transaction_id", "transaction_date").collectAsList()) {
            actual.add((r.isNullAt(0) ? "" : String.valueOf(r.getLong(0))) + "=" + r.get(1));
        }
        assertThat(actual).hasSize(t.rowCount()).containsExactlyInAnyOrderElementsOf(expected);
        assertThat(actual).as("some dates parse").anyMatch(x -> !x.endsWith("=null"));

        List<String> localRejects = new ArrayList<>();
        for (Reject r : local.rejects()) {
            localRejects.add(r.recordNumber() + ":" + r.column().orElse("") + "=" + r.rawValue() + " " + r.reason());
        }
        List<String> remoteRejects = new ArrayList<>();
        for (Row r : remote.rejects().collectAsList()) {
            remoteRejects.add(r.getLong(1) + ":" + r.getString(2) + "=" + r.getString(3) + " " + r.getString(4));
        }
        assertThat(remoteRejects).containsExactlyInAnyOrderElementsOf(localRejects);
    }

    private static Path write(Path file) {
        CsvSink.to(file).write(localPrepared.table());
        return file;
    }

    private static List<Map<String, Object>> toMaps(List<DateShapeReport> shapes) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (DateShapeReport r : shapes) {
            out.add(r.toMap());
        }
        return out;
    }

    @SuppressWarnings("unchecked")
    private static List<Object> withoutSamples(Object joins) {
        List<Object> out = new ArrayList<>();
        for (Object o : (List<Object>) joins) {
            Map<String, Object> m = new LinkedHashMap<>((Map<String, Object>) o);
            Object s = m.remove("unmatched_key_sample");
            m.put("unmatched_key_sample_size", ((List<?>) s).size());
            out.add(m);
        }
        return out;
    }

    @SuppressWarnings("unchecked")
    static void assertSameJson(Object a, Object b, String path) {
        if (a instanceof Map && b instanceof Map) {
            assertThat(((Map<String, Object>) a).keySet()).as(path).isEqualTo(((Map<String, Object>) b).keySet());
            for (String k : ((Map<String, Object>) a).keySet()) {
                assertSameJson(((Map<String, Object>) a).get(k), ((Map<String, Object>) b).get(k), path + "." + k);
            }
        } else if (a instanceof List && b instanceof List) {
            assertThat(((List<?>) a).size()).as(path).isEqualTo(((List<?>) b).size());
            for (int i = 0; i < ((List<?>) a).size(); i++) {
                assertSameJson(((List<?>) a).get(i), ((List<?>) b).get(i), path + "[" + i + "]");
            }
        } else if (a instanceof Double || b instanceof Double) {
            double x = ((Number) a).doubleValue();
            double y = ((Number) b).doubleValue();
            assertThat(Math.abs(x - y)).as(path + ": " + x + " vs " + y).isLessThanOrEqualTo(1e-9 * Math.max(1, Math.abs(y)));
        } else {
            assertThat(a).as(path).isEqualTo(b);
        }
    }

    /** Same header, same rows after sorting by the first column; doubles within 1e-9. */
    static void assertSameCsv(Path actual, Path expected) throws IOException {
        List<String> a = Files.readAllLines(actual);
        List<String> e = Files.readAllLines(expected);
        assertThat(a.get(0)).isEqualTo(e.get(0));
        assertThat(a).hasSameSizeAs(e);
        List<String[]> ra = sorted(a);
        List<String[]> re = sorted(e);
        String[] header = e.get(0).split(",", -1);
        int diffs = 0;
        StringBuilder first = new StringBuilder();
        for (int i = 0; i < re.size(); i++) {
            for (int c = 0; c < header.length; c++) {
                String x = ra.get(i)[c];
                String y = re.get(i)[c];
                if (!x.equals(y) && !closeDoubles(x, y)) {
                    if (diffs++ < 10) {
                        first.append("\n  row ").append(re.get(i)[0]).append(' ').append(header[c]).append(": ")
                            .append(x).append(" vs ").append(y);
                    }
                }
            }
        }
        assertThat(diffs).as("cells that differ:" + first).isZero();
    }

    private static boolean closeDoubles(String x, String y) {
        try {
            double a = Double.parseDouble(x);
            double b = Double.parseDouble(y);
            return Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(b));
        } catch (NumberFormatException ex) {
            return false;
        }
    }

    private static List<String[]> sorted(List<String> lines) {
        List<String[]> rows = new ArrayList<>();
        for (String l : lines.subList(1, lines.size())) {
            rows.add(l.split(",", -1));
        }
        rows.sort((p, q) -> {
            int c = Long.compare(Long.parseLong(p[0]), Long.parseLong(q[0]));
            return c != 0 ? c : String.join(",", p).compareTo(String.join(",", q));
        });
        return rows;
    }
}
