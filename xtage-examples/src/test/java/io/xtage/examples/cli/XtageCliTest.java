package io.xtage.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.xtage.examples.generate.W1DataGenerator;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class XtageCliTest {

    @TempDir
    Path tmp;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        CommandLine cmd = new CommandLine(new XtageCli());
        cmd.setOut(new PrintWriter(out, true));
        cmd.setErr(new PrintWriter(err, true));
        return cmd.execute(args);
    }

    @Test
    void generateWritesTheFiveFiles() throws IOException {
        Path dir = tmp.resolve("nested/data");

        int code = run("generate", "--rows", "2000", "--seed", "7", "--out", dir.toString());

        assertThat(code).as(err.toString()).isZero();
        assertThat(dir.resolve(W1DataGenerator.SALES)).isRegularFile();
        assertThat(dir.resolve(W1DataGenerator.TRANSACTIONS)).isRegularFile();
        assertThat(dir.resolve(W1DataGenerator.PRODUCTS)).isRegularFile();
        assertThat(dir.resolve(W1DataGenerator.CUSTOMERS)).isRegularFile();
        assertThat(dir.resolve(W1DataGenerator.RATES)).isRegularFile();
        assertThat(Files.readAllLines(dir.resolve(W1DataGenerator.SALES))).hasSize(2001);
        assertThat(out.toString()).contains("sales_data.csv").contains("seed=7");
    }

    @Test
    void generateSeedDefaultsTo42() throws IOException {
        run("generate", "--rows", "2000", "--out", tmp.resolve("cli").toString());
        W1DataGenerator.generate(tmp.resolve("api"), 2000, 42);

        assertThat(Files.readAllBytes(tmp.resolve("cli").resolve(W1DataGenerator.SALES)))
                .isEqualTo(Files.readAllBytes(tmp.resolve("api").resolve(W1DataGenerator.SALES)));
    }

    @Test
    void generateRejectsZeroRows() {
        int code = run("generate", "--rows", "0", "--out", tmp.toString());

        assertThat(code).isEqualTo(CommandLine.ExitCode.USAGE);
        assertThat(err.toString()).contains("--rows").contains(">= 1");
        assertThat(tmp.resolve(W1DataGenerator.SALES)).doesNotExist();
    }

    @Test
    void generateRequiresOut() {
        int code = run("generate", "--rows", "10");

        assertThat(code).isEqualTo(CommandLine.ExitCode.USAGE);
        assertThat(err.toString()).contains("--out");
    }

    @Test
    void generateRejectsNonNumericRows() {
        int code = run("generate", "--rows", "many", "--out", tmp.toString());

        assertThat(code).isEqualTo(CommandLine.ExitCode.USAGE);
        assertThat(err.toString()).contains("--rows").contains("many");
    }

    @Test
    void generateReportsAnUnwritableOut() throws IOException {
        Path file = Files.writeString(tmp.resolve("not-a-dir"), "x");

        int code = run("generate", "--rows", "10", "--out", file.toString());

        assertThat(code).isEqualTo(CommandLine.ExitCode.SOFTWARE);
        assertThat(err.toString()).contains("cannot write W1 data").contains("not-a-dir");
    }

    @Test
    void versionIs010() {
        int code = run("--version");

        assertThat(code).isZero();
        assertThat(out.toString()).contains("0.1.0");
    }

    @Test
    void helpListsGenerate() {
        int code = run("--help");

        assertThat(code).isZero();
        assertThat(out.toString()).contains("xtage").contains("generate");
    }

    @Test
    void missingSubcommandIsAUsageError() {
        int code = run();

        assertThat(code).isEqualTo(CommandLine.ExitCode.USAGE);
        assertThat(err.toString()).contains("Missing required subcommand").contains("generate");
    }
}
