package io.xtage.preprocess.step;

import io.xtage.preprocess.Step;
import io.xtage.preprocess.internal.Params;
import java.util.List;
import java.util.Map;

/**
 * A fitted step that is its step plus what it learned per column: its JSON is the step's, with
 * a {@code fitted} object holding each column's {@link FittedColumn#toMap()} under the column's
 * name, in fit order.
 *
 * @param <S> the step
 * @param <C> what it learns per column
 */
abstract class ColumnsFitted<S extends Step, C extends FittedColumn> extends ValueFitted {
    final S step;
    final List<C> columns;

    ColumnsFitted(S step, List<C> columns) {
        super(step.type());
        this.step = step;
        this.columns = List.copyOf(columns);
    }

    /** @return each column's learned fields under its name; also the report's {@code columns} param */
    final Map<String, Object> fitted() {
        Map<String, Object> m = Params.ordered();
        for (C c : columns) {
            m.put(c.column, c.toMap());
        }
        return m;
    }

    @Override
    public final Map<String, Object> toMap() {
        Map<String, Object> m = step.toMap();
        m.put("fitted", fitted());
        return m;
    }
}
