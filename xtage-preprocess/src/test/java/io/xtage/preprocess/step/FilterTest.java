package io.xtage.preprocess.step;

import static io.xtage.preprocess.TestTables.d;
import static io.xtage.preprocess.TestTables.l;
import static io.xtage.preprocess.TestTables.s;
import static io.xtage.preprocess.TestTables.table;
import static io.xtage.preprocess.TestTables.values;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.xtage.preprocess.ExpressionException;
import io.xtage.preprocess.Step;
import io.xtage.preprocess.StepContract;
import io.xtage.preprocess.Transformed;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.Table;

class FilterTest implements StepContract {

    @Override
    public Step step() {
        return Filter.dropWhere("price < 0 or quantity < 0");
    }

    @Override
    public Table fitTable() {
        return table(l("id", 1L, 2L, 3L, 4L, 5L), d("price", 1.0, -1.0, null, 2.0, null),
            l("quantity", 1L, 1L, 1L, -2L, null), s("cat", "a", "b", "c", "a", null));
    }

    @Test
    void dropWhere_keepsRowsWhoseConditionIsMissing() {
        Transformed t = step().fit(fitTable()).transform(fitTable());
        assertThat(values(t.table(), "id")).containsExactly(1L, 3L, 5L);
        assertThat(t.report().details()).containsEntry("null_conditions", 2L);
        assertThat(t.report().removalReason()).isEqualTo("matches price < 0 or quantity < 0");
    }

    @Test
    void keepWhere_dropsRowsWhoseConditionIsMissing() {
        Table out = Filter.keepWhere("price >= 0").transform(fitTable()).table();
        assertThat(values(out, "id")).containsExactly(1L, 4L);
    }

    @Test
    void inAndIsNull_select() {
        Table out = Filter.keepWhere("cat in ('a', 'c') or cat is null").transform(fitTable()).table();
        assertThat(values(out, "id")).containsExactly(1L, 3L, 4L, 5L);
    }

    @Test
    void syntaxError_atBuild_pointsAtThePosition() {
        assertThatThrownBy(() -> Filter.dropWhere("price < 0 or or quantity < 0"))
            .isInstanceOfSatisfying(ExpressionException.class, e -> assertThat(e.position()).isEqualTo(13));
    }

    @Test
    void nonBooleanCondition_isATypeError() {
        assertThatThrownBy(() -> Filter.dropWhere("price * 2").fit(fitTable()))
            .isInstanceOf(ExpressionException.class).hasMessageContaining("true/false");
    }

    @Test
    void unknownColumn_isAnErrorAtFit() {
        assertThatThrownBy(() -> Filter.dropWhere("prise < 0").fit(fitTable()))
            .isInstanceOfSatisfying(ExpressionException.class, e -> {
                assertThat(e.position()).isZero();
                assertThat(e.reason()).contains("no column 'prise'");
            });
    }
}
