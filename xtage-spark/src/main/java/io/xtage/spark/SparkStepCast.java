package io.xtage.spark;

import static org.apache.spark.sql.functions.udf;

import io.xtage.core.schema.ColumnType;
import io.xtage.preprocess.PreprocessException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
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
 * trims only ASCII space), so each value is converted by a Spark UDF that applies the
 * one-machine rules ({@code io.xtage.preprocess.step.Cast}) to the value's Java form.
 */
final class SparkStepCast {
    private static final String TYPE = "cast";

    private SparkStepCast() {
    }

    /** Marks a value that does not convert. */
    private static final Object INVALID = new Object();

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
                Object w = convert(SparkStepSupport.javaValue(v), to);
                return w == INVALID ? null : sparkValue(w, to);
            }, target);
            Column src = SparkStepSupport.q(name);
            Column converted = f.apply(src);
            if (error) {
                List<Row> bad = d.select(src.as("v")).where(src.isNotNull().and(converted.isNull())).limit(1)
                    .collectAsList();
                if (!bad.isEmpty()) {
                    Object v = SparkStepSupport.javaValue(bad.get(0).get(0));
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

    /** The one-machine engine's conversion ({@code Cast.convert}), value by value. */
    static Object convert(Object v, ColumnType to) {
        if (v == null) {
            return null;
        }
        switch (to) {
            case STRING:
                if (v instanceof Double) {
                    return Double.toString((Double) v);
                }
                return v.toString();
            case INT:
            case LONG: {
                Long l = toLong(v);
                if (l == null || l == Long.MIN_VALUE || (to == ColumnType.INT && (l <= Integer.MIN_VALUE
                    || l > Integer.MAX_VALUE))) {
                    return INVALID;
                }
                return l;
            }
            case DOUBLE:
                if (v instanceof Long) {
                    return (double) (Long) v;
                }
                if (v instanceof Double) {
                    return v;
                }
                if (v instanceof Boolean) {
                    return ((Boolean) v) ? 1.0 : 0.0;
                }
                if (v instanceof String) {
                    try {
                        double d = Double.parseDouble(((String) v).strip());
                        return Double.isNaN(d) ? INVALID : d;
                    } catch (NumberFormatException e) {
                        return INVALID;
                    }
                }
                return INVALID;
            case BOOLEAN:
                if (v instanceof Boolean) {
                    return v;
                }
                if (v instanceof Long || v instanceof Double) {
                    double d = ((Number) v).doubleValue();
                    return d == 1.0 ? Boolean.TRUE : d == 0.0 ? Boolean.FALSE : INVALID;
                }
                if (v instanceof String) {
                    String s = ((String) v).strip().toLowerCase(Locale.ROOT);
                    return s.equals("true") ? Boolean.TRUE : s.equals("false") ? Boolean.FALSE : INVALID;
                }
                return INVALID;
            case LOCAL_DATE:
                if (v instanceof LocalDate) {
                    return v;
                }
                if (v instanceof LocalDateTime) {
                    return ((LocalDateTime) v).toLocalDate();
                }
                if (v instanceof String) {
                    try {
                        return LocalDate.parse(((String) v).strip());
                    } catch (DateTimeParseException e) {
                        return INVALID;
                    }
                }
                return INVALID;
            default:
                if (v instanceof LocalDateTime) {
                    return v;
                }
                if (v instanceof LocalDate) {
                    return ((LocalDate) v).atStartOfDay();
                }
                if (v instanceof String) {
                    try {
                        return LocalDateTime.parse(((String) v).strip());
                    } catch (DateTimeParseException e) {
                        return INVALID;
                    }
                }
                return INVALID;
        }
    }

    private static Long toLong(Object v) {
        if (v instanceof Long) {
            return (Long) v;
        }
        if (v instanceof Double) {
            double d = (Double) v;
            if (d == Math.rint(d) && d >= -9.223372036854775E18 && d < 9.223372036854775807E18) {
                return (long) d;
            }
            return null;
        }
        if (v instanceof Boolean) {
            return ((Boolean) v) ? 1L : 0L;
        }
        if (v instanceof String) {
            String s = ((String) v).strip();
            try {
                return Long.parseLong(s);
            } catch (NumberFormatException e) {
                try {
                    return new BigDecimal(s).longValueExact();
                } catch (NumberFormatException | ArithmeticException e2) {
                    return null;
                }
            }
        }
        return null;
    }
}
