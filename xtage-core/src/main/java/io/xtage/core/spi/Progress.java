package io.xtage.core.spi;

import io.xtage.core.ProgressListener;
import java.util.Objects;

/**
 * Calls a {@link ProgressListener} at a bounded rate. For source implementors: call
 * {@link #update(long, long)} as often as you like (it checks the clock every 4096 calls), and
 * {@link #done(long, long)} once at the end. Not thread-safe.
 *
 * @since 0.1.0
 */
public final class Progress {
    /** Half a second: often enough for a human, rare enough to cost nothing. */
    public static final long DEFAULT_INTERVAL_NANOS = 500_000_000L;

    private final String source;
    private final ProgressListener listener;
    private final long intervalNanos;
    private long next;
    private int calls;

    /**
     * @param source the source name
     * @param listener the listener
     * @since 0.1.0
     */
    public Progress(String source, ProgressListener listener) {
        this(source, listener, DEFAULT_INTERVAL_NANOS);
    }

    /**
     * @param source the source name
     * @param listener the listener
     * @param intervalNanos least time between two calls
     * @since 0.1.0
     */
    public Progress(String source, ProgressListener listener, long intervalNanos) {
        this.source = Objects.requireNonNull(source, "source");
        this.listener = Objects.requireNonNull(listener, "listener");
        this.intervalNanos = intervalNanos;
        this.next = System.nanoTime() + intervalNanos;
    }

    /**
     * @param rows records so far
     * @param bytes bytes so far, or -1
     * @since 0.1.0
     */
    public void update(long rows, long bytes) {
        if (listener == ProgressListener.NONE || (++calls & 4095) != 0) {
            return;
        }
        long now = System.nanoTime();
        if (now - next >= 0) {
            next = now + intervalNanos;
            listener.progress(source, rows, bytes, false);
        }
    }

    /**
     * @param rows records in all
     * @param bytes bytes in all, or -1
     * @since 0.1.0
     */
    public void done(long rows, long bytes) {
        listener.progress(source, rows, bytes, true);
    }
}
