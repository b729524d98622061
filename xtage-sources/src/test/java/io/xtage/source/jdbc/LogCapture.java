package io.xtage.source.jdbc;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/**
 * Captures what slf4j-simple writes (it prints to whatever {@code System.err} is at the time of
 * the call), with this package's loggers at DEBUG.
 */
final class LogCapture implements AutoCloseable {
    static {
        enableDebug();
    }

    private final PrintStream original;
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();

    private LogCapture() {
        original = System.err;
        System.setErr(new PrintStream(bytes, true, StandardCharsets.UTF_8));
    }

    /** Must run before the first read creates the source's logger: slf4j-simple reads levels then. */
    static void enableDebug() {
        System.setProperty("org.slf4j.simpleLogger.log.io.xtage.source.jdbc", "debug");
    }

    static LogCapture start() {
        return new LogCapture();
    }

    String text() {
        System.err.flush();
        return bytes.toString(StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        System.setErr(original);
        original.print(text());
    }
}
