package io.xtage.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.xtage.examples.serve.ServeFixtures;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class ServeCommandTest {
    private static final Pattern LISTENING = Pattern.compile("listening on (http://\\S+)");
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @TempDir
    Path tmp;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private CommandLine cli(Map<String, String> env) {
        CommandLine cmd = new CommandLine(new XtageCli(), new CommandLine.IFactory() {
            @Override
            public <K> K create(Class<K> cls) throws Exception {
                if (cls == ServeCommand.class) {
                    return cls.cast(new ServeCommand(env::get));
                }
                return CommandLine.defaultFactory().create(cls);
            }
        });
        cmd.setOut(new PrintWriter(out, true));
        cmd.setErr(new PrintWriter(err, true));
        return cmd;
    }

    private int run(String... args) {
        return cli(Map.of()).execute(args);
    }

    /** Runs a serve command in a thread, waits for its URL, and stops it by interrupting. */
    private final class Background implements AutoCloseable {
        final Thread thread;
        final AtomicInteger code = new AtomicInteger(-1);

        Background(Map<String, String> env, String... args) {
            thread = new Thread(() -> code.set(cli(env).execute(args)), "serve-under-test");
            thread.start();
        }

        URI awaitUrl() throws InterruptedException {
            long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
            while (System.nanoTime() < deadline && thread.isAlive()) {
                Matcher m = LISTENING.matcher(out.toString());
                if (m.find()) {
                    return URI.create(m.group(1));
                }
                Thread.sleep(50);
            }
            throw new AssertionError("no URL printed; out: " + out + " err: " + err);
        }

        int stop() throws InterruptedException {
            thread.interrupt();
            thread.join(30_000);
            assertThat(thread.isAlive()).as("serve still running after interrupt").isFalse();
            return code.get();
        }

        @Override
        public void close() {
            if (thread.isAlive()) {
                try {
                    stop();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }
    }

    private static HttpResponse<String> get(URI uri) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30)).build(),
            HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void serveSqlPrintsTheUrlServesAndStopsWhenInterrupted() throws Exception {
        Path export = ServeFixtures.export(tmp.resolve("prepared.sql"));

        try (Background serve = new Background(Map.of(), "serve", "--sql", export.toString(), "--port", "0")) {
            URI url = serve.awaitUrl();

            assertThat(url.toString()).matches("http://127\\.0\\.0\\.1:\\d+/prices/products");
            assertThat(url.getPort()).isPositive();
            HttpResponse<String> r = get(url);
            assertThat(r.statusCode()).isEqualTo(200);
            assertThat(r.body()).contains("\"total\":6");

            assertThat(serve.stop()).isZero();
            assertThat(out.toString()).contains("xtage serve: stopped");
        }
    }

    @Test
    void servePgUrlTakesThePasswordFromTheEnvironmentAndNeverPrintsIt() throws Exception {
        try (EmbeddedPostgres pg = ServeFixtures.startEmbedded()) {
            ServeFixtures.load(pg.getPostgresDatabase());
            String url = "jdbc:postgresql://localhost:" + pg.getPort() + "/postgres";

            try (Background serve = new Background(Map.of("XTAGE_PG_PASSWORD", "s3cret-pw"),
                "serve", "--pg-url", url, "--pg-user", "postgres", "--port", "0")) {
                URI listing = serve.awaitUrl();

                assertThat(get(listing.resolve("/products/5")).body()).contains("Atlas");
                assertThat(get(listing.resolve("/health")).statusCode()).isEqualTo(200);
                assertThat(serve.stop()).isZero();
            }
            assertThat(out.toString() + err).doesNotContain("s3cret-pw");
        }
    }

    @Test
    void serveWarnsButServesWhenTheDatabaseIsDown() throws Exception {
        int closedPort;
        try (java.net.ServerSocket s = new java.net.ServerSocket(0)) {
            closedPort = s.getLocalPort();
        }
        try (Background serve = new Background(Map.of(), "serve", "--pg-url",
            "jdbc:postgresql://127.0.0.1:" + closedPort + "/db", "--port", "0")) {
            URI listing = serve.awaitUrl();

            assertThat(get(listing.resolve("/health")).statusCode()).isEqualTo(503);
            assertThat(err.toString()).contains("warning: the database does not answer yet");
            assertThat(serve.stop()).isZero();
        }
    }

    @Test
    void serveNeedsADatabase() {
        int code = run("serve", "--port", "0");

        assertThat(code).isEqualTo(CommandLine.ExitCode.USAGE);
        assertThat(err.toString()).contains("--pg-url").contains("--sql");
    }

    @Test
    void serveTakesOnlyOneDatabase() {
        int code = run("serve", "--pg-url", "jdbc:postgresql://h/db", "--sql", "x.sql");

        assertThat(code).isEqualTo(CommandLine.ExitCode.USAGE);
        assertThat(err.toString()).contains("mutually exclusive");
    }

    @Test
    void serveRejectsAPortOutOfRange() {
        int code = run("serve", "--sql", "x.sql", "--port", "70000");

        assertThat(code).isEqualTo(CommandLine.ExitCode.USAGE);
        assertThat(err.toString()).contains("--port").contains("70000");
    }

    @Test
    void serveRejectsAUserWithoutAUrl() {
        int code = run("serve", "--sql", "x.sql", "--pg-user", "bob");

        assertThat(code).isEqualTo(CommandLine.ExitCode.USAGE);
        assertThat(err.toString()).contains("--pg-user goes with --pg-url");
    }

    @Test
    void serveRejectsANonPostgresUrl() {
        int code = run("serve", "--pg-url", "jdbc:mysql://h/db?password=pw123", "--port", "0");

        assertThat(code).isEqualTo(CommandLine.ExitCode.USAGE);
        assertThat(err.toString()).contains("jdbc:postgresql:").doesNotContain("pw123");
    }

    @Test
    void serveFailsCleanlyOnAMissingExport() {
        int code = run("serve", "--sql", tmp.resolve("missing.sql").toString(), "--port", "0");

        assertThat(code).isEqualTo(CommandLine.ExitCode.SOFTWARE);
        assertThat(err.toString()).contains("xtage serve:").contains("missing.sql");
    }
}
