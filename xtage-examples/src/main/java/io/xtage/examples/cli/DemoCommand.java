package io.xtage.examples.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code xtage demo [--rows N] [--out DIR]}: generate sample data, run the pipeline on it, and say
 * where the outputs are and how to serve them. The README's main job.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
    description = "Generate sample data (W1 shapes and dirt) and run the pipeline on it with embedded defaults.")
final class DemoCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Option(names = "--rows", defaultValue = "10000", paramLabel = "N", description = "Sales rows (default ${DEFAULT-VALUE}).")
    private long rows;

    @Option(names = "--seed", defaultValue = "42", paramLabel = "S", description = "Random seed (default ${DEFAULT-VALUE}).")
    private long seed;

    @Option(names = "--out", defaultValue = "xtage-demo", paramLabel = "DIR",
        description = "Folder for the data (DIR/data) and the outputs (DIR/out); default ${DEFAULT-VALUE}.")
    private Path out;

    @Override
    public Integer call() {
        CommandLine parent = spec.commandLine().getParent();
        Path data = out.resolve("data");
        Path results = out.resolve("out");
        int rc = parent.execute("generate", "--rows", Long.toString(rows), "--seed", Long.toString(seed), "--out",
            data.toString());
        if (rc != 0) {
            return rc;
        }
        rc = parent.execute("pipeline", "--data", data.toString(), "--out", results.toString());
        if (rc != 0) {
            return rc;
        }
        var o = spec.commandLine().getOut();
        o.println();
        o.println("Done. Data in " + data.toAbsolutePath() + ", results in " + results.toAbsolutePath() + ".");
        o.println("See them over HTTP (an embedded PostgreSQL loaded from the .sql export):");
        o.println("  java -jar xtage-examples/target/xtage.jar serve --sql " + results.resolve("prepared.sql")
            + " --port 8080");
        o.println("  curl 'http://127.0.0.1:8080/prices/products?limit=5&sort=price'");
        o.flush();
        return 0;
    }
}
