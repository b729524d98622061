package io.xtage.source;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/**
 * Captures what slf4j-simple writes (it prints to whatever {@code System.err} is at the time of
 * the call), for tests of the source packages that check their log lines.
 */
public final class LogCapture implements AutoCloseable {
    private final PrintStream original;
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();

    private LogCapture() {
        original = System.err;
        System.setErr(new PrintStream(bytes, true, StandardCharsets.UTF_8));
    }

    /**
     * Sets the loggers of a class's package to DEBUG. slf4j-simple reads a logger's level from
     * system properties when the logger is created, so this must run before the first read
     * creates the source's logger: call it from a static initialiser of the test (or its fixture).
     *
     * @param inPackage any class of the package whose loggers should log at DEBUG
     */
    public static void enableDebug(Class<?> inPackage) {
        System.setProperty("org.slf4j.simpleLogger.log." + inPackage.getPackageName(), "debug");
    }

    /** @return a capture of {@code System.err} until {@link #close()} */
    public static LogCapture start() {
        return new LogCapture();
    }

    /** @return what was written so far */
    public String text() {
        System.err.flush();
        return bytes.toString(StandardCharsets.UTF_8);
    }

    /** Restores {@code System.err} and copies what was captured to it. */
    @Override
    public void close() {
        System.setErr(original);
        original.print(text());
    }
}
