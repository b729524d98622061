package io.xtage.core.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.booleans;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tech.tablesaw.api.DateColumn;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.columns.dates.PackedLocalDate;

/** Both ways ColumnArrays reaches a column's values (Tablesaw's own arrays, or copies) give the same. */
class ColumnArraysTest {

    @Test
    void readsTablesawsOwnArraysWithTheTablesawXtageIsBuiltOn() {
        assertThat(ColumnArrays.direct()).isTrue();
        double[] d = {1.5, Double.NaN, -2};
        long[] l = {7, Long.MIN_VALUE, -9_000_000_000L};
        int[] i = {3, Integer.MIN_VALUE, -4};
        int[] t = {PackedLocalDate.pack(LocalDate.of(2024, 2, 29)), Integer.MIN_VALUE,
            PackedLocalDate.pack(LocalDate.of(1970, 1, 1))};
        // no copy either way: the column keeps the array it was made with, and hands it back
        assertThat(ColumnArrays.doubles(ColumnArrays.doubleColumn("d", d))).isSameAs(d);
        assertThat(ColumnArrays.longs(ColumnArrays.longColumn("l", l))).isSameAs(l);
        assertThat(ColumnArrays.ints(ColumnArrays.intColumn("i", i))).isSameAs(i);
        assertThat(ColumnArrays.packedDates(ColumnArrays.dateColumn("t", t))).isSameAs(t);
    }

    @ParameterizedTest(name = "direct = {0}")
    @ValueSource(booleans = {true, false})
    void factoriesMakeTheColumnsTablesawsFactoriesMake(boolean direct) {
        double[] d = {1.5, Double.NaN, -2};
        long[] l = {7, Long.MIN_VALUE, -9_000_000_000L};
        int[] i = {3, Integer.MIN_VALUE, -4};
        int[] t = {PackedLocalDate.pack(LocalDate.of(2024, 2, 29)), Integer.MIN_VALUE,
            PackedLocalDate.pack(LocalDate.of(1970, 1, 1))};
        DoubleColumn dc = ColumnArrays.doubleColumn("d", d.clone(), direct);
        LongColumn lc = ColumnArrays.longColumn("l", l.clone(), direct);
        IntColumn ic = ColumnArrays.intColumn("i", i.clone(), direct);
        DateColumn tc = ColumnArrays.dateColumn("t", t.clone(), direct);
        assertThat(dc.asList()).isEqualTo(DoubleColumn.create("d", d).asList());
        assertThat(lc.asList()).isEqualTo(LongColumn.create("l", l).asList());
        assertThat(ic.asList()).isEqualTo(IntColumn.create("i", i).asList());
        assertThat(tc.asList()).isEqualTo(DateColumn.createInternal("t", t).asList());
        assertThat(List.of(dc.name(), lc.name(), ic.name(), tc.name())).containsExactly("d", "l", "i", "t");
        assertThat(List.of(dc.countMissing(), lc.countMissing(), ic.countMissing(), tc.countMissing()))
            .containsExactly(1, 1, 1, 1);
        // a column made either way grows as any other
        dc.append(4.0);
        tc.append(LocalDate.of(2000, 1, 1));
        assertThat(dc.size()).isEqualTo(4);
        assertThat(dc.getDouble(3)).isEqualTo(4.0);
        assertThat(tc.get(3)).isEqualTo(LocalDate.of(2000, 1, 1));
    }

    @Test
    void arraysHoldWhatTheGettersGiveMissingValuesIncludedEitherWay() {
        // values built by appending, so the lists' arrays are longer than the columns
        qt().withExamples(300)
            .forAll(lists().of(integers().between(-1_000, 1_000)).ofSizeBetween(0, 40), booleans().all())
            .checkAssert(ColumnArraysTest::check);
    }

    private static void check(List<Integer> values, boolean direct) {
        DoubleColumn d = DoubleColumn.create("d");
        LongColumn l = LongColumn.create("l");
        IntColumn i = IntColumn.create("i");
        DateColumn t = DateColumn.create("t");
        for (int v : values) {
            if (v % 7 == 0) {
                d.appendMissing();
                l.appendMissing();
                i.appendMissing();
                t.appendMissing();
            } else {
                d.append(v / 4.0);
                l.append(v * 1_000_000_007L);
                i.append(v);
                t.append(LocalDate.of(2024, 1, 1).plusDays(v));
            }
        }
        double[] da = ColumnArrays.doubles(d, direct);
        long[] la = ColumnArrays.longs(l, direct);
        int[] ia = ColumnArrays.ints(i, direct);
        int[] ta = ColumnArrays.packedDates(t, direct);
        assertThat(List.of(da.length, la.length, ia.length, ta.length)).allMatch(n -> n >= values.size());
        for (int r = 0; r < values.size(); r++) {
            assertThat(Double.doubleToRawLongBits(da[r])).isEqualTo(Double.doubleToRawLongBits(d.getDouble(r)));
            assertThat(la[r]).isEqualTo(l.getLong(r));
            assertThat(ia[r]).isEqualTo(i.getInt(r));
            assertThat(ta[r]).isEqualTo(t.getIntInternal(r));
        }
    }
}
