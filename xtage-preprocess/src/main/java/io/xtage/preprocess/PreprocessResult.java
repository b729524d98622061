package io.xtage.preprocess;

import java.util.Objects;
import tech.tablesaw.api.Table;

/**
 * The result of {@link FittedPreprocessor#transform(Table)} or
 * {@link DataPreprocessor#fitTransform(Table)}: the new table, the report, and the fitted
 * preprocessor that produced them (so {@code fitTransform} needs no second pass to save it).
 *
 * <p>The table never shares a column object with the input table.
 *
 * @since 0.1.0
 */
public final class PreprocessResult {
    private final Table table;
    private final PreprocessReport report;
    private final FittedPreprocessor fitted;

    PreprocessResult(Table table, PreprocessReport report, FittedPreprocessor fitted) {
        this.table = Objects.requireNonNull(table, "table");
        this.report = Objects.requireNonNull(report, "report");
        this.fitted = Objects.requireNonNull(fitted, "fitted");
    }

    /**
     * @return the transformed table; never null
     * @since 0.1.0
     */
    public Table table() {
        return table;
    }

    /**
     * @return the report of every step; never null
     * @since 0.1.0
     */
    public PreprocessReport report() {
        return report;
    }

    /**
     * @return the fitted preprocessor that produced the table; never null
     * @since 0.1.0
     */
    public FittedPreprocessor fitted() {
        return fitted;
    }

    @Override
    public String toString() {
        return "PreprocessResult[" + table.rowCount() + " rows x " + table.columnCount() + " columns]";
    }
}
