package io.xtage.core.standardize;

import io.xtage.core.CoercionException;
import io.xtage.core.Reject;
import io.xtage.core.RejectKind;
import io.xtage.core.SchemaException;
import io.xtage.core.coerce.Coercers;
import io.xtage.core.coerce.CoercionOptions;
import io.xtage.core.coerce.DateInference;
import io.xtage.core.coerce.DatePatterns;
import io.xtage.core.coerce.DateShapeReport;
import io.xtage.core.internal.ColumnArrays;
import io.xtage.core.schema.ColumnType;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tech.tablesaw.api.BooleanColumn;
import tech.tablesaw.api.DateColumn;
import tech.tablesaw.api.DateTimeColumn;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.NumericColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.columns.Column;
import tech.tablesaw.columns.dates.PackedLocalDate;
import tech.tablesaw.columns.datetimes.PackedLocalDateTime;

/**
 * Casts and date parsing of one input column. A value that does not convert becomes missing
 * and a {@link Reject} of kind TYPE; the row is kept. Inputs are never modified.
 */
final class Casts {
    private static final CoercionOptions OPTIONS = CoercionOptions.DEFAULT;
    private static final DatePatterns ISO_DATE = DatePatterns.of("yyyy-MM-dd");
    /** Marks a cached text that did not parse. */
    private static final long FAILED = Long.MIN_VALUE + 1;

    private final String input;
    private final String column;
    private final List<Reject> rejects;
    private long rejected;

    private Casts(String input, String column, List<Reject> rejects) {
        this.input = input;
        this.column = column;
        this.rejects = rejects;
    }

    private void reject(int row, String raw, String reason) {
        rejects.add(Reject.builder(input, row + 1L).column(column).rawValue(raw).reason(reason).kind(RejectKind.TYPE)
            .build());
        rejected++;
    }

    /** The converted column and how many values were rejected. */
    static final class Converted {
        final Column<?> column;
        final long rejected;

        Converted(Column<?> column, long rejected) {
            this.column = column;
            this.rejected = rejected;
        }
    }

    static Converted cast(String input, String column, Column<?> src, ColumnType target, List<Reject> rejects) {
        ColumnType from = Keys.typeOf(src, "input '" + input + "': column '" + column + "'");
        if (from == target && src.type() == target.tablesaw()) {
            return new Converted(src, 0);
        }
        Casts c = new Casts(input, column, rejects);
        Column<?> out;
        switch (target) {
            case LONG:
                out = c.toLong(src, from, false);
                break;
            case INT:
                out = c.toLong(src, from, true);
                break;
            case DOUBLE:
                out = c.toDouble(src, from);
                break;
            case STRING:
                out = c.toText(src);
                break;
            case BOOLEAN:
                out = c.toBoolean(src, from);
                break;
            case LOCAL_DATE:
                out = c.toDate(src, from);
                break;
            case LOCAL_DATE_TIME:
                out = c.toDateTime(src, from);
                break;
            default:
                throw new IllegalStateException("unknown type " + target);
        }
        if (out == null) {
            throw new SchemaException("input '" + input + "': cannot cast column '" + column + "' from " + from + " to "
                + target);
        }
        out.setName(src.name());
        return new Converted(out, c.rejected);
    }

    private Column<?> toLong(Column<?> src, ColumnType from, boolean toInt) {
        String type = toInt ? "INT" : "LONG";
        long lo = toInt ? Integer.MIN_VALUE + 1L : Long.MIN_VALUE + 1L;
        long hi = toInt ? Integer.MAX_VALUE : Long.MAX_VALUE;
        int n = src.size();
        long[] out = new long[n];
        switch (from) {
            case STRING: {
                StringColumn s = (StringColumn) src;
                for (int i = 0; i < n; i++) {
                    String t = s.get(i);
                    if (OPTIONS.isMissing(t)) {
                        out[i] = Long.MIN_VALUE;
                        continue;
                    }
                    try {
                        out[i] = toInt ? Coercers.parseInt(t, OPTIONS) : Coercers.parseLong(t, OPTIONS);
                    } catch (CoercionException e) {
                        reject(i, t, e.getMessage());
                        out[i] = Long.MIN_VALUE;
                    }
                }
                break;
            }
            case INT:
            case LONG: {
                NumericColumn<?> s = (NumericColumn<?>) src;
                boolean isLong = src instanceof LongColumn;
                for (int i = 0; i < n; i++) {
                    if (s.isMissing(i)) {
                        out[i] = Long.MIN_VALUE;
                        continue;
                    }
                    long v = isLong ? ((LongColumn) src).getLong(i) : (long) s.getDouble(i);
                    if (v < lo || v > hi) {
                        reject(i, Long.toString(v), "cannot cast " + v + " to " + type + " (out of range)");
                        out[i] = Long.MIN_VALUE;
                    } else {
                        out[i] = v;
                    }
                }
                break;
            }
            case DOUBLE: {
                NumericColumn<?> s = (NumericColumn<?>) src;
                for (int i = 0; i < n; i++) {
                    if (s.isMissing(i)) {
                        out[i] = Long.MIN_VALUE;
                        continue;
                    }
                    double d = s.getDouble(i);
                    if (d != Math.rint(d)) {
                        reject(i, Double.toString(d), "cannot cast " + d + " to " + type + " (not an integer)");
                        out[i] = Long.MIN_VALUE;
                    } else if (d < lo || d >= 0x1p63 || d > hi) {
                        reject(i, Double.toString(d), "cannot cast " + d + " to " + type + " (out of range)");
                        out[i] = Long.MIN_VALUE;
                    } else {
                        out[i] = (long) d;
                    }
                }
                break;
            }
            case BOOLEAN: {
                BooleanColumn s = (BooleanColumn) src;
                for (int i = 0; i < n; i++) {
                    out[i] = s.isMissing(i) ? Long.MIN_VALUE : s.getByte(i) == 1 ? 1 : 0;
                }
                break;
            }
            default:
                return null;
        }
        if (toInt) {
            int[] ints = new int[n];
            for (int i = 0; i < n; i++) {
                ints[i] = out[i] == Long.MIN_VALUE ? Integer.MIN_VALUE : (int) out[i];
            }
            return ColumnArrays.intColumn(src.name(), ints);
        }
        return ColumnArrays.longColumn(src.name(), out);
    }

    private Column<?> toDouble(Column<?> src, ColumnType from) {
        int n = src.size();
        double[] out = new double[n];
        switch (from) {
            case STRING: {
                StringColumn s = (StringColumn) src;
                for (int i = 0; i < n; i++) {
                    String t = s.get(i);
                    if (OPTIONS.isMissing(t)) {
                        out[i] = Double.NaN;
                        continue;
                    }
                    try {
                        out[i] = Coercers.parseDouble(t, OPTIONS);
                    } catch (CoercionException e) {
                        reject(i, t, e.getMessage());
                        out[i] = Double.NaN;
                    }
                }
                break;
            }
            case INT:
            case LONG:
            case DOUBLE: {
                NumericColumn<?> s = (NumericColumn<?>) src;
                for (int i = 0; i < n; i++) {
                    if (s.isMissing(i)) {
                        out[i] = Double.NaN;
                    } else if (src instanceof LongColumn) {
                        long v = ((LongColumn) src).getLong(i);
                        double d = v;
                        if (d >= 0x1p63 || (long) d != v) {
                            reject(i, Long.toString(v), "cannot cast " + v + " to DOUBLE (not exactly representable)");
                            out[i] = Double.NaN;
                        } else {
                            out[i] = d;
                        }
                    } else {
                        out[i] = s.getDouble(i);
                    }
                }
                break;
            }
            case BOOLEAN: {
                BooleanColumn s = (BooleanColumn) src;
                for (int i = 0; i < n; i++) {
                    out[i] = s.isMissing(i) ? Double.NaN : s.getByte(i) == 1 ? 1.0 : 0.0;
                }
                break;
            }
            default:
                return null;
        }
        return ColumnArrays.doubleColumn(src.name(), out);
    }

    private Column<?> toText(Column<?> src) {
        int n = src.size();
        String[] out = new String[n];
        for (int i = 0; i < n; i++) {
            out[i] = src.isMissing(i) ? "" : String.valueOf(src.get(i));
        }
        return StringColumn.create(src.name(), out);
    }

    private Column<?> toBoolean(Column<?> src, ColumnType from) {
        int n = src.size();
        BooleanColumn out = BooleanColumn.create(src.name());
        for (int i = 0; i < n; i++) {
            if (src.isMissing(i)) {
                out.appendMissing();
                continue;
            }
            switch (from) {
                case STRING: {
                    String t = ((StringColumn) src).get(i);
                    if (OPTIONS.isMissing(t)) {
                        out.appendMissing();
                        continue;
                    }
                    try {
                        out.append(Coercers.parseBoolean(t, OPTIONS));
                    } catch (CoercionException e) {
                        reject(i, t, e.getMessage());
                        out.appendMissing();
                    }
                    break;
                }
                case INT:
                case LONG:
                case DOUBLE: {
                    double d = ((NumericColumn<?>) src).getDouble(i);
                    if (d == 0 || d == 1) {
                        out.append(d == 1);
                    } else {
                        String raw = String.valueOf(src.get(i));
                        reject(i, raw, "cannot cast " + raw + " to BOOLEAN (expected 0 or 1)");
                        out.appendMissing();
                    }
                    break;
                }
                default:
                    return null;
            }
        }
        return out;
    }

    private Column<?> toDate(Column<?> src, ColumnType from) {
        if (from == ColumnType.STRING) {
            return parseDates((StringColumn) src, ColumnType.LOCAL_DATE, ISO_DATE, null);
        }
        if (from != ColumnType.LOCAL_DATE_TIME) {
            return null;
        }
        int n = src.size();
        int[] out = new int[n];
        DateTimeColumn s = (DateTimeColumn) src;
        for (int i = 0; i < n; i++) {
            long p = s.getLongInternal(i);
            if (p == Long.MIN_VALUE) {
                out[i] = Integer.MIN_VALUE;
            } else if (PackedLocalDateTime.time(p) != 0) {
                String raw = PackedLocalDateTime.toString(p);
                reject(i, raw, "cannot cast " + raw + " to LOCAL_DATE (has a time of day)");
                out[i] = Integer.MIN_VALUE;
            } else {
                out[i] = PackedLocalDateTime.date(p);
            }
        }
        return ColumnArrays.dateColumn(src.name(), out);
    }

    private Column<?> toDateTime(Column<?> src, ColumnType from) {
        int n = src.size();
        long[] out = new long[n];
        if (from == ColumnType.STRING) {
            StringColumn s = (StringColumn) src;
            Map<String, Long> cache = new HashMap<>();
            for (int i = 0; i < n; i++) {
                String t = s.get(i);
                if (OPTIONS.isMissing(t)) {
                    out[i] = Long.MIN_VALUE;
                    continue;
                }
                long v = cache.computeIfAbsent(t, Casts::isoDateTime);
                if (v == FAILED) {
                    reject(i, t, "cannot parse '" + t + "' as LOCAL_DATE_TIME (expected ISO yyyy-MM-dd'T'HH:mm[:ss])");
                    out[i] = Long.MIN_VALUE;
                } else {
                    out[i] = v;
                }
            }
            return DateTimeColumn.createInternal(src.name(), out);
        }
        if (from != ColumnType.LOCAL_DATE) {
            return null;
        }
        DateColumn s = (DateColumn) src;
        for (int i = 0; i < n; i++) {
            int p = s.getIntInternal(i);
            out[i] = p == Integer.MIN_VALUE ? Long.MIN_VALUE
                : PackedLocalDateTime.pack(PackedLocalDate.asLocalDate(p).atStartOfDay());
        }
        return DateTimeColumn.createInternal(src.name(), out);
    }

    private static long isoDateTime(String t) {
        String s = t.strip();
        try {
            return PackedLocalDateTime.pack(LocalDateTime.parse(s));
        } catch (DateTimeParseException e) {
            try {
                return PackedLocalDateTime.pack(LocalDate.parse(s).atStartOfDay());
            } catch (DateTimeParseException e2) {
                return FAILED;
            }
        }
    }

    /**
     * Parses a text column as dates with declared patterns or inferred formats.
     *
     * @param dateFormats receives {@code input.column} and the per-shape report when inferred
     */
    static Converted dates(String input, String column, Column<?> src, DateSpec spec, List<Reject> rejects,
                           Map<String, List<DateShapeReport>> dateFormats) {
        ColumnType from = Keys.typeOf(src, "input '" + input + "': column '" + column + "'");
        if (from == spec.type()) {
            return new Converted(src, 0);
        }
        if (from != ColumnType.STRING) {
            throw new SchemaException("input '" + input + "': column '" + column + "' is " + from + ", not text; dates(...) "
                + "parses text columns (use cast(...) to convert between types)");
        }
        StringColumn s = (StringColumn) src;
        Casts c = new Casts(input, column, rejects);
        DateInference inferred = null;
        if (spec.isInferred()) {
            Map<String, long[]> counts = new LinkedHashMap<>();
            for (int i = 0; i < s.size(); i++) {
                String t = s.get(i);
                if (!OPTIONS.isMissing(t)) {
                    counts.computeIfAbsent(t, k -> new long[1])[0]++;
                }
            }
            DateInference.Accumulator acc = DateInference.accumulator(spec.inferDefaultOrder().orElseThrow());
            counts.forEach((k, v) -> acc.add(k, v[0]));
            inferred = acc.result();
            dateFormats.put(input + "." + column, inferred.shapes());
        }
        Column<?> out = c.parseDates(s, spec.type(), spec.patterns().orElse(null), inferred);
        out.setName(src.name());
        return new Converted(out, c.rejected);
    }

    private Column<?> parseDates(StringColumn s, ColumnType type, DatePatterns patterns, DateInference inferred) {
        int n = s.size();
        boolean dateTime = type == ColumnType.LOCAL_DATE_TIME;
        long[] out = new long[n];
        Map<String, Long> cache = new HashMap<>();
        Map<String, String> failures = new HashMap<>();
        for (int i = 0; i < n; i++) {
            String t = s.get(i);
            if (OPTIONS.isMissing(t)) {
                out[i] = Long.MIN_VALUE;
                continue;
            }
            Long v = cache.get(t);
            if (v == null) {
                try {
                    if (dateTime) {
                        LocalDateTime d = patterns != null ? patterns.parseDateTime(t) : inferred.parseDateTime(t);
                        v = PackedLocalDateTime.pack(d);
                    } else {
                        v = (long) (patterns != null ? patterns.parsePackedDate(t) : inferred.parsePackedDate(t));
                    }
                } catch (CoercionException e) {
                    v = FAILED;
                    failures.put(t, e.getMessage());
                }
                cache.put(t, v);
            }
            if (v == FAILED) {
                reject(i, t, failures.get(t));
                out[i] = Long.MIN_VALUE;
            } else {
                out[i] = v;
            }
        }
        if (dateTime) {
            return DateTimeColumn.createInternal(s.name(), out);
        }
        int[] packed = new int[n];
        for (int i = 0; i < n; i++) {
            packed[i] = out[i] == Long.MIN_VALUE ? Integer.MIN_VALUE : (int) out[i];
        }
        return ColumnArrays.dateColumn(s.name(), packed);
    }
}
