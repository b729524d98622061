package io.xtage.preprocess.step;

import io.xtage.preprocess.FittedStep;
import io.xtage.preprocess.StatelessStep;
import io.xtage.preprocess.Step;
import io.xtage.preprocess.StepType;
import io.xtage.preprocess.internal.Params;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * The {@link StepType} of a built-in step: its name, and {@link #read(Params)} of the step's
 * hyper-parameters, after which every field of the JSON must have been used. Subclasses read the
 * fitted form with {@link #readColumns} (the step plus {@code fitted} per column), extend
 * {@link Stateless}, or override {@link #readFitted(Map)} with {@link Params#read}.
 *
 * @param <S> the step
 */
abstract class BuiltInType<S extends Step> implements StepType {
    private final String name;

    BuiltInType(String name) {
        this.name = name;
    }

    @Override
    public final String name() {
        return name;
    }

    /** Reads the step's hyper-parameters; the caller checks that no field was left over. */
    abstract S read(Params p);

    @Override
    public final Step readStep(Map<String, Object> json) {
        return Params.read(name, json, this::read);
    }

    /**
     * Reads what {@link ColumnsFitted#toMap()} wrote.
     *
     * @param column reads one column's {@link FittedColumn} from its name and fields
     * @param fitted builds the fitted step
     */
    final <C extends FittedColumn> FittedStep readColumns(Map<String, Object> json,
            BiFunction<String, Params, C> column, BiFunction<S, List<C>, FittedStep> fitted) {
        Params p = Params.of(name, json);
        S step = read(p);
        Map<String, Object> byColumn = p.map("fitted");
        p.done();
        return fitted.apply(step, p.perColumn(byColumn, column));
    }

    /** The type of a {@link StatelessStep}: its fitted form is the step, written alike. */
    abstract static class Stateless<S extends StatelessStep> extends BuiltInType<S> {
        Stateless(String name) {
            super(name);
        }

        @Override
        public final FittedStep readFitted(Map<String, Object> json) {
            return Params.read(name(), json, this::read);
        }
    }
}
