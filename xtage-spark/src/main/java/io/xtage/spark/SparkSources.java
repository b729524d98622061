package io.xtage.spark;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.not;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import io.xtage.core.RejectKind;
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
import org.apache.spark.storage.StorageLevel;

/**
 * Reads CSV, JSON and JDBC sources into Spark Datasets with a {@link Schema}, the way the
 * one-machine sources do: headers are matched to schema columns by their snake_case form, every
 * value is read as text and converted by the core's own parsers as {@code TableBuilder} converts
 * it (text trimmed; blank text missing; INT and LONG whole numbers, their minimum values refused
 * as Tablesaw's missing markers; DOUBLE the nearest double; BOOLEAN the core's spellings
 * {@code true/t/yes/y} and {@code false/f/no/n} in any case; dates by the schema's patterns, tried
 * in order). A value that does not convert becomes missing plus a reject (kind TYPE); a record
 * whose required value is missing ({@code a value is required}) or does not convert is left out,
 * with rejects of kind CONSTRAINT, and every reject of that record says so. Values, rejects
 * (source, record, column, raw value, reason, kind, row dropped; in the one-machine order) and
 * the report counts ({@link SparkRead#report()}) are the one-machine engine's.
 *
 * <p>A LOCAL_DATE or LOCAL_DATE_TIME column whose schema declares no patterns has its formats
 * inferred per shape of spelling, with the one-machine engine's {@code DateInference}: the
 * evidence is one {@code groupBy(value).count()} collected to the driver, each distinct spelling
 * is parsed there with the inferred formats, and the column is joined to that small lookup
 * (broadcast). Values and reject reasons are therefore the one-machine engine's exactly, and
 * {@link SparkRead#dateFormats()} holds the per-shape report that {@code SourceReport.dateFormats()}
 * holds. Rows left out for a missing or bad required value give no evidence, as there.
 *
 * <p>Not the one-machine readers' (Spark's own readers split the text): rejects carry no line or
 * column number; a CSV record with too few or too many fields is padded with missing values or
 * cut rather than rejected as SHAPE; a JSON number read into a text column (or refused by an
 * integer column) is Spark's re-printing of it ({@code 1.50} as {@code 1.5}, {@code 1e2} as
 * {@code 100.0}), and a JSON object in a scalar field is its JSON text (the one-machine reader
 * reads it as nested fields and leaves the scalar missing). The coercion
 * options are {@code CoercionOptions.DEFAULT} (no missing tokens, {@code .} decimals), and every
 * reject is collected (the lenient policy).
 *
 * <pre>{@code
 * SparkRead sales = SparkSources.csv(spark, "sales", Path.of("sales_data.csv"), W1Workload.salesSchema(false));
 * }</pre>
 *
 * @since 0.1.0
 */
public final class SparkSources {
    static final String RECORD = "__xtage_record";

    private static final String DROPPED = "__xtage_dropped";
    private static final String ORDER = "__xtage_order";

    /**
     * The schema of a read's detailed rejects: the columns of {@code rejects.csv}, then the
     * reject's kind and whether it left its record out, as {@code Reject.toMap()} names them.
     */
    static final StructType REJECT_DETAILS = new StructType()
        .add("source", DataTypes.StringType, false)
        .add("record", DataTypes.LongType, false)
        .add("column", DataTypes.StringType, true)
        .add("value", DataTypes.StringType, true)
        .add("reason", DataTypes.StringType, false)
        .add("kind", DataTypes.StringType, false)
        .add("row_dropped", DataTypes.BooleanType, false);

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
        Dataset<Row> rows = withRecordNumbers(spark, raw.select(select.toArray(new Column[0])));

        // 1. Each value converted as TableBuilder converts it, with the core's parsers in one UDF
        // call per value (a struct of value, reason and raw text), kept so that the table, the
        // rejects and the report do not convert again.
        int n = schema.size();
        Column[] text = new Column[n];
        Column[] missing = new Column[n];
        Column[] value = new Column[n];
        Column[] reason = new Column[n];
        Column[] shown = new Column[n];
        for (int i = 0; i < n; i++) {
            ColumnSpec c = schema.column(i);
            text[i] = col(quote(c.name()));
            missing[i] = SparkDates.missing(text[i]);
            if (!inferred(c)) {
                String tmp = "__xtage_v" + i;
                rows = rows.withColumn(tmp, SparkCoercion.read(text[i], c));
                value[i] = col(tmp).getField("value");
                reason[i] = col(tmp).getField("reason");
                shown[i] = col(tmp).getField("raw");
            }
        }
        rows = rows.persist(StorageLevel.MEMORY_AND_DISK());

        // 2. A record whose required value is missing, or does not convert, is left out at once;
        // a required date to infer is only known to fail once its formats are inferred.
        Column early = lit(false);
        for (int i = 0; i < n; i++) {
            ColumnSpec c = schema.column(i);
            if (!c.isNullable()) {
                early = early.or(inferred(c) ? missing[i] : missing[i].or(reason[i].isNotNull()));
            }
        }

        // 3. Inferred dates. Records left out before inference give no evidence, as in the
        // one-machine engine, which infers from the rows it kept.
        Map<String, List<DateShapeReport>> dateFormats = new LinkedHashMap<>();
        Dataset<Row> evidence = rows.where(not(early));
        Column late = lit(false);
        for (int i = 0; i < n; i++) {
            ColumnSpec c = schema.column(i);
            if (inferred(c)) {
                SparkDates.Inferred inf = SparkDates.infer(spark, evidence, c.name(), c.type(), defaultDateOrder,
                    true, "__xtage_d" + i + "_");
                dateFormats.put(c.name(), inf.shapes);
                rows = inf.join(rows, text[i]);
                value[i] = inf.value();
                reason[i] = when(not(early), inf.reason());
                shown[i] = SparkCoercion.truncated(inf.shown());
                if (!c.isNullable()) {
                    late = late.or(reason[i].isNotNull());
                }
            }
        }
        rows = rows.withColumn(DROPPED, early.or(late));

        // 4. Rejects, as TableBuilder writes them and in its order: by record, the values refused
        // while reading in column order, then the inferred dates refused at the end.
        List<Column> typedCols = new ArrayList<>();
        List<Dataset<Row>> parts = new ArrayList<>();
        List<Column> counts = new ArrayList<>();
        counts.add(count(lit(1)));
        counts.add(sum(when(col(DROPPED), 1L).otherwise(0L)));
        for (int i = 0; i < n; i++) {
            ColumnSpec c = schema.column(i);
            boolean required = !c.isNullable();
            typedCols.add(value[i].as(c.name()));
            if (required) {
                parts.add(rows.where(missing[i]).select(lit(source), col(RECORD), lit(c.name()),
                    SparkCoercion.truncated(text[i]), lit("a value is required"), lit(RejectKind.CONSTRAINT.name()),
                    lit(true), lit(i)));
            }
            if (c.type() != ColumnType.STRING) {
                RejectKind kind = required ? RejectKind.CONSTRAINT : RejectKind.TYPE;
                parts.add(rows.where(reason[i].isNotNull()).select(lit(source), col(RECORD), lit(c.name()), shown[i],
                    reason[i], lit(kind.name()), col(DROPPED), lit(inferred(c) ? n + i : i)));
                counts.add(sum(when(reason[i].isNotNull().and(not(col(DROPPED))), 1L).otherwise(0L)));
            } else {
                counts.add(lit(0L));
            }
            counts.add(sum(when(value[i].isNull().and(not(col(DROPPED))), 1L).otherwise(0L)));
        }
        Dataset<Row> rejects = parts.stream().reduce(Dataset::union)
            .orElseGet(() -> spark.createDataFrame(new ArrayList<Row>(), REJECT_DETAILS.add(ORDER, DataTypes.IntegerType)))
            .toDF(concat(REJECT_DETAILS.fieldNames(), ORDER))
            .orderBy(col("record"), col(ORDER)).drop(ORDER);
        Dataset<Row> table = rows.where(not(col(DROPPED))).select(typedCols.toArray(new Column[0]));
        Dataset<Row> report = rows.agg(counts.get(0), counts.subList(1, counts.size()).toArray(new Column[0]));
        return new SparkRead(source, table, rejects, dateFormats, report, schema.names());
    }

    private static String[] concat(String[] names, String more) {
        String[] out = java.util.Arrays.copyOf(names, names.length + 1);
        out[names.length] = more;
        return out;
    }

    private static boolean inferred(ColumnSpec c) {
        return (c.type() == ColumnType.LOCAL_DATE || c.type() == ColumnType.LOCAL_DATE_TIME) && c.formats().isEmpty();
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
