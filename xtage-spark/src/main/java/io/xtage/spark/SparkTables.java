package io.xtage.spark;

import io.xtage.core.XtageException;
import io.xtage.core.schema.ColumnType;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import tech.tablesaw.api.BooleanColumn;
import tech.tablesaw.api.DateColumn;
import tech.tablesaw.api.DateTimeColumn;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * Moves rows between Spark Datasets and Tablesaw tables, to write a Spark result with the
 * one-machine CSV sink (the same text, cell for cell) or to hand a table to the other engine.
 * Collecting brings every row to the driver: use it for results that fit there.
 *
 * @since 0.1.0
 */
public final class SparkTables {
    private SparkTables() {
    }

    /**
     * @param data the rows; streamed to the driver partition by partition
     * @param name the table's name
     * @return a Tablesaw table with the same columns and types (missing values as Tablesaw's)
     * @throws XtageException for a column type with no Tablesaw counterpart
     * @since 0.1.0
     */
    public static Table toTablesaw(Dataset<Row> data, String name) {
        StructField[] fields = data.schema().fields();
        List<Column<?>> cols = new ArrayList<>();
        for (StructField f : fields) {
            cols.add(column(f.name(), f.dataType()));
        }
        Iterator<Row> it = data.toLocalIterator();
        while (it.hasNext()) {
            Row r = it.next();
            for (int i = 0; i < fields.length; i++) {
                append(cols.get(i), r.isNullAt(i) ? null : r.get(i));
            }
        }
        return Table.create(name, cols);
    }

    /**
     * @param spark the session
     * @param table a Tablesaw table
     * @return a Dataset with the same columns, types and rows
     * @throws XtageException for a column type with no xtage counterpart
     * @since 0.1.0
     */
    public static Dataset<Row> fromTablesaw(SparkSession spark, Table table) {
        List<StructField> fields = new ArrayList<>();
        for (Column<?> c : table.columns()) {
            fields.add(DataTypes.createStructField(c.name(), sparkType(c), true));
        }
        DataType[] types = new DataType[fields.size()];
        for (int i = 0; i < types.length; i++) {
            types[i] = fields.get(i).dataType();
        }
        List<Row> rows = new ArrayList<>(table.rowCount());
        for (int r = 0; r < table.rowCount(); r++) {
            Object[] v = new Object[table.columnCount()];
            for (int i = 0; i < v.length; i++) {
                Column<?> c = table.column(i);
                v[i] = c.isMissing(r) ? null : sparkValue(c.get(r), types[i]);
            }
            rows.add(org.apache.spark.sql.RowFactory.create(v));
        }
        return spark.createDataFrame(rows, new StructType(fields.toArray(new StructField[0])));
    }

    /**
     * @return the Spark type of a Tablesaw column of an xtage type
     * @throws XtageException for a column whose type has no xtage counterpart
     */
    static DataType sparkType(Column<?> c) {
        try {
            return SparkSources.sparkType(ColumnType.of(c.type()));
        } catch (IllegalArgumentException e) {
            throw new XtageException("column '" + c.name() + "' of Tablesaw type " + c.type().name()
                + " has no xtage type, so no Spark type", e);
        }
    }

    /** @return an empty Tablesaw column for a Spark type of an xtage type, or null for another type */
    static Column<?> emptyColumn(String name, DataType t) {
        if (t.equals(DataTypes.StringType)) {
            return StringColumn.create(name);
        } else if (t.equals(DataTypes.IntegerType)) {
            return IntColumn.create(name);
        } else if (t.equals(DataTypes.LongType)) {
            return LongColumn.create(name);
        } else if (t.equals(DataTypes.DoubleType)) {
            return DoubleColumn.create(name);
        } else if (t.equals(DataTypes.BooleanType)) {
            return BooleanColumn.create(name);
        } else if (t.equals(DataTypes.DateType)) {
            return DateColumn.create(name);
        } else if (t.equals(DataTypes.TimestampNTZType)) {
            return DateTimeColumn.create(name);
        }
        return null;
    }

    private static Column<?> column(String name, DataType t) {
        Column<?> c = emptyColumn(name, t);
        if (c == null) {
            throw new XtageException("column '" + name + "' of Spark type " + t.simpleString() + " has no Tablesaw "
                + "counterpart here");
        }
        return c;
    }

    /** A Spark value in the one-machine Java form: INT as Long, dates as java.time. */
    static Object javaValue(Object v) {
        if (v instanceof Integer || v instanceof Short || v instanceof Byte) {
            return ((Number) v).longValue();
        }
        if (v instanceof java.sql.Date) {
            return ((java.sql.Date) v).toLocalDate();
        }
        if (v instanceof java.sql.Timestamp) {
            return ((java.sql.Timestamp) v).toLocalDateTime();
        }
        return v;
    }

    /** A Tablesaw value as the column's Spark type holds it (a SHORT column's values as Integer). */
    private static Object sparkValue(Object v, DataType t) {
        if (t.equals(DataTypes.IntegerType)) {
            return ((Number) v).intValue();
        }
        if (t.equals(DataTypes.DoubleType)) {
            return ((Number) v).doubleValue();
        }
        return v;
    }

    private static void append(Column<?> c, Object v) {
        if (v == null) {
            c.appendMissing();
        } else if (c instanceof StringColumn) {
            ((StringColumn) c).append((String) v);
        } else if (c instanceof IntColumn) {
            ((IntColumn) c).append(((Number) v).intValue());
        } else if (c instanceof LongColumn) {
            ((LongColumn) c).append(((Number) v).longValue());
        } else if (c instanceof DoubleColumn) {
            ((DoubleColumn) c).append(((Number) v).doubleValue());
        } else if (c instanceof BooleanColumn) {
            ((BooleanColumn) c).append((Boolean) v);
        } else if (c instanceof DateColumn) {
            ((DateColumn) c).append((LocalDate) javaValue(v));
        } else if (c instanceof DateTimeColumn) {
            ((DateTimeColumn) c).append((LocalDateTime) javaValue(v));
        }
    }
}
