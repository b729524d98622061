package io.xtage.preprocess.user;

import io.xtage.preprocess.Step;
import io.xtage.preprocess.StepContract;
import io.xtage.preprocess.TestTables;
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
}
