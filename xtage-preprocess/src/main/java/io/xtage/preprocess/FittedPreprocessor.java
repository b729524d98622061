package io.xtage.preprocess;

import io.xtage.core.XtageException;
import io.xtage.core.report.Json;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tech.tablesaw.api.Table;

/**
 * A fitted chain of steps: transforms any table with the columns it was fitted on, with the
 * parameters learned at fit time and never refitting.
 *
 * <p>{@link #toJson()} writes every step with its learned parameters (doubles at full
 * precision); {@link #fromJson(String)} reads it back, and the result transforms the same input
 * to byte-identical output. Immutable and thread-safe.
 *
 * <pre>{@code
 * FittedPreprocessor fitted = plan.fit(train);
 * PreprocessResult r = fitted.transform(test);
 * FittedPreprocessor again = FittedPreprocessor.fromJson(fitted.toJson());
 * }</pre>
 *
 * @since 0.1.0
 */
public final class FittedPreprocessor {
    private static final Logger log = LoggerFactory.getLogger(FittedPreprocessor.class);

    private final List<FittedStep> steps;

    FittedPreprocessor(List<FittedStep> steps) {
        this.steps = List.copyOf(steps);
    }

    /**
     * @param steps fitted steps, in order
     * @return a preprocessor of exactly these steps
     * @since 0.1.0
     */
    public static FittedPreprocessor of(List<? extends FittedStep> steps) {
        Objects.requireNonNull(steps, "steps");
        return new FittedPreprocessor(new ArrayList<>(steps));
    }

    /**
     * @return the fitted steps, in order; never null
     * @since 0.1.0
     */
    public List<FittedStep> steps() {
        return steps;
    }

    /**
     * @param table the table to transform; not changed, and no column of the result is shared
     *     with it
     * @return the new table, the report of every step, and this preprocessor
     * @throws io.xtage.core.SchemaException if a column a step was fitted on is missing or has
     *     changed type
     * @throws PreprocessException if a value breaks a step's declared policy
     * @since 0.1.0
     */
    public PreprocessResult transform(Table table) {
        Objects.requireNonNull(table, "table");
        return Plans.run(table, steps.size(), (i, t) -> steps.get(i), log, "transform", used -> this);
    }

    /**
     * @return {@code format}, {@code version} and {@code steps} (each {@code {"type": ..., params,
     *     learned parameters}})
     * @since 0.1.0
     */
    public Map<String, Object> toMap() {
        return Plans.envelope(Plans.FITTED_FORMAT, steps, FittedStep::type, FittedStep::toMap);
    }

    /**
     * @return the fitted preprocessor as pretty-printed JSON
     * @since 0.1.0
     */
    public String toJson() {
        return Json.write(toMap());
    }

    /**
     * @param json what {@link #toJson()} wrote
     * @return the fitted preprocessor, with built-in step types and those found by
     *     {@link StepRegistry#load()}
     * @throws XtageException if the JSON is not a fitted preprocessor, or names an unknown step
     *     type or an invalid parameter
     * @since 0.1.0
     */
    public static FittedPreprocessor fromJson(String json) {
        return fromJson(json, StepRegistry.load());
    }

    /**
     * @param json what {@link #toJson()} wrote
     * @param registry the step types to read with
     * @return the fitted preprocessor
     * @throws XtageException if the JSON is not a fitted preprocessor, or names an unknown step
     *     type or an invalid parameter
     * @since 0.1.0
     */
    public static FittedPreprocessor fromJson(String json, StepRegistry registry) {
        Objects.requireNonNull(json, "json");
        Objects.requireNonNull(registry, "registry");
        return new FittedPreprocessor(Plans.readSteps(json, Plans.FITTED_FORMAT, "fitted step", registry::readFitted));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof FittedPreprocessor && ((FittedPreprocessor) o).toMap().equals(toMap());
    }

    @Override
    public int hashCode() {
        return toMap().hashCode();
    }

    @Override
    public String toString() {
        List<String> names = new ArrayList<>();
        steps.forEach(s -> names.add(s.type()));
        return "FittedPreprocessor" + names;
    }
}
