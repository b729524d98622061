package io.xtage.examples.cli;

import io.xtage.core.ProgressListener;
import io.xtage.core.SecretSupplier;
import io.xtage.core.XtageException;
import io.xtage.examples.pipeline.AssignmentPipeline;
import io.xtage.examples.pipeline.Database;
import io.xtage.examples.pipeline.W1Workload;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code xtage pipeline --data DIR --out DIR}: the assignment end to end, with an embedded
 * PostgreSQL and a local token-protected API by default, or existing ones when named.
 */
@Command(name = "pipeline", mixinStandardHelpOptions = true,
    description = {"Run the assignment end to end: ingest the five sources, standardize, preprocess, and write "
        + "standardized.csv, preprocessed.csv, rejects.csv, report.json, prepared.sql and preprocessor.json.",
        "By default PostgreSQL is embedded and the two APIs are served locally from DIR's JSON files behind a "
            + "random bearer token.",
        "Secrets come from the environment: XTAGE_PG_PASSWORD, XTAGE_API_TOKEN."})
final class PipelineCommand implements Callable<Integer> {
    /** The environment variable with the APIs' bearer token. */
    static final String API_TOKEN_ENV = "XTAGE_API_TOKEN";

    @Spec
    private CommandSpec spec;

    @Option(names = "--data", required = true, paramLabel = "DIR", description = "Folder with the five assignment files.")
    private Path data;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Folder for the outputs (created).")
    private Path out;

    @Option(names = "--pg-url", paramLabel = "URL",
        description = "jdbc:postgresql:// URL of an existing server (password from XTAGE_PG_PASSWORD). Default: embedded.")
    private String pgUrl;

    @Option(names = "--pg-user", paramLabel = "USER", description = "PostgreSQL user for --pg-url.")
    private String pgUser;

    @Option(names = "--customers-url", paramLabel = "URL",
        description = "Customers API (JSON array), with the token from XTAGE_API_TOKEN. Default: served locally.")
    private String customersUrl;

    @Option(names = "--rates-url", paramLabel = "URL",
        description = "Exchange-rates API (JSON array), with the token from XTAGE_API_TOKEN. Default: served locally.")
    private String ratesUrl;

    @Option(names = "--quiet", description = "No progress on standard error.")
    private boolean quiet;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        PrintWriter stdout = spec.commandLine().getOut();
        java.util.Optional<Path> missing = W1Workload.missingFile(data);
        if (missing.isPresent()) {
            err.println("xtage pipeline: " + missing.get() + " does not exist; run `xtage generate` first");
            err.flush();
            return 1;
        }
        if ((customersUrl == null) != (ratesUrl == null)) {
            err.println("xtage pipeline: give both --customers-url and --rates-url, or neither");
            err.flush();
            return 2;
        }
        AssignmentPipeline.Config config = new AssignmentPipeline.Config(data, out);
        if (pgUrl != null) {
            config.postgres(pgUrl, pgUser, System.getenv(Database.PASSWORD_ENV));
        }
        if (customersUrl != null) {
            config.apis(customersUrl, ratesUrl, System.getenv(API_TOKEN_ENV) != null
                ? SecretSupplier.env(API_TOKEN_ENV) : null);
        }
        if (!quiet) {
            config.progress(progress(err));
        }
        try {
            AssignmentPipeline.Outcome outcome = new AssignmentPipeline(config).run();
            stdout.print(outcome.summary());
            stdout.println("outputs in " + out.toAbsolutePath() + ": " + String.join(", ", AssignmentPipeline.OUTPUTS));
            stdout.flush();
            return 0;
        } catch (XtageException e) {
            err.println("xtage pipeline failed: " + e.getMessage());
            err.flush();
            return 1;
        }
    }

    static ProgressListener progress(PrintWriter err) {
        return (source, rows, bytes, done) -> {
            synchronized (err) {
                err.printf("  reading %s: %,d rows%s%s%n", source, rows,
                    bytes >= 0 ? String.format(", %,.1f MB", bytes / 1e6) : "", done ? " (done)" : "");
                err.flush();
            }
        };
    }
}
