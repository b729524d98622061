package io.xtage.preprocess;

import static io.xtage.preprocess.TestTables.render;
import static org.assertj.core.api.Assertions.assertThat;

import io.xtage.preprocess.internal.Values;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * What every step must do, as default test methods that each step's test class inherits
 * (scikit-learn's estimator checks): the input is unchanged, fitting is idempotent, the report's
 * counts match the actual difference, the row count is kept unless the step declares that it
 * removes rows, and the step and its fitted form survive a JSON round trip.
 */
public interface StepContract {

    /** The step under test. */
    Step step();

    /** A table the step fits on. */
    Table fitTable();

    /** Another table of the same schema to transform; by default the fit table. */
    default Table otherTable() {
        return fitTable();
    }

    @Test
    default void contract_fitLeavesInputAndStepUnchanged() {
        Step s = step();
        Map<String, Object> params = s.toMap();
        Table t = fitTable();
        String before = render(t);
        s.fit(t);
        assertThat(render(t)).isEqualTo(before);
        assertThat(s.toMap()).isEqualTo(params);
    }

    @Test
    default void contract_transformLeavesInputUnchanged() {
        FittedStep f = step().fit(fitTable());
        Table t = otherTable();
        String before = render(t);
        Table out = f.transform(t).table();
        assertThat(render(t)).isEqualTo(before);
        assertThat(out).isNotSameAs(t);
    }

    @Test
    default void contract_fittingTwiceGivesEqualFittedSteps() {
        FittedStep a = step().fit(fitTable());
        FittedStep b = step().fit(fitTable());
        assertThat(a).isEqualTo(b);
        assertThat(a.toMap()).isEqualTo(b.toMap());
        assertThat(render(a.transform(otherTable()).table())).isEqualTo(render(b.transform(otherTable()).table()));
    }

    @Test
    default void contract_reportRowCountsMatchTheTables() {
        Table in = otherTable();
        Transformed tr = step().fit(fitTable()).transform(in);
        StepReport r = tr.report();
        assertThat(r.rowsIn()).isEqualTo(in.rowCount());
        assertThat(r.rowsOut()).isEqualTo(tr.table().rowCount());
        assertThat(r.rowsOut() + r.rowsRemoved()).isEqualTo(r.rowsIn());
        if (r.rowsRemoved() > 0) {
            assertThat(r.removalReason()).isNotEmpty();
        }
    }

    @Test
    default void contract_rowCountKeptUnlessDeclared() {
        Step s = step();
        FittedStep f = s.fit(fitTable());
        assertThat(f.removesRows()).isEqualTo(s.removesRows());
        if (!s.removesRows()) {
            assertThat(f.transform(otherTable()).table().rowCount()).isEqualTo(otherTable().rowCount());
        }
    }

    @Test
    default void contract_reportedColumnsAndCellsMatchTheTables() {
        Table in = otherTable();
        Transformed tr = step().fit(fitTable()).transform(in);
        Table out = tr.table();
        StepReport r = tr.report();
        for (String added : r.columnsAdded()) {
            assertThat(out.columnNames()).contains(added);
        }
        for (String removed : r.columnsRemoved()) {
            assertThat(out.columnNames()).doesNotContain(removed);
        }
        if (step().removesRows()) {
            return;
        }
        for (Column<?> c : in.columns()) {
            if (!out.columnNames().contains(c.name()) || r.columnsAdded().contains(c.name())) {
                continue;
            }
            Column<?> o = out.column(c.name());
            long changed = 0;
            for (int i = 0; i < in.rowCount(); i++) {
                if (!sameValue(Values.valueAt(c, i), Values.valueAt(o, i))) {
                    changed++;
                }
            }
            assertThat(r.cellsChanged().getOrDefault(c.name(), 0L)).as("cells changed in " + c.name())
                .isEqualTo(changed);
        }
    }

    private static boolean sameValue(Object a, Object b) {
        if (a instanceof Number && b instanceof Number) {
            return ((Number) a).doubleValue() == ((Number) b).doubleValue();
        }
        return Objects.equals(a, b);
    }

    @Test
    default void contract_stepAndFittedStepSurviveJson() {
        DataPreprocessor plan = DataPreprocessor.builder().step(step()).build();
        DataPreprocessor planBack = DataPreprocessor.fromJson(plan.toJson());
        assertThat(planBack).isEqualTo(plan);
        assertThat(planBack.toJson()).isEqualTo(plan.toJson());

        FittedPreprocessor fitted = plan.fit(fitTable());
        FittedPreprocessor back = FittedPreprocessor.fromJson(fitted.toJson());
        assertThat(back.toJson()).isEqualTo(fitted.toJson());
        assertThat(render(back.transform(otherTable()).table())).isEqualTo(render(fitted.transform(otherTable()).table()));
    }

    @Test
    default void contract_fitTransformEqualsFitThenTransform() {
        DataPreprocessor plan = DataPreprocessor.builder().step(step()).build();
        PreprocessResult a = plan.fitTransform(fitTable());
        PreprocessResult b = plan.fit(fitTable()).transform(fitTable());
        assertThat(render(a.table())).isEqualTo(render(b.table()));
        assertThat(a.report()).isEqualTo(b.report());
    }

    /** Convenience for tests: the values of a column. */
    static List<Object> col(Table t, String name) {
        return TestTables.values(t, name);
    }
}
