package io.xtage.preprocess;

import static io.xtage.preprocess.TestTables.d;
import static io.xtage.preprocess.TestTables.i;
import static io.xtage.preprocess.TestTables.l;
import static io.xtage.preprocess.TestTables.s;
import static io.xtage.preprocess.TestTables.table;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.xtage.core.SchemaException;
import io.xtage.core.schema.ColumnType;
import java.util.List;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.Table;

class ColumnSelectorTest {

    private static Table t() {
        return table(l("id", 1L), s("name", "a"), d("price", 1.0), i("qty", 1), s("city", "x"), d("list_price", 2.0));
    }

    @Test
    void names_keepTheGivenOrder() {
        assertThat(ColumnSelector.names("price", "id").resolve(t())).containsExactly("price", "id");
    }

    @Test
    void numericAndText_selectByType_inTableOrder() {
        assertThat(ColumnSelector.numeric().resolve(t())).containsExactly("id", "price", "qty", "list_price");
        assertThat(ColumnSelector.text().resolve(t())).containsExactly("name", "city");
        assertThat(ColumnSelector.ofType(ColumnType.DOUBLE).resolve(t())).containsExactly("price", "list_price");
    }

    @Test
    void pattern_matchesTheWholeName() {
        assertThat(ColumnSelector.pattern("price").resolve(t())).containsExactly("price");
        assertThat(ColumnSelector.pattern(".*price").resolve(t())).containsExactly("price", "list_price");
    }

    @Test
    void except_removesNames() {
        assertThat(ColumnSelector.numeric().except("id").resolve(t())).containsExactly("price", "qty", "list_price");
        assertThat(ColumnSelector.all().except("id", "nope").resolve(t())).hasSize(5);
    }

    @Test
    void missingName_isASchemaError() {
        assertThatThrownBy(() -> ColumnSelector.names("Price").resolve(t())).isInstanceOf(SchemaException.class)
            .hasMessageContaining("did you mean 'price'");
    }

    @Test
    void badArguments_areRejected() {
        assertThatThrownBy(() -> ColumnSelector.names()).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ColumnSelector.names("a", "a")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ColumnSelector.pattern("(")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ColumnSelector.names("a").except("b")).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void json_roundTrips() {
        for (ColumnSelector s : List.of(ColumnSelector.names("a", "b"), ColumnSelector.numeric().except("id"),
            ColumnSelector.pattern("x.*"), ColumnSelector.all(), ColumnSelector.text())) {
            assertThat(ColumnSelector.fromJson(s.toJson())).isEqualTo(s);
        }
    }
}
