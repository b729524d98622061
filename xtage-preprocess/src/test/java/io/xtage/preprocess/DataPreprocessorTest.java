package io.xtage.preprocess;

import static io.xtage.preprocess.TestTables.d;
import static io.xtage.preprocess.TestTables.l;
import static io.xtage.preprocess.TestTables.render;
import static io.xtage.preprocess.TestTables.table;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.xtage.preprocess.step.Impute;
import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.Table;

class DataPreprocessorTest {

    @Test
    void plansHaveNoTransform_andFittedPreprocessorsHaveNoFit() {
        assertThat(Arrays.stream(DataPreprocessor.class.getMethods()).map(Method::getName))
            .contains("fit", "fitTransform").doesNotContain("transform");
        assertThat(Arrays.stream(FittedPreprocessor.class.getMethods()).map(Method::getName))
            .contains("transform").doesNotContain("fit", "fitTransform");
        assertThat(Arrays.stream(Step.class.getMethods()).map(Method::getName)).doesNotContain("transform");
    }

    @Test
    void emptyPlan_returnsACopyOfTheInput() {
        Table t = table(d("x", 1.0, null));
        PreprocessResult r = DataPreprocessor.builder().build().fitTransform(t);
        assertThat(render(r.table())).isEqualTo(render(t));
        assertThat(r.table().column("x")).isNotSameAs(t.column("x"));
    }

    @Test
    void fit_leavesTheInputUnchanged() {
        Table t = table(d("x", 1.0, null), l("n", null, 2L));
        String before = render(t);
        DataPreprocessor.builder().step(Impute.median("x", "n")).build().fit(t);
        assertThat(render(t)).isEqualTo(before);
    }

    @Test
    void stepThatChangesRowsWithoutDeclaringIt_isCaught() {
        StatelessStep sneaky = new StatelessStep() {
            @Override
            public String type() {
                return "sneaky";
            }

            @Override
            public Map<String, Object> toMap() {
                return Map.of();
            }

            @Override
            public Transformed transform(Table table) {
                Table out = table.emptyCopy();
                return Transformed.of(out, StepReport.builder("sneaky").rows(table.rowCount(), 0)
                    .removalReason("all").build());
            }
        };
        assertThatThrownBy(() -> DataPreprocessor.builder().step(sneaky).build().fitTransform(table(d("x", 1.0))))
            .isInstanceOf(IllegalStateException.class).hasMessageContaining("removesRows");
    }

    @Test
    void reportWithRemovedRowsButNoReason_isRejected() {
        assertThatThrownBy(() -> StepReport.builder("x").rows(3, 2).build()).isInstanceOf(IllegalStateException.class)
            .hasMessageContaining("removalReason");
    }

    @Test
    void reportMap_usesSnakeCaseKeys() {
        PreprocessResult r = DataPreprocessor.builder().step(Impute.median("x")).build().fitTransform(table(d("x", 1.0, null)));
        Map<String, Object> m = r.report().toMap();
        assertThat(m).containsKeys("rows_in", "rows_out", "rows_removed", "steps");
        assertThat(r.report().step(0).toMap()).containsKeys("name", "rows_in", "rows_out", "rows_removed",
            "removal_reason", "columns_added", "columns_removed", "columns_retyped", "cells_changed", "params",
            "details", "notes");
        assertThat(r.report().step(0).notes()).containsExactly("1 missing values in 'x' imputed with 1.0 (median)");
    }

    @Test
    void untimedReport_isTheTimedOneWithoutElapsedTimes() {
        PreprocessResult r = DataPreprocessor.builder().step(Impute.median("x")).build().fitTransform(table(d("x", 1.0, null)));
        PreprocessReport timed = r.report();
        PreprocessReport untimed = PreprocessReport.untimed(timed.rowsIn(), timed.rowsOut(), timed.steps());
        assertThat(untimed).isEqualTo(timed);
        assertThat(untimed.elapsedMillis()).isEmpty();
        assertThat(timed.elapsedMillis()).hasSize(1);
        @SuppressWarnings("unchecked")
        Map<String, Object> step = ((java.util.List<Map<String, Object>>) untimed.toMap().get("steps")).get(0);
        assertThat(step).doesNotContainKey("elapsed_ms").isEqualTo(timed.step(0).toMap());
    }

    @Test
    void toBuilder_extendsAPlan() {
        DataPreprocessor p = DataPreprocessor.builder().step(Impute.median("x")).build();
        assertThat(p.toBuilder().step(Impute.mean("y")).build().steps()).hasSize(2);
        assertThat(p.steps()).hasSize(1);
    }
}
