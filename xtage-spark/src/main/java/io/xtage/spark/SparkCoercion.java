package io.xtage.spark;

import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.regexp_replace;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.udf;
import static org.apache.spark.sql.functions.when;

import io.xtage.core.CoercionException;
import io.xtage.core.XtageException;
import io.xtage.core.coerce.CoercionOptions;
import io.xtage.core.coerce.Coercers;
import io.xtage.core.coerce.DatePatterns;
import io.xtage.core.internal.Texts;
import io.xtage.core.schema.ColumnSpec;
import io.xtage.core.schema.ColumnType;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.api.java.UDF1;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import tech.tablesaw.columns.datetimes.PackedLocalDateTime;

/**
 * The one-machine engine's conversions on Spark, shared by {@link SparkSources} (text read from a
 * file or a database, as {@code io.xtage.core.spi.TableBuilder} converts it), {@link SparkStandardizer}
 * (a plan's casts and dates with declared patterns, as the core's {@code Casts}) and join keys
 * read from text (as the core's {@code Keys}).
 *
 * <p>Every conversion runs the core's own parsers ({@link Coercers}, {@link DatePatterns}) in a
 * UDF: Spark's casts differ from them in trimming, blank text, boolean spellings, the reserved
 * minimum INT and LONG values (Tablesaw's missing markers) and date leniency, so only the same
 * code gives the same values and the same reject reasons. A conversion gives a struct column
 * ({@link #result(ColumnType)}): the value, and for a value that did not convert the reason and
 * the raw text (cut as {@code Reject} cuts it); a missing text (null, blank) gives a null value
 * and no reason. Text kept as text is stripped without a UDF ({@code \p{javaWhitespace}} is
 * {@link Character#isWhitespace}, which {@link String#strip()} removes).
 */
final class SparkCoercion {
    static final CoercionOptions OPTIONS = CoercionOptions.DEFAULT;
    /** Java whitespace at either end of a text, as {@link String#strip()} removes it. */
    private static final String ENDS = "^\\p{javaWhitespace}+|\\p{javaWhitespace}+$";

    private SparkCoercion() {
    }

    /**
     * @param to the target type
     * @return the struct a conversion gives: {@code value} (null when missing or rejected),
     *     {@code reason} and {@code raw} (null unless rejected)
     */
    static StructType result(ColumnType to) {
        return new StructType()
            .add("value", SparkSources.sparkType(to), true)
            .add("reason", DataTypes.StringType, true)
            .add("raw", DataTypes.StringType, true);
    }

    /**
     * A source's conversion of one text column, as {@code TableBuilder} does it: text is trimmed,
     * blank text is missing, numbers, booleans and dates (the column's patterns, in order) go
     * through the core's parsers. Dates without patterns are inferred, not converted here.
     *
     * @param text a text column
     * @param c the schema column
     * @return the {@link #result(ColumnType)} struct
     */
    static Column read(Column text, ColumnSpec c) {
        if (c.type() == ColumnType.STRING) {
            Column none = lit(null).cast(DataTypes.StringType);
            return struct(stripped(text).as("value"), none.as("reason"), none.as("raw"));
        }
        if ((c.type() == ColumnType.LOCAL_DATE || c.type() == ColumnType.LOCAL_DATE_TIME) && c.formats().isEmpty()) {
            throw new XtageException("column '" + c.name() + "': a date column without patterns is inferred by "
                + "SparkSources, not converted row by row");
        }
        return convert(text, ColumnType.STRING, c.type(), c.formats().isEmpty() ? null : c.formats());
    }

    /**
     * A plan's cast (patterns null) or dates step with declared patterns, as the core's
     * {@code Casts} does it.
     *
     * @param src the column
     * @param from its type, for which {@link #supported} holds
     * @param to the target type
     * @param patterns the date patterns of a dates step, or null for a cast
     * @return the {@link #result(ColumnType)} struct
     */
    static Column convert(Column src, ColumnType from, ColumnType to, List<String> patterns) {
        return udf(new Convert(from, to, patterns), result(to)).apply(src);
    }

    /**
     * A text join key read in another key domain, as the core's {@code Keys}: trimmed, read as an
     * integer (LONG) or a decimal number (DOUBLE), or kept as trimmed text (STRING); null when the
     * text is blank or does not read, so that it matches nothing.
     *
     * @param text a text column
     * @param to LONG, DOUBLE or STRING
     * @return the key column
     */
    static Column key(Column text, ColumnType to) {
        if (to == ColumnType.STRING) {
            return stripped(text);
        }
        return convert(text, ColumnType.STRING, to, null).getField("value");
    }

    /**
     * @param text a text column
     * @return the text stripped of Java whitespace at both ends; null where it is missing
     */
    static Column stripped(Column text) {
        return when(SparkDates.missing(text), lit(null).cast(DataTypes.StringType))
            .otherwise(regexp_replace(text, ENDS, ""));
    }

    /**
     * @param text a text column
     * @return the text cut as {@code Reject} cuts a raw value ({@link Texts#truncate}); "" for null
     */
    static Column truncated(Column text) {
        return udf(new Truncate(), DataTypes.StringType).apply(text);
    }

    /**
     * @param from the source type
     * @param to the target type
     * @return true when the core's {@code Casts} converts from one to the other
     */
    static boolean supported(ColumnType from, ColumnType to) {
        switch (to) {
            case INT:
            case LONG:
            case DOUBLE:
            case BOOLEAN:
                return from.isNumeric() || from == ColumnType.STRING || from == ColumnType.BOOLEAN;
            case STRING:
                return true;
            case LOCAL_DATE:
                return from == ColumnType.STRING || from == ColumnType.LOCAL_DATE_TIME || from == to;
            case LOCAL_DATE_TIME:
                return from == ColumnType.STRING || from == ColumnType.LOCAL_DATE || from == to;
            default:
                return false;
        }
    }

    /** {@link Texts#truncate}, with "" for null as {@code Reject} keeps a missing raw value. */
    private static final class Truncate implements UDF1<String, String> {
        private static final long serialVersionUID = 1L;

        @Override
        public String call(String s) {
            return s == null ? "" : Texts.truncate(s);
        }
    }

    /**
     * One value converted by the one-machine engine's rules: the same parsers, the same missing
     * texts, the same reasons and raw values.
     */
    private static final class Convert implements UDF1<Object, Row> {
        private static final long serialVersionUID = 1L;
        private final ColumnType from;
        private final ColumnType to;
        private final List<String> patterns;
        private transient DatePatterns parsers;

        Convert(ColumnType from, ColumnType to, List<String> patterns) {
            this.from = from;
            this.to = to;
            this.patterns = patterns == null ? null : new ArrayList<>(patterns);
        }

        private DatePatterns parsers(List<String> p) {
            if (parsers == null) {
                parsers = DatePatterns.of(p);
            }
            return parsers;
        }

        private static Row ok(Object v) {
            return RowFactory.create(v, null, null);
        }

        private static Row reject(String raw, String reason) {
            return RowFactory.create(null, reason, Texts.truncate(raw));
        }

        @Override
        public Row call(Object v) {
            if (v == null || (v instanceof Double && Double.isNaN((Double) v))
                || (v instanceof Float && Float.isNaN((Float) v))) {
                return ok(null);
            }
            if (v instanceof java.sql.Date) {
                v = ((java.sql.Date) v).toLocalDate();
            }
            if (to == ColumnType.STRING) {
                return ok(v instanceof String && OPTIONS.isMissing((String) v) ? null : String.valueOf(v));
            }
            if (from == ColumnType.STRING) {
                return fromText((String) v);
            }
            switch (to) {
                case INT:
                case LONG:
                    return toIntegral(v, to == ColumnType.INT);
                case DOUBLE: {
                    if (v instanceof Boolean) {
                        return ok((Boolean) v ? 1.0 : 0.0);
                    }
                    if (v instanceof Long) {
                        long x = (Long) v;
                        double d = x;
                        if (d >= 0x1p63 || (long) d != x) {
                            return reject(Long.toString(x), "cannot cast " + x + " to DOUBLE (not exactly representable)");
                        }
                        return ok(d);
                    }
                    return ok(((Number) v).doubleValue());
                }
                case BOOLEAN: {
                    if (v instanceof Boolean) {
                        return ok(v);
                    }
                    double d = ((Number) v).doubleValue();
                    if (d == 0 || d == 1) {
                        return ok(d == 1);
                    }
                    String raw = String.valueOf(v);
                    return reject(raw, "cannot cast " + raw + " to BOOLEAN (expected 0 or 1)");
                }
                case LOCAL_DATE: {
                    LocalDateTime t = millis((LocalDateTime) v);
                    if (!t.toLocalTime().equals(java.time.LocalTime.MIDNIGHT)) {
                        String raw = PackedLocalDateTime.toString(PackedLocalDateTime.pack(t));
                        return reject(raw, "cannot cast " + raw + " to LOCAL_DATE (has a time of day)");
                    }
                    return ok(t.toLocalDate());
                }
                case LOCAL_DATE_TIME:
                    return ok(v instanceof LocalDate ? ((LocalDate) v).atStartOfDay() : millis((LocalDateTime) v));
                default:
                    throw new IllegalStateException("no conversion from " + from + " to " + to);
            }
        }

        private Row toIntegral(Object v, boolean toInt) {
            String type = toInt ? "INT" : "LONG";
            long lo = toInt ? Integer.MIN_VALUE + 1L : Long.MIN_VALUE + 1L;
            long hi = toInt ? Integer.MAX_VALUE : Long.MAX_VALUE;
            long x;
            if (v instanceof Boolean) {
                x = (Boolean) v ? 1 : 0;
            } else if (v instanceof Double || v instanceof Float) {
                double d = ((Number) v).doubleValue();
                if (d != Math.rint(d)) {
                    return reject(Double.toString(d), "cannot cast " + d + " to " + type + " (not an integer)");
                }
                if (d < lo || d >= 0x1p63 || d > hi) {
                    return reject(Double.toString(d), "cannot cast " + d + " to " + type + " (out of range)");
                }
                x = (long) d;
            } else {
                x = ((Number) v).longValue();
                if (x < lo || x > hi) {
                    return reject(Long.toString(x), "cannot cast " + x + " to " + type + " (out of range)");
                }
            }
            return ok(toInt ? (Object) (int) x : (Object) x);
        }

        private Row fromText(String t) {
            if (OPTIONS.isMissing(t)) {
                return ok(null);
            }
            try {
                if (patterns != null) {
                    return ok(to == ColumnType.LOCAL_DATE ? parsers(patterns).parseDate(t)
                        : millis(parsers(patterns).parseDateTime(t)));
                }
                switch (to) {
                    case INT:
                        return ok(Coercers.parseInt(t, OPTIONS));
                    case LONG:
                        return ok(Coercers.parseLong(t, OPTIONS));
                    case DOUBLE:
                        return ok(Coercers.parseDouble(t, OPTIONS));
                    case BOOLEAN:
                        return ok(Coercers.parseBoolean(t, OPTIONS));
                    case LOCAL_DATE:
                        return ok(parsers(List.of("yyyy-MM-dd")).parseDate(t));
                    case LOCAL_DATE_TIME: {
                        String s = t.strip();
                        try {
                            return ok(millis(LocalDateTime.parse(s)));
                        } catch (DateTimeParseException e) {
                            try {
                                return ok(LocalDate.parse(s).atStartOfDay());
                            } catch (DateTimeParseException e2) {
                                return reject(t, "cannot parse '" + t + "' as LOCAL_DATE_TIME (expected ISO "
                                    + "yyyy-MM-dd'T'HH:mm[:ss])");
                            }
                        }
                    }
                    default:
                        throw new IllegalStateException("no conversion from text to " + to);
                }
            } catch (CoercionException e) {
                return reject(t, e.getMessage());
            }
        }

        /** The one-machine engine keeps date-times to the millisecond (Tablesaw's packed form). */
        private static LocalDateTime millis(LocalDateTime t) {
            return t.withNano(t.getNano() / 1_000_000 * 1_000_000);
        }
    }
}
