package io.xtage.preprocess;

import io.xtage.core.XtageException;
import io.xtage.core.report.Json;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tech.tablesaw.api.Table;

/**
 * A preprocessing plan: an ordered chain of {@link Step}s, not yet fitted.
 *
 * <p>{@link #fit(Table)} fits each step on the output of the steps before it and returns a
 * {@link FittedPreprocessor}, which alone can transform. {@link #fitTransform(Table)} does both
 * in one pass and equals {@code fit(t).transform(t)}. The plan has no {@code transform}: the
 * types make "transform before fit" impossible. Immutable and thread-safe; a plan is data and
 * round-trips through {@link #toJson()} and {@link #fromJson(String)}.
 *
 * <pre>{@code
 * DataPreprocessor plan = DataPreprocessor.builder()
 *     .step(Filter.dropWhere("price < 0 or quantity < 0"))
 *     .step(Impute.median("price", "age"))
 *     .step(Scale.standard("price").into("price_z"))
 *     .build();
 * PreprocessResult r = plan.fitTransform(table);
 * Files.writeString(path, r.fitted().toJson());
 * }</pre>
 *
 * @since 0.1.0
 */
public final class DataPreprocessor {
    private static final Logger log = LoggerFactory.getLogger(DataPreprocessor.class);

    private final List<Step> steps;

    private DataPreprocessor(Builder b) {
        this.steps = List.copyOf(b.steps);
    }

    /**
     * @return a builder with no steps
     * @since 0.1.0
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * @return a builder holding this plan's steps
     * @since 0.1.0
     */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.steps.addAll(steps);
        return b;
    }

    /**
     * @return the steps, in order; never null
     * @since 0.1.0
     */
    public List<Step> steps() {
        return steps;
    }

    /**
     * Fits every step, each on the output of the steps before it.
     *
     * @param table the fit data; not changed
     * @return the fitted preprocessor
     * @throws io.xtage.core.SchemaException if a step's column is missing or mistyped
     * @throws PreprocessException if the data does not allow a step to fit
     * @since 0.1.0
     */
    public FittedPreprocessor fit(Table table) {
        Objects.requireNonNull(table, "table");
        List<FittedStep> fitted = new ArrayList<>(steps.size());
        Table t = table;
        for (int i = 0; i < steps.size(); i++) {
            FittedStep f = fitOne(i, t);
            fitted.add(f);
            if (i < steps.size() - 1) {
                t = f.transform(t).table();
            }
        }
        return new FittedPreprocessor(fitted);
    }

    /**
     * Fits and transforms in one pass: the same table and report as {@code fit(t).transform(t)}
     * without running the steps twice.
     *
     * @param table the fit data; not changed
     * @return the transformed table, the report and the fitted preprocessor
     * @throws io.xtage.core.SchemaException if a step's column is missing or mistyped
     * @throws PreprocessException if the data does not allow a step to fit or transform
     * @since 0.1.0
     */
    public PreprocessResult fitTransform(Table table) {
        Objects.requireNonNull(table, "table");
        return Plans.run(table, steps.size(), this::fitOne, log, "fit+transform", FittedPreprocessor::new);
    }

    private FittedStep fitOne(int i, Table t) {
        Step s = steps.get(i);
        FittedStep f = s.fit(t);
        if (f == null) {
            throw new IllegalStateException("step " + i + " (" + s.type() + "): fit returned null");
        }
        return f;
    }

    /**
     * @return {@code format}, {@code version} and {@code steps} (each {@code {"type": ..., params}})
     * @since 0.1.0
     */
    public Map<String, Object> toMap() {
        return Plans.envelope(Plans.PLAN_FORMAT, steps, Step::type, Step::toMap);
    }

    /**
     * @return the plan as pretty-printed JSON
     * @since 0.1.0
     */
    public String toJson() {
        return Json.write(toMap());
    }

    /**
     * @param json what {@link #toJson()} wrote
     * @return the plan, with built-in step types and those found by {@link StepRegistry#load()}
     * @throws XtageException if the JSON is not a plan, or names an unknown step type or an
     *     invalid parameter
     * @since 0.1.0
     */
    public static DataPreprocessor fromJson(String json) {
        return fromJson(json, StepRegistry.load());
    }

    /**
     * @param json what {@link #toJson()} wrote
     * @param registry the step types to read with
     * @return the plan
     * @throws XtageException if the JSON is not a plan, or names an unknown step type or an
     *     invalid parameter
     * @since 0.1.0
     */
    public static DataPreprocessor fromJson(String json, StepRegistry registry) {
        Objects.requireNonNull(json, "json");
        Objects.requireNonNull(registry, "registry");
        return builder().steps(Plans.readSteps(json, Plans.PLAN_FORMAT, "plan step", registry::readStep)).build();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof DataPreprocessor && ((DataPreprocessor) o).toMap().equals(toMap());
    }

    @Override
    public int hashCode() {
        return toMap().hashCode();
    }

    @Override
    public String toString() {
        List<String> names = new ArrayList<>();
        steps.forEach(s -> names.add(s.type()));
        return "DataPreprocessor" + names;
    }

    /**
     * Builds a {@link DataPreprocessor}. Not thread-safe.
     *
     * @since 0.1.0
     */
    public static final class Builder {
        private final List<Step> steps = new ArrayList<>();

        private Builder() {
        }

        /**
         * @param step the next step
         * @return this
         * @since 0.1.0
         */
        public Builder step(Step step) {
            steps.add(Objects.requireNonNull(step, "step"));
            return this;
        }

        /**
         * @param more the next steps, in order
         * @return this
         * @since 0.1.0
         */
        public Builder steps(Collection<? extends Step> more) {
            Objects.requireNonNull(more, "steps");
            more.forEach(this::step);
            return this;
        }

        /**
         * @return the plan
         * @throws IllegalStateException if a step has no type name
         * @since 0.1.0
         */
        public DataPreprocessor build() {
            for (int i = 0; i < steps.size(); i++) {
                String type = steps.get(i).type();
                if (type == null || type.isEmpty()) {
                    throw new IllegalStateException("step " + i + " (" + steps.get(i).getClass().getName()
                        + ") has no type name; Step.type() must return the name of its StepType");
                }
            }
            return new DataPreprocessor(this);
        }
    }
}
