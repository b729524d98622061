package io.xtage.source.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.xtage.core.ReadResult;
import io.xtage.core.SourceException;
import io.xtage.source.csv.Tables;
import org.junit.jupiter.api.Test;

class JsonSource_LayoutsTest {
    @Test
    void topLevelArrayOfObjectsIsOneRowEach() {
        ReadResult r = JsonFixtures.read("[{\"id\": 1, \"name\": \"Ann\"}, {\"id\": 2, \"name\": \"Bob\"}]");

        assertThat(r.table().columnNames()).containsExactly("id", "name");
        assertThat(Tables.column(r.table(), "id")).containsExactly(1L, 2L);
        assertThat(r.recordsRead()).isEqualTo(2);
    }

    @Test
    void pointerFindsTheNestedArray() {
        String doc = "{\"meta\": {\"page\": 1, \"tags\": [1, 2]}, \"data\": {\"count\": 2, \"items\": "
            + "[{\"id\": 1}, {\"id\": 2}]}, \"after\": [true]}";

        ReadResult r = JsonFixtures.read(doc, JsonOptions.DEFAULT.toBuilder().pointer("/data/items").build());

        assertThat(Tables.column(r.table(), "id")).containsExactly(1L, 2L);
    }

    @Test
    void pointerCanStepThroughAnArrayIndex() {
        String doc = "{\"pages\": [{\"rows\": [{\"v\": \"a\"}]}, {\"rows\": [{\"v\": \"b\"}, {\"v\": \"c\"}]}]}";

        ReadResult r = JsonFixtures.read(doc, JsonOptions.DEFAULT.toBuilder().pointer("/pages/1/rows").build());

        assertThat(Tables.column(r.table(), "v")).containsExactly("b", "c");
    }

    @Test
    void pointerThatMatchesNothingNamesTheFieldsThere() {
        assertThatThrownBy(() -> JsonFixtures.read("{\"data\": {\"rows\": [], \"total\": 0}}",
            JsonOptions.DEFAULT.toBuilder().pointer("/data/items").build()))
            .isInstanceOf(SourceException.class)
            .hasMessageContaining(JsonFixtures.NAME)
            .hasMessageContaining("JSON pointer /data/items matches nothing")
            .hasMessageContaining("the object at /data has no field 'items' (its fields: rows, total)");
    }

    @Test
    void pointerToSomethingOtherThanAnArrayIsASourceException() {
        assertThatThrownBy(() -> JsonFixtures.read("{\"data\": {\"id\": 1}}",
            JsonOptions.DEFAULT.toBuilder().pointer("/data").build()))
            .isInstanceOf(SourceException.class)
            .hasMessageContaining("points to an object at line 1, column 10; expected an array of objects");
    }

    @Test
    void pointerIntoAScalarIsASourceException() {
        assertThatThrownBy(() -> JsonFixtures.read("{\"data\": 5}",
            JsonOptions.DEFAULT.toBuilder().pointer("/data/items").build()))
            .isInstanceOf(SourceException.class)
            .hasMessageContaining("the value at /data (line 1, column 10) is a number, which has no 'items'");
    }

    @Test
    void ndjsonIsDetectedFromTheFirstLines() {
        ReadResult r = JsonFixtures.read("{\"id\": 1}\n\n{\"id\": 2, \"x\": \"zed\"}\r\n{\"id\": 3}");

        assertThat(Tables.column(r.table(), "id")).containsExactly(1L, 2L, 3L);
        assertThat(Tables.column(r.table(), "x")).containsExactly("", "zed", "");
    }

    @Test
    void ndjsonLayoutReadsASingleLine() {
        ReadResult r = JsonFixtures.read("{\"id\": 1}\n", JsonOptions.NDJSON);

        assertThat(Tables.column(r.table(), "id")).containsExactly(1L);
    }

    @Test
    void loneTopLevelObjectIsASourceExceptionNamingItsArrays() {
        assertThatThrownBy(() -> JsonFixtures.read("{\n  \"total\": 2,\n  \"data\": [{\"id\": 1}],\n  \"x\": []\n}"))
            .isInstanceOf(SourceException.class)
            .hasMessageContaining("the top-level value is an object at line 1, column 1, not an array of objects")
            .hasMessageContaining("arrays at: /data, /x")
            .hasMessageContaining("JsonOptions.Builder.pointer(String)");
    }

    @Test
    void loneOneLineObjectIsNotTakenForNdjson() {
        assertThatThrownBy(() -> JsonFixtures.read("{\"data\": [{\"id\": 1}]}\n"))
            .isInstanceOf(SourceException.class)
            .hasMessageContaining("arrays at: /data");
    }

    @Test
    void explicitArrayLayoutRejectsNdjson() {
        assertThatThrownBy(() -> JsonFixtures.read("{\"id\": 1}\n{\"id\": 2}\n",
            JsonOptions.DEFAULT.toBuilder().layout(JsonLayout.ARRAY).build()))
            .isInstanceOf(SourceException.class)
            .hasMessageContaining("the top-level value is an object");
    }

    @Test
    void secondTopLevelValueIsASourceException() {
        assertThatThrownBy(() -> JsonFixtures.read("[{\"id\": 1}]\n[{\"id\": 2}]"))
            .isInstanceOf(SourceException.class)
            .hasMessageContaining("a second top-level value at line 2, column 1");
    }

    @Test
    void emptyInputGivesAnEmptyTable() {
        ReadResult r = JsonFixtures.read("  \n");

        assertThat(r.table().columnCount()).isZero();
        assertThat(r.recordsRead()).isZero();
    }

    @Test
    void emptyArrayGivesNoRows() {
        ReadResult r = JsonFixtures.read("[]");

        assertThat(r.table().rowCount()).isZero();
    }

    @Test
    void formatLeavesTheCallersStreamOpen() {
        for (String body : new String[] {"[{\"a\": 1}]", "{\"a\": 1}\n{\"a\": 2}\n"}) {
            boolean[] closed = {false};
            java.io.InputStream in = new java.io.ByteArrayInputStream(JsonFixtures.utf8(body)) {
                @Override
                public void close() {
                    closed[0] = true;
                }
            };

            JsonSource.format(JsonOptions.DEFAULT).read("body", in, io.xtage.core.ProgressListener.NONE);

            assertThat(closed[0]).as(body).isFalse();
        }
    }
}
