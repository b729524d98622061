package io.xtage.core.standardize;

import static io.xtage.core.standardize.Tables.dates;
import static io.xtage.core.standardize.Tables.doubles;
import static io.xtage.core.standardize.Tables.ints;
import static io.xtage.core.standardize.Tables.longs;
import static io.xtage.core.standardize.Tables.strings;
import static io.xtage.core.standardize.Tables.table;
import static io.xtage.core.standardize.Tables.values;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.xtage.core.SchemaException;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.ColumnType;
import tech.tablesaw.api.Table;

/** Keys stored as different types still meet; missing keys never match. */
class KeyAlignmentTest {
    private static final Table PRODUCTS = table("p", longs("id", 1L, 2L, 3L), strings("name", "a", "b", "c"));

    private static StandardizeResult lookup(Table fact) {
        return Standardizer.from("f", fact).leftJoin("p", PRODUCTS).onPair("k", "id").run();
    }

    @Test
    void intKeyMeetsLongKey() {
        StandardizeResult r = lookup(table("f", ints("k", 3, 1, 9)));
        assertThat(values(r.table(), "name")).containsExactly("c", "a", null);
    }

    @Test
    void textKeyWithSpacesMeetsLongKey() {
        StandardizeResult r = lookup(table("f", strings("k", " 2", "3  ", "\t1\t", "+2", "007")));
        assertThat(values(r.table(), "name")).containsExactly("b", "c", "a", "b", null);
    }

    @Test
    void textThatIsNoIntegerMatchesNothingAndIsNoError() {
        StandardizeResult r = lookup(table("f", strings("k", "x1", "1.0", "1")));
        assertThat(values(r.table(), "name")).containsExactly(null, null, "a");
        assertThat(r.joinReports().get(0).unmatchedKeySample()).containsExactly("x1", "1.0");
    }

    @Test
    void textKeysAreComparedTrimmed() {
        Table lookup = table("p", strings("code", "EUR ", "USD"), doubles("rate", 0.9, 1.0));
        Table fact = table("f", strings("code", " EUR", "usd", "USD"));
        StandardizeResult r = Standardizer.from("f", fact).leftJoin("p", lookup).on("code").run();
        assertThat(values(r.table(), "rate")).containsExactly(0.9, null, 1.0);
        // the fact's own key text is left as it was
        assertThat(values(r.table(), "code")).containsExactly(" EUR", "usd", "USD");
    }

    @Test
    void doubleKeyMeetsLongKeyOnlyWhenNumericallyEqual() {
        StandardizeResult r = lookup(table("f", doubles("k", 1.0, 1.5, 3.0, -0.0)));
        assertThat(values(r.table(), "name")).containsExactly("a", null, "c", null);
    }

    @Test
    void doubleKeysAreNotRoundedToIntegers() {
        Table lookup = table("p", doubles("k", 1.0, 2.0), strings("name", "one", "two"));
        Table fact = table("f", doubles("k", 1.2, 1.7, 2.0, 0.0));
        StandardizeResult r = Standardizer.from("f", fact).leftJoin("p", lookup).on("k").run();
        assertThat(values(r.table(), "name")).containsExactly(null, null, "two", null);
    }

    @Test
    void negativeZeroEqualsZero() {
        Table lookup = table("p", doubles("k", 0.0), strings("name", "zero"));
        Table fact = table("f", doubles("k", -0.0));
        assertThat(values(Standardizer.from("f", fact).leftJoin("p", lookup).on("k").run().table(), "name"))
            .containsExactly("zero");
    }

    @Test
    void textKeyMeetsDoubleKeyAsANumber() {
        Table lookup = table("p", doubles("k", 1.5, 2.0), strings("name", "x", "y"));
        Table fact = table("f", strings("k", " 1.5", "2", "2.00", "abc"));
        StandardizeResult r = Standardizer.from("f", fact).leftJoin("p", lookup).on("k").run();
        assertThat(values(r.table(), "name")).containsExactly("x", "y", "y", null);
    }

    @Test
    void missingKeysNeverMatchInAnyType() {
        Table lookupLong = table("p", longs("k", (Long) null, 1L), strings("name", "missing", "one"));
        assertThat(values(Standardizer.from("f", table("f", longs("k", null, 1L))).leftJoin("p", lookupLong).on("k")
            .run().table(), "name")).containsExactly(null, "one");

        Table lookupText = table("p", strings("k", "", " ", "a"), strings("name", "empty", "blank", "a"));
        assertThat(values(Standardizer.from("f", table("f", strings("k", "", "  ", "a"))).leftJoin("p", lookupText)
            .on("k").expect(Cardinality.MANY_TO_MANY).run().table(), "name")).containsExactly(null, null, "a");

        Table lookupDouble = table("p", doubles("k", null, 1.0), strings("name", "nan", "one"));
        assertThat(values(Standardizer.from("f", table("f", doubles("k", null, 1.0))).leftJoin("p", lookupDouble)
            .on("k").run().table(), "name")).containsExactly(null, "one");

        Table lookupDate = table("p", dates("k", null, "2022-01-01"), strings("name", "none", "jan"));
        assertThat(values(Standardizer.from("f", table("f", dates("k", null, "2022-01-01"))).leftJoin("p", lookupDate)
            .on("k").run().table(), "name")).containsExactly(null, "jan");
    }

    @Test
    void missingRightKeysAreNotDuplicatesOfEachOther() {
        Table lookup = table("p", longs("k", null, null, 1L), strings("name", "x", "y", "one"));
        StandardizeResult r = Standardizer.from("f", table("f", longs("k", 1L))).leftJoin("p", lookup).on("k").run();
        assertThat(r.joinReports().get(0).rightDuplicateKeys()).isZero();
        assertThat(values(r.table(), "name")).containsExactly("one");
    }

    @Test
    void dateKeyAgainstLongKeyIsASchemaErrorNamingBothTypes() {
        Table fact = table("f", dates("k", "2022-01-01"));
        assertThatThrownBy(() -> lookup(fact))
            .isInstanceOf(SchemaException.class)
            .hasMessageContaining("join 'p'")
            .hasMessageContaining("LOCAL_DATE")
            .hasMessageContaining("LONG")
            .hasMessageContaining("cast one side");
    }

    @Test
    void compositeKeysOfMixedTypesAlignPartByPart() {
        Table lookup = table("p", longs("a", 1L, 1L, 2L), strings("b", "x", "y", "x"), doubles("v", 1.0, 2.0, 3.0));
        Table fact = table("f", ints("a", 1, 2, 1, null), strings("b", " y", "x ", "z", "x"));
        StandardizeResult r = Standardizer.from("f", fact).leftJoin("p", lookup).on("a", "b").run();
        assertThat(values(r.table(), "v")).containsExactly(2.0, 3.0, null, null);
        assertThat(r.joinReports().get(0).unmatchedKeySample()).containsExactly("(1, z)", "(null, x)");
    }

    @Test
    void fullJoinWidensAnIntKeyToLongForRightOnlyRows() {
        Table fact = table("f", ints("k", 1, 2));
        Table other = table("o", longs("k", 2L, 5_000_000_000L), strings("name", "two", "big"));
        StandardizeResult r = Standardizer.from("f", fact).fullJoin("o", other).on("k").run();
        assertThat(r.table().column("k").type()).isEqualTo(ColumnType.LONG);
        assertThat(values(r.table(), "k")).containsExactly(1L, 2L, 5_000_000_000L);
        assertThat(values(r.table(), "name")).containsExactly(null, "two", "big");
        assertThat(r.joinReports().get(0).unmatchedRightRows()).isEqualTo(1);
    }

    @Test
    void fullJoinFillsATextLeftKeyFromANumericRightKey() {
        Table fact = table("f", strings("k", "1"));
        Table other = table("o", longs("k", 1L, 7L), strings("name", "one", "seven"));
        StandardizeResult r = Standardizer.from("f", fact).fullJoin("o", other).on("k").run();
        assertThat(values(r.table(), "k")).containsExactly("1", "7");
    }

    @Test
    void fullJoinFailsWhenARightOnlyKeyCannotBeStoredInTheLeftKeyType() {
        Table fact = table("f", longs("k", 1L));
        Table other = table("o", strings("k", "1", "abc"), strings("name", "one", "text"));
        assertThatThrownBy(() -> Standardizer.from("f", fact).fullJoin("o", other).on("k").run())
            .isInstanceOf(SchemaException.class)
            .hasMessageContaining("'abc'")
            .hasMessageContaining("left key column 'k' (LONG)");
    }
}
