package io.xtage.source.csv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.xtage.core.ReadResult;
import io.xtage.core.SchemaException;
import org.junit.jupiter.api.Test;

class CsvSource_HeadersTest {
    @Test
    void snakeCaseCollisionIsASchemaExceptionNamingBothHeaders() {
        assertThatThrownBy(() -> CsvFixtures.read("Customer ID,customer_id\n1,2\n"))
            .isInstanceOf(SchemaException.class)
            .hasMessageContaining(CsvFixtures.NAME)
            .hasMessageContaining("'Customer ID'")
            .hasMessageContaining("'customer_id'")
            .hasMessageContaining("both become 'customer_id'");
    }

    @Test
    void duplicateHeaderWithoutSnakeCaseIsASchemaException() {
        assertThatThrownBy(() -> CsvFixtures.read("a,b,a\n1,2,3\n",
            CsvOptions.DEFAULT.toBuilder().snakeCaseHeaders(false).build()))
            .isInstanceOf(SchemaException.class)
            .hasMessageContaining("'a' appears twice (columns 1 and 3)");
    }

    @Test
    void blankHeaderGetsAPositionalName() {
        ReadResult r = CsvFixtures.read("a,,c\n1,2,3\n");

        assertThat(r.table().columnNames()).containsExactly("a", "column_2", "c");
    }

    @Test
    void blankHeaderGetsAPositionalNameWithoutSnakeCase() {
        ReadResult r = CsvFixtures.read("a, ,c\n1,2,3\n", CsvOptions.DEFAULT.toBuilder().snakeCaseHeaders(false).build());

        assertThat(r.table().columnNames()).containsExactly("a", "column_2", "c");
    }
}
