package io.xtage.sink.csv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.xtage.sink.SinkException;
import io.xtage.sink.internal.ColumnView;
import io.xtage.sink.internal.TextOut;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tech.tablesaw.api.BooleanColumn;
import tech.tablesaw.api.DateColumn;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/** Large tables are formatted in blocks on several threads; the text is the same as from one thread. */
class CsvSink_ParallelTest {

    @TempDir
    Path tmp;

    private static Table table(int rows, long seed) {
        Random rnd = new Random(seed);
        LongColumn id = LongColumn.create("id");
        IntColumn qty = IntColumn.create("qty");
        DoubleColumn price = DoubleColumn.create("price");
        StringColumn name = StringColumn.create("name");
        StringColumn unique = StringColumn.create("unique");
        BooleanColumn flag = BooleanColumn.create("flag");
        DateColumn day = DateColumn.create("day");
        for (int i = 0; i < rows; i++) {
            id.append((long) i * 7919);
            if (i % 13 == 0) {
                qty.appendMissing();
            } else {
                qty.append(rnd.nextInt(200) - 100);
            }
            if (i % 17 == 0) {
                price.appendMissing();
            } else {
                price.append(i % 3 == 0 ? rnd.nextGaussian() : Math.round(rnd.nextDouble() * 100_000) / 100.0);
            }
            int k = rnd.nextInt(400);
            name.append(k == 0 ? "" : k == 1 ? "with,comma \"q\"" : k == 2 ? "=formula" : k == 3 ? "caf\u00e9 \uD83D\uDE00" : "name_" + k);
            unique.append("u" + i); // so many distinct values that Tablesaw keeps plain text
            if (i % 11 == 0) {
                flag.appendMissing();
            } else {
                flag.append(rnd.nextBoolean());
            }
            if (i % 19 == 0) {
                day.appendMissing();
            } else {
                day.append(LocalDate.of(2020, 1, 1).plusDays(rnd.nextInt(2000)));
            }
        }
        return Table.create("t", id, qty, price, name, unique, flag, day);
    }

    private static String oneThread(Table t, CsvSinkOptions o) throws IOException {
        StringWriter w = new StringWriter();
        TextOut out = TextOut.of(w);
        CsvSink.Rows rows = new CsvSink.Rows(ColumnView.of(t), o);
        rows.header(out);
        rows.write(0, t.rowCount(), out);
        out.flush();
        return w.toString();
    }

    @Test
    void largeTableIsTheSameTextAsFromOneThread() throws IOException {
        for (int rows : new int[] {CsvSink.PARALLEL_MIN_ROWS, CsvSink.PARALLEL_MIN_ROWS + 1,
            12 * CsvSink.BLOCK_ROWS + 123}) {
            Table t = table(rows, rows);
            for (CsvSinkOptions o : new CsvSinkOptions[] {CsvSinkOptions.DEFAULT,
                CsvSinkOptions.builder().nullToken("NA").formulaGuard(true).recordSeparator("\r\n").build()}) {
                StringWriter w = new StringWriter();
                CsvSink.write(t, w, o);
                String expected = oneThread(t, o);
                assertThat(w.toString()).isEqualTo(expected);
                assertThat(expected.split(o.recordSeparator(), -1)).hasSize(rows + 2);
            }
        }
    }

    @Test
    void largeTableFileIsTheSameTextAsFromOneThread() throws IOException {
        Table t = table(9 * CsvSink.BLOCK_ROWS + 7, 1);
        Path file = tmp.resolve("out.csv");

        CsvSink.to(file).write(t);

        assertThat(Files.readString(file, StandardCharsets.UTF_8)).isEqualTo(oneThread(t, CsvSinkOptions.DEFAULT));
    }

    @Test
    void loneSurrogateInALargeTableFailsAndLeavesNoFile() {
        Table t = table(9 * CsvSink.BLOCK_ROWS, 2);
        t.stringColumn("name").set(8 * CsvSink.BLOCK_ROWS + 3, "bad \uD800 text");
        Path file = tmp.resolve("bad.csv");

        assertThatThrownBy(() -> CsvSink.to(file).write(t)).isInstanceOf(SinkException.class)
            .hasMessageContaining("not valid Unicode");
        assertThat(file).doesNotExist();
    }

    @Test
    void inMemoryTextGrowsAndIsAppendedWhole() throws IOException {
        TextOut mem = TextOut.inMemory(1);
        StringBuilder expected = new StringBuilder();
        for (int i = 0; i < 10_000; i++) {
            mem.append(i).append(',').append("x".repeat(i % 70)).append(',').appendDecimal(i, 3).append('\n');
            expected.append(i).append(',').append("x".repeat(i % 70)).append(',')
                .append(java.math.BigDecimal.valueOf(i, 3).toPlainString()).append('\n');
        }
        StringWriter w = new StringWriter();
        TextOut out = new TextOut(w, 64);
        mem.appendTo(out);
        out.flush();

        assertThat(mem.length()).isEqualTo(expected.length());
        assertThat(w.toString()).isEqualTo(expected.toString());
        mem.clear();
        assertThat(mem.length()).isZero();
    }
}
