package io.xtage.core.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.DateColumn;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.columns.dates.PackedLocalDate;

class ColumnArraysTest {

    @Test
    void readsTablesawsOwnArraysWithTheTablesawXtageIsBuiltOn() {
        assertThat(ColumnArrays.direct()).isTrue();
        DoubleColumn d = DoubleColumn.create("d", new double[] {1.5, Double.NaN, -2});
        assertThat(ColumnArrays.doubles(d)).isSameAs(ColumnArrays.doubles(d));
    }

    @Test
    void factoriesKeepTheArrayAndMakeTheColumnsTablesawsFactoriesMake() {
        double[] d = {1.5, Double.NaN, -2};
        long[] l = {7, Long.MIN_VALUE, -9_000_000_000L};
        int[] i = {3, Integer.MIN_VALUE, -4};
        int[] t = {PackedLocalDate.pack(LocalDate.of(2024, 2, 29)), Integer.MIN_VALUE,
            PackedLocalDate.pack(LocalDate.of(1970, 1, 1))};
        DoubleColumn dc = ColumnArrays.doubleColumn("d", d);
        LongColumn lc = ColumnArrays.longColumn("l", l);
        IntColumn ic = ColumnArrays.intColumn("i", i);
        DateColumn tc = ColumnArrays.dateColumn("t", t);
        assertThat(ColumnArrays.doubles(dc)).isSameAs(d);
        assertThat(ColumnArrays.longs(lc)).isSameAs(l);
        assertThat(ColumnArrays.ints(ic)).isSameAs(i);
        assertThat(ColumnArrays.packedDates(tc)).isSameAs(t);
        assertThat(dc.asList()).isEqualTo(DoubleColumn.create("d", d).asList());
        assertThat(lc.asList()).isEqualTo(LongColumn.create("l", l).asList());
        assertThat(ic.asList()).isEqualTo(IntColumn.create("i", i).asList());
        assertThat(tc.asList()).isEqualTo(DateColumn.createInternal("t", t).asList());
        assertThat(List.of(dc.name(), lc.name(), ic.name(), tc.name())).containsExactly("d", "l", "i", "t");
        assertThat(List.of(dc.countMissing(), lc.countMissing(), ic.countMissing(), tc.countMissing()))
            .containsExactly(1, 1, 1, 1);
        // a column made this way grows as any other
        dc.append(4.0);
        assertThat(dc.size()).isEqualTo(4);
        assertThat(dc.getDouble(3)).isEqualTo(4.0);
    }

    @Test
    void arraysHoldWhatTheGettersGiveMissingValuesIncluded() {
        // values built by appending, so the lists' arrays are longer than the columns
        qt().withExamples(300).forAll(lists().of(integers().between(-1_000, 1_000)).ofSizeBetween(0, 40))
            .checkAssert(ColumnArraysTest::check);
    }

    private static void check(List<Integer> values) {
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
        double[] da = ColumnArrays.doubles(d);
        long[] la = ColumnArrays.longs(l);
        int[] ia = ColumnArrays.ints(i);
        int[] ta = ColumnArrays.packedDates(t);
        assertThat(da.length).isGreaterThanOrEqualTo(values.size());
        for (int r = 0; r < values.size(); r++) {
            assertThat(Double.doubleToRawLongBits(da[r])).isEqualTo(Double.doubleToRawLongBits(d.getDouble(r)));
            assertThat(la[r]).isEqualTo(l.getLong(r));
            assertThat(ia[r]).isEqualTo(i.getInt(r));
            assertThat(ta[r]).isEqualTo(t.getIntInternal(r));
        }
        assertThat(la).hasSizeGreaterThanOrEqualTo(values.size());
        assertThat(ia).hasSizeGreaterThanOrEqualTo(values.size());
        assertThat(ta).hasSizeGreaterThanOrEqualTo(values.size());
    }
}
