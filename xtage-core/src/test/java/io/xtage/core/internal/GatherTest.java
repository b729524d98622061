package io.xtage.core.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.BooleanColumn;
import tech.tablesaw.api.DateColumn;
import tech.tablesaw.api.DateTimeColumn;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.FloatColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.columns.Column;

class GatherTest {

    /** One column of every type, {@code rows} long, a fifth of each missing. */
    private static List<Column<?>> columns(int rows, long seed) {
        Random r = new Random(seed);
        IntColumn ints = IntColumn.create("i");
        LongColumn longs = LongColumn.create("l");
        DoubleColumn doubles = DoubleColumn.create("d");
        FloatColumn floats = FloatColumn.create("f");
        StringColumn strings = StringColumn.create("s");
        DateColumn dates = DateColumn.create("date");
        DateTimeColumn times = DateTimeColumn.create("ts");
        BooleanColumn bools = BooleanColumn.create("b");
        for (int i = 0; i < rows; i++) {
            boolean miss = r.nextInt(5) == 0;
            if (miss) {
                ints.appendMissing();
                longs.appendMissing();
                doubles.appendMissing();
                floats.appendMissing();
                strings.appendMissing();
                dates.appendMissing();
                times.appendMissing();
                bools.appendMissing();
            } else {
                ints.append(r.nextInt());
                longs.append(r.nextLong() >> 1);
                doubles.append(r.nextGaussian());
                floats.append(r.nextFloat());
                strings.append("v" + r.nextInt(300));
                dates.append(LocalDate.ofEpochDay(r.nextInt(40_000)));
                times.append(LocalDateTime.of(2020, 1, 1, 0, 0).plusSeconds(r.nextInt(1_000_000)));
                bools.append(r.nextBoolean());
            }
        }
        return List.of(ints, longs, doubles, floats, strings, dates, times, bools);
    }

    private static int[] indexes(int n, int rows, long seed) {
        Random r = new Random(seed);
        int[] idx = new int[n];
        for (int i = 0; i < n; i++) {
            idx[i] = r.nextInt(8) == 0 ? -1 : r.nextInt(rows);
        }
        return idx;
    }

    /** The meaning of a gather, spelled with Tablesaw's own per-value API. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Column<?> appendOneByOne(Column<?> src, int[] idx) {
        Column out = src.emptyCopy();
        for (int j : idx) {
            if (j < 0) {
                out.appendMissing();
            } else {
                out.append((Column) src, j);
            }
        }
        return out;
    }

    @Test
    void everyTypeGathersAsAppendingTheRowsOneByOne() {
        qt().withExamples(60).forAll(integers().between(0, 300), integers().between(0, 500),
            integers().allPositive()).checkAssert((rows, n, seed) -> {
                List<Column<?>> src = columns(rows, seed);
                int[] idx = rows == 0 ? new int[n] : indexes(n, rows, seed + 1);
                if (rows == 0) {
                    java.util.Arrays.fill(idx, -1);
                }
                List<Column<?>> got = Gather.columns(src, idx);
                assertThat(got).hasSameSizeAs(src);
                for (int c = 0; c < src.size(); c++) {
                    Column<?> expected = appendOneByOne(src.get(c), idx);
                    assertThat(got.get(c).name()).isEqualTo(src.get(c).name());
                    assertThat(got.get(c).type()).isEqualTo(src.get(c).type());
                    assertThat(got.get(c).asList()).as(src.get(c).name()).isEqualTo(expected.asList());
                }
            });
    }

    @Test
    void manyColumnsOfManyRowsTakeTheParallelPathAndGiveTheSameColumns() {
        int rows = 50_000;
        List<Column<?>> src = new ArrayList<>();
        for (int k = 0; k < 4; k++) {
            src.addAll(columns(rows, 7 + k));
        }
        int[] idx = indexes(rows, rows, 3);
        assertThat((long) src.size() * idx.length).isGreaterThanOrEqualTo(Parallel.MIN_CELLS);
        List<Column<?>> got = Gather.columns(src, idx);
        for (int c = 0; c < src.size(); c++) {
            assertThat(got.get(c).asList()).isEqualTo(Gather.column(src.get(c), idx).asList());
            assertThat(got.get(c).asList()).isEqualTo(appendOneByOne(src.get(c), idx).asList());
        }
    }

    @Test
    void intsGatherWithMinusOneForMissing() {
        assertThat(Gather.ints(new int[] {10, 20, 30}, new int[] {2, -1, 0, 0})).containsExactly(30, -1, 10, 10);
    }

    @Test
    void parallelMapFailsWithTheLowestFailingPieceWhicheverThreadRanIt() {
        for (int attempt = 0; attempt < 20; attempt++) {
            assertThatThrownBy(() -> Parallel.map(64, Parallel.MIN_CELLS, i -> {
                if (i % 10 == 3) {
                    throw new IllegalArgumentException("piece " + i);
                }
                return i;
            })).isInstanceOf(IllegalArgumentException.class).hasMessage("piece 3");
        }
    }

    @Test
    void parallelMapKeepsPieceOrder() {
        List<Integer> out = Parallel.map(1000, Parallel.MIN_CELLS, i -> i * 2);
        for (int i = 0; i < 1000; i++) {
            assertThat(out.get(i)).isEqualTo(i * 2);
        }
        assertThat(Parallel.map(3, 1, i -> "p" + i)).containsExactly("p0", "p1", "p2");
    }
}
