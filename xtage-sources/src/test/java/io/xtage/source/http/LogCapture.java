package io.xtage.source.http;

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

    /**
     * slf4j-simple reads a logger's level from system properties when the logger is created, so
     * this must run before the first read creates the source's logger.
     */
    static void enableDebug() {
        System.setProperty("org.slf4j.simpleLogger.log.io.xtage.source.http", "debug");
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
