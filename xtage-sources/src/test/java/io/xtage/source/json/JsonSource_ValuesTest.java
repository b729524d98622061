package io.xtage.source.json;

import static org.assertj.core.api.Assertions.assertThat;

import io.xtage.core.ReadResult;
import io.xtage.core.RejectKind;
import io.xtage.core.schema.ColumnType;
import io.xtage.core.schema.Schema;
import io.xtage.source.csv.Tables;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class JsonSource_ValuesTest {
    @Test
    void numberInOneRecordAndStringInAnotherIsCoercedByTheDeclaredType() {
        ReadResult r = JsonFixtures.read("[{\"age\": 41}, {\"age\": \"42\"}, {\"age\": \" 43.0 \"}]",
            Schema.builder().column("age", ColumnType.DOUBLE).build());

        assertThat(Tables.column(r.table(), "age")).containsExactly(41.0, 42.0, 43.0);
        assertThat(r.rejects()).isEmpty();
    }

    @Test
    void numberAndStringMixInferAsTheTypeBothFit() {
        ReadResult r = JsonFixtures.read("[{\"id\": 1}, {\"id\": \"2\"}]");

        assertThat(r.table().column("id").type().name()).isEqualTo("LONG");
        assertThat(Tables.column(r.table(), "id")).containsExactly(1L, 2L);
    }

    @Test
    void numberAndWordMixInferAsText() {
        ReadResult r = JsonFixtures.read("[{\"v\": 1.5}, {\"v\": \"n/a\"}]");

        assertThat(Tables.column(r.table(), "v")).containsExactly("1.5", "n/a");
    }

    @Test
    void nullIsMissing() {
        ReadResult r = JsonFixtures.read("[{\"age\": 30, \"name\": \"A\"}, {\"age\": null, \"name\": null}]");

        assertThat(Tables.column(r.table(), "age")).containsExactly(30L, null);
        assertThat(Tables.column(r.table(), "name")).containsExactly("A", "");
        assertThat(r.report().missing()).containsEntry("age", 1L).containsEntry("name", 1L);
        assertThat(r.rejects()).isEmpty();
    }

    @Test
    void fieldThatIsOnlyEverNullIsAStringColumnOfMissingValues() {
        ReadResult r = JsonFixtures.read("[{\"a\": 1, \"b\": null}]");

        assertThat(r.table().columnNames()).containsExactly("a", "b");
        assertThat(r.table().column("b").type().name()).isEqualTo("STRING");
    }

    @Test
    void numbersKeepTheirSpellingSoDoublesRoundTrip() {
        ReadResult r = JsonFixtures.read("[{\"x\": 276.65999999999997}, {\"x\": 1241.0099999999998}, {\"x\": 1e-7},"
            + " {\"x\": 0.1}]");

        assertThat(Tables.column(r.table(), "x")).containsExactly(276.65999999999997, 1241.0099999999998, 1e-7, 0.1);
    }

    @Test
    void integerTooBigForALongInfersAsDouble() {
        ReadResult r = JsonFixtures.read("[{\"n\": 1}, {\"n\": 123456789012345678901234567890}]");

        assertThat(r.table().column("n").type().name()).isEqualTo("DOUBLE");
    }

    @Test
    void booleansAreBooleans() {
        ReadResult r = JsonFixtures.read("[{\"ok\": true}, {\"ok\": false}, {\"ok\": null}]");

        assertThat(r.table().column("ok").type().name()).isEqualTo("BOOLEAN");
        assertThat(Tables.column(r.table(), "ok")).containsExactly(true, false, null);
    }

    @Test
    void textIsTrimmedAndMissingTokensApply() {
        ReadResult r = JsonFixtures.read("[{\"loc\": \" Paris \"}, {\"loc\": \"Unknown\"}, {\"loc\": \"\"}]",
            JsonOptions.DEFAULT.toBuilder().missingTokens("Unknown").build());

        assertThat(Tables.column(r.table(), "loc")).containsExactly("Paris", "", "");
        assertThat(r.report().missing()).containsEntry("loc", 2L);
    }

    @Test
    void datesInferredPerShape() {
        ReadResult r = JsonFixtures.read("[{\"d\": \"2024-01-31\"}, {\"d\": \"2024-02-01\"}]");

        assertThat(Tables.column(r.table(), "d")).containsExactly(LocalDate.of(2024, 1, 31), LocalDate.of(2024, 2, 1));
    }

    @Test
    void valueThatDoesNotFitTheDeclaredTypeIsATypeRejectWithLineAndColumn() {
        ReadResult r = JsonFixtures.read("[\n  {\"age\": 1},\n  {\"age\": \"old\"}\n]",
            Schema.builder().column("age", ColumnType.LONG).build());

        assertThat(r.rejects()).singleElement().satisfies(x -> {
            assertThat(x.kind()).isEqualTo(RejectKind.TYPE);
            assertThat(x.recordNumber()).isEqualTo(2);
            assertThat(x.lineNumber()).hasValue(3);
            assertThat(x.columnNumber()).hasValue(3);
            assertThat(x.column()).hasValue("age");
            assertThat(x.rawValue()).isEqualTo("old");
            assertThat(x.isRowDropped()).isFalse();
        });
    }
}
