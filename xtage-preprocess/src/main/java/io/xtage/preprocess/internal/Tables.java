package io.xtage.preprocess.internal;

import io.xtage.core.SchemaException;
import io.xtage.core.internal.ColumnArrays;
import io.xtage.core.internal.Gather;
import io.xtage.core.internal.StringColumns;
import io.xtage.core.schema.ColumnType;
import java.util.Collection;
import java.util.List;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.NumericColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * Column lookup by exact name, typed access and row selection on Tablesaw tables, with primitive
 * loops. Internal: no compatibility promise.
 */
public final class Tables {
    private Tables() {
    }

    /**
     * @return the index of the column named exactly {@code name}, or -1 (Tablesaw's own lookup
     *     ignores case)
     */
    public static int index(Table t, String name) {
        List<Column<?>> cols = t.columns();
        for (int i = 0; i < cols.size(); i++) {
            if (cols.get(i).name().equals(name)) {
                return i;
            }
        }
        return -1;
    }

    /** @return true if the table has a column named exactly {@code name} */
    public static boolean has(Table t, String name) {
        return index(t, name) >= 0;
    }

    /**
     * @return the column named exactly {@code name}
     * @throws SchemaException naming the step, the column and the columns there are
     */
    public static Column<?> column(Table t, String name, String step) {
        int i = index(t, name);
        if (i < 0) {
            String hint = "";
            for (String n : t.columnNames()) {
                if (n.equalsIgnoreCase(name)) {
                    hint = " (names are case-sensitive: did you mean '" + n + "'?)";
                }
            }
            throw new SchemaException(step + ": no column '" + name + "'" + hint + "; the table has "
                + t.columnNames());
        }
        return t.column(i);
    }

    /** @return the xtage type of a column, or null for a Tablesaw type xtage does not use */
    public static ColumnType typeOrNull(Column<?> c) {
        try {
            return ColumnType.of(c.type());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** @throws SchemaException for a Tablesaw type xtage does not use */
    public static ColumnType type(Column<?> c, String step) {
        ColumnType t = typeOrNull(c);
        if (t == null) {
            throw new SchemaException(step + ": column '" + c.name() + "' has Tablesaw type " + c.type().name()
                + ", which xtage does not use");
        }
        return t;
    }

    /** @throws SchemaException unless the column is INT, LONG or DOUBLE */
    public static NumericColumn<?> numeric(Table t, String name, String step) {
        Column<?> c = column(t, name, step);
        ColumnType ct = typeOrNull(c);
        if (ct == null || !ct.isNumeric() || !(c instanceof NumericColumn)) {
            throw new SchemaException(step + ": column '" + name + "' must be numeric (INT, LONG or DOUBLE) but is "
                + (ct == null ? c.type().name() : ct));
        }
        return (NumericColumn<?>) c;
    }

    /** @throws SchemaException if the table already has a column of that name */
    public static void requireAbsent(Table t, String name, String step) {
        if (has(t, name)) {
            throw new SchemaException(step + ": output column '" + name + "' already exists; choose another name");
        }
    }

    /** The values of a numeric column as doubles, NaN where missing; a new array. */
    public static double[] doubles(Column<?> c) {
        int n = c.size();
        double[] out = new double[n];
        if (c instanceof DoubleColumn) {
            System.arraycopy(ColumnArrays.doubles((DoubleColumn) c), 0, out, 0, n);
        } else if (c instanceof LongColumn) {
            long[] l = ColumnArrays.longs((LongColumn) c);
            for (int i = 0; i < n; i++) {
                long v = l[i];
                out[i] = v == Long.MIN_VALUE ? Double.NaN : (double) v;
            }
        } else if (c instanceof IntColumn) {
            int[] l = ColumnArrays.ints((IntColumn) c);
            for (int i = 0; i < n; i++) {
                int v = l[i];
                out[i] = v == Integer.MIN_VALUE ? Double.NaN : (double) v;
            }
        } else {
            NumericColumn<?> nc = (NumericColumn<?>) c;
            for (int i = 0; i < n; i++) {
                out[i] = nc.isMissing(i) ? Double.NaN : nc.getDouble(i);
            }
        }
        return out;
    }

    /** The values of an integer column (INT, LONG, SHORT) as longs, Long.MIN_VALUE where missing; a new array. */
    public static long[] longs(Column<?> c) {
        int n = c.size();
        long[] out = new long[n];
        if (c instanceof LongColumn) {
            System.arraycopy(ColumnArrays.longs((LongColumn) c), 0, out, 0, n);
        } else if (c instanceof IntColumn) {
            int[] l = ColumnArrays.ints((IntColumn) c);
            for (int i = 0; i < n; i++) {
                int v = l[i];
                out[i] = v == Integer.MIN_VALUE ? Long.MIN_VALUE : v;
            }
        } else {
            for (int i = 0; i < n; i++) {
                out[i] = c.isMissing(i) ? Long.MIN_VALUE : ((Number) c.get(i)).longValue();
            }
        }
        return out;
    }

    /** The non-missing values of a numeric column as doubles, in row order. */
    public static double[] presentDoubles(Column<?> c) {
        double[] all = doubles(c);
        int k = 0;
        for (double v : all) {
            if (!Double.isNaN(v)) {
                all[k++] = v;
            }
        }
        return k == all.length ? all : java.util.Arrays.copyOf(all, k);
    }

    /** A new table of the given columns. The columns are used as they are, not copied. */
    public static Table create(String name, Collection<Column<?>> columns) {
        return Table.create(name == null ? "" : name, columns);
    }

    /**
     * A new table of the rows {@code rows} (ascending or not) of {@code t}. When {@code rows} is
     * every row in order, {@code t}'s columns are reused as they are.
     */
    public static Table take(Table t, int[] rows) {
        if (rows.length == t.rowCount()) {
            boolean identity = true;
            for (int i = 0; i < rows.length && identity; i++) {
                identity = rows[i] == i;
            }
            if (identity) {
                return create(t.name(), t.columns());
            }
        }
        return create(t.name(), Gather.columns(t.columns(), rows));
    }

    /** A copy of {@code c} under another name. */
    public static Column<?> renamed(Column<?> c, String name) {
        Column<?> copy = c.copy();
        copy.setName(name);
        return copy;
    }

    /** Counts the missing values of a column. */
    public static int countMissing(Column<?> c) {
        int n = c.size();
        int k = 0;
        if (c instanceof DoubleColumn) {
            double[] d = ColumnArrays.doubles((DoubleColumn) c);
            for (int i = 0; i < n; i++) {
                if (Double.isNaN(d[i])) {
                    k++;
                }
            }
            return k;
        }
        if (c instanceof LongColumn) {
            long[] l = ColumnArrays.longs((LongColumn) c);
            for (int i = 0; i < n; i++) {
                if (l[i] == Long.MIN_VALUE) {
                    k++;
                }
            }
            return k;
        }
        if (c instanceof IntColumn) {
            int[] l = ColumnArrays.ints((IntColumn) c);
            for (int i = 0; i < n; i++) {
                if (l[i] == Integer.MIN_VALUE) {
                    k++;
                }
            }
            return k;
        }
        if (c instanceof StringColumn) {
            return StringColumns.counts((StringColumn) c).getOrDefault("", 0);
        }
        for (int i = 0; i < n; i++) {
            if (c.isMissing(i)) {
                k++;
            }
        }
        return k;
    }
}
