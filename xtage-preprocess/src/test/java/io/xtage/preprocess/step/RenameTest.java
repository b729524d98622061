package io.xtage.preprocess.step;

import static io.xtage.preprocess.TestTables.l;
import static io.xtage.preprocess.TestTables.s;
import static io.xtage.preprocess.TestTables.table;
import static io.xtage.preprocess.TestTables.values;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.xtage.core.SchemaException;
import io.xtage.preprocess.Step;
import io.xtage.preprocess.StepContract;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.Table;

class RenameTest implements StepContract {

    @Override
    public Step step() {
        return Rename.column("Price", "price").and("Qty", "quantity");
    }

    @Override
    public Table fitTable() {
        return table(l("id", 1L, 2L), l("Price", 3L, 4L), l("Qty", 5L, 6L));
    }

    @Test
    void renamesKeepPositionsAndValues() {
        Table out = step().fit(fitTable()).transform(fitTable()).table();
        assertThat(out.columnNames()).containsExactly("id", "price", "quantity");
        assertThat(values(out, "price")).containsExactly(3L, 4L);
    }

    @Test
    void renamesApplyTogether_soTwoColumnsCanSwap() {
        Table t = table(l("a", 1L), s("b", "x"));
        Table out = Rename.column("a", "b").and("b", "a").transform(t).table();
        assertThat(out.columnNames()).containsExactly("b", "a");
        assertThat(values(out, "b")).containsExactly(1L);
        assertThat(t.columnNames()).containsExactly("a", "b");
    }

    @Test
    void missingColumn_isASchemaError() {
        assertThatThrownBy(() -> Rename.column("price", "p").transform(fitTable())).isInstanceOf(SchemaException.class)
            .hasMessageContaining("did you mean 'Price'");
    }

    @Test
    void nameCollision_isASchemaError() {
        assertThatThrownBy(() -> Rename.column("Price", "id").transform(fitTable())).isInstanceOf(SchemaException.class)
            .hasMessageContaining("two columns named 'id'");
    }
}
