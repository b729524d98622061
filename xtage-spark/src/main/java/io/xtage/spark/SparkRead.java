package io.xtage.spark;

import io.xtage.core.RejectPolicy;
import io.xtage.core.coerce.DateShapeReport;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * A source read on Spark: the typed table, the values and records that could not be used, the
 * date formats inferred while reading and the read's counts.
 *
 * <p>Immutable and thread-safe; the Datasets are lazy, and {@link #report()} runs one
 * aggregation the first time it is called. Accessors never return null.
 *
 * <pre>{@code
 * SparkRead sales = SparkSources.csv(spark, "sales", Path.of("sales_data.csv"), schema);
 * sales.rejects().write().csv("rejects");           // source, record, column, value, reason
 * long dropped = (Long) sales.report().get("rows_rejected");
 * }</pre>
 *
 * @since 0.1.0
 */
public final class SparkRead {
    private final String source;
    private final Dataset<Row> table;
    private final Dataset<Row> rejectDetails;
    private final Map<String, List<DateShapeReport>> dateFormats;
    /** One row: records read, records left out, then per column values rejected and missing values. */
    private final Dataset<Row> counts;
    private final List<String> columns;
    private Map<String, Object> report;

    SparkRead(String source, Dataset<Row> table, Dataset<Row> rejectDetails,
        Map<String, List<DateShapeReport>> dateFormats, Dataset<Row> counts, List<String> columns) {
        this.source = Objects.requireNonNull(source, "source");
        this.table = Objects.requireNonNull(table, "table");
        this.rejectDetails = Objects.requireNonNull(rejectDetails, "rejectDetails");
        this.counts = Objects.requireNonNull(counts, "counts");
        this.columns = List.copyOf(columns);
        Map<String, List<DateShapeReport>> df = new LinkedHashMap<>();
        dateFormats.forEach((k, v) -> df.put(k, List.copyOf(v)));
        this.dateFormats = Collections.unmodifiableMap(df);
    }

    /**
     * @return the date shapes inferred, per column whose schema declares no date patterns, as
     *     {@code SourceReport.dateFormats()} holds them; empty when no column was inferred
     * @since 0.1.0
     */
    public Map<String, List<DateShapeReport>> dateFormats() {
        return dateFormats;
    }

    /** @return the source's name @since 0.1.0 */
    public String source() {
        return source;
    }

    /** @return the typed rows, columns named and ordered as the schema says @since 0.1.0 */
    public Dataset<Row> table() {
        return table;
    }

    /**
     * @return one row per rejected value, with the columns of {@code rejects.csv}: source
     *     (string), record (long, 1-based), column, value (the text as read, cut to 256
     *     characters plus a marker; "" when missing) and reason; ordered by record
     * @since 0.1.0
     */
    public Dataset<Row> rejects() {
        return rejectDetails.select("source", "record", "column", "value", "reason");
    }

    /**
     * @return {@link #rejects()} with two more columns, as {@code Reject.toMap()} names them:
     *     {@code kind} ({@code TYPE} for a value replaced by a missing one, {@code CONSTRAINT}
     *     for a required value) and {@code row_dropped} (true when the record was left out)
     * @since 0.1.0
     */
    public Dataset<Row> rejectDetails() {
        return rejectDetails;
    }

    /**
     * The read's counts, in the layout of {@code SourceReport.toMap()} without {@code bytes_read}
     * and {@code elapsed_ms}: {@code source}, {@code rows_read}, {@code rows_rejected} (records
     * left out), {@code rows_out}, {@code values_rejected} (values replaced by missing ones in
     * the records kept), {@code reject_policy} (always the lenient policy: a Spark read collects
     * every reject), {@code missing} (per column, in the table) and {@code date_formats}.
     *
     * @return a new ordered map; runs one Spark aggregation the first time
     * @since 0.1.0
     */
    public Map<String, Object> report() {
        Map<String, Object> r;
        synchronized (this) {
            if (report == null) {
                report = compute();
            }
            r = report;
        }
        Map<String, Object> copy = new LinkedHashMap<>(r);
        copy.put("missing", new LinkedHashMap<>((Map<?, ?>) r.get("missing")));
        return copy;
    }

    private Map<String, Object> compute() {
        Row c = counts.first();
        long read = c.getLong(0);
        long dropped = c.isNullAt(1) ? 0 : c.getLong(1);
        long values = 0;
        Map<String, Long> missing = new LinkedHashMap<>();
        for (int i = 0; i < columns.size(); i++) {
            values += c.isNullAt(2 + 2 * i) ? 0 : c.getLong(2 + 2 * i);
            missing.put(columns.get(i), c.isNullAt(3 + 2 * i) ? 0 : c.getLong(3 + 2 * i));
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("source", source);
        m.put("rows_read", read);
        m.put("rows_rejected", dropped);
        m.put("rows_out", read - dropped);
        m.put("values_rejected", values);
        m.put("reject_policy", RejectPolicy.lenient().describe());
        m.put("missing", missing);
        Map<String, Object> df = new LinkedHashMap<>();
        dateFormats.forEach((k, v) -> {
            List<Object> l = new java.util.ArrayList<>();
            v.forEach(x -> l.add(x.toMap()));
            df.put(k, l);
        });
        m.put("date_formats", df);
        return m;
    }
}
