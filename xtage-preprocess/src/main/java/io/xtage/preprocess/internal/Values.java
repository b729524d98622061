package io.xtage.preprocess.internal;

import io.xtage.core.SchemaException;
import io.xtage.core.internal.ColumnArrays;
import io.xtage.core.internal.StringColumns;
import io.xtage.core.schema.ColumnType;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import tech.tablesaw.api.BooleanColumn;
import tech.tablesaw.api.DateColumn;
import tech.tablesaw.api.DateTimeColumn;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.columns.Column;
import tech.tablesaw.columns.dates.PackedLocalDate;
import tech.tablesaw.columns.datetimes.PackedLocalDateTime;

/**
 * Single typed values of xtage column types: conversion from and to JSON, coercion of a
 * user-given constant, and filling the missing cells of a column. The Java representation is
 * Long (INT and LONG), Double, String, Boolean, LocalDate and LocalDateTime. Internal.
 */
public final class Values {
    private Values() {
    }

    /** The JSON form of a typed value: dates as ISO text, non-finite doubles as text. */
    public static Object toJson(ColumnType t, Object v) {
        if (v == null) {
            return null;
        }
        switch (t) {
            case DOUBLE:
                return Params.num(((Number) v).doubleValue());
            case INT:
            case LONG:
                return ((Number) v).longValue();
            case LOCAL_DATE:
            case LOCAL_DATE_TIME:
                return v.toString();
            default:
                return v;
        }
    }

    /**
     * Coerces a given value (a constant from the user or from JSON) to the Java form of type
     * {@code t}.
     *
     * @throws SchemaException if the value does not fit the type
     */
    public static Object coerce(ColumnType t, Object v, String step, String column) {
        if (v == null) {
            return null;
        }
        String where = step + ": value " + describe(v) + " for column '" + column + "' of type " + t;
        switch (t) {
            case INT:
            case LONG: {
                if (v instanceof Integer || v instanceof Long || v instanceof Short || v instanceof Byte) {
                    long l = ((Number) v).longValue();
                    checkRange(t, l, where);
                    return l;
                }
                if (v instanceof Double || v instanceof Float) {
                    double d = ((Number) v).doubleValue();
                    if (d == Math.rint(d) && Math.abs(d) < 9.2e18) {
                        long l = (long) d;
                        checkRange(t, l, where);
                        return l;
                    }
                }
                throw new SchemaException(where + ": must be a whole number");
            }
            case DOUBLE:
                if (v instanceof Number) {
                    return ((Number) v).doubleValue();
                }
                if (v instanceof String) {
                    switch ((String) v) {
                        case "NaN":
                            return Double.NaN;
                        case "Infinity":
                            return Double.POSITIVE_INFINITY;
                        case "-Infinity":
                            return Double.NEGATIVE_INFINITY;
                        default:
                            break;
                    }
                }
                throw new SchemaException(where + ": must be a number");
            case STRING:
                if (v instanceof String) {
                    return v;
                }
                throw new SchemaException(where + ": must be text");
            case BOOLEAN:
                if (v instanceof Boolean) {
                    return v;
                }
                throw new SchemaException(where + ": must be true or false");
            case LOCAL_DATE:
                if (v instanceof LocalDate) {
                    return v;
                }
                if (v instanceof String) {
                    try {
                        return LocalDate.parse((String) v);
                    } catch (DateTimeParseException e) {
                        throw new SchemaException(where + ": must be an ISO date (yyyy-MM-dd)", e);
                    }
                }
                throw new SchemaException(where + ": must be a date");
            case LOCAL_DATE_TIME:
                if (v instanceof LocalDateTime) {
                    return v;
                }
                if (v instanceof String) {
                    try {
                        return LocalDateTime.parse((String) v);
                    } catch (DateTimeParseException e) {
                        throw new SchemaException(where + ": must be an ISO date-time (yyyy-MM-ddTHH:mm:ss)", e);
                    }
                }
                throw new SchemaException(where + ": must be a date-time");
            default:
                throw new SchemaException(where + ": unsupported type");
        }
    }

    private static void checkRange(ColumnType t, long l, String where) {
        if (t == ColumnType.INT && (l <= Integer.MIN_VALUE || l > Integer.MAX_VALUE)) {
            throw new SchemaException(where + ": out of the INT range");
        }
        if (l == Long.MIN_VALUE) {
            throw new SchemaException(where + ": Long.MIN_VALUE is Tablesaw's missing value");
        }
    }

    private static String describe(Object v) {
        return v instanceof String ? "'" + v + "'" : String.valueOf(v);
    }

    /** The typed value at row i, or null when missing. */
    public static Object valueAt(Column<?> c, int i) {
        if (c.isMissing(i)) {
            return null;
        }
        if (c instanceof IntColumn) {
            return (long) ((IntColumn) c).getInt(i);
        }
        if (c instanceof LongColumn) {
            return ((LongColumn) c).getLong(i);
        }
        if (c instanceof DoubleColumn) {
            return ((DoubleColumn) c).getDouble(i);
        }
        Object o = c.get(i);
        if (o instanceof Number && !(o instanceof Double)) {
            return o instanceof Float ? ((Number) o).doubleValue() : ((Number) o).longValue();
        }
        return o;
    }

    /**
     * A new column equal to {@code c} with every missing cell set to {@code fill} (in the Java
     * form of {@code c}'s type, see {@link #coerce}).
     */
    public static Column<?> fillMissing(Column<?> c, Object fill) {
        int n = c.size();
        String name = c.name();
        if (c instanceof DoubleColumn) {
            double[] s = ColumnArrays.doubles((DoubleColumn) c);
            double f = ((Number) fill).doubleValue();
            double[] out = new double[n];
            for (int i = 0; i < n; i++) {
                double v = s[i];
                out[i] = Double.isNaN(v) ? f : v;
            }
            return ColumnArrays.doubleColumn(name, out);
        }
        if (c instanceof LongColumn) {
            long[] s = ColumnArrays.longs((LongColumn) c);
            long f = ((Number) fill).longValue();
            long[] out = new long[n];
            for (int i = 0; i < n; i++) {
                long v = s[i];
                out[i] = v == Long.MIN_VALUE ? f : v;
            }
            return ColumnArrays.longColumn(name, out);
        }
        if (c instanceof IntColumn) {
            int[] s = ColumnArrays.ints((IntColumn) c);
            int f = (int) ((Number) fill).longValue();
            int[] out = new int[n];
            for (int i = 0; i < n; i++) {
                int v = s[i];
                out[i] = v == Integer.MIN_VALUE ? f : v;
            }
            return ColumnArrays.intColumn(name, out);
        }
        if (c instanceof StringColumn) {
            String f = (String) fill;
            return StringColumns.map((StringColumn) c, name, v -> v.isEmpty() ? f : v);
        }
        if (c instanceof DateColumn) {
            int[] s = ColumnArrays.packedDates((DateColumn) c);
            int f = PackedLocalDate.pack((LocalDate) fill);
            int[] out = new int[n];
            for (int i = 0; i < n; i++) {
                int v = s[i];
                out[i] = v == Integer.MIN_VALUE ? f : v;
            }
            return ColumnArrays.dateColumn(name, out);
        }
        if (c instanceof DateTimeColumn) {
            DateTimeColumn s = (DateTimeColumn) c;
            long f = PackedLocalDateTime.pack((LocalDateTime) fill);
            long[] out = new long[n];
            for (int i = 0; i < n; i++) {
                long v = s.getLongInternal(i);
                out[i] = s.isMissing(i) ? f : v;
            }
            return DateTimeColumn.createInternal(name, out);
        }
        if (c instanceof BooleanColumn) {
            BooleanColumn s = (BooleanColumn) c;
            boolean f = (Boolean) fill;
            BooleanColumn out = BooleanColumn.create(name);
            for (int i = 0; i < n; i++) {
                if (s.isMissing(i)) {
                    out.append(f);
                } else {
                    out.append(s.getByte(i));
                }
            }
            return out;
        }
        throw new SchemaException("cannot fill column '" + name + "' of Tablesaw type " + c.type().name());
    }

    /** A column of type t from values in their Java form (null for missing). */
    public static Column<?> build(ColumnType t, String name, Object[] values) {
        int n = values.length;
        switch (t) {
            case INT: {
                int[] a = new int[n];
                for (int i = 0; i < n; i++) {
                    a[i] = values[i] == null ? Integer.MIN_VALUE : (int) ((Number) values[i]).longValue();
                }
                return ColumnArrays.intColumn(name, a);
            }
            case LONG: {
                long[] a = new long[n];
                for (int i = 0; i < n; i++) {
                    a[i] = values[i] == null ? Long.MIN_VALUE : ((Number) values[i]).longValue();
                }
                return ColumnArrays.longColumn(name, a);
            }
            case DOUBLE: {
                double[] a = new double[n];
                for (int i = 0; i < n; i++) {
                    a[i] = values[i] == null ? Double.NaN : ((Number) values[i]).doubleValue();
                }
                return ColumnArrays.doubleColumn(name, a);
            }
            case STRING: {
                StringColumn c = StringColumn.create(name);
                for (Object v : values) {
                    c.append(v == null ? "" : (String) v);
                }
                return c;
            }
            case BOOLEAN: {
                BooleanColumn c = BooleanColumn.create(name);
                for (Object v : values) {
                    if (v == null) {
                        c.appendMissing();
                    } else {
                        c.append((Boolean) v);
                    }
                }
                return c;
            }
            case LOCAL_DATE: {
                int[] a = new int[n];
                for (int i = 0; i < n; i++) {
                    a[i] = values[i] == null ? Integer.MIN_VALUE : PackedLocalDate.pack((LocalDate) values[i]);
                }
                return ColumnArrays.dateColumn(name, a);
            }
            default: {
                DateTimeColumn c = DateTimeColumn.create(name);
                for (Object v : values) {
                    if (v == null) {
                        c.appendMissing();
                    } else {
                        c.append((LocalDateTime) v);
                    }
                }
                return c;
            }
        }
    }

    /**
     * Whether two cell values are the same for "cells changed": numbers compare by numeric value
     * (a LONG 3 and a DOUBLE 3.0 are the same), everything else by equality, null with null.
     */
    public static boolean same(Object a, Object b) {
        if (a instanceof Number && b instanceof Number) {
            return ((Number) a).doubleValue() == ((Number) b).doubleValue();
        }
        return java.util.Objects.equals(a, b);
    }

    /** A readable form of a typed value for notes: text in quotes. */
    public static String show(Object v) {
        return v instanceof String ? "'" + v + "'" : String.valueOf(v);
    }
}
