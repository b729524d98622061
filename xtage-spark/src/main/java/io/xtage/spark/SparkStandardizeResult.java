package io.xtage.spark;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * The result of a standardization plan run on Spark: the unified Dataset and the same reports
 * as {@link io.xtage.core.standardize.StandardizeResult#toMap()} (rows, column origins, input
 * reports, join reports, date formats, reject count), as plain maps.
 *
 * @since 0.1.0
 */
public final class SparkStandardizeResult {
    private final Dataset<Row> table;
    private final long rows;
    private final Map<String, String> columnOrigins;
    private final List<Map<String, Object>> inputReports;
    private final List<Map<String, Object>> joinReports;
    private final Map<String, List<Map<String, Object>>> dateFormats;
    private final Dataset<Row> rejects;
    private final long rejectCount;

    SparkStandardizeResult(Dataset<Row> table, long rows, Map<String, String> columnOrigins,
        List<Map<String, Object>> inputReports, List<Map<String, Object>> joinReports,
        Map<String, List<Map<String, Object>>> dateFormats, Dataset<Row> rejects, long rejectCount) {
        this.table = table;
        this.rows = rows;
        this.columnOrigins = columnOrigins;
        this.inputReports = inputReports;
        this.joinReports = joinReports;
        this.dateFormats = dateFormats;
        this.rejects = rejects;
        this.rejectCount = rejectCount;
    }

    /** @return the unified table (persisted; unpersist it when done) @since 0.1.0 */
    public Dataset<Row> table() {
        return table;
    }

    /** @return the per-input reports, as {@code InputReport.toMap()} writes them @since 0.1.0 */
    public List<Map<String, Object>> inputReports() {
        return inputReports;
    }

    /** @return the per-join reports, as {@code JoinReport.toMap()} writes them @since 0.1.0 */
    public List<Map<String, Object>> joinReports() {
        return joinReports;
    }

    /** @return the inferred date formats per input column, as {@code DateShapeReport.toMap()} @since 0.1.0 */
    public Map<String, List<Map<String, Object>>> dateFormats() {
        return dateFormats;
    }

    /**
     * @return the values the plan's casts and dates rejected, and the unmatched left rows of joins
     *     declared {@code reject_unmatched}, as a rejects Dataset with the columns of
     *     {@code rejects.csv} (source, record, column, value, reason)
     * @since 0.1.0
     */
    public Dataset<Row> rejects() {
        return rejects;
    }

    /** @return output column to {@code input.column} it came from @since 0.1.0 */
    public Map<String, String> columnOrigins() {
        return columnOrigins;
    }

    /**
     * @return the report in the layout of {@code StandardizeResult.toMap()}
     * @since 0.1.0
     */
    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("rows", rows);
        m.put("columns", new LinkedHashMap<>(columnOrigins));
        m.put("inputs", new ArrayList<>(inputReports));
        m.put("joins", new ArrayList<>(joinReports));
        m.put("date_formats", new LinkedHashMap<>(dateFormats));
        m.put("rejects", rejectCount);
        return m;
    }
}
