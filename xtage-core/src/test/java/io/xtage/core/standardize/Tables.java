package io.xtage.core.standardize;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import tech.tablesaw.api.DateColumn;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/** Small table builders for tests: null means a missing value. */
final class Tables {
    private Tables() {
    }

    static LongColumn longs(String name, Long... v) {
        long[] a = new long[v.length];
        for (int i = 0; i < v.length; i++) {
            a[i] = v[i] == null ? Long.MIN_VALUE : v[i];
        }
        return LongColumn.create(name, a);
    }

    static IntColumn ints(String name, Integer... v) {
        int[] a = new int[v.length];
        for (int i = 0; i < v.length; i++) {
            a[i] = v[i] == null ? Integer.MIN_VALUE : v[i];
        }
        return IntColumn.create(name, a);
    }

    static DoubleColumn doubles(String name, Double... v) {
        double[] a = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            a[i] = v[i] == null ? Double.NaN : v[i];
        }
        return DoubleColumn.create(name, a);
    }

    static StringColumn strings(String name, String... v) {
        String[] a = new String[v.length];
        for (int i = 0; i < v.length; i++) {
            a[i] = v[i] == null ? "" : v[i];
        }
        return StringColumn.create(name, a);
    }

    static DateColumn dates(String name, String... iso) {
        DateColumn c = DateColumn.create(name);
        for (String s : iso) {
            if (s == null) {
                c.appendMissing();
            } else {
                c.append(LocalDate.parse(s));
            }
        }
        return c;
    }

    static Table table(String name, Column<?>... cols) {
        return Table.create(name, cols);
    }

    /** @return the values of a column, with null for missing */
    static List<Object> values(Table t, String column) {
        Column<?> c = t.column(column);
        List<Object> out = new ArrayList<>();
        for (int i = 0; i < c.size(); i++) {
            out.add(c.isMissing(i) ? null : c.get(i));
        }
        return out;
    }

    /** @return the table's rows as lists of values, null for missing */
    static List<List<Object>> rows(Table t) {
        List<List<Object>> out = new ArrayList<>();
        for (int r = 0; r < t.rowCount(); r++) {
            List<Object> row = new ArrayList<>();
            for (Column<?> c : t.columns()) {
                row.add(c.isMissing(r) ? null : c.get(r));
            }
            out.add(row);
        }
        return out;
    }

    static List<Object> row(Object... v) {
        return Arrays.asList(v);
    }
}
