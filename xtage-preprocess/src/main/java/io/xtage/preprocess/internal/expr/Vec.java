package io.xtage.preprocess.internal.expr;

import io.xtage.core.internal.ColumnArrays;
import java.util.Arrays;
import tech.tablesaw.api.BooleanColumn;
import tech.tablesaw.api.DateTimeColumn;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.columns.Column;

/**
 * A column of expression values as one primitive array. Missing values: LONG
 * {@code Long.MIN_VALUE}, DOUBLE NaN, STRING null, BOOLEAN -1 (true 1, false 0), DATE
 * {@code Integer.MIN_VALUE} (packed dates), DATETIME {@code Long.MIN_VALUE} (packed). Internal.
 */
public final class Vec {
    public static final byte TRUE = 1;
    public static final byte FALSE = 0;
    public static final byte NULL = -1;

    final ExprType type;
    final int n;
    long[] l;
    double[] d;
    String[] s;
    byte[] b;
    int[] dt;

    Vec(ExprType type, int n) {
        this.type = type;
        this.n = n;
    }

    static Vec longs(long[] v) {
        Vec x = new Vec(ExprType.LONG, v.length);
        x.l = v;
        return x;
    }

    static Vec doubles(double[] v) {
        Vec x = new Vec(ExprType.DOUBLE, v.length);
        x.d = v;
        return x;
    }

    static Vec strings(String[] v) {
        Vec x = new Vec(ExprType.STRING, v.length);
        x.s = v;
        return x;
    }

    static Vec bools(byte[] v) {
        Vec x = new Vec(ExprType.BOOLEAN, v.length);
        x.b = v;
        return x;
    }

    static Vec dates(int[] v) {
        Vec x = new Vec(ExprType.DATE, v.length);
        x.dt = v;
        return x;
    }

    static Vec dateTimes(long[] v) {
        Vec x = new Vec(ExprType.DATETIME, v.length);
        x.l = v;
        return x;
    }

    /** A vector of n missing values of type t. */
    static Vec missing(ExprType t, int n) {
        switch (t) {
            case DOUBLE: {
                double[] a = new double[n];
                Arrays.fill(a, Double.NaN);
                return doubles(a);
            }
            case STRING:
                return strings(new String[n]);
            case BOOLEAN: {
                byte[] a = new byte[n];
                Arrays.fill(a, NULL);
                return bools(a);
            }
            case DATE: {
                int[] a = new int[n];
                Arrays.fill(a, Integer.MIN_VALUE);
                return dates(a);
            }
            case DATETIME: {
                long[] a = new long[n];
                Arrays.fill(a, Long.MIN_VALUE);
                return dateTimes(a);
            }
            default: {
                long[] a = new long[n];
                Arrays.fill(a, Long.MIN_VALUE);
                return longs(a);
            }
        }
    }

    public ExprType type() {
        return type;
    }

    public int size() {
        return n;
    }

    public boolean isMissing(int i) {
        switch (type) {
            case LONG:
            case DATETIME:
                return l[i] == Long.MIN_VALUE;
            case DOUBLE:
                return Double.isNaN(d[i]);
            case STRING:
                return s[i] == null;
            case BOOLEAN:
                return b[i] == NULL;
            case DATE:
                return dt[i] == Integer.MIN_VALUE;
            default:
                return true;
        }
    }

    /** The BOOLEAN values (1, 0, -1 for missing). */
    public byte[] booleans() {
        if (type != ExprType.BOOLEAN) {
            throw new IllegalStateException("not a BOOLEAN vector: " + type);
        }
        return b;
    }

    /** The values as a Tablesaw column of the matching type. */
    public Column<?> toColumn(String name) {
        switch (type) {
            case LONG:
                return ColumnArrays.longColumn(name, l);
            case DOUBLE:
                return ColumnArrays.doubleColumn(name, d);
            case STRING: {
                StringColumn c = StringColumn.create(name);
                for (int i = 0; i < n; i++) {
                    c.append(s[i] == null ? "" : s[i]);
                }
                return c;
            }
            case BOOLEAN: {
                BooleanColumn c = BooleanColumn.create(name);
                for (int i = 0; i < n; i++) {
                    if (b[i] == NULL) {
                        c.appendMissing();
                    } else {
                        c.append(b[i] == TRUE);
                    }
                }
                return c;
            }
            case DATE:
                return ColumnArrays.dateColumn(name, dt);
            case DATETIME:
                return DateTimeColumn.createInternal(name, l);
            default:
                return DoubleColumn.create(name, missing(ExprType.DOUBLE, n).d);
        }
    }
}
