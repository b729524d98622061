package io.xtage.spark;

import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.col;

import io.xtage.core.CoercionException;
import io.xtage.core.coerce.CoercionOptions;
import io.xtage.core.coerce.DateInference;
import io.xtage.core.coerce.DateOrder;
import io.xtage.core.coerce.DateShapeReport;
import io.xtage.core.schema.ColumnType;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * Date-format inference on Spark, with the one-machine engine's code and results.
 *
 * <p>The evidence is one aggregation: {@code groupBy(value).count()} over the column, collected
 * to the driver (distinct spellings of dates are few), each non-missing spelling fed with its
 * count to {@link DateInference#accumulator(DateOrder)}, exactly as
 * {@code io.xtage.core.spi.TableBuilder} and the core standardizer do; the per-shape report is
 * therefore the one-machine engine's by construction.
 *
 * <p>Parsing does not translate the decided patterns into Spark expressions: each distinct
 * spelling is parsed once on the driver with the same {@link DateInference} (its
 * {@code parsePackedDate} / {@code parseDateTime}), and the column is joined to the small
 * result as a broadcast lookup (spelling, date, reason). Spark's {@code to_date} differs from
 * the inference's parser in leniency and pattern letters, so the lookup is the choice that is
 * exactly equal, values and reject reasons alike. The cost is one collect of the distinct
 * spellings: fine for dates (a few thousand), heavy for a date-time column whose every value
 * is distinct.
 */
final class SparkDates {
    /** A text is missing when it is null or only whitespace, as {@link CoercionOptions#isMissing}. */
    static final String BLANK = "\\A\\p{javaWhitespace}*\\z";

    private static final CoercionOptions OPTIONS = CoercionOptions.DEFAULT;

    private SparkDates() {
    }

    /** The inferred formats of one column and its lookup Dataset. */
    static final class Inferred {
        final List<DateShapeReport> shapes;
        /** Columns: {@code <prefix>raw}, {@code <prefix>value}, {@code <prefix>reason}, {@code <prefix>shown}. */
        final Dataset<Row> lookup;
        final String prefix;

        Inferred(List<DateShapeReport> shapes, Dataset<Row> lookup, String prefix) {
            this.shapes = shapes;
            this.lookup = lookup;
            this.prefix = prefix;
        }

        /** @return the parsed date (or date-time); null where missing or rejected */
        Column value() {
            return col(prefix + "value");
        }

        /** @return why the value was rejected; null where it parsed or was missing */
        Column reason() {
            return col(prefix + "reason");
        }

        /** @return the spelling as the one-machine engine shows it in a reject */
        Column shown() {
            return col(prefix + "shown");
        }

        /**
         * @param rows the rows to parse
         * @param column the text column of {@code rows}, quoted as needed
         * @return rows with the lookup's columns added (a left join on the spelling, broadcast)
         */
        Dataset<Row> join(Dataset<Row> rows, Column column) {
            return rows.join(broadcast(lookup), column.equalTo(col(prefix + "raw")), "left");
        }
    }

    /**
     * Infers the formats of a text column and parses every distinct spelling.
     *
     * @param evidence the rows whose values are the evidence, and whose spellings are parsed
     * @param column the column's name in {@code evidence}
     * @param type LOCAL_DATE or LOCAL_DATE_TIME
     * @param order the order for a day/month shape no value decides
     * @param strip true to strip each spelling before inference and in reject values (a source
     *     read), false to use it as it is (a plan's {@code dates} step)
     * @param prefix the prefix of the lookup's column names, unique in the joined Dataset
     */
    static Inferred infer(SparkSession spark, Dataset<Row> evidence, String column, ColumnType type,
        DateOrder order, boolean strip, String prefix) {
        List<Row> counts = evidence.groupBy(col(SparkSources.quote(column))).count().collectAsList();
        DateInference.Accumulator acc = DateInference.accumulator(order);
        for (Row r : counts) {
            String raw = r.getString(0);
            if (!OPTIONS.isMissing(raw)) {
                acc.add(strip ? raw.strip() : raw, r.getLong(1));
            }
        }
        DateInference inferred = acc.result();
        boolean dateTime = type == ColumnType.LOCAL_DATE_TIME;
        List<Row> lookup = new ArrayList<>(counts.size());
        for (Row r : counts) {
            String raw = r.getString(0);
            if (OPTIONS.isMissing(raw)) {
                continue;
            }
            String key = strip ? raw.strip() : raw;
            Object value = null;
            String reason = null;
            try {
                value = dateTime ? inferred.parseDateTime(key) : inferred.parseDate(key);
            } catch (CoercionException e) {
                reason = e.reason();
            }
            lookup.add(RowFactory.create(raw, value, reason, key));
        }
        StructType schema = new StructType()
            .add(prefix + "raw", DataTypes.StringType, false)
            .add(prefix + "value", SparkSources.sparkType(type), true)
            .add(prefix + "reason", DataTypes.StringType, true)
            .add(prefix + "shown", DataTypes.StringType, false);
        return new Inferred(inferred.shapes(), spark.createDataFrame(lookup, schema), prefix);
    }

    /**
     * @param s a text column
     * @return true where the text is missing: null, or whitespace only (Java's definition)
     */
    static Column missing(Column s) {
        return s.isNull().or(s.rlike(BLANK));
    }
}
