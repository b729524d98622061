package io.xtage.spark;

import java.util.Objects;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * A source read on Spark: the typed table and the values that could not be used, as a Dataset
 * with the columns of {@code rejects.csv} ({@code source, record, column, value, reason}).
 *
 * @since 0.1.0
 */
public final class SparkRead {
    private final String source;
    private final Dataset<Row> table;
    private final Dataset<Row> rejects;

    SparkRead(String source, Dataset<Row> table, Dataset<Row> rejects) {
        this.source = Objects.requireNonNull(source, "source");
        this.table = Objects.requireNonNull(table, "table");
        this.rejects = Objects.requireNonNull(rejects, "rejects");
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
