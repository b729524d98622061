package io.xtage.core.standardize;

import io.xtage.core.SchemaException;
import io.xtage.core.XtageException;
import io.xtage.core.internal.ColumnArrays;
import io.xtage.core.internal.Gather;
import io.xtage.core.schema.ColumnType;
import java.util.Arrays;
import java.util.Set;
import tech.tablesaw.api.DateColumn;
import tech.tablesaw.api.DateTimeColumn;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.FloatColumn;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.NumericColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.columns.Column;

/**
 * Applies a {@link DuplicatePolicy} that resolves repeated right keys: keep the first or last row
 * of each key, or aggregate its rows. Rows with a missing key stay one group each.
 */
final class Duplicates {
    private Duplicates() {
    }

    /** Groups of rows by key id, in order of first occurrence. */
    private static final class Groups {
        final int[] groupOf;
        final int[] first;
        final int[] last;
        final int count;

        Groups(int[] ids, int distinct) {
            int rows = ids.length;
            int[] groupOfId = new int[distinct];
            Arrays.fill(groupOfId, -1);
            groupOf = new int[rows];
            int g = 0;
            for (int r = 0; r < rows; r++) {
                int id = ids[r];
                if (id < 0) {
                    groupOf[r] = g++;
                } else {
                    if (groupOfId[id] < 0) {
                        groupOfId[id] = g++;
                    }
                    groupOf[r] = groupOfId[id];
                }
            }
            count = g;
            first = new int[g];
            last = new int[g];
            Arrays.fill(first, -1);
            for (int r = 0; r < rows; r++) {
                int x = groupOf[r];
                if (first[x] < 0) {
                    first[x] = r;
                }
                last[x] = r;
            }
        }
    }

    /**
     * @param keyColumns the right key (and by) columns, which are not aggregated
     * @return the right frame with one row per key
     */
    static Frame apply(Frame right, int[] ids, int distinct, DuplicatePolicy policy, Set<String> keyColumns,
                       String join) {
        Groups g = new Groups(ids, distinct);
        switch (policy.kind()) {
            case KEEP_FIRST:
                return right.gather(g.first);
            case KEEP_LAST:
                return right.gather(g.last);
            case AGGREGATE:
                return aggregate(right, g, policy, keyColumns, join);
            default:
                throw new IllegalStateException("policy " + policy + " does not resolve duplicates");
        }
    }

    private static Frame aggregate(Frame right, Groups g, DuplicatePolicy policy, Set<String> keyColumns,
                                   String join) {
        for (String named : policy.functions().keySet()) {
            if (!right.names.contains(named) || keyColumns.contains(named)) {
                throw new SchemaException("join '" + join + "': onDuplicateKeys aggregates column '" + named + "', but "
                    + "the join brings no such column; it brings " + brought(right, keyColumns));
            }
        }
        Frame out = new Frame(g.count);
        for (int i = 0; i < right.size(); i++) {
            String name = right.names.get(i);
            Column<?> c = right.cols.get(i);
            Column<?> agg;
            if (keyColumns.contains(name)) {
                agg = Gather.column(c, g.first);
            } else {
                Aggregate fn = policy.functionFor(name);
                if (fn == null) {
                    throw new SchemaException("join '" + join + "': column '" + name + "' is brought but has no "
                        + "aggregate in onDuplicateKeys(aggregate(...)); name it there or leave it out of keep(...)");
                }
                agg = aggregate(c, fn, g, join, name);
            }
            out.add(name, agg, true, right.originInputs.get(i), right.originColumns.get(i));
        }
        return out;
    }

    private static String brought(Frame right, Set<String> keyColumns) {
        StringBuilder b = new StringBuilder("[");
        for (String n : right.names) {
            if (!keyColumns.contains(n)) {
                b.append(b.length() > 1 ? ", " : "").append(n);
            }
        }
        return b.append(']').toString();
    }

    private static boolean missing(Column<?> c, int r) {
        return c instanceof StringColumn ? ((StringColumn) c).get(r).isBlank() : c.isMissing(r);
    }

    private static Column<?> aggregate(Column<?> c, Aggregate fn, Groups g, String join, String name) {
        int rows = c.size();
        ColumnType type = Keys.typeOf(c, "join '" + join + "': column '" + name + "'");
        switch (fn) {
            case COUNT: {
                long[] cnt = new long[g.count];
                for (int r = 0; r < rows; r++) {
                    if (!missing(c, r)) {
                        cnt[g.groupOf[r]]++;
                    }
                }
                return ColumnArrays.longColumn(name, cnt);
            }
            case MEAN: {
                NumericColumn<?> nc = numeric(c, fn, type, join, name);
                double[] sum = new double[g.count];
                long[] cnt = new long[g.count];
                for (int r = 0; r < rows; r++) {
                    if (!nc.isMissing(r)) {
                        sum[g.groupOf[r]] += nc.getDouble(r);
                        cnt[g.groupOf[r]]++;
                    }
                }
                double[] out = new double[g.count];
                for (int x = 0; x < g.count; x++) {
                    out[x] = cnt[x] == 0 ? Double.NaN : sum[x] / cnt[x];
                }
                return ColumnArrays.doubleColumn(name, out);
            }
            case SUM: {
                NumericColumn<?> nc = numeric(c, fn, type, join, name);
                if (c instanceof DoubleColumn || c instanceof FloatColumn) {
                    double[] sum = new double[g.count];
                    Arrays.fill(sum, Double.NaN);
                    for (int r = 0; r < rows; r++) {
                        if (!nc.isMissing(r)) {
                            int x = g.groupOf[r];
                            sum[x] = Double.isNaN(sum[x]) ? nc.getDouble(r) : sum[x] + nc.getDouble(r);
                        }
                    }
                    return ColumnArrays.doubleColumn(name, sum);
                }
                long[] sum = new long[g.count];
                Arrays.fill(sum, Long.MIN_VALUE);
                for (int r = 0; r < rows; r++) {
                    if (!nc.isMissing(r)) {
                        int x = g.groupOf[r];
                        long v = c instanceof LongColumn ? ((LongColumn) c).getLong(r) : (long) nc.getDouble(r);
                        try {
                            sum[x] = sum[x] == Long.MIN_VALUE ? v : Math.addExact(sum[x], v);
                        } catch (ArithmeticException e) {
                            throw new XtageException("join '" + join + "': the sum of column '" + name + "' overflows "
                                + "LONG for one key; aggregate it with MEAN, or cast it to DOUBLE first", e);
                        }
                        if (sum[x] == Long.MIN_VALUE) {
                            throw new XtageException("join '" + join + "': the sum of column '" + name + "' is "
                                + Long.MIN_VALUE + ", which Tablesaw reserves for missing values");
                        }
                    }
                }
                return ColumnArrays.longColumn(name, sum);
            }
            case MIN:
            case MAX: {
                RowOrder order = order(c, fn, type, join, name);
                boolean max = fn == Aggregate.MAX;
                int[] arg = new int[g.count];
                Arrays.fill(arg, -1);
                for (int r = 0; r < rows; r++) {
                    if (missing(c, r)) {
                        continue;
                    }
                    int x = g.groupOf[r];
                    if (arg[x] < 0) {
                        arg[x] = r;
                    } else {
                        int cmp = order.compare(r, arg[x]);
                        if (max ? cmp > 0 : cmp < 0) {
                            arg[x] = r;
                        }
                    }
                }
                Column<?> out = Gather.column(c, arg);
                out.setName(name);
                return out;
            }
            default:
                throw new IllegalStateException("unknown aggregate " + fn);
        }
    }

    private static NumericColumn<?> numeric(Column<?> c, Aggregate fn, ColumnType type, String join, String name) {
        if (!type.isNumeric()) {
            throw new SchemaException("join '" + join + "': aggregate " + fn + " needs a numeric column, but '" + name
                + "' is " + type + "; use MIN, MAX or COUNT, or cast it first");
        }
        return (NumericColumn<?>) c;
    }

    /** Compares two non-missing rows of one column. */
    interface RowOrder {
        int compare(int a, int b);
    }

    private static RowOrder order(Column<?> c, Aggregate fn, ColumnType type, String join, String name) {
        if (c instanceof LongColumn) {
            LongColumn lc = (LongColumn) c;
            return (a, b) -> Long.compare(lc.getLong(a), lc.getLong(b));
        }
        if (c instanceof NumericColumn) {
            NumericColumn<?> nc = (NumericColumn<?>) c;
            return (a, b) -> Double.compare(nc.getDouble(a), nc.getDouble(b));
        }
        if (c instanceof DateColumn) {
            DateColumn dc = (DateColumn) c;
            return (a, b) -> Integer.compare(dc.getIntInternal(a), dc.getIntInternal(b));
        }
        if (c instanceof DateTimeColumn) {
            DateTimeColumn dc = (DateTimeColumn) c;
            return (a, b) -> Long.compare(dc.getLongInternal(a), dc.getLongInternal(b));
        }
        if (c instanceof StringColumn) {
            StringColumn sc = (StringColumn) c;
            return (a, b) -> sc.get(a).compareTo(sc.get(b));
        }
        throw new SchemaException("join '" + join + "': aggregate " + fn + " cannot order column '" + name + "' ("
            + type + "); use COUNT, or keep one row with KEEP_FIRST or KEEP_LAST");
    }
}
