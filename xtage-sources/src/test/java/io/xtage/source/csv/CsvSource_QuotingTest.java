package io.xtage.source.csv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.xtage.core.ReadResult;
import io.xtage.core.Reject;
import io.xtage.core.SourceException;
import io.xtage.core.schema.ColumnType;
import io.xtage.core.schema.Schema;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class CsvSource_QuotingTest {
    private static final Duration LIMIT = Duration.ofSeconds(10);

    @Test
    void quotedFieldsKeepDelimitersQuotesAndNewlines() {
        ReadResult r = CsvFixtures.read("a,b\n\"x,y\",\"say \"\"hi\"\"\"\n\"two\nlines\",z\n");

        assertThat(Tables.column(r.table(), "a")).containsExactly("x,y", "two\nlines");
        assertThat(Tables.column(r.table(), "b")).containsExactly("say \"hi\"", "z");
    }

    @Test
    void lineNumbersCountLinesInsideQuotedFields() {
        // record 2 spans lines 3 to 5 and is short: its reject names line 3, where it starts
        ReadResult r = CsvFixtures.read("a,b\n1,x\n\"p\nq\nr\"\n3,y\n4\n",
            Schema.builder().column("a", ColumnType.STRING).column("b", ColumnType.STRING).build());

        assertThat(r.rejects()).extracting(Reject::recordNumber, x -> x.lineNumber().getAsLong())
            .containsExactly(org.assertj.core.groups.Tuple.tuple(2L, 3L), org.assertj.core.groups.Tuple.tuple(4L, 7L));
    }

    @Test
    void typeRejectInAMultiLineRecordNamesItsFirstLine() {
        ReadResult r = CsvFixtures.read("n,t\n1,\"a\nb\"\nx,\"c\nd\ne\"\n",
            Schema.builder().column("n", ColumnType.LONG).column("t", ColumnType.STRING).build());

        assertThat(r.rejects()).singleElement().satisfies(x -> {
            assertThat(x.recordNumber()).isEqualTo(2);
            assertThat(x.lineNumber()).hasValue(4);
            assertThat(x.column()).hasValue("n");
        });
    }

    @Test
    void lineNumbersSkipBlankLines() {
        ReadResult r = CsvFixtures.read("a,b\n1,x\n\n\n2\n");

        assertThat(r.rejects()).singleElement().satisfies(x -> {
            assertThat(x.recordNumber()).isEqualTo(2);
            assertThat(x.lineNumber()).hasValue(5);
        });
    }

    @Test
    void lineNumbersWithCrLfInsideQuotes() {
        ReadResult r = CsvFixtures.read("a,b\r\n1,x\r\n\"1\r\n2\"\r\n3,y\r\n");

        assertThat(r.rejects()).singleElement().satisfies(x -> assertThat(x.lineNumber()).hasValue(3));
    }

    @Test
    void unclosedQuoteIsASourceExceptionNamingTheLine() {
        assertTimeoutPreemptively(LIMIT, () ->
            assertThatThrownBy(() -> CsvFixtures.read("a,b\n1,x\n2,\"never closed\n3,y\n4,z\n"))
                .isInstanceOf(SourceException.class)
                .hasMessageContaining(CsvFixtures.NAME)
                .hasMessageContaining("record 2 (line 3)")
                .hasMessageContaining("never closed"));
    }

    @Test
    void unclosedQuoteInALargeInputStopsAtTheRecordLimit() {
        StringBuilder b = new StringBuilder("a,b\n1,\"open\n");
        for (int i = 0; i < 200_000; i++) {
            b.append(i).append(",row\n");
        }
        CsvOptions small = CsvOptions.DEFAULT.toBuilder().maxRecordChars(1000).build();

        assertTimeoutPreemptively(LIMIT, () ->
            assertThatThrownBy(() -> CsvFixtures.read(b.toString(), small))
                .isInstanceOf(SourceException.class)
                .hasMessageContaining("record 1 (line 2)")
                .hasMessageContaining("longer than 1000 characters")
                .hasMessageContaining("maxRecordChars"));
    }

    @Test
    void recordLimitDoesNotFireForShortRecords() {
        StringBuilder b = new StringBuilder("a,b\n");
        for (int i = 0; i < 50_000; i++) {
            b.append(i).append(",row\n");
        }

        ReadResult r = CsvFixtures.read(b.toString(), CsvOptions.DEFAULT.toBuilder().maxRecordChars(20).build());

        assertThat(r.table().rowCount()).isEqualTo(50_000);
    }

    @Test
    void textAfterAClosingQuoteIsASourceException() {
        assertThatThrownBy(() -> CsvFixtures.read("a,b\n\"x\"y,z\n"))
            .isInstanceOf(SourceException.class)
            .hasMessageContaining("record 1 (line 2)")
            .hasMessageContaining("after a closing quote");
    }

    @Test
    void escapeCharacterEscapesTheDelimiter() {
        ReadResult r = CsvFixtures.read("a,b\nx\\,y,z\n", CsvOptions.DEFAULT.toBuilder().escape('\\').build());

        assertThat(Tables.column(r.table(), "a")).containsExactly("x,y");
    }

    @Test
    void quotingOffReadsQuotesAsText() {
        ReadResult r = CsvFixtures.read("a\n\"x\n", CsvOptions.DEFAULT.toBuilder().quote('\0').build());

        assertThat(Tables.column(r.table(), "a")).containsExactly("\"x");
    }

    @Test
    void rfc4180ReadsAnEmptyLineAsARecord() {
        ReadResult r = CsvFixtures.read("a\n1\n\n2\n", CsvOptions.RFC4180);

        assertThat(Tables.column(r.table(), "a")).containsExactly(1L, null, 2L);
    }

    @Test
    void tsvPresetSplitsOnTabs() {
        ReadResult r = CsvFixtures.read("a\tb\n1\tx,y\n", CsvOptions.TSV);

        assertThat(Tables.column(r.table(), "b")).containsExactly("x,y");
        assertThat(r.rejects()).extracting(Reject::reason).isEmpty();
    }
}
