package io.xtage.preprocess.step;

import static io.xtage.preprocess.TestTables.d;
import static io.xtage.preprocess.TestTables.l;
import static io.xtage.preprocess.TestTables.s;
import static io.xtage.preprocess.TestTables.table;
import static org.assertj.core.api.Assertions.assertThat;

import io.xtage.preprocess.ColumnSelector;
import io.xtage.preprocess.Step;
import io.xtage.preprocess.StepContract;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.Table;

class SelectTest implements StepContract {

    @Override
    public Step step() {
        return Select.of("c", "a");
    }

    @Override
    public Table fitTable() {
        return table(l("a", 1L), d("b_imputed", 2.0), s("c", "x"), d("d_imputed", 1.0));
    }

    @Nested
    class DropContract implements StepContract {
        @Override
        public Step step() {
            return Select.drop(ColumnSelector.pattern(".*_imputed"));
        }

        @Override
        public Table fitTable() {
            return SelectTest.this.fitTable();
        }
    }

    @Test
    void select_keepsTheNamedColumnsInThatOrder() {
        assertThat(step().fit(fitTable()).transform(fitTable()).table().columnNames()).containsExactly("c", "a");
    }

    @Test
    void drop_byPattern_isResolvedAtFit() {
        var f = Select.drop(ColumnSelector.pattern(".*_imputed")).fit(fitTable());
        assertThat(f.transform(fitTable()).table().columnNames()).containsExactly("a", "c");
        Table later = table(l("a", 1L), d("b_imputed", 2.0), s("c", "x"), d("d_imputed", 1.0), d("e_imputed", 1.0));
        assertThat(f.transform(later).table().columnNames()).containsExactly("a", "c", "e_imputed");
    }

    @Test
    void selectByType_keepsTableOrder() {
        assertThat(Select.of(ColumnSelector.numeric()).fit(fitTable()).transform(fitTable()).table().columnNames())
            .containsExactly("a", "b_imputed", "d_imputed");
    }
}
