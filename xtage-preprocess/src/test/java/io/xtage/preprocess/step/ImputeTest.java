package io.xtage.preprocess.step;

import static io.xtage.preprocess.TestTables.d;
import static io.xtage.preprocess.TestTables.date;
import static io.xtage.preprocess.TestTables.i;
import static io.xtage.preprocess.TestTables.l;
import static io.xtage.preprocess.TestTables.s;
import static io.xtage.preprocess.TestTables.table;
import static io.xtage.preprocess.TestTables.values;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.xtage.core.SchemaException;
import io.xtage.preprocess.ColumnSelector;
import io.xtage.preprocess.PreprocessException;
import io.xtage.preprocess.Step;
import io.xtage.preprocess.StepContract;
import io.xtage.preprocess.Transformed;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.Table;

class ImputeTest implements StepContract {

    @Override
    public Step step() {
        return Impute.median("x", "n").indicator();
    }

    @Override
    public Table fitTable() {
        return table(d("x", 1.0, null, 4.0, 2.0, null), l("n", 1L, 2L, null, 4L, 4L), s("c", "b", "a", null, "b", "a"),
            i("k", 3, null, 3, 1, 1), date("day", "2024-01-02", null, "2024-01-01", "2024-01-02", "2024-01-01"));
    }

    @Override
    public Table otherTable() {
        return table(d("x", null, 7.0), l("n", null, 1L), s("c", null, "z"), i("k", null, 2),
            date("day", null, "2024-05-05"));
    }

    @Test
    void median_ofAnEvenCount_isTheMeanOfTheTwoMiddleValues() {
        Table out = Impute.median("x").fit(fitTable()).transform(fitTable()).table();
        // 1, 2, 4 -> 2; n: 1, 2, 4, 4 -> (2 + 4) / 2 = 3
        assertThat(values(out, "x")).containsExactly(1.0, 2.0, 4.0, 2.0, 2.0);
        Table n = Impute.median("n").fit(fitTable()).transform(fitTable()).table();
        assertThat(values(n, "n")).containsExactly(1L, 2L, 3L, 4L, 4L);
    }

    @Test
    void medianOfAnIntegerColumn_isRoundedHalfToEven() {
        Table t = table(l("n", 1L, 2L, null));
        // median 1.5 rounds to 2 (half to even)
        assertThat(values(Impute.median("n").fit(t).transform(t).table(), "n")).containsExactly(1L, 2L, 2L);
        Table u = table(l("n", 2L, 3L, null));
        // median 2.5 rounds to 2
        assertThat(values(Impute.median("n").fit(u).transform(u).table(), "n")).containsExactly(2L, 3L, 2L);
    }

    @Test
    void mean_fillsWithTheMean() {
        Table out = Impute.mean("x").fit(fitTable()).transform(fitTable()).table();
        assertThat(values(out, "x")).containsExactly(1.0, 7.0 / 3, 4.0, 2.0, 7.0 / 3);
    }

    @Test
    void mostFrequent_tiesGoToTheSmallestValue() {
        Table out = Impute.mostFrequent("c", "k", "day").fit(fitTable()).transform(fitTable()).table();
        assertThat(values(out, "c")).containsExactly("b", "a", "a", "b", "a");
        assertThat(values(out, "k")).containsExactly(3L, 1L, 3L, 1L, 1L);
        assertThat(values(out, "day")).containsExactly(LocalDate.of(2024, 1, 2), LocalDate.of(2024, 1, 1),
            LocalDate.of(2024, 1, 1), LocalDate.of(2024, 1, 2), LocalDate.of(2024, 1, 1));
    }

    @Test
    void mostFrequent_comparesTextByCodePoint() {
        Table t = table(s("c", "b", "B", null));
        assertThat(values(Impute.mostFrequent("c").fit(t).transform(t).table(), "c")).containsExactly("b", "B", "B");
    }

    @Test
    void constant_fillsEveryMissingValue() {
        Table out = Impute.constant(LocalDate.of(2000, 1, 1), "day").fit(fitTable()).transform(fitTable()).table();
        assertThat(values(out, "day").get(1)).isEqualTo(LocalDate.of(2000, 1, 1));
        Table c = Impute.constant("unknown", ColumnSelector.text()).fit(fitTable()).transform(fitTable()).table();
        assertThat(values(c, "c").get(2)).isEqualTo("unknown");
    }

    @Test
    void constantOfTheWrongType_isASchemaErrorAtFit() {
        assertThatThrownBy(() -> Impute.constant("x", "n").fit(fitTable())).isInstanceOf(SchemaException.class)
            .hasMessageContaining("'n'");
        assertThatThrownBy(() -> Impute.constant(1.5, "n").fit(fitTable())).isInstanceOf(SchemaException.class)
            .hasMessageContaining("whole number");
    }

    @Test
    void indicator_marksTheImputedRowsAfterTheLastColumn() {
        Transformed t = step().fit(fitTable()).transform(fitTable());
        assertThat(t.table().columnNames()).endsWith("x_imputed", "n_imputed");
        assertThat(values(t.table(), "x_imputed")).containsExactly(0L, 1L, 0L, 0L, 1L);
        assertThat(values(t.table(), "n_imputed")).containsExactly(0L, 0L, 1L, 0L, 0L);
        assertThat(t.report().columnsAdded()).containsExactly("x_imputed", "n_imputed");
    }

    @Test
    void learnedValues_areUsedOnOtherTables() {
        Table out = Impute.median("x").fit(fitTable()).transform(otherTable()).table();
        assertThat(values(out, "x")).containsExactly(2.0, 7.0);
    }

    @Test
    void entirelyMissingColumn_isAClearErrorNamingIt() {
        Table t = table(d("x", null, null));
        assertThatThrownBy(() -> Impute.median("x").fit(t)).isInstanceOfSatisfying(PreprocessException.class, e -> {
            assertThat(e.step()).isEqualTo("impute");
            assertThat(e.column()).contains("x");
            assertThat(e.getMessage()).contains("ifAllMissing");
        });
    }

    @Test
    void entirelyMissingColumn_withAFallback_usesIt() {
        Table t = table(d("x", null, null), s("c", null, null));
        Transformed out = Impute.median("x").ifAllMissing(0.0).fit(t).transform(t);
        assertThat(values(out.table(), "x")).containsExactly(0.0, 0.0);
        assertThat(out.report().notes().get(0)).contains("fallback");
        Table c = Impute.mostFrequent("c").ifAllMissing("none").fit(t).transform(t).table();
        assertThat(values(c, "c")).containsExactly("none", "none");
    }

    @Test
    void emptyTable_isEntirelyMissing() {
        Table t = table(d("x"));
        assertThatThrownBy(() -> Impute.mean("x").fit(t)).isInstanceOf(PreprocessException.class);
    }

    @Test
    void medianOfText_isASchemaError() {
        assertThatThrownBy(() -> Impute.median("c").fit(fitTable())).isInstanceOf(SchemaException.class)
            .hasMessageContaining("mostFrequent");
    }

    @Test
    void columnTypeChangedSinceFit_isASchemaError() {
        var f = Impute.median("x").fit(fitTable());
        Table t = table(l("x", 1L, null));
        assertThatThrownBy(() -> f.transform(t)).isInstanceOf(SchemaException.class)
            .hasMessageContaining("was DOUBLE at fit time but is LONG");
    }

    @Test
    void nanConstant_isRejectedAtBuild() {
        assertThatThrownBy(() -> Impute.constant(Double.NaN, "x")).isInstanceOf(IllegalArgumentException.class);
    }
}
