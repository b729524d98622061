package io.xtage.preprocess;

import java.util.Objects;
import tech.tablesaw.api.Table;

/**
 * What one fitted step returns: the new table and its {@link StepReport}. Immutable holder;
 * the table itself is a mutable Tablesaw table that may share columns with the step's input.
 *
 * @since 0.1.0
 */
public final class Transformed {
    private final Table table;
    private final StepReport report;

    private Transformed(Table table, StepReport report) {
        this.table = Objects.requireNonNull(table, "table");
        this.report = Objects.requireNonNull(report, "report");
    }

    /**
     * @param table the transformed table
     * @param report what the step changed
     * @return the pair
     * @since 0.1.0
     */
    public static Transformed of(Table table, StepReport report) {
        return new Transformed(table, report);
    }

    /**
     * @return the transformed table; never null
     * @since 0.1.0
     */
    public Table table() {
        return table;
    }

    /**
     * @return what the step changed; never null
     * @since 0.1.0
     */
    public StepReport report() {
        return report;
    }

    @Override
    public String toString() {
        return "Transformed[" + table.rowCount() + " rows, " + report + "]";
    }
}
