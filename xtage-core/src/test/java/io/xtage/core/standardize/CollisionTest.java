package io.xtage.core.standardize;

import static io.xtage.core.standardize.Tables.doubles;
import static io.xtage.core.standardize.Tables.longs;
import static io.xtage.core.standardize.Tables.strings;
import static io.xtage.core.standardize.Tables.table;
import static io.xtage.core.standardize.Tables.values;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.xtage.core.SchemaException;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.Table;

/** A brought column whose name is taken is prefixed, aliased, or fails: never a silent _x/_y. */
class CollisionTest {
    private static final Table SALES = table("sales", longs("product_id", 1L, 2L), doubles("price", 5.0, 6.0));
    private static final Table PRODUCTS = table("products", longs("product_id", 1L, 2L), doubles("price", 50.0, 60.0),
        strings("name", "a", "b"));

    @Test
    void collidingColumnIsPrefixedWithTheInputName() {
        StandardizeResult r = Standardizer.from("sales", SALES).leftJoin("products", PRODUCTS).on("product_id").run();
        assertThat(r.table().columnNames()).containsExactly("product_id", "price", "products_price", "name");
        assertThat(values(r.table(), "price")).containsExactly(5.0, 6.0);
        assertThat(values(r.table(), "products_price")).containsExactly(50.0, 60.0);
        assertThat(r.columnOrigins()).containsEntry("products_price", "products.price")
            .containsEntry("price", "sales.price");
    }

    @Test
    void prefixIsTheInputNameInSnakeCase() {
        StandardizeResult r = Standardizer.from("sales", SALES).leftJoin("Product List", PRODUCTS).on("product_id")
            .run();
        assertThat(r.table().columnNames()).contains("product_list_price");
    }

    @Test
    void aliasNamesTheBroughtColumn() {
        StandardizeResult r = Standardizer.from("sales", SALES).leftJoin("products", PRODUCTS).on("product_id")
            .alias("price", "list_price").run();
        assertThat(r.table().columnNames()).containsExactly("product_id", "price", "list_price", "name");
    }

    @Test
    void failPolicyRejectsACollisionNamingBothColumns() {
        assertThatThrownBy(() -> Standardizer.from("sales", SALES).leftJoin("products", PRODUCTS).on("product_id")
            .onCollision(CollisionPolicy.FAIL).run())
            .isInstanceOf(SchemaException.class)
            .hasMessageContaining("brings column 'price'")
            .hasMessageContaining("sales.price")
            .hasMessageContaining("alias(\"price\"");
    }

    @Test
    void aliasThatIsTakenFails() {
        assertThatThrownBy(() -> Standardizer.from("sales", SALES).leftJoin("products", PRODUCTS).on("product_id")
            .alias("name", "price").run())
            .isInstanceOf(SchemaException.class)
            .hasMessageContaining("alias 'price' for column 'name' is already a column");
    }

    @Test
    void prefixedNameThatIsTakenFails() {
        Table sales = table("sales", longs("product_id", 1L), doubles("price", 5.0), doubles("products_price", 7.0));
        assertThatThrownBy(() -> Standardizer.from("sales", sales).leftJoin("products", PRODUCTS).on("product_id").run())
            .isInstanceOf(SchemaException.class)
            .hasMessageContaining("'products_price' is taken too");
    }

    @Test
    void aliasForAColumnTheJoinDoesNotBringFails() {
        assertThatThrownBy(() -> Standardizer.from("sales", SALES).leftJoin("products", PRODUCTS).on("product_id")
            .keep("name").alias("price", "list_price").run())
            .isInstanceOf(SchemaException.class)
            .hasMessageContaining("alias for column 'price'")
            .hasMessageContaining("[name]");
    }

    @Test
    void aliasOnAKeyColumnFailsBecauseKeysAreNotBrought() {
        assertThatThrownBy(() -> Standardizer.from("sales", SALES).leftJoin("products", PRODUCTS).on("product_id")
            .alias("product_id", "pid").run())
            .isInstanceOf(SchemaException.class)
            .hasMessageContaining("key columns are not brought");
    }

    @Test
    void twoJoinsBringingTheSameNameArePrefixedEach() {
        Table suppliers = table("suppliers", longs("product_id", 1L, 2L), strings("name", "s1", "s2"));
        StandardizeResult r = Standardizer.from("sales", SALES)
            .leftJoin("products", PRODUCTS).on("product_id").keep("name")
            .leftJoin("suppliers", suppliers).on("product_id").run();
        assertThat(r.table().columnNames()).containsExactly("product_id", "price", "name", "suppliers_name");
    }

    @Test
    void factAliasRenamesAFactColumn() {
        StandardizeResult r = Standardizer.from("sales", SALES).alias("price", "sale_price")
            .leftJoin("products", PRODUCTS).on("product_id").run();
        assertThat(r.table().columnNames()).containsExactly("product_id", "sale_price", "price", "name");
    }
}
