package io.xtage.preprocess.step;

import static io.xtage.preprocess.TestTables.d;
import static io.xtage.preprocess.TestTables.l;
import static io.xtage.preprocess.TestTables.table;
import static io.xtage.preprocess.TestTables.values;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.xtage.preprocess.ColumnSelector;
import io.xtage.preprocess.PreprocessException;
import io.xtage.preprocess.Step;
import io.xtage.preprocess.StepContract;
import io.xtage.preprocess.Transformed;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.Table;

class ScaleTest implements StepContract {

    @Override
    public Step step() {
        return Scale.standard(ColumnSelector.numeric());
    }

    @Override
    public Table fitTable() {
        return table(d("x", 1.0, 2.0, 3.0, 6.0, null), l("n", 2L, 4L, 4L, 4L, 6L));
    }

    @Test
    void standard_usesMeanAndPopulationStd() {
        // x: mean 3, population variance (4 + 1 + 0 + 9) / 4 = 3.5
        Transformed t = Scale.standard("x").fit(fitTable()).transform(fitTable());
        double std = Math.sqrt(3.5);
        assertThat(values(t.table(), "x")).containsExactly(-2 / std, -1 / std, 0.0, 3 / std, null);
    }

    @Test
    void standard_ofAnIntegerColumn_retypesItToDouble() {
        Transformed t = Scale.standard("n").fit(fitTable()).transform(fitTable());
        // n: mean 4, variance (4 + 0 + 0 + 0 + 4) / 5 = 1.6
        double std = Math.sqrt(1.6);
        assertThat(values(t.table(), "n")).containsExactly(-2 / std, 0.0, 0.0, 0.0, 2 / std);
        assertThat(t.report().columnsRetyped()).containsEntry("n", "LONG -> DOUBLE");
    }

    @Test
    void into_writesANewColumnAfterTheLast() {
        Transformed t = Scale.standard("x").into("x_z").fit(fitTable()).transform(fitTable());
        assertThat(t.table().columnNames()).containsExactly("x", "n", "x_z");
        assertThat(values(t.table(), "x")).containsExactly(1.0, 2.0, 3.0, 6.0, null);
    }

    @Test
    void minMax_mapsTheFitDataToZeroOne() {
        Table out = Scale.minMax("x").suffix("_01").fit(fitTable()).transform(fitTable()).table();
        assertThat(values(out, "x_01")).containsExactly(0.0, 0.2, 0.4, 1.0, null);
    }

    @Test
    void robust_usesMedianAndIqr() {
        // n: 2,4,4,4,6 -> median 4, q1 4, q3 4, iqr 0 -> scale 1
        Table out = Scale.robust("n").fit(fitTable()).transform(fitTable()).table();
        assertThat(values(out, "n")).containsExactly(-2.0, 0.0, 0.0, 0.0, 2.0);
        // x: 1,2,3,6 -> median 2.5, q1 1.75, q3 3.75, iqr 2
        Table x = Scale.robust("x").fit(fitTable()).transform(fitTable()).table();
        assertThat(values(x, "x")).containsExactly(-0.75, -0.25, 0.25, 1.75, null);
    }

    @Test
    void constantColumn_scalesByOne() {
        Table t = table(d("x", 5.0, 5.0));
        assertThat(values(Scale.standard("x").fit(t).transform(t).table(), "x")).containsExactly(0.0, 0.0);
    }

    @Test
    void intoWithSeveralColumns_isRejectedAtBuild() {
        assertThatThrownBy(() -> Scale.standard("a", "b").into("z")).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void entirelyMissingColumn_isAClearError() {
        Table t = table(d("x", null, null));
        assertThatThrownBy(() -> Scale.standard("x").fit(t)).isInstanceOf(PreprocessException.class)
            .hasMessageContaining("'x'");
    }
}
