package io.xtage.preprocess.step;

import static io.xtage.preprocess.TestTables.d;
import static io.xtage.preprocess.TestTables.l;
import static io.xtage.preprocess.TestTables.s;
import static io.xtage.preprocess.TestTables.table;
import static io.xtage.preprocess.TestTables.values;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.xtage.preprocess.Step;
import io.xtage.preprocess.StepContract;
import io.xtage.preprocess.Transformed;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.Table;

class AggregateTest implements StepContract {

    @Override
    public Step step() {
        return Aggregate.groupBy("cat").count().sum("q").sum("price").mean("price").median("price").min("price")
            .max("name").count("price");
    }

    @Override
    public Table fitTable() {
        return table(s("cat", "a", "b", "a", null, "a", "b"), l("q", 1L, 2L, 3L, 4L, null, 6L),
            d("price", 1.0, 10.0, 3.0, null, 4.0, null), s("name", "x", "y", "z", "w", "b", "a"));
    }

    @Test
    void groupsInOrderOfFirstAppearance_withSqlNullGroup() {
        Transformed t = step().fit(fitTable()).transform(fitTable());
        Table out = t.table();
        assertThat(out.columnNames()).containsExactly("cat", "count", "q_sum", "price_sum", "price_mean",
            "price_median", "price_min", "name_max", "price_count");
        assertThat(values(out, "cat")).containsExactly("a", "b", null);
        assertThat(values(out, "count")).containsExactly(3L, 2L, 1L);
        assertThat(values(out, "q_sum")).containsExactly(4L, 8L, 4L);
        assertThat(values(out, "price_sum")).containsExactly(8.0, 10.0, null);
        assertThat(values(out, "price_mean")).containsExactly(8.0 / 3, 10.0, null);
        assertThat(values(out, "price_median")).containsExactly(3.0, 10.0, null);
        assertThat(values(out, "price_min")).containsExactly(1.0, 10.0, null);
        assertThat(values(out, "name_max")).containsExactly("z", "y", "w");
        assertThat(values(out, "price_count")).containsExactly(3L, 1L, 0L);
        assertThat(t.report().rowsRemoved()).isEqualTo(3);
        assertThat(t.report().removalReason()).isEqualTo("aggregated into 3 groups by [cat]");
    }

    @Test
    void noKeys_givesOneRow() {
        Table out = Aggregate.groupBy().sum("q").transform(fitTable()).table();
        assertThat(values(out, "q_sum")).containsExactly(16L);
    }

    @Test
    void duplicateOutputNames_areRejectedAtBuild() {
        assertThatThrownBy(() -> Aggregate.groupBy("cat").sum("q").sum("q")).isInstanceOf(IllegalArgumentException.class);
    }
}
