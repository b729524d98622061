package io.xtage.core.standardize;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * What the transforms of one input did: rows in, rows removed by its declared filters, rows out,
 * and values that could not be cast or parsed (each one a reject).
 * {@code rowsIn == rowsRemovedByFilter + rowsOut}. Immutable and thread-safe.
 *
 * @since 0.1.0
 */
public final class InputReport {
    private final String input;
    private final long rowsIn;
    private final long rowsRemovedByFilter;
    private final long valuesRejected;

    InputReport(String input, long rowsIn, long rowsRemovedByFilter, long valuesRejected) {
        this.input = Objects.requireNonNull(input, "input");
        this.rowsIn = rowsIn;
        this.rowsRemovedByFilter = rowsRemovedByFilter;
        this.valuesRejected = valuesRejected;
    }

    /**
     * @return the input's name
     * @since 0.1.0
     */
    public String input() {
        return input;
    }

    /**
     * @return rows of the table bound to the input
     * @since 0.1.0
     */
    public long rowsIn() {
        return rowsIn;
    }

    /**
     * @return rows removed by the input's declared filters
     * @since 0.1.0
     */
    public long rowsRemovedByFilter() {
        return rowsRemovedByFilter;
    }

    /**
     * @return rows after the filters
     * @since 0.1.0
     */
    public long rowsOut() {
        return rowsIn - rowsRemovedByFilter;
    }

    /**
     * @return values made missing because a cast or date parse failed
     * @since 0.1.0
     */
    public long valuesRejected() {
        return valuesRejected;
    }

    /**
     * @return the report as an ordered map with snake_case keys
     * @since 0.1.0
     */
    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("input", input);
        m.put("rows_in", rowsIn);
        m.put("rows_removed_by_filter", rowsRemovedByFilter);
        m.put("rows_out", rowsOut());
        m.put("values_rejected", valuesRejected);
        return m;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof InputReport && toMap().equals(((InputReport) o).toMap());
    }

    @Override
    public int hashCode() {
        return toMap().hashCode();
    }

    @Override
    public String toString() {
        return "InputReport" + toMap();
    }
}
