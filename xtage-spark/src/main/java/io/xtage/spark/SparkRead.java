package io.xtage.spark;

import io.xtage.core.coerce.DateShapeReport;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * A source read on Spark: the typed table and the values that could not be used, as a Dataset
 * with the columns of {@code rejects.csv} ({@code source, record, column, value, reason}), and
 * the date formats inferred while reading.
 *
 * @since 0.1.0
 */
public final class SparkRead {
    private final String source;
    private final Dataset<Row> table;
    private final Dataset<Row> rejects;

    private final Map<String, List<DateShapeReport>> dateFormats;

    SparkRead(String source, Dataset<Row> table, Dataset<Row> rejects) {
        this(source, table, rejects, Map.of());
    }

    SparkRead(String source, Dataset<Row> table, Dataset<Row> rejects, Map<String, List<DateShapeReport>> dateFormats) {
        this.source = Objects.requireNonNull(source, "source");
        this.table = Objects.requireNonNull(table, "table");
        this.rejects = Objects.requireNonNull(rejects, "rejects");
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
     * @return one row per rejected value: source (string), record (long, 1-based), column,
     *     value (the text as read) and reason
     * @since 0.1.0
     */
    public Dataset<Row> rejects() {
        return rejects;
    }
}
