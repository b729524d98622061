package io.xtage.source.json;

import static org.assertj.core.api.Assertions.assertThat;

import io.xtage.core.ReadResult;
import io.xtage.core.RejectKind;
import io.xtage.core.schema.ColumnType;
import io.xtage.core.schema.Schema;
import io.xtage.source.csv.Tables;
import org.junit.jupiter.api.Test;

class JsonSource_RejectsTest {
    @Test
    void recordThatIsNotAnObjectIsAShapeRejectWithLineAndColumn() {
        ReadResult r = JsonFixtures.read("[\n  {\"id\": 1},\n  [1, 2],\n  \"text\",\n  null,\n  {\"id\": 5}\n]");

        assertThat(Tables.column(r.table(), "id")).containsExactly(1L, 5L);
        assertThat(r.rejects()).hasSize(3).allSatisfy(x -> {
            assertThat(x.kind()).isEqualTo(RejectKind.SHAPE);
            assertThat(x.isRowDropped()).isTrue();
            assertThat(x.columnNumber()).hasValue(3);
        });
        assertThat(r.rejects()).extracting(x -> x.recordNumber(), x -> x.lineNumber().getAsLong(), x -> x.reason(),
                x -> x.rawValue())
            .containsExactly(
                org.assertj.core.groups.Tuple.tuple(2L, 3L, "record is an array, not an object", "[1,2]"),
                org.assertj.core.groups.Tuple.tuple(3L, 4L, "record is a string, not an object", "text"),
                org.assertj.core.groups.Tuple.tuple(4L, 5L, "record is null, not an object", "null"));
        assertThat(r.recordsRead()).isEqualTo(5);
        assertThat(r.report().rowsRejected()).isEqualTo(3);
    }

    @Test
    void ndjsonLineThatIsNotAnObjectIsAShapeReject() {
        ReadResult r = JsonFixtures.read("{\"id\": 1}\n42\n{\"id\": 3}\n", JsonOptions.NDJSON);

        assertThat(r.rejects()).singleElement().satisfies(x -> {
            assertThat(x.kind()).isEqualTo(RejectKind.SHAPE);
            assertThat(x.lineNumber()).hasValue(2);
            assertThat(x.rawValue()).isEqualTo("42");
        });
    }

    @Test
    void fieldFirstSeenAfterTheSampleKeepsTheRowWithAShapeReject() {
        ReadResult r = JsonFixtures.read("[{\"id\": 1}, {\"id\": 2},\n {\"id\": 3, \"late\": \"x\", \"nil\": null}]",
            JsonOptions.DEFAULT.toBuilder().sampleRecords(2).build());

        assertThat(r.table().columnNames()).containsExactly("id");
        assertThat(r.table().rowCount()).isEqualTo(3);
        assertThat(r.rejects()).singleElement().satisfies(x -> {
            assertThat(x.kind()).isEqualTo(RejectKind.SHAPE);
            assertThat(x.isRowDropped()).isFalse();
            assertThat(x.recordNumber()).isEqualTo(3);
            assertThat(x.column()).hasValue("late");
            assertThat(x.rawValue()).isEqualTo("x");
            assertThat(x.lineNumber()).hasValue(2);
            assertThat(x.columnNumber()).hasValue(20);
            assertThat(x.reason()).contains("/late", "first 2 records", "sampleRecords");
        });
        assertThat(r.report().valuesRejected()).isEqualTo(1);
    }

    @Test
    void declaredSchemaLeavesOutFieldsItDoesNotName() {
        ReadResult r = JsonFixtures.read("[{\"id\": 1, \"other\": 2, \"n\": {\"x\": 3}}]",
            Schema.builder().column("id", ColumnType.LONG).column("n_x", ColumnType.LONG).build());

        assertThat(r.table().columnNames()).containsExactly("id", "n_x");
        assertThat(Tables.column(r.table(), "n_x")).containsExactly(3L);
        assertThat(r.rejects()).isEmpty();
    }

    @Test
    void declaredColumnAbsentFromTheDataIsMissing() {
        ReadResult r = JsonFixtures.read("[{\"id\": 1}]",
            Schema.builder().column("id", ColumnType.LONG).column("age", ColumnType.INT).build());

        assertThat(Tables.column(r.table(), "age")).containsExactly((Object) null);
    }

    @Test
    void repeatedKeyKeepsTheLastValueWithAShapeReject() {
        ReadResult r = JsonFixtures.read("[{\"id\": 1, \"id\": 2}]");

        assertThat(Tables.column(r.table(), "id")).containsExactly(2L);
        assertThat(r.rejects()).singleElement().satisfies(x -> {
            assertThat(x.kind()).isEqualTo(RejectKind.SHAPE);
            assertThat(x.isRowDropped()).isFalse();
            assertThat(x.reason()).contains("/id appears more than once");
        });
    }

    @Test
    void repeatedKeyAfterTheSampleKeepsTheLastValueToo() {
        ReadResult r = JsonFixtures.read("[{\"id\": 1}, {\"id\": 2, \"id\": 3}]",
            JsonOptions.DEFAULT.toBuilder().sampleRecords(1).build());

        assertThat(Tables.column(r.table(), "id")).containsExactly(1L, 3L);
        assertThat(r.rejects()).hasSize(1);
    }

    @Test
    void sampleSizeDoesNotChangeTheResultWhenAllFieldsAreInTheSample() {
        String doc = "[{\"a\": 1, \"b\": \"x\"}, {\"a\": 2, \"b\": \"y\"}, [0], {\"a\": \"bad\", \"b\": \"z\"}]";
        Schema s = Schema.builder().column("a", ColumnType.LONG).column("b", ColumnType.STRING).build();

        Object small = Tables.snapshot(JsonFixtures.read(doc, JsonOptions.DEFAULT.toBuilder().sampleRecords(1).build()));
        Object large = Tables.snapshot(JsonFixtures.read(doc, JsonOptions.DEFAULT));
        Object declared = Tables.snapshot(JsonFixtures.read(doc, s));

        assertThat(small).isEqualTo(declared);
        assertThat(large).isNotEqualTo(small); // the whole sample sees 'bad', so 'a' is text there
    }
}
