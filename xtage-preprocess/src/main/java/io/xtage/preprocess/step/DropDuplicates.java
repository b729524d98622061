package io.xtage.preprocess.step;

import io.xtage.preprocess.StatelessStep;
import io.xtage.preprocess.StepReport;
import io.xtage.preprocess.Transformed;
import io.xtage.preprocess.internal.Groups;
import io.xtage.preprocess.internal.Params;
import io.xtage.preprocess.internal.Tables;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * Drops duplicate rows, judged on all columns or on a subset; keeps the first (default) or the
 * last row of each set of duplicates, in the original row order. A missing value equals a
 * missing value (as SQL {@code DISTINCT} and pandas {@code drop_duplicates}), and {@code 0.0}
 * equals {@code -0.0}. Stateless; immutable and thread-safe.
 *
 * <pre>{@code
 * DropDuplicates.allColumns()
 * DropDuplicates.on("transaction_id").keepLast()
 * }</pre>
 *
 * <p>JSON type name: {@code drop_duplicates}.
 *
 * @since 0.1.0
 */
public final class DropDuplicates implements StatelessStep {
    static final String TYPE = "drop_duplicates";

    /**
     * Which row of a set of duplicates stays.
     *
     * @since 0.1.0
     */
    public enum Keep {
        /** The first in row order. */
        FIRST,
        /** The last in row order. */
        LAST
    }

    private final List<String> subset;
    private final Keep keep;

    private DropDuplicates(List<String> subset, Keep keep) {
        this.subset = subset;
        this.keep = Objects.requireNonNull(keep, "keep");
    }

    /**
     * @return a step judging duplicates on all columns, keeping the first
     * @since 0.1.0
     */
    public static DropDuplicates allColumns() {
        return new DropDuplicates(List.of(), Keep.FIRST);
    }

    /**
     * @param columns the columns that decide whether two rows are duplicates
     * @return a step keeping the first of each set of duplicates
     * @throws IllegalArgumentException if no column is given, or a name is empty or repeated
     * @since 0.1.0
     */
    public static DropDuplicates on(String... columns) {
        List<String> names = Support.names("DropDuplicates.on", columns);
        if (names.stream().distinct().count() != names.size()) {
            throw new IllegalArgumentException("DropDuplicates.on: a column is named twice in " + names);
        }
        return new DropDuplicates(names, Keep.FIRST);
    }

    /**
     * @return a copy keeping the last of each set of duplicates
     * @since 0.1.0
     */
    public DropDuplicates keepLast() {
        return keep(Keep.LAST);
    }

    /**
     * @param keep which row stays
     * @return a copy with that choice
     * @since 0.1.0
     */
    public DropDuplicates keep(Keep keep) {
        return new DropDuplicates(subset, keep);
    }

    /**
     * @return the subset of columns judged; empty for all columns
     * @since 0.1.0
     */
    public List<String> subset() {
        return subset;
    }

    /**
     * @return which row of each set of duplicates stays
     * @since 0.1.0
     */
    public Keep keep() {
        return keep;
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public boolean removesRows() {
        return true;
    }

    @Override
    public Map<String, Object> toMap() {
        Map<String, Object> m = Params.ordered();
        m.put("subset", subset.isEmpty() ? null : subset);
        m.put("keep", keep.name());
        return m;
    }

    @Override
    public Transformed transform(Table table) {
        int n = table.rowCount();
        List<Column<?>> cols = new ArrayList<>();
        if (subset.isEmpty()) {
            cols.addAll(table.columns());
        } else {
            for (String s : subset) {
                cols.add(Tables.column(table, s, TYPE));
            }
        }
        int[] rows = Groups.distinctRows(cols, n, keep == Keep.LAST);
        Table out = Tables.take(table, rows);
        String on = subset.isEmpty() ? "all columns" : Support.describe(subset);
        StepReport.Builder r = StepReport.builder(TYPE).rows(n, out.rowCount())
            .param("subset", subset.isEmpty() ? null : subset).param("keep", keep.name());
        if (out.rowCount() < n) {
            r.removalReason("duplicate of " + (keep == Keep.FIRST ? "an earlier" : "a later") + " row on " + on);
        }
        return Transformed.of(out, r.build());
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof DropDuplicates && ((DropDuplicates) o).subset.equals(subset) && ((DropDuplicates) o).keep == keep;
    }

    @Override
    public int hashCode() {
        return Objects.hash(subset, keep);
    }

    @Override
    public String toString() {
        return "DropDuplicates" + toMap();
    }

    static final class Type extends BuiltInType.Stateless<DropDuplicates> {
        Type() {
            super(TYPE);
        }

        @Override
        DropDuplicates read(Params p) {
            List<String> subset = p.optStrings("subset");
            DropDuplicates d = subset != null ? on(subset.toArray(new String[0])) : allColumns();
            return d.keep(p.enumValue("keep", Keep.class));
        }
    }
}
