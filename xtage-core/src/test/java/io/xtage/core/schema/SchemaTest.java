package io.xtage.core.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.xtage.core.SchemaException;
import java.util.List;
import org.junit.jupiter.api.Test;

class SchemaTest {

    @Test
    void builderKeepsOrderAndIndexes() {
        Schema s = Schema.builder().column("id", ColumnType.LONG).date("day", "yyyy-MM-dd")
            .column(ColumnSpec.of("price", ColumnType.DOUBLE).required()).build();
        assertThat(s.names()).containsExactly("id", "day", "price");
        assertThat(s.indexOf("price")).isEqualTo(2);
        assertThat(s.indexOf("nope")).isEqualTo(-1);
        assertThat(s.column("day")).hasValueSatisfying(c -> assertThat(c.formats()).containsExactly("yyyy-MM-dd"));
        assertThat(s.column(2).isNullable()).isFalse();
    }

    @Test
    void onlyKeepsTheNamedDeclaredColumnsInSchemaOrder() {
        Schema s = Schema.builder().column("id", ColumnType.LONG).date("day", "yyyy-MM-dd")
            .column(ColumnSpec.of("price", ColumnType.DOUBLE).required()).build();
        Schema p = s.only(List.of("price", "id", "not_declared"));
        assertThat(p.names()).containsExactly("id", "price");
        assertThat(p.column("price")).contains(s.column("price").get());
        assertThat(s.only(s.names())).isEqualTo(s);
    }

    @Test
    void duplicateNameIsASchemaException() {
        assertThatThrownBy(() -> Schema.of(ColumnSpec.of("a", ColumnType.LONG), ColumnSpec.of("a", ColumnType.STRING)))
            .isInstanceOf(SchemaException.class).hasMessageContaining("'a'").hasMessageContaining("1 and 2");
    }

    @Test
    void formatsOnlyForDateColumns() {
        assertThatThrownBy(() -> ColumnSpec.of("n", ColumnType.LONG).withFormats(List.of("yyyy")))
            .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'n'");
    }

    @Test
    void emptyNameIsRejected() {
        assertThatThrownBy(() -> ColumnSpec.of("", ColumnType.LONG)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void tablesawTypesMapBothWays() {
        for (ColumnType t : ColumnType.values()) {
            assertThat(ColumnType.of(t.tablesaw())).isEqualTo(t);
        }
        assertThat(ColumnType.of(tech.tablesaw.api.ColumnType.SHORT)).isEqualTo(ColumnType.INT);
        assertThat(ColumnType.of(tech.tablesaw.api.ColumnType.FLOAT)).isEqualTo(ColumnType.DOUBLE);
        assertThatThrownBy(() -> ColumnType.of(tech.tablesaw.api.ColumnType.INSTANT))
            .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void sqlTypesMapToColumnTypesAndBack() {
        assertThat(SqlTypes.columnType(java.sql.Types.BIGINT, "int8")).hasValue(ColumnType.LONG);
        assertThat(SqlTypes.columnType(java.sql.Types.OTHER, "uuid")).hasValue(ColumnType.STRING);
        assertThat(SqlTypes.columnType(java.sql.Types.ARRAY, "_int4")).isEmpty();
        for (ColumnType t : ColumnType.values()) {
            assertThat(SqlTypes.postgresType(t)).isNotBlank();
        }
    }
}
