package io.xtage.sink;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * What a {@link Sink} write did: where it wrote, how many rows, and how long it took.
 *
 * <p>Immutable and thread-safe. Fields may be added in later versions, so it is a final class
 * built by {@link #of}, not a record.
 *
 * @since 0.1.0
 */
public final class SinkReport {
    private final String sinkName;
    private final long rowsWritten;
    private final Duration elapsed;

    private SinkReport(String sinkName, long rowsWritten, Duration elapsed) {
        this.sinkName = Objects.requireNonNull(sinkName, "sinkName");
        this.elapsed = Objects.requireNonNull(elapsed, "elapsed");
        if (rowsWritten < 0) {
            throw new IllegalArgumentException("rowsWritten must be >= 0 (was " + rowsWritten + ")");
        }
        if (elapsed.isNegative()) {
            throw new IllegalArgumentException("elapsed must not be negative (was " + elapsed + ")");
        }
        this.rowsWritten = rowsWritten;
    }

    /**
     * @param sinkName the sink's {@link Sink#name() name}
     * @param rowsWritten rows written (for an upsert: rows inserted or updated), at least 0
     * @param elapsed wall time of the write, not negative
     * @return the report
     * @throws IllegalArgumentException for a negative count or duration
     * @since 0.1.0
     */
    public static SinkReport of(String sinkName, long rowsWritten, Duration elapsed) {
        return new SinkReport(sinkName, rowsWritten, elapsed);
    }

    /** @return the sink's name, never null @since 0.1.0 */
    public String sinkName() {
        return sinkName;
    }

    /** @return rows written; for an upsert, rows inserted or updated @since 0.1.0 */
    public long rowsWritten() {
        return rowsWritten;
    }

    /** @return wall time of the write, never null @since 0.1.0 */
    public Duration elapsed() {
        return elapsed;
    }

    /**
     * @return {@code sink}, {@code rows_written}, {@code elapsed_ms}, in that order, for JSON
     *     reports
     * @since 0.1.0
     */
    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("sink", sinkName);
        m.put("rows_written", rowsWritten);
        m.put("elapsed_ms", elapsed.toMillis());
        return m;
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof SinkReport)) {
            return false;
        }
        SinkReport r = (SinkReport) o;
        return sinkName.equals(r.sinkName) && rowsWritten == r.rowsWritten && elapsed.equals(r.elapsed);
    }

    @Override
    public int hashCode() {
        return Objects.hash(sinkName, rowsWritten, elapsed);
    }

    @Override
    public String toString() {
        return "SinkReport[" + sinkName + ": " + rowsWritten + " rows in " + elapsed.toMillis() + " ms]";
    }
}
