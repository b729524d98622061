package io.xtage.spark;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/** A table's rows as lists (null for missing), in an order that does not depend on the engine. */
final class SortedRows {
    private SortedRows() {
    }

    /**
     * @param t a table
     * @return its rows sorted by their values, doubles compared to 7 significant digits so that
     *     last-bit differences between engines do not reorder rows
     */
    static List<List<Object>> of(Table t) {
        List<List<Object>> out = new ArrayList<>();
        for (int r = 0; r < t.rowCount(); r++) {
            List<Object> row = new ArrayList<>();
            for (Column<?> c : t.columns()) {
                row.add(c.isMissing(r) ? null : c.get(r));
            }
            out.add(row);
        }
        out.sort(Comparator.comparing(SortedRows::sortKey));
        return out;
    }

    private static String sortKey(List<Object> row) {
        StringBuilder b = new StringBuilder();
        for (Object o : row) {
            b.append(o instanceof Double ? String.format(Locale.ROOT, "%.6e", (Double) o) : String.valueOf(o))
                .append('\u0001');
        }
        return b.toString();
    }
}
