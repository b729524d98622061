package io.xtage.sink.csv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.xtage.core.SchemaException;
import io.xtage.sink.SinkException;
import io.xtage.sink.SinkFixtures;
import io.xtage.sink.SinkReport;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalTime;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.api.TimeColumn;

class CsvSinkTest {

    @TempDir
    Path tmp;

    private static String csv(Table t, CsvSinkOptions o) {
        StringWriter w = new StringWriter();
        CsvSink.write(t, w, o);
        return w.toString();
    }

    @Test
    void writesEveryTypeInItsIsoOrPlainForm() {
        String out = csv(SinkFixtures.allTypes(), CsvSinkOptions.DEFAULT);

        assertThat(out).isEqualTo("id,qty,price,name,active,day,at\n"
            + "1,5,12.5,plain,true,2024-03-01,2024-03-01T09:30:00\n"
            + "2,,,,,,\n"
            + "3,-7,0.0001,\"has,comma \"\"quoted\"\"\",false,1999-12-31,2024-03-01T09:30:15.25\n"
            + "4,0,1241.0099999999998,\"line\nbreak\\tab\t\",true,0001-01-01,2000-01-01T00:00:00\n");
    }

    @Test
    void writesMissingValuesAsTheDeclaredToken() {
        String out = csv(SinkFixtures.allTypes(), CsvSinkOptions.builder().nullToken("NA").build());

        assertThat(out.split("\n")[2]).isEqualTo("2,NA,NA,NA,NA,NA,NA");
    }

    @Test
    void quotesTextEqualToTheMissingToken() {
        Table t = Table.create("t", StringColumn.create("s", "NA", "x"));

        assertThat(csv(t, CsvSinkOptions.builder().nullToken("NA").build())).isEqualTo("s\n\"NA\"\nx\n");
    }

    @Test
    void quotesLeadingAndTrailingSpacesOnly() {
        Table t = Table.create("t", StringColumn.create("s", " lead", "trail ", "in side", "semi;colon"));

        assertThat(csv(t, CsvSinkOptions.DEFAULT)).isEqualTo("s\n\" lead\"\n\"trail \"\nin side\nsemi;colon\n");
    }

    @Test
    void quotesFieldsWithTheChosenDelimiter() {
        Table t = Table.create("t", StringColumn.create("a", "x;y", "x,y"), LongColumn.create("b", new long[] {1, 2}));

        assertThat(csv(t, CsvSinkOptions.builder().delimiter(';').build())).isEqualTo("a;b\n\"x;y\";1\nx,y;2\n");
    }

    @Test
    void rfc4180PresetEndsRecordsWithCrLf() {
        Table t = Table.create("t", LongColumn.create("a", new long[] {1}));

        assertThat(csv(t, CsvSinkOptions.RFC4180)).isEqualTo("a\r\n1\r\n");
    }

    @Test
    void omitsHeaderWhenAsked() {
        Table t = Table.create("t", LongColumn.create("a", new long[] {1}));

        assertThat(csv(t, CsvSinkOptions.builder().header(false).build())).isEqualTo("1\n");
    }

    @Test
    void formulaGuardPrefixesAQuoteToFormulaLikeText() {
        Table t = Table.create("t", StringColumn.create("s", "=1+2", "+x", "-y", "@SUM(A1)", "\tz", "safe", "=a,b"));

        assertThat(csv(t, CsvSinkOptions.builder().formulaGuard(true).build()))
            .isEqualTo("s\n'=1+2\n'+x\n'-y\n'@SUM(A1)\n\"'\tz\"\nsafe\n\"'=a,b\"\n");
    }

    @Test
    void formulaGuardLeavesNumbersAlone() {
        Table t = Table.create("t", DoubleColumn.create("d", new double[] {-1.5}),
            IntColumn.create("i", new int[] {-3}), StringColumn.create("s", "-3"));

        assertThat(csv(t, CsvSinkOptions.builder().formulaGuard(true).build())).isEqualTo("d,i,s\n-1.5,-3,'-3\n");
    }

    @Test
    void formulaGuardIsOffByDefault() {
        Table t = Table.create("t", StringColumn.create("s", "=1+2"));

        assertThat(csv(t, CsvSinkOptions.DEFAULT)).isEqualTo("s\n=1+2\n");
    }

    @Test
    void singleColumnMissingValueStaysAVisibleRecord() {
        Table t = Table.create("t", StringColumn.create("s", "a", "", "b"));

        assertThat(csv(t, CsvSinkOptions.DEFAULT)).isEqualTo("s\na\n\"\"\nb\n");
    }

    @Test
    void writesDoublesInPlainNotationInsideTheRange() {
        Table t = Table.create("t", DoubleColumn.create("d",
            new double[] {1e-7, 1.5e-5, 12345678.9, 1e15, 9.999999999999998E15, 1e16, 1e-8, -0.0, 3, 1e300}));

        assertThat(csv(t, CsvSinkOptions.DEFAULT).split("\n")).containsExactly("d", "0.0000001", "0.000015",
            "12345678.9", "1000000000000000.0", "9999999999999998.0", "1.0E16", "1.0E-8", "-0.0", "3.0", "1.0E300");
    }

    @Test
    void writesLongsWithoutDecimals() {
        Table t = Table.create("t", LongColumn.create("l", new long[] {Long.MAX_VALUE, -Long.MAX_VALUE, 0}));

        assertThat(csv(t, CsvSinkOptions.DEFAULT)).isEqualTo("l\n9223372036854775807\n-9223372036854775807\n0\n");
    }

    @Test
    void writesAFileAndReportsRows() throws IOException {
        Path file = tmp.resolve("a/b/out.csv");

        SinkReport r = CsvSink.to(file).write(SinkFixtures.allTypes());

        assertThat(r.rowsWritten()).isEqualTo(4);
        assertThat(r.sinkName()).isEqualTo(file.toString());
        assertThat(Files.readString(file)).isEqualTo(csv(SinkFixtures.allTypes(), CsvSinkOptions.DEFAULT));
    }

    @Test
    void writesUtf8() throws IOException {
        Path file = tmp.resolve("u.csv");

        CsvSink.to(file).write(Table.create("t", StringColumn.create("s", "Zoë €")));

        assertThat(Files.readAllBytes(file)).isEqualTo("s\nZoë €\n".getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void failedWriteLeavesTheEarlierFileAndNoTemporaryFile() throws IOException {
        Path file = tmp.resolve("out.csv");
        Files.writeString(file, "earlier\n");
        Table bad = Table.create("t", StringColumn.create("s", "ok", "lone \uD800 surrogate"));

        assertThatThrownBy(() -> CsvSink.to(file).write(bad))
            .isInstanceOf(SinkException.class)
            .hasMessageContaining("Unicode")
            .satisfies(e -> assertThat(((SinkException) e).sinkName()).isEqualTo(file.toString()));
        assertThat(Files.readString(file)).isEqualTo("earlier\n");
        try (Stream<Path> files = Files.list(tmp)) {
            assertThat(files).containsExactly(file);
        }
    }

    @Test
    void rejectsColumnTypesSinksDoNotWrite() {
        Table t = Table.create("t", TimeColumn.create("at", LocalTime.NOON));

        assertThatThrownBy(() -> CsvSink.to(tmp.resolve("x.csv")).write(t))
            .isInstanceOf(SchemaException.class)
            .hasMessageContaining("'at'")
            .hasMessageContaining("LOCAL_TIME");
        assertThat(tmp.resolve("x.csv")).doesNotExist();
    }

    @Test
    void optionsRejectEqualQuoteAndDelimiter() {
        assertThatThrownBy(() -> CsvSinkOptions.builder().delimiter('"').build())
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining("quote and delimiter must differ");
    }

    @Test
    void optionsRejectANullTokenThatWouldNeedQuoting() {
        assertThatThrownBy(() -> CsvSinkOptions.builder().nullToken("a,b").build())
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining("nullToken");
    }

    @Test
    void optionsRejectOtherRecordSeparators() {
        assertThatThrownBy(() -> CsvSinkOptions.builder().recordSeparator(";").build())
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining("recordSeparator");
    }

    @Test
    void optionsRoundTripThroughToBuilder() {
        CsvSinkOptions o = CsvSinkOptions.builder().delimiter('\t').nullToken("NULL").formulaGuard(true)
            .header(false).recordSeparator("\r\n").build();

        assertThat(o.toBuilder().build()).isEqualTo(o).hasSameHashCodeAs(o);
        assertThat(o).isNotEqualTo(CsvSinkOptions.DEFAULT);
    }
}
