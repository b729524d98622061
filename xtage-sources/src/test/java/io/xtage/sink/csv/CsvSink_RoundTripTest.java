package io.xtage.sink.csv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.doubles;
import static org.quicktheories.generators.SourceDSL.lists;
import static org.quicktheories.generators.SourceDSL.strings;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/** Whatever the sink writes, an RFC 4180 reader (Commons CSV) reads back unchanged. */
class CsvSink_RoundTripTest {

    /** Text made of the characters that matter to CSV, plus some others. */
    private static Gen<String> nastyText() {
        Gen<String> pieces = strings().betweenCodePoints(0x20, 0x7e).ofLengthBetween(0, 6);
        Gen<Integer> special = org.quicktheories.generators.SourceDSL.integers().between(0, 7);
        String[] specials = {",", "\"", "\n", "\r", "\r\n", " ", ";", "é"};
        return lists().of(pieces.zip(special, (p, s) -> p + specials[s])).ofSizeBetween(0, 5)
            .map(l -> String.join("", l));
    }

    private static List<CSVRecord> parse(String csv, char delimiter) {
        CSVFormat f = CSVFormat.RFC4180.builder().setDelimiter(delimiter).get();
        try (CSVParser p = CSVParser.parse(new StringReader(csv), f)) {
            return p.getRecords();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void textSurvivesARoundTripThroughCommonsCsv() {
        qt().withExamples(300).forAll(lists().of(nastyText()).ofSizeBetween(1, 8)).check(values -> {
            Table t = Table.create("t", StringColumn.create("s", values), StringColumn.create("tail", tails(values)));
            StringWriter w = new StringWriter();
            CsvSink.write(t, w, CsvSinkOptions.DEFAULT);

            List<CSVRecord> records = parse(w.toString(), ',');

            List<String> back = new ArrayList<>();
            for (CSVRecord r : records.subList(1, records.size())) {
                back.add(r.get(0));
            }
            return records.size() == values.size() + 1 && back.equals(values);
        });
    }

    @Test
    void textSurvivesWithSemicolonsAndCrLf() {
        qt().withExamples(200).forAll(lists().of(nastyText()).ofSizeBetween(1, 8)).check(values -> {
            Table t = Table.create("t", StringColumn.create("s", values), StringColumn.create("tail", tails(values)));
            StringWriter w = new StringWriter();
            CsvSink.write(t, w, CsvSinkOptions.RFC4180.toBuilder().delimiter(';').build());

            List<CSVRecord> records = parse(w.toString(), ';');

            List<String> back = new ArrayList<>();
            for (CSVRecord r : records.subList(1, records.size())) {
                back.add(r.get(0));
            }
            return back.equals(values);
        });
    }

    @Test
    void doublesReadBackAsTheSameDouble() {
        qt().withExamples(2000).forAll(doubles().any()).check(x -> {
            if (Double.isNaN(x)) {
                return true;
            }
            Table t = Table.create("t", DoubleColumn.create("d", new double[] {x}));
            StringWriter w = new StringWriter();
            CsvSink.write(t, w, CsvSinkOptions.DEFAULT);
            String cell = w.toString().split("\n")[1];
            return Double.parseDouble(cell) == x
                && Double.doubleToRawLongBits(Double.parseDouble(cell)) == Double.doubleToRawLongBits(x);
        });
    }

    @Test
    void doublesInThePlainRangeHaveNoExponent() {
        qt().withExamples(2000).forAll(doubles().between(1e-7, 9.99e15)).check(x -> {
            Table t = Table.create("t", DoubleColumn.create("d", new double[] {x}));
            StringWriter w = new StringWriter();
            CsvSink.write(t, w, CsvSinkOptions.DEFAULT);
            String cell = w.toString().split("\n")[1];
            return !cell.contains("E") && cell.contains(".");
        });
    }

    @Test
    void missingTextIsAnEmptyFieldCommonsCsvReadsAsEmpty() {
        Table t = Table.create("t", StringColumn.create("a", "", "x"), StringColumn.create("b", "y", ""));
        StringWriter w = new StringWriter();
        CsvSink.write(t, w, CsvSinkOptions.DEFAULT);

        List<CSVRecord> records = parse(w.toString(), ',');

        assertThat(records).hasSize(3);
        assertThat(records.get(1).toList()).containsExactly("", "y");
        assertThat(records.get(2).toList()).containsExactly("x", "");
    }

    /** A second column so a row whose first value is empty is not a blank line. */
    private static List<String> tails(List<String> values) {
        List<String> t = new ArrayList<>();
        for (int i = 0; i < values.size(); i++) {
            t.add("r" + i);
        }
        return t;
    }
}
