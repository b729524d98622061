package io.xtage.examples.cli;

import io.xtage.examples.generate.W1DataGenerator;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code xtage generate --rows N [--seed S] --out DIR}: writes the five dirty W1 input
 * files, the same for the same (N, S). See {@link W1DataGenerator}.
 */
@Command(
        name = "generate",
        mixinStandardHelpOptions = true,
        description = "Write the five dirty input files of workload W1 (deterministic for a given --rows and --seed).")
final class GenerateCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Option(names = "--rows", required = true, paramLabel = "N",
            description = "Scale: lines of sales_data.csv and of transactions.csv (>= 1).")
    private long rows;

    @Option(names = "--seed", defaultValue = "42", paramLabel = "S",
            description = "Random seed (default: ${DEFAULT-VALUE}).")
    private long seed;

    @Option(names = "--out", required = true, paramLabel = "DIR",
            description = "Output directory, created if missing; files there of the same names are replaced.")
    private Path out;

    @Override
    public Integer call() {
        if (rows < 1) {
            throw new ParameterException(spec.commandLine(),
                    "Invalid value for option '--rows': must be >= 1 (was " + rows + ")");
        }
        long started = System.nanoTime();
        W1DataGenerator.Summary summary;
        try {
            summary = W1DataGenerator.generate(out, rows, seed);
        } catch (UncheckedIOException e) {
            spec.commandLine().getErr().printf("xtage generate: %s (%s)%n", e.getMessage(), e.getCause());
            return CommandLine.ExitCode.SOFTWARE;
        }
        long millis = (System.nanoTime() - started) / 1_000_000;
        PrintWriter stdout = spec.commandLine().getOut();
        for (W1DataGenerator.GeneratedFile f : summary.files()) {
            stdout.printf("%-20s %,12d records %,15d bytes%n", f.name(), f.records(), f.bytes());
        }
        stdout.printf("wrote %d files into %s in %d ms (rows=%d, seed=%d)%n",
                summary.files().size(), out, millis, rows, seed);
        stdout.flush();
        return 0;
    }
}
