package io.xtage.examples.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * The {@code xtage} command line: a top-level command whose work is done by its
 * subcommands, each a class of its own in this package.
 *
 * <pre>{@code
 * java -jar xtage.jar generate --rows 100000 --seed 42 --out data
 * java -jar xtage.jar --help
 * }</pre>
 *
 * <p>To add a subcommand, write a {@code @Command} class in this package and list it in
 * {@code subcommands} below. Without a subcommand, {@code xtage} prints its usage to
 * standard error and exits with code 2.
 *
 * @since 0.1.0
 */
@Command(
        name = "xtage",
        mixinStandardHelpOptions = true,
        version = "xtage " + XtageCli.VERSION,
        description = "Integrate data from many sources into one standardized table and prepare it for analysis.",
        subcommands = {
            GenerateCommand.class,
            ServeCommand.class,
            W1Command.class,
            PipelineCommand.class,
            DemoCommand.class,
        })
public final class XtageCli implements Runnable {

    /** The version that {@code --version} prints. */
    static final String VERSION = "0.1.0";

    @Spec
    private CommandSpec spec;

    /**
     * Runs the command line and exits the JVM with its exit code.
     *
     * @param args the arguments
     * @since 0.1.0
     */
    public static void main(String[] args) {
        initTablesawMeanwhile();
        System.exit(new CommandLine(new XtageCli()).execute(args));
    }

    /**
     * Tablesaw's {@code Table} scans the class path for its readers and writers when the class
     * is first used (a ClassGraph scan of the whole jar, about 0.3 s here). Every command builds
     * tables, so that scan is started on a daemon thread now, while the command line is parsed
     * and the inputs are opened, instead of stalling the first read that finishes.
     */
    private static void initTablesawMeanwhile() {
        Thread t = new Thread(() -> {
            try {
                Class.forName("tech.tablesaw.api.Table", true, XtageCli.class.getClassLoader());
            } catch (ClassNotFoundException | LinkageError e) {
                // the command that needs Table reports it
            }
        }, "xtage-init-tablesaw");
        t.setDaemon(true);
        t.start();
    }

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "Missing required subcommand");
    }
}
