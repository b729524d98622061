package io.xtage.preprocess.internal;

import io.xtage.core.internal.ColumnArrays;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import tech.tablesaw.api.BooleanColumn;
import tech.tablesaw.api.DateColumn;
import tech.tablesaw.api.DateTimeColumn;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.columns.Column;
import tech.tablesaw.columns.strings.DictionaryMap;

/**
 * Groups the rows of a table by the values of some columns: each row gets the id of its group,
 * ids numbered in order of first appearance. Rows are hashed column by column from the typed
 * primitives into a 64-bit hash; rows with equal hashes are compared value by value, so a hash
 * collision never merges two different rows. A missing value equals a missing value (as SQL
 * DISTINCT and GROUP BY treat NULLs); 0.0 equals -0.0. Internal.
 */
public final class Groups {
    /** Group id of each row. */
    public final int[] groupOf;
    /** Number of groups. */
    public final int count;
    /** The first row of each group, by group id. */
    public final int[] firstRow;

    private Groups(int[] groupOf, int count, int[] firstRow) {
        this.groupOf = groupOf;
        this.count = count;
        this.firstRow = firstRow;
    }

    /** Groups {@code n} rows by {@code columns} (none: one group of all rows). */
    public static Groups of(List<Column<?>> columns, int n) {
        return of(columns, null, n);
    }

    /**
     * The rows that are the first (or the last) of their group by {@code columns}, ascending: what
     * {@code of(columns, n)} tells, found cheaper when the first column alone sets most rows apart.
     * A row whose first-column value no other row has is alone in its group; only the others are
     * hashed on every column.
     *
     * @param last true for the last row of each group, false for the first
     */
    public static int[] distinctRows(List<Column<?>> columns, int n, boolean last) {
        int[] repeated = columns.isEmpty() ? null : rowsSharingFirstValue(columns.get(0), n);
        if (repeated == null) {
            Groups g = of(columns, n);
            return keep(g, n, last, null);
        }
        // rows with a unique first value are kept as they are; the rest are grouped in full
        Groups g = of(columns, repeated, repeated.length);
        int[] kept = keep(g, repeated.length, last, repeated);
        boolean[] inRepeated = new boolean[n];
        for (int r : repeated) {
            inRepeated[r] = true;
        }
        int[] out = new int[n - repeated.length + kept.length];
        int o = 0;
        int k = 0;
        for (int r = 0; r < n; r++) {
            if (!inRepeated[r]) {
                out[o++] = r;
            } else if (k < kept.length && kept[k] == r) {
                out[o++] = r;
                k++;
            }
        }
        return out;
    }

    /** @return per group its first or last row, ascending, as rows of the table (through {@code rows}) */
    private static int[] keep(Groups g, int n, boolean last, int[] rows) {
        int[] out = new int[g.count];
        if (last) {
            for (int i = 0; i < n; i++) {
                out[g.groupOf[i]] = i;
            }
            Arrays.sort(out);
        } else {
            System.arraycopy(g.firstRow, 0, out, 0, g.count);
        }
        if (rows != null) {
            for (int i = 0; i < out.length; i++) {
                out[i] = rows[out[i]];
            }
        }
        return out;
    }

    /**
     * @return ascending, the rows whose value in {@code c} some other row has too (missing values
     *     count as one value); null when that is more than half the rows, or {@code c} is not an
     *     integral column with values in a range of a few times {@code n}
     */
    private static int[] rowsSharingFirstValue(Column<?> c, int n) {
        if (!(c instanceof LongColumn || c instanceof IntColumn)) {
            return null;
        }
        long[] v = Tables.longs(c);
        long min = Long.MAX_VALUE;
        long max = Long.MIN_VALUE;
        for (long x : v) {
            if (x != Long.MIN_VALUE) {
                min = Math.min(min, x);
                max = Math.max(max, x);
            }
        }
        if (min > max || max - min < 0 || max - min >= 4L * n + 1024 || max - min >= 1 << 28) {
            return null;
        }
        // counts by value (saturating at 2), missing values in the last slot
        int range = (int) (max - min + 1);
        byte[] seen = new byte[range + 1];
        for (long x : v) {
            int slot = x == Long.MIN_VALUE ? range : (int) (x - min);
            if (seen[slot] < 2) {
                seen[slot]++;
            }
        }
        int k = 0;
        int[] rows = new int[n];
        for (int i = 0; i < n; i++) {
            long x = v[i];
            if (seen[x == Long.MIN_VALUE ? range : (int) (x - min)] > 1) {
                rows[k++] = i;
            }
        }
        return k > n / 2 ? null : Arrays.copyOf(rows, k);
    }

    /** Groups the rows {@code rows} (all rows when null) of the columns; ids and first rows index into {@code rows}. */
    private static Groups of(List<Column<?>> columns, int[] rows, int n) {
        long[] hash = new long[n];
        for (Column<?> c : columns) {
            mix(c, hash, n, rows);
        }
        int cap = Integer.highestOneBit(Math.max(4, n) * 2 - 1) << 1;
        int mask = cap - 1;
        int[] slots = new int[cap]; // row + 1 of the group's first row; 0 = empty
        int[] groupOf = new int[n];
        int[] first = new int[Math.max(1, n)];
        int groups = 0;
        for (int i = 0; i < n; i++) {
            long h = hash[i];
            int s = (int) (finish(h) & mask);
            while (true) {
                int r = slots[s];
                if (r == 0) {
                    slots[s] = i + 1;
                    groupOf[i] = groups;
                    first[groups] = i;
                    groups++;
                    break;
                }
                int j = r - 1;
                if (hash[j] == h && rowsEqual(columns, rows == null ? i : rows[i], rows == null ? j : rows[j])) {
                    groupOf[i] = groupOf[j];
                    break;
                }
                s = (s + 1) & mask;
            }
        }
        return new Groups(groupOf, groups, Arrays.copyOf(first, groups));
    }

    private static long finish(long h) {
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        h *= 0xc4ceb9fe1a85ec53L;
        h ^= h >>> 33;
        return h;
    }

    private static long step(long acc, long v) {
        return (acc ^ (v * 0x9E3779B97F4A7C15L)) * 0xBF58476D1CE4E5B9L + 0x94D049BB133111EBL;
    }

    private static void mix(Column<?> c, long[] hash, int n, int[] rows) {
        if (c instanceof DoubleColumn) {
            double[] d = ColumnArrays.doubles((DoubleColumn) c);
            for (int i = 0; i < n; i++) {
                int r = rows == null ? i : rows[i];
                hash[i] = step(hash[i], doubleKey(d[r]));
            }
        } else if (c instanceof LongColumn) {
            long[] d = ColumnArrays.longs((LongColumn) c);
            for (int i = 0; i < n; i++) {
                int r = rows == null ? i : rows[i];
                hash[i] = step(hash[i], d[r]);
            }
        } else if (c instanceof IntColumn) {
            int[] d = ColumnArrays.ints((IntColumn) c);
            for (int i = 0; i < n; i++) {
                int r = rows == null ? i : rows[i];
                hash[i] = step(hash[i], d[r]);
            }
        } else if (c instanceof StringColumn) {
            // Within one column the dictionary key identifies the text.
            StringColumn sc = (StringColumn) c;
            DictionaryMap d = dictionary(sc);
            if (d != null) {
                for (int i = 0; i < n; i++) {
                    int r = rows == null ? i : rows[i];
                    hash[i] = step(hash[i], d.getKeyForIndex(r));
                }
            } else {
                for (int i = 0; i < n; i++) {
                    int r = rows == null ? i : rows[i];
                    hash[i] = step(hash[i], sc.get(r).hashCode());
                }
            }
        } else if (c instanceof DateColumn) {
            int[] d = ColumnArrays.packedDates((DateColumn) c);
            for (int i = 0; i < n; i++) {
                int r = rows == null ? i : rows[i];
                hash[i] = step(hash[i], d[r]);
            }
        } else if (c instanceof DateTimeColumn) {
            DateTimeColumn d = (DateTimeColumn) c;
            for (int i = 0; i < n; i++) {
                int r = rows == null ? i : rows[i];
                hash[i] = step(hash[i], d.isMissing(r) ? Long.MIN_VALUE : d.getLongInternal(r));
            }
        } else if (c instanceof BooleanColumn) {
            BooleanColumn d = (BooleanColumn) c;
            for (int i = 0; i < n; i++) {
                int r = rows == null ? i : rows[i];
                hash[i] = step(hash[i], d.getByte(r));
            }
        } else {
            for (int i = 0; i < n; i++) {
                int r = rows == null ? i : rows[i];
                hash[i] = step(hash[i], c.isMissing(r) ? 0 : Objects.hashCode(c.get(r)));
            }
        }
    }

    /**
     * The column's dictionary, or null when Tablesaw keeps its text without one (a column with
     * very many distinct values is promoted to plain text storage).
     */
    static DictionaryMap dictionary(StringColumn c) {
        DictionaryMap d = c.getDictionary();
        if (c.size() == 0) {
            return null;
        }
        try {
            d.getKeyForIndex(0);
            return d;
        } catch (UnsupportedOperationException e) {
            return null;
        }
    }

    private static long doubleKey(double v) {
        if (Double.isNaN(v)) {
            return 0x7ff8000000000000L;
        }
        return v == 0.0 ? 0L : Double.doubleToRawLongBits(v);
    }

    /** True if rows i and j hold equal values in every column. */
    public static boolean rowsEqual(List<Column<?>> columns, int i, int j) {
        for (Column<?> c : columns) {
            if (!cellsEqual(c, i, j)) {
                return false;
            }
        }
        return true;
    }

    private static boolean cellsEqual(Column<?> c, int i, int j) {
        if (c instanceof DoubleColumn) {
            DoubleColumn d = (DoubleColumn) c;
            return doubleKey(d.getDouble(i)) == doubleKey(d.getDouble(j));
        }
        if (c instanceof LongColumn) {
            LongColumn d = (LongColumn) c;
            return d.getLong(i) == d.getLong(j);
        }
        if (c instanceof IntColumn) {
            IntColumn d = (IntColumn) c;
            return d.getInt(i) == d.getInt(j);
        }
        if (c instanceof StringColumn) {
            StringColumn sc = (StringColumn) c;
            DictionaryMap d = dictionary(sc);
            return d != null ? d.getKeyForIndex(i) == d.getKeyForIndex(j) : sc.get(i).equals(sc.get(j));
        }
        if (c instanceof DateColumn) {
            DateColumn d = (DateColumn) c;
            return d.getIntInternal(i) == d.getIntInternal(j);
        }
        if (c instanceof BooleanColumn) {
            BooleanColumn d = (BooleanColumn) c;
            return d.getByte(i) == d.getByte(j);
        }
        boolean mi = c.isMissing(i);
        boolean mj = c.isMissing(j);
        if (mi || mj) {
            return mi == mj;
        }
        return Objects.equals(c.get(i), c.get(j));
    }
}
