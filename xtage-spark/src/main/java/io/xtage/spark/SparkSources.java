package io.xtage.spark;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.lower;
import static org.apache.spark.sql.functions.to_date;
import static org.apache.spark.sql.functions.to_timestamp_ntz;
import static org.apache.spark.sql.functions.when;

import io.xtage.core.SchemaException;
import io.xtage.core.XtageException;
import io.xtage.core.coerce.CoercionOptions;
import io.xtage.core.coerce.DateOrder;
import io.xtage.core.coerce.DateShapeReport;
import io.xtage.core.schema.ColumnSpec;
import io.xtage.core.schema.ColumnType;
import io.xtage.core.schema.Naming;
import io.xtage.core.schema.Schema;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * Reads CSV, JSON and JDBC sources into Spark Datasets with a {@link Schema}, the way the
 * one-machine sources do: headers are matched to schema columns by their snake_case form, every
 * value is read as text and converted strictly (a whole integer for INT and LONG, a decimal
 * number for DOUBLE read as its shortest round-trip double, the schema's date patterns, tried in
 * order), an empty value is missing, and a value that does not convert becomes missing plus a
 * reject record. A row whose required column is missing is dropped, with a reject.
 *
 * <p>A LOCAL_DATE or LOCAL_DATE_TIME column whose schema declares no patterns has its formats
 * inferred per shape of spelling, with the one-machine engine's {@code DateInference}: the
 * evidence is one {@code groupBy(value).count()} collected to the driver, each distinct spelling
 * is parsed there with the inferred formats, and the column is joined to that small lookup
 * (broadcast). Values and reject reasons are therefore the one-machine engine's exactly, and
 * {@link SparkRead#dateFormats()} holds the per-shape report that {@code SourceReport.dateFormats()}
 * holds. Rows left out for a missing or bad required value give no evidence, as there.
 *
 * <pre>{@code
 * SparkRead sales = SparkSources.csv(spark, "sales", Path.of("sales_data.csv"), W1Workload.salesSchema(false));
 * }</pre>
 *
 * @since 0.1.0
 */
public final class SparkSources {
    static final String RECORD = "__xtage_record";
    private static final String INTEGRAL = "^[+-]?[0-9]+$";
    private static final String DECIMAL = "^[+-]?([0-9]+(\\.[0-9]*)?|\\.[0-9]+)([eE][+-]?[0-9]+)?$";

    /** The schema of a rejects Dataset: the columns of {@code rejects.csv}. */
    static final StructType REJECTS = new StructType()
        .add("source", DataTypes.StringType, false)
        .add("record", DataTypes.LongType, false)
        .add("column", DataTypes.StringType, true)
        .add("value", DataTypes.StringType, true)
        .add("reason", DataTypes.StringType, false);

    private SparkSources() {
    }

    /**
     * Reads a CSV file with a header line (comma separated, {@code "} quoted, UTF-8).
     *
     * @param spark the session
     * @param source the source's name, as rejects name it
     * @param path the file (a local path or any URI Spark reads, such as {@code s3://})
     * @param schema the columns to read; each must match a header by its snake_case form
     * @return the typed table and its rejects
     * @throws SchemaException if a schema column has no header
     * @since 0.1.0
     */
    public static SparkRead csv(SparkSession spark, String source, String path, Schema schema) {
        return csv(spark, source, path, schema, CoercionOptions.DEFAULT.defaultDateOrder());
    }

    /**
     * Reads a CSV file with a header line, with a default order for inferred dates.
     *
     * @param spark the session
     * @param source the source's name, as rejects name it
     * @param path the file (a local path or any URI Spark reads)
     * @param schema the columns to read
     * @param defaultDateOrder the day/month order of a date shape no value decides
     * @return the typed table, its rejects and the inferred date formats
     * @since 0.1.0
     */
    public static SparkRead csv(SparkSession spark, String source, String path, Schema schema,
        DateOrder defaultDateOrder) {
        Dataset<Row> raw = spark.read().option("header", "true").option("inferSchema", "false")
            .option("multiLine", "true").option("mode", "PERMISSIVE").option("encoding", "UTF-8").csv(path);
        return typed(spark, source, raw, schema, defaultDateOrder);
    }

    /**
     * @param spark the session
     * @param source the source's name
     * @param path a local file
     * @param schema the columns to read
     * @return the typed table and its rejects
     * @since 0.1.0
     */
    public static SparkRead csv(SparkSession spark, String source, Path path, Schema schema) {
        return csv(spark, source, path.toString(), schema);
    }

    /**
     * Reads a JSON file holding an array of objects (or one object per line); every scalar is
     * read as its text and converted as the schema says.
     *
     * @param spark the session
     * @param source the source's name
     * @param path the file
     * @param schema the fields to read; each must match a field name by its snake_case form
     * @return the typed table and its rejects
     * @since 0.1.0
     */
    public static SparkRead json(SparkSession spark, String source, String path, Schema schema) {
        return json(spark, source, path, schema, CoercionOptions.DEFAULT.defaultDateOrder());
    }

    /**
     * Reads a JSON file, with a default order for inferred dates.
     *
     * @param spark the session
     * @param source the source's name
     * @param path the file
     * @param schema the fields to read
     * @param defaultDateOrder the day/month order of a date shape no value decides
     * @return the typed table, its rejects and the inferred date formats
     * @since 0.1.0
     */
    public static SparkRead json(SparkSession spark, String source, String path, Schema schema,
        DateOrder defaultDateOrder) {
        Dataset<Row> raw = spark.read().option("multiLine", "true").option("primitivesAsString", "true")
            .option("mode", "PERMISSIVE").json(path);
        return typed(spark, source, raw, schema, defaultDateOrder);
    }

    /**
     * @param spark the session
     * @param source the source's name
     * @param path a local file
     * @param schema the fields to read
     * @return the typed table and its rejects
     * @since 0.1.0
     */
    public static SparkRead json(SparkSession spark, String source, Path path, Schema schema) {
        return json(spark, source, path.toString(), schema);
    }

    /**
     * Reads a query or table over JDBC with Spark's reader. Values come as the driver gives them
     * and are then converted to the schema's types; the password is passed in
     * {@code properties} and never logged.
     *
     * @param spark the session
     * @param source the source's name
     * @param url the JDBC URL
     * @param tableOrQuery a table name, or a query in parentheses with an alias
     * @param properties user, password, driver, fetchsize, ...
     * @param schema the columns to read
     * @return the typed table and its rejects
     * @since 0.1.0
     */
    public static SparkRead jdbc(SparkSession spark, String source, String url, String tableOrQuery,
        Properties properties, Schema schema) {
        Dataset<Row> raw = spark.read().jdbc(url, tableOrQuery, properties);
        List<Column> asText = new ArrayList<>();
        for (String c : raw.columns()) {
            asText.add(col(quote(c)).cast(DataTypes.StringType).as(c));
        }
        return typed(spark, source, raw.select(asText.toArray(new Column[0])), schema);
    }

    /**
     * Converts text columns to the schema's types; the core of every reader.
     *
     * @param spark the session
     * @param source the source's name
     * @param raw text columns, named as in the file
     * @param schema the columns wanted
     * @return the typed table and its rejects
     * @since 0.1.0
     */
    public static SparkRead typed(SparkSession spark, String source, Dataset<Row> raw, Schema schema) {
        return typed(spark, source, raw, schema, CoercionOptions.DEFAULT.defaultDateOrder());
    }

    /**
     * Converts text columns to the schema's types, with a default order for inferred dates.
     *
     * @param spark the session
     * @param source the source's name
     * @param raw text columns, named as in the file
     * @param schema the columns wanted
     * @param defaultDateOrder the day/month order of a date shape no value decides, for the date
     *     columns whose schema declares no patterns (as {@link CoercionOptions#defaultDateOrder()})
     * @return the typed table, its rejects and the inferred date formats
     * @since 0.1.0
     */
    public static SparkRead typed(SparkSession spark, String source, Dataset<Row> raw, Schema schema,
        DateOrder defaultDateOrder) {
        Objects.requireNonNull(schema, "schema");
        Objects.requireNonNull(defaultDateOrder, "defaultDateOrder");
        Map<String, String> byName = new HashMap<>();
        for (String h : raw.columns()) {
            byName.putIfAbsent(h, h);
            byName.putIfAbsent(Naming.snakeCase(h), h);
        }
        List<Column> select = new ArrayList<>();
        for (ColumnSpec c : schema.columns()) {
            String h = byName.get(c.name());
            if (h == null) {
                throw new SchemaException(source + ": column '" + c.name() + "' of the schema is not in the input "
                    + "(columns: " + String.join(", ", raw.columns()) + ")");
            }
            select.add(col(quote(h)).cast(DataTypes.StringType).as(c.name()));
        }
        Dataset<Row> text = withRecordNumbers(spark, raw.select(select.toArray(new Column[0])));
        text = text.persist(org.apache.spark.storage.StorageLevel.MEMORY_AND_DISK());

        // Rows left out before inference (a required value missing or not converting) give no
        // evidence, as in the one-machine engine, which infers from the rows it kept.
        Column early = lit(false);
        for (ColumnSpec c : schema.columns()) {
            if (!c.isNullable()) {
                early = early.or(inferred(c) ? SparkDates.missing(col(quote(c.name())))
                    : convert(emptyIsNull(c), c).isNull());
            }
        }
        Column kept = functions_not(early);
        Map<String, SparkDates.Inferred> inferred = new LinkedHashMap<>();
        Map<String, List<DateShapeReport>> dateFormats = new LinkedHashMap<>();
        Dataset<Row> rows = text;
        for (ColumnSpec c : schema.columns()) {
            if (inferred(c)) {
                SparkDates.Inferred inf = SparkDates.infer(spark, text.where(kept), c.name(), c.type(),
                    defaultDateOrder, true, "__xtage_d" + inferred.size() + "_");
                inferred.put(c.name(), inf);
                dateFormats.put(c.name(), inf.shapes);
                rows = inf.join(rows, col(quote(c.name())));
            }
        }

        List<Column> typedCols = new ArrayList<>();
        Dataset<Row> rejects = spark.createDataFrame(new ArrayList<Row>(), REJECTS);
        Column requiredMissing = lit(false);
        for (ColumnSpec c : schema.columns()) {
            SparkDates.Inferred inf = inferred.get(c.name());
            Column s = emptyIsNull(c);
            Column v = inf != null ? inf.value() : convert(s, c);
            typedCols.add(v.as(c.name()));
            if (inf != null) {
                rejects = rejects.union(rows.where(kept.and(inf.reason().isNotNull())).select(lit(source),
                    col(RECORD), lit(c.name()), inf.shown(), inf.reason()));
            } else if (c.type() != ColumnType.STRING) {
                Column bad = s.isNotNull().and(v.isNull());
                rejects = rejects.union(rows.where(bad).select(lit(source), col(RECORD), lit(c.name()),
                    col(quote(c.name())), lit("not a " + c.type() + describe(c))));
            }
            if (!c.isNullable()) {
                requiredMissing = requiredMissing.or(v.isNull());
                Column absent = inf != null ? SparkDates.missing(col(quote(c.name()))) : s.isNull();
                rejects = rejects.union(rows.where(absent).select(lit(source), col(RECORD), lit(c.name()),
                    lit(null).cast(DataTypes.StringType), lit("missing value in required column; row dropped")));
            }
        }
        Dataset<Row> table = rows.where(functions_not(requiredMissing)).select(typedCols.toArray(new Column[0]));
        return new SparkRead(source, table, rejects.toDF("source", "record", "column", "value", "reason"),
            dateFormats);
    }

    private static boolean inferred(ColumnSpec c) {
        return (c.type() == ColumnType.LOCAL_DATE || c.type() == ColumnType.LOCAL_DATE_TIME) && c.formats().isEmpty();
    }

    private static Column emptyIsNull(ColumnSpec c) {
        return when(col(quote(c.name())).equalTo(""), lit(null).cast(DataTypes.StringType))
            .otherwise(col(quote(c.name())));
    }

    private static Column functions_not(Column c) {
        return org.apache.spark.sql.functions.not(c);
    }

    private static String describe(ColumnSpec c) {
        return c.formats().isEmpty() ? "" : " in " + c.formats();
    }

    /** Strict conversion of text to a column's type; null where the text does not convert. */
    static Column convert(Column s, ColumnSpec c) {
        switch (c.type()) {
            case STRING:
                return s;
            case INT:
                return when(s.rlike(INTEGRAL), s.cast(DataTypes.IntegerType));
            case LONG:
                return when(s.rlike(INTEGRAL), s.cast(DataTypes.LongType));
            case DOUBLE:
                return when(s.rlike(DECIMAL), s.cast(DataTypes.DoubleType));
            case BOOLEAN:
                return when(lower(s).equalTo("true"), lit(true)).when(lower(s).equalTo("false"), lit(false));
            case LOCAL_DATE:
            case LOCAL_DATE_TIME: {
                if (c.formats().isEmpty()) {
                    throw new XtageException("column '" + c.name() + "': a date column without patterns is inferred "
                        + "by SparkSources.typed, not converted row by row");
                }
                List<Column> tries = new ArrayList<>();
                for (String p : c.formats()) {
                    tries.add(c.type() == ColumnType.LOCAL_DATE ? to_date(s, p) : to_timestamp_ntz(s, lit(p)));
                }
                return tries.size() == 1 ? tries.get(0) : coalesce(tries.toArray(new Column[0]));
            }
            default:
                throw new XtageException("the Spark engine cannot read columns of type " + c.type() + " yet");
        }
    }

    static DataType sparkType(ColumnType t) {
        switch (t) {
            case STRING:
                return DataTypes.StringType;
            case INT:
                return DataTypes.IntegerType;
            case LONG:
                return DataTypes.LongType;
            case DOUBLE:
                return DataTypes.DoubleType;
            case BOOLEAN:
                return DataTypes.BooleanType;
            case LOCAL_DATE:
                return DataTypes.DateType;
            case LOCAL_DATE_TIME:
                return DataTypes.TimestampNTZType;
            default:
                throw new XtageException("no Spark type for " + t);
        }
    }

    /** Numbers the rows 1, 2, ... in the input's order, in a column named {@link #RECORD}. */
    static Dataset<Row> withRecordNumbers(SparkSession spark, Dataset<Row> df) {
        StructType schema = df.schema();
        StructField[] fields = new StructField[schema.fields().length + 1];
        System.arraycopy(schema.fields(), 0, fields, 0, schema.fields().length);
        fields[fields.length - 1] = DataTypes.createStructField(RECORD, DataTypes.LongType, false);
        int n = schema.fields().length;
        JavaRDD<Row> rows = df.javaRDD().zipWithIndex().map(t -> {
            Object[] v = new Object[n + 1];
            for (int i = 0; i < n; i++) {
                v[i] = t._1().get(i);
            }
            v[n] = t._2() + 1;
            return RowFactory.create(v);
        });
        return spark.createDataFrame(rows, new StructType(fields));
    }

    static String quote(String name) {
        return "`" + name.replace("`", "``") + "`";
    }
}
