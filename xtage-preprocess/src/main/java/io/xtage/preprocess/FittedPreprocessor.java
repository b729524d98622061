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
        List<StepReport> reports = new ArrayList<>(steps.size());
        List<Long> times = new ArrayList<>(steps.size());
        Table t = table;
        for (int i = 0; i < steps.size(); i++) {
            long t0 = System.nanoTime();
            Transformed tr = transformOne(i, steps.get(i), t);
            long ms = (System.nanoTime() - t0) / 1_000_000;
            reports.add(tr.report());
            times.add(ms);
            log.debug("transform step {} ({}): rows {} -> {}, {} ms", i, steps.get(i).type(), t.rowCount(),
                tr.table().rowCount(), ms);
            t = tr.table();
        }
        Table out = Plans.detach(table, t);
        return new PreprocessResult(out, new PreprocessReport(table.rowCount(), out.rowCount(), reports, times), this);
    }

    static Transformed transformOne(int i, FittedStep f, Table t) {
        Transformed tr = f.transform(t);
        if (tr == null) {
            throw new IllegalStateException("step " + i + " (" + f.type() + "): transform returned null");
        }
        if (tr.table() == t) {
            throw new IllegalStateException("step " + i + " (" + f.type() + "): transform returned its input table; "
                + "return a new Table (it may reuse unchanged columns)");
        }
        if (!f.removesRows() && tr.table().rowCount() != t.rowCount()) {
            throw new IllegalStateException("step " + i + " (" + f.type() + ") changed the row count from "
                + t.rowCount() + " to " + tr.table().rowCount() + " but does not declare removesRows()");
        }
        return tr;
    }

    /**
     * @return {@code format}, {@code version} and {@code steps} (each {@code {"type": ..., params,
     *     learned parameters}})
     * @since 0.1.0
     */
    public Map<String, Object> toMap() {
        List<Map<String, Object>> list = new ArrayList<>();
        for (FittedStep s : steps) {
            list.add(Plans.stepJson(s.type(), s.toMap(), s));
        }
        return Plans.envelope(Plans.FITTED_FORMAT, list);
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
        List<FittedStep> out = new ArrayList<>();
        int i = 0;
        for (Map<String, Object> s : Plans.readSteps(json, Plans.FITTED_FORMAT)) {
            try {
                out.add(registry.readFitted(s));
            } catch (IllegalArgumentException | IllegalStateException e) {
                throw new XtageException("fitted step " + i + ": " + e.getMessage(), e);
            }
            i++;
        }
        return new FittedPreprocessor(out);
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
