package io.xtage.core.standardize;

import static io.xtage.core.standardize.Tables.longs;
import static io.xtage.core.standardize.Tables.strings;
import static io.xtage.core.standardize.Tables.table;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import org.junit.jupiter.api.Test;
import tech.tablesaw.api.Table;

/** Declared cardinalities are checked, and a violation names the repeated keys. */
class CardinalityTest {
    private static final Table FACT = table("sales", longs("product_id", 1L, 2L, 2L, 3L));
    private static final Table PRODUCTS = table("products", longs("product_id", 1L, 2L, 2L, 3L, 3L, 3L, 4L),
        strings("name", "a", "b1", "b2", "c1", "c2", "c3", "d"));

    @Test
    void repeatedLookupKeysFailTheDefaultManyToOneJoinNamingTheKeys() {
        CardinalityException e = catchThrowableOfType(CardinalityException.class,
            () -> Standardizer.from("sales", FACT).leftJoin("products", PRODUCTS).on("product_id").run());
        assertThat(e.join()).isEqualTo("products");
        assertThat(e.side()).isEqualTo("right");
        assertThat(e.expected()).isEqualTo(Cardinality.MANY_TO_ONE);
        assertThat(e.repeatedKeys()).isEqualTo(2);
        assertThat(e.repeatedKeySample()).containsExactly("2", "3");
        assertThat(e.getMessage()).contains("2 (2 rows)", "3 (3 rows)", "onDuplicateKeys");
    }

    @Test
    void oneToOneFailsOnRepeatedLeftKeys() {
        Table lookup = table("products", longs("product_id", 1L, 2L, 3L), strings("name", "a", "b", "c"));
        CardinalityException e = catchThrowableOfType(CardinalityException.class,
            () -> Standardizer.from("sales", FACT).leftJoin("products", lookup).on("product_id")
                .expect(Cardinality.ONE_TO_ONE).run());
        assertThat(e.side()).isEqualTo("left");
        assertThat(e.repeatedKeySample()).containsExactly("2");
    }

    @Test
    void oneToManyAllowsRepeatedRightKeysButNotLeftOnes() {
        Table uniqueFact = table("sales", longs("product_id", 1L, 3L));
        StandardizeResult r = Standardizer.from("sales", uniqueFact).leftJoin("products", PRODUCTS).on("product_id")
            .expect(Cardinality.ONE_TO_MANY).run();
        assertThat(r.table().rowCount()).isEqualTo(4);
        assertThat(r.joinReports().get(0).rightDuplicateKeys()).isEqualTo(2);

        assertThatThrownBy(() -> Standardizer.from("sales", FACT).leftJoin("products", PRODUCTS).on("product_id")
            .expect(Cardinality.ONE_TO_MANY).run())
            .isInstanceOfSatisfying(CardinalityException.class, e -> assertThat(e.side()).isEqualTo("left"));
    }

    @Test
    void manyToManyMultipliesRowsAndSaysHowManyKeysRepeat() {
        StandardizeResult r = Standardizer.from("sales", FACT).leftJoin("products", PRODUCTS).on("product_id")
            .expect(Cardinality.MANY_TO_MANY).run();
        // 1 -> 1 row, 2 -> 2 rows (twice), 3 -> 3 rows
        assertThat(r.table().rowCount()).isEqualTo(1 + 2 + 2 + 3);
        assertThat(r.joinReports().get(0).rightDuplicateKeys()).isEqualTo(2);
        assertThat(r.joinReports().get(0).rightDuplicateKeySample()).containsExactly("2", "3");
    }

    @Test
    void missingLeftKeysDoNotCountAsRepeats() {
        Table fact = table("sales", longs("product_id", null, null, 1L));
        Table lookup = table("products", longs("product_id", 1L), strings("name", "a"));
        StandardizeResult r = Standardizer.from("sales", fact).leftJoin("products", lookup).on("product_id")
            .expect(Cardinality.ONE_TO_ONE).run();
        assertThat(r.table().rowCount()).isEqualTo(3);
    }

    @Test
    void compositeRepeatedKeysAreNamedWhole() {
        Table fact = table("f", longs("a", 1L), strings("b", "x"));
        Table lookup = table("l", longs("a", 1L, 1L, 1L), strings("b", "x", " x", "y"), strings("v", "1", "2", "3"));
        CardinalityException e = catchThrowableOfType(CardinalityException.class,
            () -> Standardizer.from("f", fact).leftJoin("l", lookup).on("a", "b").run());
        assertThat(e.repeatedKeySample()).containsExactly("(1, x)");
    }

    @Test
    void manyRepeatedKeysAreSampled() {
        Long[] ids = new Long[40];
        for (int i = 0; i < ids.length; i++) {
            ids[i] = (long) (i / 2);
        }
        Table lookup = table("l", longs("k", ids));
        CardinalityException e = catchThrowableOfType(CardinalityException.class,
            () -> Standardizer.from("f", table("f", longs("k", 1L))).leftJoin("l", lookup).on("k").run());
        assertThat(e.repeatedKeys()).isEqualTo(20);
        assertThat(e.repeatedKeySample()).hasSize(10).startsWith("0", "1");
        assertThat(e.getMessage()).contains("20 right key(s)", ", ...");
    }
}
