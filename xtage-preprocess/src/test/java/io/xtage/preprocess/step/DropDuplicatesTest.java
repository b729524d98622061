package io.xtage.preprocess.step;

import static io.xtage.preprocess.TestTables.d;
import static io.xtage.preprocess.TestTables.l;
import static io.xtage.preprocess.TestTables.s;
import static io.xtage.preprocess.TestTables.table;
import static io.xtage.preprocess.TestTables.values;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.xtage.core.SchemaException;
import io.xtage.preprocess.Step;
import io.xtage.preprocess.StepContract;
import io.xtage.preprocess.Transformed;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.Table;

class DropDuplicatesTest implements StepContract {

    @Override
    public Step step() {
        return DropDuplicates.allColumns();
    }

    @Override
    public Table fitTable() {
        return table(l("id", 1L, 2L, 1L, 3L, 1L), d("x", 1.0, null, 1.0, null, 2.0), s("c", "a", null, "a", null, "a"));
    }

    @Test
    void keepsTheFirstOfEachSetOfDuplicates() {
        Transformed t = DropDuplicates.allColumns().transform(fitTable());
        assertThat(values(t.table(), "id")).containsExactly(1L, 2L, 3L, 1L);
        assertThat(t.report().rowsRemoved()).isEqualTo(1);
        assertThat(t.report().removalReason()).isEqualTo("duplicate of an earlier row on all columns");
    }

    @Test
    void missingValuesEqualMissingValues() {
        Table t = table(d("x", null, null, 1.0), s("c", null, null, "a"));
        assertThat(DropDuplicates.allColumns().transform(t).table().rowCount()).isEqualTo(2);
    }

    @Test
    void zeroAndNegativeZeroAreDuplicates() {
        Table t = table(d("x", 0.0, -0.0));
        assertThat(DropDuplicates.allColumns().transform(t).table().rowCount()).isEqualTo(1);
    }

    @Test
    void subset_judgesOnlyThoseColumns() {
        Table out = DropDuplicates.on("id").transform(fitTable()).table();
        assertThat(values(out, "id")).containsExactly(1L, 2L, 3L);
        assertThat(values(out, "x")).containsExactly(1.0, null, null);
    }

    @Test
    void keepLast_keepsTheLastInRowOrder() {
        Table out = DropDuplicates.on("id").keepLast().transform(fitTable()).table();
        assertThat(values(out, "id")).containsExactly(2L, 3L, 1L);
        assertThat(values(out, "x")).containsExactly(null, null, 2.0);
    }

    @Test
    void noDuplicates_reusesNothingButKeepsAllRows() {
        Table t = table(l("id", 1L, 2L));
        Transformed tr = DropDuplicates.allColumns().transform(t);
        assertThat(tr.table().rowCount()).isEqualTo(2);
        assertThat(tr.report().removalReason()).isEmpty();
    }

    @Test
    void unknownSubsetColumn_isASchemaError() {
        assertThatThrownBy(() -> DropDuplicates.on("nope").transform(fitTable()))
            .isInstanceOf(SchemaException.class).hasMessageContaining("no column 'nope'");
    }

    @Test
    void manyRowsWithCollidingPrefixes_areKeptApart() {
        int n = 50_000;
        long[] a = new long[n];
        for (int i = 0; i < n; i++) {
            a[i] = i % 25_000;
        }
        Table t = Table.create("t", tech.tablesaw.api.LongColumn.create("a", a));
        assertThat(DropDuplicates.allColumns().transform(t).table().rowCount()).isEqualTo(25_000);
    }
}
