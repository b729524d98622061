package io.xtage.preprocess;

import java.util.Map;
import tech.tablesaw.api.Table;

/**
 * One preprocessing step before fitting: its hyper-parameters only (which columns, which
 * strategy), validated when the step is built.
 *
 * <p>{@link #fit(Table)} learns what the step needs from a table (medians, category levels,
 * quantiles) and returns a new {@link FittedStep} holding it. Fitting changes neither the step
 * nor the table, and fitting twice on equal tables gives equal fitted steps. A step has no
 * {@code transform}: only its fitted form can transform, so the compiler catches a transform
 * before a fit.
 *
 * <p>Implementations are immutable and thread-safe. A step that is written to JSON holds no
 * Java lambdas: its {@link #toMap()} and a {@link StepType} with the same {@link #type()} name
 * rebuild it.
 *
 * <pre>{@code
 * Step s = Impute.median("age");
 * FittedStep f = s.fit(train);
 * Table out = f.transform(test).table();
 * }</pre>
 *
 * @since 0.1.0
 */
public interface Step {

    /**
     * @return the type name under which this step is written to JSON (for example
     *     {@code impute}); the name of a {@link StepType} that can read it back; never null
     * @since 0.1.0
     */
    String type();

    /**
     * @return the hyper-parameters as an ordered map of plain JSON values (maps, lists,
     *     strings, numbers, booleans, nulls), without the {@code type} key; never null
     * @since 0.1.0
     */
    Map<String, Object> toMap();

    /**
     * Learns this step's parameters from {@code table}.
     *
     * @param table the fit data; not changed
     * @return a new fitted step; never null
     * @throws io.xtage.core.SchemaException if a column the step needs is missing or has a type
     *     the step cannot use
     * @throws PreprocessException if the data does not allow fitting (for example a column with
     *     no value at all and no fallback)
     * @since 0.1.0
     */
    FittedStep fit(Table table);

    /**
     * @return true if the fitted step may remove rows (filters, duplicate removal, outlier
     *     removal, aggregation); a step that returns false keeps the row count
     * @since 0.1.0
     */
    default boolean removesRows() {
        return false;
    }
}
