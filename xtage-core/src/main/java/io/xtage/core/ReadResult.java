package io.xtage.core;

import io.xtage.core.report.SourceReport;
import java.util.List;
import java.util.Objects;
import tech.tablesaw.api.Table;

/**
 * What a read produced: the table, the rejects, and a report.
 *
 * <p>Invariant: {@code recordsRead() == table().rowCount() + report().rowsRejected()}, where a
 * rejected row is one with a reject whose {@link Reject#isRowDropped()} is true. The table is
 * Tablesaw's and therefore mutable; the rest is immutable.
 *
 * @since 0.1.0
 */
public final class ReadResult {
    private final Table table;
    private final List<Reject> rejects;
    private final SourceReport report;

    /**
     * @param table the rows that were read
     * @param rejects every reject, in the order found
     * @param report the numbers about the read
     * @throws IllegalArgumentException if the counts do not reconcile
     * @since 0.1.0
     */
    public ReadResult(Table table, List<Reject> rejects, SourceReport report) {
        this.table = Objects.requireNonNull(table, "table");
        this.rejects = List.copyOf(rejects);
        this.report = Objects.requireNonNull(report, "report");
        if (report.rowsRead() != table.rowCount() + report.rowsRejected()) {
            throw new IllegalArgumentException("rows do not reconcile for " + report.source() + ": read "
                + report.rowsRead() + " != " + table.rowCount() + " in table + " + report.rowsRejected() + " rejected");
        }
    }

    /** @return the table @since 0.1.0 */
    public Table table() {
        return table;
    }

    /** @return the rejects, never null @since 0.1.0 */
    public List<Reject> rejects() {
        return rejects;
    }

    /** @return the report @since 0.1.0 */
    public SourceReport report() {
        return report;
    }

    /** @return how many records were read, kept and rejected together @since 0.1.0 */
    public long recordsRead() {
        return report.rowsRead();
    }
}
