package io.xtage.preprocess.step;

import static io.xtage.preprocess.TestTables.d;
import static io.xtage.preprocess.TestTables.l;
import static io.xtage.preprocess.TestTables.table;
import static io.xtage.preprocess.TestTables.values;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.xtage.preprocess.PreprocessException;
import io.xtage.preprocess.Step;
import io.xtage.preprocess.StepContract;
import io.xtage.preprocess.Transformed;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.Table;

class OutliersTest {

    static Table data() {
        // x: 1..9 and 100; quartiles (linear) q1 = 3.25, q3 = 7.75, iqr 4.5 -> fences [-3.5, 14.5]
        return table(d("x", 1.0, 2.0, 3.0, 4.0, 5.0, 6.0, 7.0, 8.0, 9.0, 100.0, null),
            l("q", 1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L, 10L, 11L));
    }

    @Nested
    class ClipContract implements StepContract {
        @Override
        public Step step() {
            return Outliers.clip(2, 8.5, "x", "q");
        }

        @Override
        public Table fitTable() {
            return data();
        }
    }

    @Nested
    class RemoveIqrContract implements StepContract {
        @Override
        public Step step() {
            return Outliers.removeIqr(1.5, "x");
        }

        @Override
        public Table fitTable() {
            return data();
        }
    }

    @Nested
    class ClipQuantilesContract implements StepContract {
        @Override
        public Step step() {
            return Outliers.clipQuantiles(0.1, 0.9, "x");
        }

        @Override
        public Table fitTable() {
            return data();
        }
    }

    @Test
    void clip_toFixedBounds_roundsIntegerBoundsInwards() {
        Transformed t = Outliers.clip(2, 8.5, "x", "q").fit(data()).transform(data());
        assertThat(values(t.table(), "x")).containsExactly(2.0, 2.0, 3.0, 4.0, 5.0, 6.0, 7.0, 8.0, 8.5, 8.5, null);
        assertThat(values(t.table(), "q")).containsExactly(2L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 8L, 8L, 8L);
        assertThat(t.report().cellsChanged()).containsEntry("x", 3L).containsEntry("q", 4L);
    }

    @Test
    void clipQuantiles_usesLinearlyInterpolatedQuantiles() {
        // 10 values: q0.1 at position 0.9 -> 1 + 0.9 * 1 = 1.9; q0.9 at 8.1 -> 9 + 0.1 * 91 = 18.1
        Table out = Outliers.clipQuantiles(0.1, 0.9, "x").fit(data()).transform(data()).table();
        assertThat((Double) values(out, "x").get(0)).isCloseTo(1.9, org.assertj.core.api.Assertions.within(1e-12));
        assertThat((Double) values(out, "x").get(9)).isCloseTo(18.1, org.assertj.core.api.Assertions.within(1e-12));
    }

    @Test
    void removeIqr_dropsRowsOutsideTheFencesAndKeepsMissing() {
        Transformed t = Outliers.removeIqr(1.5, "x").fit(data()).transform(data());
        assertThat(values(t.table(), "q")).containsExactly(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L, 11L);
        assertThat(t.report().rowsRemoved()).isEqualTo(1);
        assertThat(t.report().removalReason()).contains("IQR");
    }

    @Test
    void removeZScore_usesTheFittedMeanAndStd() {
        // mean of 1..9,100 is 14.5; a z of 2 keeps everything within 2 standard deviations (std ~ 28.5)
        Transformed t = Outliers.removeZScore(2, "x").fit(data()).transform(data());
        assertThat(values(t.table(), "x")).doesNotContain(100.0).hasSize(10);
    }

    @Test
    void fittedBounds_applyToOtherTables() {
        var f = Outliers.removeIqr(1.5, "x").fit(data());
        Table other = table(d("x", 14.0, 15.0, -4.0), l("q", 1L, 2L, 3L));
        assertThat(values(f.transform(other).table(), "x")).containsExactly(14.0);
    }

    @Test
    void entirelyMissingColumn_isAClearError() {
        Table t = table(d("x", null, null));
        assertThatThrownBy(() -> Outliers.removeIqr(1.5, "x").fit(t)).isInstanceOf(PreprocessException.class)
            .hasMessageContaining("'x'");
    }

    @Test
    void badParameters_areRejectedAtBuild() {
        assertThatThrownBy(() -> Outliers.clip(3, 1, "x")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Outliers.clipQuantiles(0.9, 0.1, "x")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Outliers.removeZScore(0, "x")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Outliers.removeIqr(-1, "x")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void infiniteBounds_surviveJson() {
        var plan = io.xtage.preprocess.DataPreprocessor.builder()
            .step(Outliers.clip(Double.NEGATIVE_INFINITY, 5, "x")).build();
        var back = io.xtage.preprocess.DataPreprocessor.fromJson(plan.toJson());
        assertThat(back).isEqualTo(plan);
        assertThat(plan.toJson()).contains("\"-Infinity\"");
    }
}
