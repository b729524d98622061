package io.xtage.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.xtage.examples.generate.W1DataGenerator;
import io.xtage.examples.pipeline.AssignmentPipeline;
import io.xtage.examples.pipeline.LocalApiServer;
import io.xtage.sink.postgres.SqlScript;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The pipeline on {@code generate --rows 2000} data with the embedded defaults. */
class PipelineCommandTest {
    @TempDir
    static Path dir;

    private static Path data;
    private static Path out;
    private static int exitCode;
    private static String stdout;
    private static String stderr;
    private static JsonNode report;

    @BeforeAll
    static void runPipelineOnce() throws Exception {
        data = dir.resolve("data");
        out = dir.resolve("out");
        W1DataGenerator.generate(data, 2000, 42);
        StringWriter o = new StringWriter();
        StringWriter e = new StringWriter();
        CommandLine cli = new CommandLine(new XtageCli()).setOut(new PrintWriter(o)).setErr(new PrintWriter(e));
        exitCode = cli.execute("pipeline", "--data", data.toString(), "--out", out.toString());
        stdout = o.toString();
        stderr = e.toString();
        if (exitCode == 0) {
            report = new ObjectMapper().readTree(out.resolve("report.json").toFile());
        }
    }

    @Test
    void pipelineSucceedsAndWritesEveryOutput() {
        assertThat(exitCode).as(stderr).isZero();
        for (String f : AssignmentPipeline.OUTPUTS) {
            assertThat(out.resolve(f)).isRegularFile();
        }
        assertThat(stdout).contains("sources", "joins", "rows out");
    }

    @Test
    void salesRowsReadEqualStandardizedRowsPlusSalesRowsRejectedWhole() throws Exception {
        JsonNode sales = report.path("sources").path("sales");
        long standardized = dataLines(out.resolve("standardized.csv"));
        assertThat(sales.path("rows_read").asLong()).isEqualTo(2000);
        assertThat(sales.path("rows_read").asLong())
            .isEqualTo(standardized + sales.path("rows_rejected").asLong());
        assertThat(report.path("rows_standardized").asLong()).isEqualTo(standardized);
    }

    @Test
    void stepRemovalsReconcileStandardizedWithPreprocessed() throws Exception {
        long standardized = dataLines(out.resolve("standardized.csv"));
        long preprocessed = dataLines(out.resolve("preprocessed.csv"));
        long removed = 0;
        long rowsIn = standardized;
        for (JsonNode s : report.path("steps")) {
            assertThat(s.path("rows_in").asLong()).isEqualTo(rowsIn);
            assertThat(s.path("rows_out").asLong()).isEqualTo(rowsIn - s.path("rows_removed").asLong());
            removed += s.path("rows_removed").asLong();
            rowsIn = s.path("rows_out").asLong();
        }
        assertThat(standardized - removed).isEqualTo(preprocessed);
        assertThat(report.path("rows_out").asLong()).isEqualTo(preprocessed);
        assertThat(removed).isPositive();
    }

    @Test
    void reportHasTheSourcesJoinsAndInferredSalesDateFormats() {
        assertThat(iterableNames(report.path("sources")))
            .containsExactly("sales", "products", "transactions", "customers", "exchange_rates");
        JsonNode shapes = report.path("date_formats").path("sales.transaction_date");
        List<String> patterns = new ArrayList<>();
        shapes.forEach(s -> patterns.add(s.path("pattern").asText()));
        assertThat(patterns).containsExactlyInAnyOrder("yyyy-MM-dd", "dd/MM/yyyy", "MM-dd-yyyy");
        shapes.forEach(s -> assertThat(s.path("decided_by").asText()).isIn("evidence", "only_order"));
        assertThat(report.path("joins")).hasSize(4);
        JsonNode products = report.path("joins").get(0);
        assertThat(products.path("type").asText()).isEqualTo("left");
        assertThat(products.path("left_rows").asLong()).isEqualTo(products.path("output_rows").asLong());
        assertThat(products.path("unmatched_left_rows").asLong()).isPositive();
        assertThat(report.path("joins").get(3).path("type").asText()).isEqualTo("asof");
    }

    @Test
    void servedHttpSourceWasCalledWithTheToken() {
        JsonNode apis = report.path("apis");
        assertThat(apis.path("served_locally").asBoolean()).isTrue();
        assertThat(apis.path("authorized_requests").asLong()).isGreaterThanOrEqualTo(2);
        assertThat(apis.path("unauthorized_requests").asLong()).isZero();
        assertThat(report.path("sources").path("customers").path("rows_read").asLong()).isEqualTo(1000);
    }

    @Test
    void rejectsCsvHasTheDeclaredColumns() throws Exception {
        List<String> lines = Files.readAllLines(out.resolve("rejects.csv"));
        assertThat(lines.get(0)).isEqualTo("source,record,column,value,reason");
        assertThat(lines).hasSize((int) report.path("rejects").asLong() + 1);
    }

    @Test
    void preparedSqlLoadsIntoAnEmptyDatabase() throws Exception {
        try (EmbeddedPostgres pg = EmbeddedPostgres.builder().start()) {
            SqlScript.load(pg.getPostgresDatabase(), out.resolve("prepared.sql"));
            try (Connection c = pg.getPostgresDatabase().getConnection(); Statement st = c.createStatement()) {
                assertThat(count(st, "select count(*) from prepared")).isEqualTo(report.path("rows_out").asLong());
                assertThat(count(st, "select count(*) from products")).isEqualTo(1000);
                assertThat(count(st, "select count(*) from prepared where price < 0")).isZero();
            }
        }
    }

    @Test
    void wrongApiTokenFailsNamingThe401AndWritesNoResult() throws Exception {
        Path badOut = dir.resolve("bad-out");
        String wrong = "wrong-token-6b1d93c2";
        try (LocalApiServer api = LocalApiServer.start(Map.of(
                "/customers", data.resolve("customer_data.json"),
                "/exchange_rates", data.resolve("exchange_rates.json")), "the-right-token-0f3a")) {
            ProcessBuilder pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m", "-cp", System.getProperty("java.class.path"), XtageCli.class.getName(),
                "pipeline", "--quiet", "--data", data.toString(), "--out", badOut.toString(),
                "--customers-url", api.uri("/customers").toString(), "--rates-url", api.uri("/exchange_rates").toString());
            pb.environment().put(PipelineCommand.API_TOKEN_ENV, wrong);
            pb.redirectErrorStream(true);
            Process p = pb.start();
            String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
            assertThat(p.exitValue()).as(output).isEqualTo(1);
            assertThat(output).contains("401").doesNotContain(wrong).doesNotContain("the-right-token-0f3a");
            assertThat(api.unauthorizedRequests()).isPositive();
            assertThat(api.authorizedRequests()).isZero();
        }
        for (String f : AssignmentPipeline.OUTPUTS) {
            assertThat(badOut.resolve(f)).doesNotExist();
        }
        if (Files.exists(badOut)) {
            try (var s = Files.list(badOut)) {
                assertThat(s).isEmpty();
            }
        }
    }

    private static long count(Statement st, String sql) throws Exception {
        try (ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static long dataLines(Path csv) throws Exception {
        try (var lines = Files.lines(csv)) {
            return lines.count() - 1;
        }
    }

    private static List<String> iterableNames(JsonNode n) {
        List<String> names = new ArrayList<>();
        n.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
