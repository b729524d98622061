package io.xtage.preprocess;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What one step changed: its name, rows in and out, rows removed with the reason, columns
 * added, removed and retyped, cells changed per column, the learned parameters as an ordered
 * map, step-specific counters ({@code unseen}, {@code out_of_range}) and short notes such as
 * {@code 12 missing values in 'age' imputed with 41.5}.
 *
 * <p>Immutable and thread-safe. {@link #toMap()} gives the snake_case form written to JSON.
 * Built with {@link #builder(String)}:
 *
 * <pre>{@code
 * StepReport r = StepReport.builder("impute").rows(100, 100)
 *     .cellsChanged("age", 12).param("age", 41.5).build();
 * }</pre>
 *
 * @since 0.1.0
 */
public final class StepReport {
    private final String name;
    private final long rowsIn;
    private final long rowsOut;
    private final String removalReason;
    private final List<String> columnsAdded;
    private final List<String> columnsRemoved;
    private final Map<String, String> columnsRetyped;
    private final Map<String, Long> cellsChanged;
    private final Map<String, Object> params;
    private final Map<String, Object> details;
    private final List<String> notes;

    private StepReport(Builder b) {
        this.name = b.name;
        this.rowsIn = b.rowsIn;
        this.rowsOut = b.rowsOut;
        this.removalReason = b.removalReason;
        this.columnsAdded = List.copyOf(b.columnsAdded);
        this.columnsRemoved = List.copyOf(b.columnsRemoved);
        this.columnsRetyped = Collections.unmodifiableMap(new LinkedHashMap<>(b.columnsRetyped));
        this.cellsChanged = Collections.unmodifiableMap(new LinkedHashMap<>(b.cellsChanged));
        this.params = Collections.unmodifiableMap(new LinkedHashMap<>(b.params));
        this.details = Collections.unmodifiableMap(new LinkedHashMap<>(b.details));
        this.notes = List.copyOf(b.notes);
    }

    /**
     * @param name the step's name, normally its type name ({@code impute})
     * @return a builder
     * @since 0.1.0
     */
    public static Builder builder(String name) {
        return new Builder(name);
    }

    /**
     * @return the step's name
     * @since 0.1.0
     */
    public String name() {
        return name;
    }

    /**
     * @return rows of the step's input
     * @since 0.1.0
     */
    public long rowsIn() {
        return rowsIn;
    }

    /**
     * @return rows of the step's output
     * @since 0.1.0
     */
    public long rowsOut() {
        return rowsOut;
    }

    /**
     * @return rows the step removed: {@code rowsIn - rowsOut}, or 0 if it added rows
     * @since 0.1.0
     */
    public long rowsRemoved() {
        return Math.max(0, rowsIn - rowsOut);
    }

    /**
     * @return why rows were removed; empty text when none were
     * @since 0.1.0
     */
    public String removalReason() {
        return removalReason;
    }

    /**
     * @return columns the step added, in output order
     * @since 0.1.0
     */
    public List<String> columnsAdded() {
        return columnsAdded;
    }

    /**
     * @return columns the step removed
     * @since 0.1.0
     */
    public List<String> columnsRemoved() {
        return columnsRemoved;
    }

    /**
     * @return columns whose type changed, with {@code "LONG -> DOUBLE"}
     * @since 0.1.0
     */
    public Map<String, String> columnsRetyped() {
        return columnsRetyped;
    }

    /**
     * @return per existing column, the number of kept rows whose value changed: a missing value
     *     filled counts, a LONG 3 becoming DOUBLE 3.0 does not (numbers compare by value), a 3
     *     becoming the text "3" does (other values compare by equality); columns with no change
     *     are left out
     * @since 0.1.0
     */
    public Map<String, Long> cellsChanged() {
        return cellsChanged;
    }

    /**
     * @return the learned (or, for stateless steps, the given) parameters, ordered
     * @since 0.1.0
     */
    public Map<String, Object> params() {
        return params;
    }

    /**
     * @return step-specific counters, such as {@code unseen} or {@code out_of_range}
     * @since 0.1.0
     */
    public Map<String, Object> details() {
        return details;
    }

    /**
     * @return short human-readable lines
     * @since 0.1.0
     */
    public List<String> notes() {
        return notes;
    }

    /**
     * @return the report as an ordered map with snake_case keys
     * @since 0.1.0
     */
    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", name);
        m.put("rows_in", rowsIn);
        m.put("rows_out", rowsOut);
        m.put("rows_removed", rowsRemoved());
        m.put("removal_reason", removalReason);
        m.put("columns_added", columnsAdded);
        m.put("columns_removed", columnsRemoved);
        m.put("columns_retyped", columnsRetyped);
        m.put("cells_changed", cellsChanged);
        m.put("params", params);
        m.put("details", details);
        m.put("notes", notes);
        return m;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof StepReport && ((StepReport) o).toMap().equals(toMap());
    }

    @Override
    public int hashCode() {
        return toMap().hashCode();
    }

    @Override
    public String toString() {
        return "StepReport" + toMap();
    }

    /**
     * Builds a {@link StepReport}. Not thread-safe.
     *
     * @since 0.1.0
     */
    public static final class Builder {
        private final String name;
        private long rowsIn = -1;
        private long rowsOut = -1;
        private String removalReason = "";
        private final List<String> columnsAdded = new ArrayList<>();
        private final List<String> columnsRemoved = new ArrayList<>();
        private final Map<String, String> columnsRetyped = new LinkedHashMap<>();
        private final Map<String, Long> cellsChanged = new LinkedHashMap<>();
        private final Map<String, Object> params = new LinkedHashMap<>();
        private final Map<String, Object> details = new LinkedHashMap<>();
        private final List<String> notes = new ArrayList<>();

        private Builder(String name) {
            this.name = Objects.requireNonNull(name, "name");
        }

        /**
         * @param in rows of the input
         * @param out rows of the output
         * @return this
         * @throws IllegalArgumentException if a count is negative
         * @since 0.1.0
         */
        public Builder rows(long in, long out) {
            if (in < 0 || out < 0) {
                throw new IllegalArgumentException("row counts must be >= 0, got in=" + in + ", out=" + out);
            }
            this.rowsIn = in;
            this.rowsOut = out;
            return this;
        }

        /**
         * @param reason why rows were removed, for example {@code matches price < 0}
         * @return this
         * @since 0.1.0
         */
        public Builder removalReason(String reason) {
            this.removalReason = Objects.requireNonNull(reason, "reason");
            return this;
        }

        /**
         * @param column an added column
         * @return this
         * @since 0.1.0
         */
        public Builder columnAdded(String column) {
            columnsAdded.add(Objects.requireNonNull(column, "column"));
            return this;
        }

        /**
         * @param column a removed column
         * @return this
         * @since 0.1.0
         */
        public Builder columnRemoved(String column) {
            columnsRemoved.add(Objects.requireNonNull(column, "column"));
            return this;
        }

        /**
         * @param column a column whose type changed
         * @param from the old type name
         * @param to the new type name
         * @return this
         * @since 0.1.0
         */
        public Builder columnRetyped(String column, String from, String to) {
            columnsRetyped.put(Objects.requireNonNull(column, "column"), from + " -> " + to);
            return this;
        }

        /**
         * Adds {@code n} changed cells to {@code column}; zero is not recorded.
         *
         * @param column an existing column
         * @param n cells changed
         * @return this
         * @since 0.1.0
         */
        public Builder cellsChanged(String column, long n) {
            Objects.requireNonNull(column, "column");
            if (n < 0) {
                throw new IllegalArgumentException("cellsChanged must be >= 0, got " + n + " for " + column);
            }
            if (n > 0) {
                cellsChanged.merge(column, n, Long::sum);
            }
            return this;
        }

        /**
         * @param key parameter name
         * @param value plain JSON value
         * @return this
         * @since 0.1.0
         */
        public Builder param(String key, Object value) {
            params.put(Objects.requireNonNull(key, "key"), value);
            return this;
        }

        /**
         * @param all parameters, in order
         * @return this
         * @since 0.1.0
         */
        public Builder params(Map<String, ?> all) {
            params.putAll(all);
            return this;
        }

        /**
         * @param key counter name
         * @param value plain JSON value
         * @return this
         * @since 0.1.0
         */
        public Builder detail(String key, Object value) {
            details.put(Objects.requireNonNull(key, "key"), value);
            return this;
        }

        /**
         * @param note a short human-readable line
         * @return this
         * @since 0.1.0
         */
        public Builder note(String note) {
            notes.add(Objects.requireNonNull(note, "note"));
            return this;
        }

        /**
         * @return the report
         * @throws IllegalStateException if the row counts were not set, or rows were removed
         *     without a reason
         * @since 0.1.0
         */
        public StepReport build() {
            if (rowsIn < 0) {
                throw new IllegalStateException("StepReport '" + name + "': call rows(in, out) before build()");
            }
            if (rowsOut < rowsIn && removalReason.isEmpty()) {
                throw new IllegalStateException("StepReport '" + name + "': " + (rowsIn - rowsOut)
                    + " rows removed without a reason; call removalReason(String)");
            }
            return new StepReport(this);
        }
    }
}
