package io.xtage.core.internal;

import java.util.List;
import tech.tablesaw.api.BooleanColumn;
import tech.tablesaw.api.DateColumn;
import tech.tablesaw.api.DateTimeColumn;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.columns.Column;

/**
 * Builds new columns from the rows of others, by index: {@code out[i] = src[idx[i]]}, missing
 * where {@code idx[i] < 0}. Typed columns are gathered through primitive arrays; several columns
 * are gathered on several threads. The one way the modules take rows of a table (joins,
 * filters, duplicates). No compatibility promise.
 */
public final class Gather {
    private Gather() {
    }

    /**
     * @param src columns, of any types
     * @param idx row indexes of the columns, in the order wanted; negative for a missing value
     * @return one new column per source column, in the same order and with the same names
     */
    public static List<Column<?>> columns(List<? extends Column<?>> src, int[] idx) {
        return Parallel.map(src.size(), (long) src.size() * idx.length, i -> column(src.get(i), idx));
    }

    /**
     * @param src a column
     * @param idx row indexes of {@code src}, in the order wanted; negative for a missing value
     * @return the new column, with the same name
     */
    @SuppressWarnings({"unchecked", "rawtypes"})
    public static Column<?> column(Column<?> src, int[] idx) {
        int n = idx.length;
        String name = src.name();
        if (src instanceof LongColumn) {
            long[] c = ColumnArrays.longs((LongColumn) src);
            long[] out = new long[n];
            for (int i = 0; i < n; i++) {
                int j = idx[i];
                out[i] = j < 0 ? Long.MIN_VALUE : c[j];
            }
            return ColumnArrays.longColumn(name, out);
        }
        if (src instanceof IntColumn) {
            int[] c = ColumnArrays.ints((IntColumn) src);
            int[] out = new int[n];
            for (int i = 0; i < n; i++) {
                int j = idx[i];
                out[i] = j < 0 ? Integer.MIN_VALUE : c[j];
            }
            return ColumnArrays.intColumn(name, out);
        }
        if (src instanceof DoubleColumn) {
            double[] c = ColumnArrays.doubles((DoubleColumn) src);
            double[] out = new double[n];
            for (int i = 0; i < n; i++) {
                int j = idx[i];
                out[i] = j < 0 ? Double.NaN : c[j];
            }
            return ColumnArrays.doubleColumn(name, out);
        }
        if (src instanceof DateColumn) {
            int[] c = ColumnArrays.packedDates((DateColumn) src);
            int[] out = new int[n];
            for (int i = 0; i < n; i++) {
                int j = idx[i];
                out[i] = j < 0 ? Integer.MIN_VALUE : c[j];
            }
            return ColumnArrays.dateColumn(name, out);
        }
        if (src instanceof DateTimeColumn) {
            DateTimeColumn c = (DateTimeColumn) src;
            long[] out = new long[n];
            for (int i = 0; i < n; i++) {
                int j = idx[i];
                out[i] = j < 0 ? Long.MIN_VALUE : c.getLongInternal(j);
            }
            return DateTimeColumn.createInternal(name, out);
        }
        if (src instanceof StringColumn) {
            return StringColumns.gather((StringColumn) src, idx, name);
        }
        if (src instanceof BooleanColumn) {
            BooleanColumn c = (BooleanColumn) src;
            BooleanColumn out = BooleanColumn.create(name);
            for (int i = 0; i < n; i++) {
                int j = idx[i];
                if (j < 0) {
                    out.appendMissing();
                } else {
                    out.append(c.getByte(j));
                }
            }
            return out;
        }
        Column out = src.emptyCopy();
        for (int i = 0; i < n; i++) {
            int j = idx[i];
            if (j < 0) {
                out.appendMissing();
            } else {
                out.append((Column) src, j);
            }
        }
        return out;
    }

    /**
     * @param src values
     * @param idx indexes of {@code src}
     * @return {@code out[i] = src[idx[i]]}, or -1 where {@code idx[i] < 0}
     */
    public static int[] ints(int[] src, int[] idx) {
        int[] out = new int[idx.length];
        for (int i = 0; i < idx.length; i++) {
            int j = idx[i];
            out[i] = j < 0 ? -1 : src[j];
        }
        return out;
    }
}
