package io.xtage.core;

/**
 * Told how far a read has got, at a bounded rate (by default at most every 500 ms, and once at
 * the end). Called on the reading thread; keep it quick.
 *
 * @since 0.1.0
 */
@FunctionalInterface
public interface ProgressListener {
    /** A listener that ignores progress. */
    ProgressListener NONE = (source, rows, bytes, done) -> { };

    /**
     * @param source the source name
     * @param rows records read so far
     * @param bytes bytes read so far, or -1 when unknown
     * @param done true on the last call of a read
     * @since 0.1.0
     */
    void progress(String source, long rows, long bytes, boolean done);
}
