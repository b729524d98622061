package io.xtage.examples.cli;

import io.xtage.examples.serve.Serving;
import io.xtage.sink.SinkException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Function;
import picocli.CommandLine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code xtage serve}: the products API over the prepared database, either an existing
 * PostgreSQL ({@code --pg-url URL [--pg-user U]}, password from {@code XTAGE_PG_PASSWORD}) or
 * an embedded one loaded from a {@code .sql} export ({@code --sql FILE}). Prints the URL and
 * serves until interrupted (Ctrl-C); a shutdown hook stops the server and the embedded database.
 */
@Command(
        name = "serve",
        mixinStandardHelpOptions = true,
        description = {
            "Serve the products API (GET /prices/products, /products/{id}, /health) over the prepared database.",
            "The password for --pg-url is read from the environment variable " + ServeCommand.PASSWORD_ENV + "."
        })
final class ServeCommand implements Callable<Integer> {

    /** The environment variable holding the database password; never an option, so it stays out of ps. */
    static final String PASSWORD_ENV = "XTAGE_PG_PASSWORD";

    @Spec
    private CommandSpec spec;

    @ArgGroup(exclusive = true, multiplicity = "1")
    private Database database;

    static final class Database {
        @Option(names = "--pg-url", paramLabel = "URL", required = true,
                description = "An existing database: jdbc:postgresql://host:port/db")
        String pgUrl;

        @Option(names = "--sql", paramLabel = "FILE", required = true,
                description = "A .sql export to load into an embedded PostgreSQL and serve.")
        Path sql;
    }

    @Option(names = "--pg-user", paramLabel = "U", description = "Database user for --pg-url.")
    private String pgUser;

    @Option(names = "--port", defaultValue = "8080", paramLabel = "P",
            description = "Port to listen on; 0 picks a free one (default: ${DEFAULT-VALUE}).")
    private int port;

    @Option(names = "--host", defaultValue = "127.0.0.1", paramLabel = "ADDR",
            description = "Address to listen on (default: ${DEFAULT-VALUE}; 0.0.0.0 for every interface).")
    private String host;

    private final Function<String, String> env;

    ServeCommand() {
        this(System::getenv);
    }

    /** @param env reads environment variables; tests pass their own */
    ServeCommand(Function<String, String> env) {
        this.env = env;
    }

    @Override
    public Integer call() {
        if (port < 0 || port > 65535) {
            throw new ParameterException(spec.commandLine(),
                    "Invalid value for option '--port': must be 0 to 65535 (was " + port + ")");
        }
        if (pgUser != null && database.pgUrl == null) {
            throw new ParameterException(spec.commandLine(), "--pg-user goes with --pg-url, not with --sql");
        }
        InetSocketAddress address;
        try {
            address = new InetSocketAddress(InetAddress.getByName(host), port);
        } catch (UnknownHostException e) {
            throw new ParameterException(spec.commandLine(), "Invalid value for option '--host': unknown host '"
                    + host + "'");
        }
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Serving serving;
        try {
            serving = database.pgUrl != null
                    ? Serving.fromUrl(database.pgUrl, pgUser, env.apply(PASSWORD_ENV), address)
                    : Serving.fromSqlExport(database.sql, address);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        } catch (UncheckedIOException | SinkException e) {
            err.printf("xtage serve: %s%s%n", e.getMessage(), e.getCause() == null ? "" : " (" + e.getCause() + ")");
            err.flush();
            return CommandLine.ExitCode.SOFTWARE;
        }
        try (serving) {
            Optional<String> problem = serving.databaseProblem();
            problem.ifPresent(p -> {
                err.printf("xtage serve: warning: the database does not answer yet (%s); /health says 503 until it"
                        + " does%n", p);
                err.flush();
            });
            out.printf("xtage serve: listening on %s%n", serving.productsUri());
            out.flush();
            Thread hook = new Thread(serving::close, "xtage-serve-shutdown");
            Runtime.getRuntime().addShutdownHook(hook);
            try {
                serving.awaitClose();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                try {
                    Runtime.getRuntime().removeShutdownHook(hook);
                } catch (IllegalStateException e) {
                    // The JVM is already shutting down and the hook is running.
                }
            }
        }
        out.println("xtage serve: stopped");
        out.flush();
        return 0;
    }
}
