package io.xtage.core.coerce;

import io.xtage.core.CoercionException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import tech.tablesaw.columns.dates.PackedLocalDate;

/**
 * Infers, per shape of spelling, how a column's dates are written, and parses them.
 *
 * <p>One column may mix spellings ({@code 2022-12-06}, {@code 05/13/2022}, {@code 13-05-2022}).
 * Values are grouped by shape: separator, position of the 4-digit year, and whether a time
 * follows. For each shape the day/month order is decided by the values whose field is over 12:
 * {@code 13-05-2022} makes the dash shape day-first, {@code 05/13/2022} makes the slash shape
 * month-first; the order with more such values wins, and the values proving the other order are
 * counted as contradicting and rejected. A shape with no such value, or as many for either order,
 * takes the declared default order ({@link CoercionOptions#defaultDateOrder()}); a year-first
 * shape defaults to year-month-day.
 * Each choice, its evidence and the number of ambiguous values are in {@link #shapes()}: nothing
 * is guessed silently. A value that fits no shape, or names no real day in its shape's order,
 * is rejected by the parse methods.
 *
 * <pre>{@code
 * DateInference.Accumulator acc = DateInference.accumulator(DateOrder.MONTH_FIRST);
 * for (String v : values) acc.add(v, 1);
 * DateInference inferred = acc.result();
 * LocalDate d = inferred.parseDate("05/06/2022");
 * inferred.shapes(); // [NN/NN/YYYY -> MM/dd/yyyy (...)]
 * }</pre>
 *
 * <p>The accumulator is not thread-safe; the result is immutable and thread-safe.
 *
 * @since 0.1.0
 */
public final class DateInference {
    private final Map<Integer, Decision> decisions;
    private final List<DateShapeReport> reports;

    private DateInference(Map<Integer, Decision> decisions, List<DateShapeReport> reports) {
        this.decisions = decisions;
        this.reports = reports;
    }

    /**
     * @param defaultOrder the order for a day/month shape with no evidence
     * @return a new accumulator
     * @since 0.1.0
     */
    public static Accumulator accumulator(DateOrder defaultOrder) {
        return new Accumulator(Objects.requireNonNull(defaultOrder, "defaultOrder"));
    }

    /** @return one report per shape seen, in a stable order; never null @since 0.1.0 */
    public List<DateShapeReport> shapes() {
        return reports;
    }

    /**
     * @param text a date spelling
     * @return the date as Tablesaw's packed int
     * @throws CoercionException if the text fits no shape seen, has a time part, or names no real day
     * @since 0.1.0
     */
    public int parsePackedDate(CharSequence text) {
        int[] s = new int[DateShape.SCAN_SIZE];
        Decision d = decide(text, s, "LOCAL_DATE");
        if (s[DateShape.TIME_SEP] != 0) {
            throw new CoercionException(text.toString(), "LOCAL_DATE", "has a time part");
        }
        return d.pack(text, s, "LOCAL_DATE");
    }

    /**
     * @param text a date spelling
     * @return the date
     * @throws CoercionException if the text fits no shape seen or names no real day
     * @since 0.1.0
     */
    public LocalDate parseDate(CharSequence text) {
        return PackedLocalDate.asLocalDate(parsePackedDate(text));
    }

    /**
     * @param text a date-time spelling; a date alone is read as midnight
     * @return the date-time
     * @throws CoercionException if the text fits no shape seen or names no real time
     * @since 0.1.0
     */
    public LocalDateTime parseDateTime(CharSequence text) {
        int[] s = new int[DateShape.SCAN_SIZE];
        Decision d = decide(text, s, "LOCAL_DATE_TIME");
        int packed = d.pack(text, s, "LOCAL_DATE_TIME");
        if (!DateShape.validTime(s)) {
            throw new CoercionException(text.toString(), "LOCAL_DATE_TIME", "no such time of day");
        }
        return PackedLocalDate.asLocalDate(packed).atTime(s[DateShape.HOUR], s[DateShape.MINUTE],
            Math.max(0, s[DateShape.SECOND]), s[DateShape.NANO]);
    }

    private Decision decide(CharSequence text, int[] s, String type) {
        if (!DateShape.scan(text, s)) {
            throw new CoercionException(text.toString(), type, "fits no date shape");
        }
        Decision d = decisions.get(key(s));
        if (d == null) {
            throw new CoercionException(text.toString(), type, "its shape " + shapeName(s) + " was not seen when the "
                + "formats were inferred");
        }
        return d;
    }

    static int key(int[] s) {
        boolean yearFirst = s[DateShape.W1] == 4;
        return (s[DateShape.SEP] << 8) | (yearFirst ? 1 : 0) << 4 | (s[DateShape.TIME_SEP] == 'T' ? 2
            : s[DateShape.TIME_SEP] == ' ' ? 1 : 0);
    }

    static String shapeName(int[] s) {
        boolean yearFirst = s[DateShape.W1] == 4;
        String sep = s[DateShape.SEP] == 0 ? "" : String.valueOf((char) s[DateShape.SEP]);
        String d = s[DateShape.SEP] == 0 ? "YYYYNNNN" : yearFirst ? "YYYY" + sep + "NN" + sep + "NN"
            : "NN" + sep + "NN" + sep + "YYYY";
        return d + timeSuffix(s[DateShape.TIME_SEP]);
    }

    private static String timeSuffix(int timeSep) {
        return timeSep == 'T' ? "'T'HH:mm[:ss]" : timeSep == ' ' ? " HH:mm[:ss]" : "";
    }

    /** The order chosen for one shape. */
    private static final class Decision {
        final boolean yearFirst;
        /** year-last: first field is the day; year-first: second field is the day. */
        final boolean dayBeforeMonth;
        final String pattern;

        Decision(boolean yearFirst, boolean dayBeforeMonth, String pattern) {
            this.yearFirst = yearFirst;
            this.dayBeforeMonth = dayBeforeMonth;
            this.pattern = pattern;
        }

        int pack(CharSequence text, int[] s, String type) {
            int year;
            int month;
            int day;
            if (yearFirst) {
                year = s[DateShape.F1];
                month = dayBeforeMonth ? s[DateShape.F3] : s[DateShape.F2];
                day = dayBeforeMonth ? s[DateShape.F2] : s[DateShape.F3];
            } else {
                year = s[DateShape.F3];
                month = dayBeforeMonth ? s[DateShape.F2] : s[DateShape.F1];
                day = dayBeforeMonth ? s[DateShape.F1] : s[DateShape.F2];
            }
            int packed = DateShape.packValid(year, month, day);
            if (packed == DateShape.NO_MATCH) {
                throw new CoercionException(text.toString(), type + " " + pattern, month > 12 || month < 1
                    ? "no month " + month : "no such day");
            }
            return packed;
        }
    }

    /**
     * Collects the evidence of a column's values. Add each distinct value once with its count, or
     * every value with count 1. Not thread-safe.
     *
     * @since 0.1.0
     */
    public static final class Accumulator {
        private final DateOrder defaultOrder;
        private final Map<Integer, long[]> stats = new TreeMap<>();
        private final int[] scratch = new int[DateShape.SCAN_SIZE];
        private long unmatched;

        // stats slots
        private static final int VALUES = 0;
        private static final int FIRST_IS_DAY = 1; // year-last: field 1 > 12; year-first: field 2 > 12
        private static final int SECOND_IS_DAY = 2; // year-last: field 2 > 12; year-first: field 3 > 12
        private static final int AMBIGUOUS = 3;
        private static final int NARROW = 4; // values with a 1-digit field

        private Accumulator(DateOrder defaultOrder) {
            this.defaultOrder = defaultOrder;
        }

        /**
         * @param value a non-missing spelling
         * @param count how many times it occurs, at least 1
         * @return true if the value has a date shape
         * @throws IllegalArgumentException if count is below 1
         * @since 0.1.0
         */
        public boolean add(CharSequence value, long count) {
            if (count < 1) {
                throw new IllegalArgumentException("count must be >= 1, was " + count);
            }
            int[] s = scratch;
            if (!DateShape.scan(value, s)) {
                unmatched += count;
                return false;
            }
            long[] st = stats.computeIfAbsent(key(s), k -> new long[6]);
            st[VALUES] += count;
            boolean yearFirst = s[DateShape.W1] == 4;
            int a = yearFirst ? s[DateShape.F2] : s[DateShape.F1];
            int b = yearFirst ? s[DateShape.F3] : s[DateShape.F2];
            // Evidence is a value that is a real day-and-month in one order only: 13/05 proves day
            // first, but 45/05 (no day 45) and 00/05 prove nothing and are rejected when parsed.
            boolean aMonth = a >= 1 && a <= 12;
            boolean bMonth = b >= 1 && b <= 12;
            if (aMonth && bMonth) {
                if (a != b) {
                    st[AMBIGUOUS] += count;
                }
            } else if (bMonth && a >= 13 && a <= 31) {
                st[FIRST_IS_DAY] += count;
            } else if (aMonth && b >= 13 && b <= 31) {
                st[SECOND_IS_DAY] += count;
            }
            if (s[DateShape.SEP] != 0 && (s[DateShape.W1] == 1 || s[DateShape.W2] == 1 || s[DateShape.W3] == 1)) {
                st[NARROW] += count;
            }
            return true;
        }

        /** @return how many values added had no date shape @since 0.1.0 */
        public long unmatched() {
            return unmatched;
        }

        /** @return the decisions and their reports @since 0.1.0 */
        public DateInference result() {
            Map<Integer, Decision> decisions = new TreeMap<>();
            List<DateShapeReport> reports = new ArrayList<>();
            for (Map.Entry<Integer, long[]> e : stats.entrySet()) {
                int key = e.getKey();
                long[] st = e.getValue();
                boolean yearFirst = ((key >> 4) & 1) == 1;
                char sep = (char) (key >> 8);
                int timeKind = key & 3;
                long firstIsDay = st[FIRST_IS_DAY];
                long secondIsDay = st[SECOND_IS_DAY];
                boolean dayFirst;
                DateShapeReport.DecidedBy by;
                if (firstIsDay == 0 && secondIsDay == 0) {
                    // year-first defaults to ISO order (month before day) whatever the declared default
                    dayFirst = !yearFirst && defaultOrder == DateOrder.DAY_FIRST;
                    by = yearFirst ? DateShapeReport.DecidedBy.ONLY_ORDER : DateShapeReport.DecidedBy.DEFAULT;
                } else if (firstIsDay == secondIsDay) {
                    // evidence both ways in equal measure proves nothing: the default decides, and
                    // the report shows the contradicting values
                    dayFirst = !yearFirst && defaultOrder == DateOrder.DAY_FIRST;
                    by = DateShapeReport.DecidedBy.DEFAULT;
                } else {
                    dayFirst = firstIsDay > secondIsDay;
                    by = DateShapeReport.DecidedBy.EVIDENCE;
                }
                boolean narrow = st[NARROW] > 0;
                String dd = narrow ? "d" : "dd";
                String mm = narrow ? "M" : "MM";
                String s = sep == 0 ? "" : String.valueOf(sep);
                String pattern;
                if (sep == 0) {
                    pattern = dayFirst ? "yyyyddMM" : "yyyyMMdd";
                } else if (yearFirst) {
                    pattern = "yyyy" + s + (dayFirst ? dd + s + mm : mm + s + dd);
                } else {
                    pattern = (dayFirst ? dd + s + mm : mm + s + dd) + s + "yyyy";
                }
                int timeSep = timeKind == 2 ? 'T' : timeKind == 1 ? ' ' : 0;
                pattern += timeSuffix(timeSep);
                String shape = (sep == 0 ? "YYYYNNNN" : yearFirst ? "YYYY" + s + "NN" + s + "NN"
                    : "NN" + s + "NN" + s + "YYYY") + timeSuffix(timeSep);
                // in the year-first layout the "first" field is the second one of the text
                boolean dayBeforeMonth = dayFirst;
                decisions.put(key, new Decision(yearFirst, dayBeforeMonth, pattern));
                long evidence = dayFirst ? firstIsDay : secondIsDay;
                long contradicting = dayFirst ? secondIsDay : firstIsDay;
                reports.add(new DateShapeReport(shape, pattern, st[VALUES], evidence, st[AMBIGUOUS], contradicting, by));
            }
            return new DateInference(Collections.unmodifiableMap(decisions), List.copyOf(reports));
        }
    }
}
