package io.xtage.preprocess.step;

import static io.xtage.preprocess.TestTables.d;
import static io.xtage.preprocess.TestTables.l;
import static io.xtage.preprocess.TestTables.table;
import static io.xtage.preprocess.TestTables.values;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.xtage.core.SchemaException;
import io.xtage.preprocess.Step;
import io.xtage.preprocess.StepContract;
import io.xtage.preprocess.Transformed;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.Table;

class BinTest implements StepContract {

    static Bin ageGroups() {
        return Bin.of("age").into("age_group")
            .bin("[0,18)", "<18").bin("[18,30]", "18-30").bin("(30,50]", "31-50").bin("(50,100]", ">50");
    }

    @Override
    public Step step() {
        return ageGroups();
    }

    @Override
    public Table fitTable() {
        return table(d("age", 0.0, 17.99, 18.0, 30.0, 30.5, 50.0, 50.01, 100.0, 100.5, -1.0, null));
    }

    @Nested
    class QuantileContract implements StepContract {
        @Override
        public Step step() {
            return Bin.quantiles("v", 4);
        }

        @Override
        public Table fitTable() {
            return table(l("v", 1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L, null));
        }
    }

    @Test
    void eachBinHasItsOwnClosedEnds() {
        Transformed t = ageGroups().fit(fitTable()).transform(fitTable());
        assertThat(values(t.table(), "age_group")).containsExactly("<18", "<18", "18-30", "18-30", "31-50", "31-50",
            ">50", ">50", null, null, null);
        assertThat(t.report().details()).containsEntry("out_of_range", 2L).containsEntry("missing", 1L);
        assertThat(t.report().columnsAdded()).containsExactly("age_group");
    }

    @Test
    void edges_makeRightClosedBinsLikePandasCut() {
        Table out = Bin.edges("age", 0, 18, 65).fit(fitTable()).transform(fitTable()).table();
        assertThat(values(out, "age_bin")).containsExactly(null, "(0,18]", "(0,18]", "(18,65]", "(18,65]", "(18,65]",
            "(18,65]", null, null, null, null);
    }

    @Test
    void edgesClosedLeft_closeEachBinOnItsLowerEdge() {
        Table out = Bin.edges("age", 0, 18, 65).closedLeft().fit(fitTable()).transform(fitTable()).table();
        assertThat(values(out, "age_bin")).containsExactly("[0,18)", "[0,18)", "[18,65)", "[18,65)", "[18,65)",
            "[18,65)", "[18,65)", null, null, null, null);
        assertThatThrownBy(() -> ageGroups().closedLeft()).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void edgesWithLabels_useTheLabels() {
        Table out = Bin.edges("age", -1, 18, 1000).labels("minor", "adult").into("age").fit(fitTable())
            .transform(fitTable()).table();
        assertThat(values(out, "age").get(0)).isEqualTo("minor");
        assertThat(out.column("age").type().name()).isEqualTo("STRING");
    }

    @Test
    void quantiles_fitEdgesOnTheData() {
        Table t = table(l("v", 1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L, null));
        // edges at quantiles 0, .25, .5, .75, 1: 1, 3, 5, 7, 9; first bin closed on both ends
        Table out = Bin.quantiles("v", 4).fit(t).transform(t).table();
        assertThat(values(out, "v_bin")).containsExactly("q1", "q1", "q1", "q2", "q2", "q3", "q3", "q4", "q4", null);
        Table other = table(l("v", 0L, 10L));
        assertThat(values(Bin.quantiles("v", 4).fit(t).transform(other).table(), "v_bin")).containsExactly(null, null);
    }

    @Test
    void overlappingBins_areRejectedAtBuild() {
        assertThatThrownBy(() -> Bin.of("a").bin("[0,18]", "a").bin("[18,30]", "b"))
            .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("overlap");
    }

    @Test
    void unreadableInterval_isRejectedAtBuild() {
        assertThatThrownBy(() -> Bin.of("a").bin("0-18", "a")).isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining("cannot read interval");
        assertThatThrownBy(() -> Bin.of("a").bin("(5,5)", "a")).isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining("empty");
    }

    @Test
    void openEndedIntervals_areAllowed() {
        Table out = Bin.of("age").bin("(,18)", "young").bin("[18,inf)", "old").fit(fitTable()).transform(fitTable())
            .table();
        assertThat(values(out, "age_bin")).containsExactly("young", "young", "old", "old", "old", "old", "old", "old",
            "old", "young", null);
    }

    @Test
    void textColumn_isASchemaError() {
        Table t = table(io.xtage.preprocess.TestTables.s("age", "x"));
        assertThatThrownBy(() -> ageGroups().fit(t)).isInstanceOf(SchemaException.class);
    }
}
