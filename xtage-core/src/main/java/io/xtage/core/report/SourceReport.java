package io.xtage.core.report;

import io.xtage.core.coerce.DateShapeReport;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The numbers of one read: rows read, kept and rejected, values rejected, missing values per
 * column, the date formats inferred per column, and the time taken.
 *
 * <p>Immutable and thread-safe. {@link #toMap()} gives the snake_case form that run reports write
 * as JSON.
 *
 * @since 0.1.0
 */
public final class SourceReport {
    private final String source;
    private final long rowsRead;
    private final long rowsRejected;
    private final long valuesRejected;
    private final String rejectPolicy;
    private final Map<String, Long> missing;
    private final Map<String, List<DateShapeReport>> dateFormats;
    private final long bytesRead;
    private final long elapsedMillis;

    private SourceReport(Builder b) {
        this.source = Objects.requireNonNull(b.source, "source");
        this.rowsRead = b.rowsRead;
        this.rowsRejected = b.rowsRejected;
        this.valuesRejected = b.valuesRejected;
        this.rejectPolicy = b.rejectPolicy;
        this.missing = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(b.missing));
        Map<String, List<DateShapeReport>> df = new LinkedHashMap<>();
        b.dateFormats.forEach((k, v) -> df.put(k, List.copyOf(v)));
        this.dateFormats = java.util.Collections.unmodifiableMap(df);
        this.bytesRead = b.bytesRead;
        this.elapsedMillis = b.elapsedMillis;
    }

    /** @param source the source name @return a builder @since 0.1.0 */
    public static Builder builder(String source) {
        return new Builder(source);
    }

    /** @return the source name @since 0.1.0 */
    public String source() {
        return source;
    }

    /** @return records read, kept and rejected together @since 0.1.0 */
    public long rowsRead() {
        return rowsRead;
    }

    /** @return records left out of the table, each with a reject @since 0.1.0 */
    public long rowsRejected() {
        return rowsRejected;
    }

    /** @return records kept in the table @since 0.1.0 */
    public long rowsOut() {
        return rowsRead - rowsRejected;
    }

    /** @return values replaced by a missing value, each with a reject @since 0.1.0 */
    public long valuesRejected() {
        return valuesRejected;
    }

    /** @return the reject policy, as {@code RejectPolicy.describe()} gives it @since 0.1.0 */
    public String rejectPolicy() {
        return rejectPolicy;
    }

    /** @return missing values per column, in column order @since 0.1.0 */
    public Map<String, Long> missing() {
        return missing;
    }

    /** @return the date shapes inferred, per column @since 0.1.0 */
    public Map<String, List<DateShapeReport>> dateFormats() {
        return dateFormats;
    }

    /** @return bytes read, or -1 when unknown @since 0.1.0 */
    public long bytesRead() {
        return bytesRead;
    }

    /** @return wall time of the read in milliseconds @since 0.1.0 */
    public long elapsedMillis() {
        return elapsedMillis;
    }

    /** @return the report as an ordered map with snake_case keys @since 0.1.0 */
    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("source", source);
        m.put("rows_read", rowsRead);
        m.put("rows_rejected", rowsRejected);
        m.put("rows_out", rowsOut());
        m.put("values_rejected", valuesRejected);
        m.put("reject_policy", rejectPolicy);
        m.put("missing", missing);
        Map<String, Object> df = new LinkedHashMap<>();
        dateFormats.forEach((k, v) -> {
            List<Object> l = new ArrayList<>();
            v.forEach(r -> l.add(r.toMap()));
            df.put(k, l);
        });
        m.put("date_formats", df);
        m.put("bytes_read", bytesRead);
        m.put("elapsed_ms", elapsedMillis);
        return m;
    }

    @Override
    public String toString() {
        return "SourceReport" + toMap();
    }

    /**
     * Builds a {@link SourceReport}. Not thread-safe.
     *
     * @since 0.1.0
     */
    public static final class Builder {
        private final String source;
        private long rowsRead;
        private long rowsRejected;
        private long valuesRejected;
        private String rejectPolicy = "lenient";
        private final Map<String, Long> missing = new LinkedHashMap<>();
        private final Map<String, List<DateShapeReport>> dateFormats = new LinkedHashMap<>();
        private long bytesRead = -1;
        private long elapsedMillis;

        private Builder(String source) {
            this.source = source;
        }

        /** @param n records read @return this @since 0.1.0 */
        public Builder rowsRead(long n) {
            this.rowsRead = n;
            return this;
        }

        /** @param n records left out @return this @since 0.1.0 */
        public Builder rowsRejected(long n) {
            this.rowsRejected = n;
            return this;
        }

        /** @param n values replaced by missing @return this @since 0.1.0 */
        public Builder valuesRejected(long n) {
            this.valuesRejected = n;
            return this;
        }

        /** @param p the policy description @return this @since 0.1.0 */
        public Builder rejectPolicy(String p) {
            this.rejectPolicy = p;
            return this;
        }

        /** @param column a column @param n its missing values @return this @since 0.1.0 */
        public Builder missing(String column, long n) {
            missing.put(column, n);
            return this;
        }

        /** @param column a column @param shapes its inferred shapes @return this @since 0.1.0 */
        public Builder dateFormats(String column, List<DateShapeReport> shapes) {
            dateFormats.put(column, shapes);
            return this;
        }

        /** @param n bytes read @return this @since 0.1.0 */
        public Builder bytesRead(long n) {
            this.bytesRead = n;
            return this;
        }

        /** @param ms wall time @return this @since 0.1.0 */
        public Builder elapsedMillis(long ms) {
            this.elapsedMillis = ms;
            return this;
        }

        /** @return the report @since 0.1.0 */
        public SourceReport build() {
            return new SourceReport(this);
        }
    }
}
