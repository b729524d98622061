package io.xtage.preprocess;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The reports of every step of one {@link FittedPreprocessor#transform(Table) transform}, in
 * order, with rows in and out of the whole chain and the time each step took.
 *
 * <p>Row accounting always reconciles: {@code rowsIn() == rowsOut() + } the sum of every step's
 * {@link StepReport#rowsRemoved()} (for chains whose steps do not add rows). Immutable and
 * thread-safe.
 *
 * @since 0.1.0
 */
public final class PreprocessReport {
    private final long rowsIn;
    private final long rowsOut;
    private final List<StepReport> steps;
    private final List<Long> elapsedMillis;

    PreprocessReport(long rowsIn, long rowsOut, List<StepReport> steps, List<Long> elapsedMillis) {
        this.rowsIn = rowsIn;
        this.rowsOut = rowsOut;
        this.steps = List.copyOf(steps);
        this.elapsedMillis = List.copyOf(elapsedMillis);
        if (!this.elapsedMillis.isEmpty() && this.steps.size() != this.elapsedMillis.size()) {
            throw new IllegalArgumentException("one elapsed time per step, or none");
        }
    }

    /**
     * A report of an engine that cannot time its steps one by one, such as a lazy one (Spark):
     * {@link #elapsedMillis()} is empty and {@link #toMap()} has no {@code elapsed_ms}.
     *
     * @param rowsIn rows of the chain's input
     * @param rowsOut rows of the chain's output
     * @param steps the step reports, in chain order
     * @return the report
     * @since 0.1.0
     */
    public static PreprocessReport untimed(long rowsIn, long rowsOut, List<StepReport> steps) {
        return new PreprocessReport(rowsIn, rowsOut, steps, List.of());
    }

    /**
     * @return rows of the chain's input
     * @since 0.1.0
     */
    public long rowsIn() {
        return rowsIn;
    }

    /**
     * @return rows of the chain's output
     * @since 0.1.0
     */
    public long rowsOut() {
        return rowsOut;
    }

    /**
     * @return the sum of the steps' removed rows
     * @since 0.1.0
     */
    public long rowsRemoved() {
        long n = 0;
        for (StepReport s : steps) {
            n += s.rowsRemoved();
        }
        return n;
    }

    /**
     * @return the step reports, in chain order
     * @since 0.1.0
     */
    public List<StepReport> steps() {
        return steps;
    }

    /**
     * @param i 0-based step index
     * @return that step's report
     * @throws IndexOutOfBoundsException if there is no such step
     * @since 0.1.0
     */
    public StepReport step(int i) {
        return steps.get(i);
    }

    /**
     * @return wall time of each step, in milliseconds, in chain order; empty for an
     *     {@link #untimed} report
     * @since 0.1.0
     */
    public List<Long> elapsedMillis() {
        return elapsedMillis;
    }

    /**
     * @return {@code rows_in}, {@code rows_out}, {@code rows_removed} and {@code steps} (each
     *     step's {@link StepReport#toMap()} plus its {@code elapsed_ms} when timed), snake_case keys
     * @since 0.1.0
     */
    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("rows_in", rowsIn);
        m.put("rows_out", rowsOut);
        m.put("rows_removed", rowsRemoved());
        List<Object> list = new ArrayList<>();
        for (int i = 0; i < steps.size(); i++) {
            Map<String, Object> s = steps.get(i).toMap();
            if (!elapsedMillis.isEmpty()) {
                s.put("elapsed_ms", elapsedMillis.get(i));
            }
            list.add(s);
        }
        m.put("steps", list);
        return m;
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof PreprocessReport)) {
            return false;
        }
        PreprocessReport r = (PreprocessReport) o;
        return rowsIn == r.rowsIn && rowsOut == r.rowsOut && steps.equals(r.steps);
    }

    @Override
    public int hashCode() {
        return Objects.hash(rowsIn, rowsOut, steps);
    }

    @Override
    public String toString() {
        return "PreprocessReport" + toMap();
    }
}
