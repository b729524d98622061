package io.xtage.preprocess.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.columns.Column;

/** distinctRows, which skips rows with a unique first value, against grouping on every column. */
class GroupsTest {

    private static int[] byFullGrouping(List<Column<?>> cols, int n, boolean last) {
        Groups g = Groups.of(cols, n);
        int[] rows = new int[g.count];
        if (last) {
            for (int i = 0; i < n; i++) {
                rows[g.groupOf[i]] = i;
            }
            Arrays.sort(rows);
        } else {
            System.arraycopy(g.firstRow, 0, rows, 0, g.count);
        }
        return rows;
    }

    /** Columns from codes: the first is LONG, INT or DOUBLE as asked, codes below 0 are missing. */
    private static List<Column<?>> columns(List<Integer> first, List<Integer> second, int firstKind) {
        int n = Math.min(first.size(), second.size());
        LongColumn l = LongColumn.create("l");
        IntColumn i = IntColumn.create("i");
        DoubleColumn d = DoubleColumn.create("d");
        StringColumn s = StringColumn.create("s");
        for (int r = 0; r < n; r++) {
            int a = first.get(r);
            int b = second.get(r);
            if (a < 0) {
                l.appendMissing();
                i.appendMissing();
                d.appendMissing();
            } else {
                l.append(1_000_000_000L + a);
                i.append(-a);
                d.append(a / 4.0);
            }
            s.append(b < 0 ? "" : "v" + b);
        }
        List<Column<?>> cols = new ArrayList<>();
        cols.add(firstKind == 0 ? l : firstKind == 1 ? i : d);
        cols.add(s);
        return cols;
    }

    @Test
    void distinctRowsAreThoseOfFullGrouping() {
        qt().forAll(lists().of(integers().between(-1, 40)).ofSizeBetween(0, 120),
                lists().of(integers().between(-1, 3)).ofSizeBetween(0, 120), integers().between(0, 2))
            .checkAssert((first, second, kind) -> {
                List<Column<?>> cols = columns(first, second, kind);
                int n = cols.get(0).size();
                for (boolean last : new boolean[] {false, true}) {
                    assertThat(Groups.distinctRows(cols, n, last)).containsExactly(byFullGrouping(cols, n, last));
                }
            });
    }

    @Test
    void distinctRowsWithMostlyUniqueFirstValues() {
        List<Integer> first = new ArrayList<>();
        List<Integer> second = new ArrayList<>();
        for (int r = 0; r < 10_000; r++) {
            first.add(r % 97 == 0 ? r / 2 : r); // some repeats, rest unique
            second.add(r % 3);
        }
        List<Column<?>> cols = columns(first, second, 0);
        for (boolean last : new boolean[] {false, true}) {
            assertThat(Groups.distinctRows(cols, 10_000, last)).containsExactly(byFullGrouping(cols, 10_000, last));
        }
    }
}
