package io.xtage.spark;

import static org.apache.spark.sql.functions.udf;

import io.xtage.core.schema.ColumnType;
import io.xtage.preprocess.PreprocessException;
import io.xtage.preprocess.internal.Conversions;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.api.java.UDF1;
import org.apache.spark.sql.expressions.UserDefinedFunction;
import org.apache.spark.sql.types.DataType;

/**
 * The {@code cast} step on Spark. Spark's own casts differ from the one-machine engine's in many
 * small ways (Spark truncates {@code "1.5"} to the integer 1, spells date-times with a space,
 * trims only ASCII space), so each value is converted by a Spark UDF that calls the one-machine
 * engine's own conversion ({@link Conversions#convert}) on the value's Java form.
 */
final class SparkStepCast {
    private static final String TYPE = "cast";

    private SparkStepCast() {
    }

    /**
     * @param fitted the fitted step's JSON: {@code to}, {@code columns}, {@code on_invalid}
     * @return the Dataset with the columns converted in place
     * @throws PreprocessException with ERROR and a value that does not convert (checked eagerly)
     */
    @SuppressWarnings("unchecked")
    static Dataset<Row> transform(Map<String, Object> fitted, Dataset<Row> d) {
        ColumnType to = ColumnType.valueOf((String) fitted.get("to"));
        boolean error = "ERROR".equals(fitted.get("on_invalid"));
        Map<String, DataType> types = new LinkedHashMap<>();
        for (org.apache.spark.sql.types.StructField f : d.schema().fields()) {
            types.put(f.name(), f.dataType());
        }
        Map<String, Column> out = new LinkedHashMap<>();
        for (String name : (List<String>) fitted.get("columns")) {
            ColumnType from = SparkStepSupport.xtageType(types.get(name));
            if (from == to) {
                continue;
            }
            DataType target = SparkSources.sparkType(to);
            UserDefinedFunction f = udf((UDF1<Object, Object>) v -> {
                Object w = Conversions.convert(SparkTables.javaValue(v), to);
                return w == Conversions.INVALID ? null : sparkValue(w, to);
            }, target);
            Column src = SparkStepSupport.q(name);
            Column converted = f.apply(src);
            if (error) {
                List<Row> bad = d.select(src.as("v")).where(src.isNotNull().and(converted.isNull())).limit(1)
                    .collectAsList();
                if (!bad.isEmpty()) {
                    Object v = SparkTables.javaValue(bad.get(0).get(0));
                    throw new PreprocessException(TYPE, name, "cannot convert " + (v instanceof String ? "'" + v + "'"
                        : String.valueOf(v)) + " from " + from + " to " + to + "; use Cast.onInvalid(OnInvalid.MISSING) "
                        + "to make such values missing");
                }
            }
            out.put(name, converted);
        }
        return out.isEmpty() ? d : SparkStepSupport.with(d, out);
    }

    private static Object sparkValue(Object w, ColumnType to) {
        if (to == ColumnType.INT) {
            return (int) (long) (Long) w;
        }
        return w;
    }
}
