package io.xtage.source.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.xtage.core.ReadResult;
import io.xtage.core.SchemaException;
import io.xtage.source.csv.Tables;
import org.junit.jupiter.api.Test;

class JsonSource_FlatteningTest {
    @Test
    void nestedObjectsBecomeParentChildColumnsInSnakeCase() {
        ReadResult r = JsonFixtures.read("[{\"Customer_ID\": 1, \"customerInfo\": {\"firstName\": \"Ann\", "
            + "\"Address\": {\"ZipCode\": \"1010\"}}}]");

        assertThat(r.table().columnNames())
            .containsExactly("customer_id", "customer_info_first_name", "customer_info_address_zip_code");
        assertThat(Tables.column(r.table(), "customer_info_address_zip_code")).containsExactly(1010L);
    }

    @Test
    void columnsAreTheUnionOfFieldsInFirstSeenOrder() {
        ReadResult r = JsonFixtures.read("[{\"b\": 1}, {\"a\": 2, \"b\": 3}, {\"c\": {\"d\": 4}}]");

        assertThat(r.table().columnNames()).containsExactly("b", "a", "c_d");
        assertThat(Tables.column(r.table(), "a")).containsExactly(null, 2L, null);
    }

    @Test
    void arraysInsideRecordsAreKeptAsJsonText() {
        ReadResult r = JsonFixtures.read("[{\"id\": 1, \"tags\": [\"a\", 1.50, {\"k\": null}, [true]]}]");

        assertThat(r.table().column("tags").type().name()).isEqualTo("STRING");
        assertThat(Tables.column(r.table(), "tags")).containsExactly("[\"a\",1.50,{\"k\":null},[true]]");
    }

    @Test
    void emptyNestedObjectAddsNoColumn() {
        ReadResult r = JsonFixtures.read("[{\"id\": 1, \"extra\": {}}]");

        assertThat(r.table().columnNames()).containsExactly("id");
    }

    @Test
    void withoutSnakeCaseKeysAreJoinedAsTheyAre() {
        ReadResult r = JsonFixtures.read("[{\"Customer\": {\"firstName\": \"Ann\"}}]",
            JsonOptions.DEFAULT.toBuilder().snakeCaseNames(false).build());

        assertThat(r.table().columnNames()).containsExactly("Customer_firstName");
    }

    @Test
    void fieldsWithTheSameSnakeCaseNameAreASchemaExceptionNamingBoth() {
        assertThatThrownBy(() -> JsonFixtures.read("[{\"customerId\": 1, \"customer_id\": 2}]"))
            .isInstanceOf(SchemaException.class)
            .hasMessageContaining(JsonFixtures.NAME)
            .hasMessageContaining("'/customerId'")
            .hasMessageContaining("'/customer_id'")
            .hasMessageContaining("both become 'customer_id'");
    }

    @Test
    void nestedFieldCollidingWithAFlatOneIsASchemaException() {
        assertThatThrownBy(() -> JsonFixtures.read("[{\"a\": {\"b\": 1}, \"a_b\": 2}]"))
            .isInstanceOf(SchemaException.class)
            .hasMessageContaining("both become 'a_b'");
    }

    @Test
    void emptyKeyGetsAPositionalName() {
        ReadResult r = JsonFixtures.read("[{\"x\": 1, \"\": 2}]");

        assertThat(r.table().columnNames()).containsExactly("x", "column_2");
    }

    @Test
    void recordsWithoutAnyFieldAreASchemaExceptionNotLostRows() {
        assertThatThrownBy(() -> JsonFixtures.read("[{}, {\"a\": {}}, 7]"))
            .isInstanceOf(SchemaException.class)
            .hasMessageContaining("record 1 is an object")
            .hasMessageContaining("no fields");
    }

    @Test
    void onlyNonObjectRecordsGiveAnEmptyTableWithTheirRejects() {
        ReadResult r = JsonFixtures.read("[1, 2]");

        assertThat(r.table().columnCount()).isZero();
        assertThat(r.rejects()).hasSize(2);
        assertThat(r.recordsRead()).isEqualTo(2);
    }
}
