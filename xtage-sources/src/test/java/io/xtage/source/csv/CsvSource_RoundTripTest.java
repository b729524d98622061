package io.xtage.source.csv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.arbitrary;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import io.xtage.core.ProgressListener;
import io.xtage.core.ReadResult;
import io.xtage.core.schema.ColumnType;
import io.xtage.core.schema.Schema;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

/**
 * Whatever Commons CSV writes, CsvSource reads back: quotes, delimiters, line breaks, empty values,
 * non-ASCII. The table builder trims text and reads blank text as missing (stored as ""), so each
 * value is expected back stripped.
 */
class CsvSource_RoundTripTest {
    private static final List<String> PIECES = List.of("a", "b", "Z", "1", " ", "  ", ",", ";", "\"", "\"\"", "\n",
        "\r", "\r\n", "\t", "é", "中", "😀", "\\", "#", "'", "x y");

    private static Gen<String> cells() {
        return lists().of(arbitrary().pick(PIECES)).ofSizeBetween(0, 6).map(l -> String.join("", l));
    }

    private static Gen<List<List<String>>> tables() {
        return integers().between(1, 4).flatMap(width ->
            lists().of(lists().of(cells()).ofSize(width)).ofSizeBetween(0, 12));
    }

    private static String write(List<String> header, List<List<String>> rows) {
        StringWriter w = new StringWriter();
        try (CSVPrinter p = new CSVPrinter(w, CSVFormat.DEFAULT)) {
            p.printRecord(header);
            for (List<String> row : rows) {
                p.printRecord(row);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return w.toString();
    }

    @Test
    void valuesWrittenByCommonsCsvReadBackUnchangedButTrimmed() {
        qt().withExamples(300).forAll(tables()).checkAssert(rows -> {
            int width = rows.isEmpty() ? 1 : rows.get(0).size();
            List<String> header = new ArrayList<>();
            Schema.Builder schema = Schema.builder();
            for (int c = 1; c <= width; c++) {
                header.add("c" + c);
                schema.column("c" + c, ColumnType.STRING);
            }
            byte[] csv = write(header, rows).getBytes(StandardCharsets.UTF_8);
            for (var how : TestStreams.all().values()) {
                ReadResult r = CsvSource.format(CsvOptions.DEFAULT).withSchema(schema.build())
                    .read("roundtrip", how.apply(csv), ProgressListener.NONE);

                assertThat(r.rejects()).isEmpty();
                assertThat(r.table().rowCount()).isEqualTo(rows.size());
                for (int c = 0; c < width; c++) {
                    List<Object> expected = new ArrayList<>();
                    for (List<String> row : rows) {
                        expected.add(row.get(c).strip());
                    }
                    assertThat(Tables.column(r.table(), "c" + (c + 1))).isEqualTo(expected);
                }
            }
        });
    }

    @Test
    void roundTripKeepsValuesWithAnotherDelimiterAndQuote() {
        qt().withExamples(100).forAll(tables()).checkAssert(rows -> {
            int width = rows.isEmpty() ? 1 : rows.get(0).size();
            CSVFormat semi = CSVFormat.DEFAULT.builder().setDelimiter(';').setQuote('\'').get();
            StringWriter w = new StringWriter();
            List<String> header = new ArrayList<>();
            Schema.Builder schema = Schema.builder();
            for (int c = 1; c <= width; c++) {
                header.add("c" + c);
                schema.column("c" + c, ColumnType.STRING);
            }
            try (CSVPrinter p = new CSVPrinter(w, semi)) {
                p.printRecord(header);
                for (List<String> row : rows) {
                    p.printRecord(row);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            ReadResult r = CsvSource.format(CsvOptions.DEFAULT.toBuilder().delimiter(';').quote('\'').build())
                .withSchema(schema.build())
                .read("roundtrip", new ByteArrayInputStream(w.toString().getBytes(StandardCharsets.UTF_8)),
                    ProgressListener.NONE);

            assertThat(r.table().rowCount()).isEqualTo(rows.size());
            for (int c = 0; c < width; c++) {
                List<Object> expected = new ArrayList<>();
                for (List<String> row : rows) {
                    expected.add(row.get(c).strip());
                }
                assertThat(Tables.column(r.table(), "c" + (c + 1))).isEqualTo(expected);
            }
        });
    }
}
