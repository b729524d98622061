package io.xtage.sink.internal;

import io.xtage.core.SchemaException;
import io.xtage.core.internal.ColumnArrays;
import io.xtage.core.internal.StringColumns;
import io.xtage.core.schema.ColumnType;
import java.util.ArrayList;
import java.util.List;
import tech.tablesaw.api.BooleanColumn;
import tech.tablesaw.api.DateColumn;
import tech.tablesaw.api.DateTimeColumn;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.FloatColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.ShortColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * One column of a table seen through its xtage {@link ColumnType}, with the values of a number or
 * date column in a primitive array so sinks read them without a call per value (the column's
 * values when the view is made: make views of a finished table). SHORT is widened to INT and FLOAT
 * to DOUBLE, as {@link ColumnType#of} does. Immutable. No compatibility promise.
 */
public final class ColumnView {
    /** Tablesaw's missing INT. */
    public static final int MISSING_INT = Integer.MIN_VALUE;
    /** Tablesaw's missing LONG. */
    public static final long MISSING_LONG = Long.MIN_VALUE;

    private final String name;
    private final ColumnType type;
    private final StringColumn strings;
    private final StringColumns.Reader stringReader;
    // the values of a number or date column, as ColumnArrays gives them: read as the column is
    // when the view is made, without a getter call per value
    private final int[] ints;
    private final long[] longs;
    private final double[] doubles;
    private final int[] dates;
    private final BooleanColumn booleans;
    private final DateTimeColumn dateTimes;

    private ColumnView(String name, ColumnType type, Column<?> c) {
        this.name = name;
        this.type = type;
        this.strings = type == ColumnType.STRING ? (StringColumn) c : null;
        this.stringReader = strings == null ? null : StringColumns.reader(strings);
        this.ints = type == ColumnType.INT ? ColumnArrays.ints((IntColumn) c) : null;
        this.longs = type == ColumnType.LONG ? ColumnArrays.longs((LongColumn) c) : null;
        this.doubles = type == ColumnType.DOUBLE ? ColumnArrays.doubles((DoubleColumn) c) : null;
        this.dates = type == ColumnType.LOCAL_DATE ? ColumnArrays.packedDates((DateColumn) c) : null;
        this.booleans = type == ColumnType.BOOLEAN ? (BooleanColumn) c : null;
        this.dateTimes = type == ColumnType.LOCAL_DATE_TIME ? (DateTimeColumn) c : null;
    }

    /**
     * @param table a table
     * @return a view of each column, in order
     * @throws SchemaException naming the column whose type no sink writes (TIME, INSTANT)
     */
    public static List<ColumnView> of(Table table) {
        List<ColumnView> views = new ArrayList<>(table.columnCount());
        for (Column<?> c : table.columns()) {
            views.add(of(c));
        }
        return views;
    }

    /**
     * @param c a column
     * @return its view
     * @throws SchemaException if its type has no xtage column type
     */
    public static ColumnView of(Column<?> c) {
        ColumnType type;
        try {
            type = ColumnType.of(c.type());
        } catch (IllegalArgumentException e) {
            throw new SchemaException("column '" + c.name() + "' has Tablesaw type " + c.type().name()
                + ", which sinks do not write; convert it to one of STRING, INT, LONG, DOUBLE, BOOLEAN, "
                + "LOCAL_DATE, LOCAL_DATE_TIME first", e);
        }
        Column<?> typed = c;
        if (c instanceof ShortColumn) {
            typed = ((ShortColumn) c).asIntColumn();
        } else if (c instanceof FloatColumn) {
            typed = ((FloatColumn) c).asDoubleColumn();
        }
        return new ColumnView(c.name(), type, typed);
    }

    /** @return the column name */
    public String name() {
        return name;
    }

    /** @return its xtage type */
    public ColumnType type() {
        return type;
    }

    /**
     * @param row a row index
     * @return whether the value is missing (for STRING: empty)
     */
    public boolean isMissing(int row) {
        switch (type) {
            case STRING:
                return stringReader.get(row).isEmpty();
            case INT:
                return ints[row] == MISSING_INT;
            case LONG:
                return longs[row] == MISSING_LONG;
            case DOUBLE:
                return Double.isNaN(doubles[row]);
            case BOOLEAN:
                return booleans.isMissing(row);
            case LOCAL_DATE:
                return dates[row] == MISSING_INT;
            case LOCAL_DATE_TIME:
                return dateTimes.isMissing(row);
            default:
                throw new AssertionError(type);
        }
    }

    /** @param row a row @return the text, empty when missing */
    public String string(int row) {
        return stringReader.get(row);
    }

    /**
     * @param row a row of a STRING column
     * @return the index of its value among the column's distinct values, in [0,
     *     {@link #stringKeys()}), or -1 when the column keeps no dictionary (use {@link #string})
     */
    public int stringKey(int row) {
        return stringReader.key(row);
    }

    /** @return how many value indexes {@link #stringKey} can give; 0 without a dictionary */
    public int stringKeys() {
        return stringReader.keys();
    }

    /** @param key an index {@link #stringKey} gave @return that value's text, empty when missing */
    public String stringOfKey(int key) {
        return stringReader.text(key);
    }

    /** @param row a row @return the int, {@link #MISSING_INT} when missing */
    public int intValue(int row) {
        return ints[row];
    }

    /** @param row a row @return the long, {@link #MISSING_LONG} when missing */
    public long longValue(int row) {
        return longs[row];
    }

    /** @param row a row @return the double, NaN when missing */
    public double doubleValue(int row) {
        return doubles[row];
    }

    /** @param row a row that is not missing @return the boolean */
    public boolean booleanValue(int row) {
        return booleans.getByte(row) == (byte) 1;
    }

    /** @param row a row that is not missing @return the packed date */
    public int packedDate(int row) {
        return dates[row];
    }

    /** @param row a row that is not missing @return the packed date-time */
    public long packedDateTime(int row) {
        return dateTimes.getLongInternal(row);
    }

    /**
     * Appends the value in the text every sink shares ({@link Values}), with booleans as
     * {@code true}/{@code false}. Strings are appended raw: callers that quote or escape handle
     * STRING themselves.
     *
     * @param row a row that is not missing
     * @param out where to append
     * @throws java.io.IOException from the writer
     */
    public void appendPlain(int row, TextOut out) throws java.io.IOException {
        switch (type) {
            case STRING:
                out.append(stringReader.get(row));
                break;
            case INT:
                out.append(ints[row]);
                break;
            case LONG:
                out.append(longs[row]);
                break;
            case DOUBLE:
                Values.appendDouble(out, doubles[row]);
                break;
            case BOOLEAN:
                out.append(booleanValue(row) ? "true" : "false");
                break;
            case LOCAL_DATE:
                Values.appendDate(out, dates[row]);
                break;
            case LOCAL_DATE_TIME:
                out.append(Values.formatDateTime(dateTimes.getLongInternal(row)));
                break;
            default:
                throw new AssertionError(type);
        }
    }
}
