package io.xtage.preprocess;

import java.util.Map;
import tech.tablesaw.api.Table;

/**
 * A step after fitting: the hyper-parameters plus what was learned, ready to transform any
 * table with the columns it was fitted on.
 *
 * <p>{@link #transform(Table)} never refits and never changes its input: it builds new columns
 * for the ones it changes. The returned table may share unchanged column objects with the
 * input, so neither should be mutated afterwards ({@code copy()} first);
 * {@link FittedPreprocessor#transform(Table)} never shares columns with its input.
 *
 * <p>Implementations are immutable and thread-safe.
 *
 * @since 0.1.0
 */
public interface FittedStep {

    /**
     * @return the type name under which this step is written to JSON; never null
     * @since 0.1.0
     */
    String type();

    /**
     * @return hyper-parameters and learned parameters as an ordered map of plain JSON values,
     *     without the {@code type} key, enough for the {@link StepType} of the same name to
     *     rebuild an equal fitted step; never null
     * @since 0.1.0
     */
    Map<String, Object> toMap();

    /**
     * @param table the table to transform; not changed
     * @return the new table and the report of what changed; never null
     * @throws io.xtage.core.SchemaException if a column the step was fitted on is missing or
     *     has changed type
     * @throws PreprocessException if a value breaks the step's declared policy (for example an
     *     unseen category under {@link UnseenPolicy#ERROR})
     * @since 0.1.0
     */
    Transformed transform(Table table);

    /**
     * @return true if {@link #transform(Table)} may remove rows
     * @since 0.1.0
     */
    default boolean removesRows() {
        return false;
    }
}
