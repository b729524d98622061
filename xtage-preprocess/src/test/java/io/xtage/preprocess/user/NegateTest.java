package io.xtage.preprocess.user;

import static org.assertj.core.api.Assertions.assertThat;

import io.xtage.preprocess.Step;
import io.xtage.preprocess.StepContract;
import io.xtage.preprocess.TestTables;
import io.xtage.preprocess.Transformed;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.Table;

/** A user step passes the same contract as the built-in ones. */
class NegateTest implements StepContract {
    @Override
    public Step step() {
        return new Negate("x");
    }

    @Override
    public Table fitTable() {
        return TestTables.table(TestTables.d("x", 1.0, null, -2.0), TestTables.l("n", 1L, 2L, 3L));
    }

    /** The contract's checks are the interface's default tests; this one pins the step's own meaning. */
    @Test
    void negatesTheColumnKeepsMissingValuesAndCountsChangedCells() {
        Transformed t = new Negate("x").transform(fitTable());
        assertThat(TestTables.values(t.table(), "x")).isEqualTo(Arrays.asList(-1.0, null, 2.0));
        assertThat(TestTables.values(t.table(), "n")).containsExactly(1L, 2L, 3L);
        assertThat(t.report().rowsIn()).isEqualTo(3);
        assertThat(t.report().rowsOut()).isEqualTo(3);
    }
}
