package io.xtage.preprocess;

import io.xtage.preprocess.internal.Values;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import tech.tablesaw.api.BooleanColumn;
import tech.tablesaw.api.DateColumn;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/** Small tables for tests; null means missing. */
public final class TestTables {
    private TestTables() {
    }

    public static Table table(Column<?>... cols) {
        return Table.create("t", cols);
    }

    public static DoubleColumn d(String name, Double... v) {
        double[] a = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            a[i] = v[i] == null ? Double.NaN : v[i];
        }
        return DoubleColumn.create(name, a);
    }

    public static LongColumn l(String name, Long... v) {
        long[] a = new long[v.length];
        for (int i = 0; i < v.length; i++) {
            a[i] = v[i] == null ? Long.MIN_VALUE : v[i];
        }
        return LongColumn.create(name, a);
    }

    public static IntColumn i(String name, Integer... v) {
        int[] a = new int[v.length];
        for (int k = 0; k < v.length; k++) {
            a[k] = v[k] == null ? Integer.MIN_VALUE : v[k];
        }
        return IntColumn.create(name, a);
    }

    public static StringColumn s(String name, String... v) {
        StringColumn c = StringColumn.create(name);
        for (String x : v) {
            c.append(x == null ? "" : x);
        }
        return c;
    }

    public static DateColumn date(String name, String... iso) {
        DateColumn c = DateColumn.create(name);
        for (String x : iso) {
            if (x == null) {
                c.appendMissing();
            } else {
                c.append(LocalDate.parse(x));
            }
        }
        return c;
    }

    public static BooleanColumn b(String name, Boolean... v) {
        BooleanColumn c = BooleanColumn.create(name);
        for (Boolean x : v) {
            if (x == null) {
                c.appendMissing();
            } else {
                c.append(x);
            }
        }
        return c;
    }

    /** The values of one column in their Java form (null for missing). */
    public static List<Object> values(Table t, String column) {
        Column<?> c = t.column(column);
        List<Object> out = new ArrayList<>();
        for (int i = 0; i < c.size(); i++) {
            out.add(Values.valueAt(c, i));
        }
        return out;
    }

    /**
     * An exact text form of a table: header with types, then one line per row; doubles by
     * Double.toString, which tells every double apart.
     */
    public static String render(Table t) {
        StringBuilder b = new StringBuilder();
        for (Column<?> c : t.columns()) {
            b.append(c.name()).append(':').append(c.type().name()).append('|');
        }
        b.append('\n');
        for (int i = 0; i < t.rowCount(); i++) {
            for (Column<?> c : t.columns()) {
                Object v = Values.valueAt(c, i);
                b.append(v == null ? "<null>" : v.toString()).append('|');
            }
            b.append('\n');
        }
        return b.toString();
    }
}
