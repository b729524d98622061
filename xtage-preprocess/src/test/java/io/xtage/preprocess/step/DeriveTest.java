package io.xtage.preprocess.step;

import static io.xtage.preprocess.TestTables.d;
import static io.xtage.preprocess.TestTables.date;
import static io.xtage.preprocess.TestTables.i;
import static io.xtage.preprocess.TestTables.l;
import static io.xtage.preprocess.TestTables.table;
import static io.xtage.preprocess.TestTables.values;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.xtage.core.SchemaException;
import io.xtage.preprocess.ExpressionException;
import io.xtage.preprocess.Step;
import io.xtage.preprocess.StepContract;
import io.xtage.preprocess.Transformed;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.Table;

class DeriveTest implements StepContract {

    @Override
    public Step step() {
        return Derive.of("total", "quantity * price");
    }

    @Override
    public Table fitTable() {
        return table(l("quantity", 2L, 3L, null), d("price", 1.5, null, 2.0), i("k", 1, 2, 3),
            date("joined", "2024-01-31", "2023-12-31", null), date("bought", "2024-03-01", "2024-01-01", "2024-01-01"));
    }

    @Test
    void arithmetic_withAMissingOperand_isMissing() {
        Transformed t = step().fit(fitTable()).transform(fitTable());
        assertThat(values(t.table(), "total")).containsExactly(3.0, null, null);
        assertThat(t.report().columnsAdded()).containsExactly("total");
        assertThat(t.report().details()).containsEntry("missing", 2L);
    }

    @Test
    void integerArithmetic_givesLong() {
        Table out = Derive.of("m", "quantity * k + 1").fit(fitTable()).transform(fitTable()).table();
        assertThat(values(out, "m")).containsExactly(3L, 7L, null);
        assertThat(out.column("m").type().name()).isEqualTo("LONG");
    }

    @Test
    void coalesce_takesTheFirstPresentValue() {
        Table out = Derive.of("p", "coalesce(price, quantity, 0)").fit(fitTable()).transform(fitTable()).table();
        assertThat(values(out, "p")).containsExactly(1.5, 3.0, 2.0);
    }

    @Test
    void dateParts_andDateDifferences() {
        Table out = Derive.of("y", "year(joined)").fit(fitTable()).transform(fitTable()).table();
        assertThat(values(out, "y")).containsExactly(2024L, 2023L, null);
        Table m = Derive.of("dow", "day_of_week(bought)").fit(fitTable()).transform(fitTable()).table();
        // 2024-03-01 is a Friday (5), 2024-01-01 a Monday (1)
        assertThat(values(m, "dow")).containsExactly(5L, 1L, 1L);
        Table dd = Derive.of("days", "days_between(joined, bought)").fit(fitTable()).transform(fitTable()).table();
        assertThat(values(dd, "days")).containsExactly(30L, 1L, null);
    }

    @Test
    void existingColumn_isReplacedInPlace() {
        Transformed t = Derive.of("price", "coalesce(price, 0.0) * 2").fit(fitTable()).transform(fitTable());
        assertThat(t.table().columnNames()).containsExactly("quantity", "price", "k", "joined", "bought");
        assertThat(values(t.table(), "price")).containsExactly(3.0, 0.0, 4.0);
        assertThat(t.report().cellsChanged()).containsEntry("price", 3L);
    }

    @Test
    void resultTypeChangedSinceFit_isASchemaError() {
        var f = Derive.of("m", "quantity * k").fit(fitTable());
        Table t = table(d("quantity", 1.0), i("k", 1));
        assertThatThrownBy(() -> f.transform(t)).isInstanceOf(SchemaException.class)
            .hasMessageContaining("gave LONG at fit time but DOUBLE now");
    }

    @Test
    void typeError_pointsAtTheOperator() {
        assertThatThrownBy(() -> Derive.of("z", "price + joined").fit(fitTable()))
            .isInstanceOfSatisfying(ExpressionException.class, e -> assertThat(e.position()).isEqualTo(6));
    }

    @Test
    void alwaysNullExpression_isAnError() {
        assertThatThrownBy(() -> Derive.of("z", "null").fit(fitTable())).isInstanceOf(ExpressionException.class)
            .hasMessageContaining("always null");
    }
}
