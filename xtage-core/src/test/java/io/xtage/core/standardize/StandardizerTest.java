package io.xtage.core.standardize;

import static io.xtage.core.standardize.Tables.longs;
import static io.xtage.core.standardize.Tables.table;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.xtage.core.schema.ColumnType;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.Table;

/** The builder's own rules: what applies where, and conflicting declarations. */
class StandardizerTest {
    private static final Table T = table("t", longs("k", 1L));

    @Test
    void joinSettingsOnTheFactAreRejected() {
        assertThatThrownBy(() -> Standardizer.from("t", T).on("k"))
            .isInstanceOf(IllegalStateException.class)
            .hasMessageContaining("call it after leftJoin");
    }

    @Test
    void aJoinWithoutKeysIsRejectedAtBuild() {
        assertThatThrownBy(() -> Standardizer.from("t", T).leftJoin("l", T).build())
            .isInstanceOf(IllegalStateException.class)
            .hasMessageContaining("join 'l' has no keys");
    }

    @Test
    void anAsOfJoinHasExactlyOneKeyPair() {
        assertThatThrownBy(() -> Standardizer.from("t", T).asOfJoin("l", T).on("a", "b").build())
            .isInstanceOf(IllegalStateException.class)
            .hasMessageContaining("exactly one as-of key pair");
    }

    @Test
    void byAndToleranceBelongToAsOfJoins() {
        assertThatThrownBy(() -> Standardizer.from("t", T).leftJoin("l", T).by("k"))
            .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> Standardizer.from("t", T).leftJoin("l", T).tolerance(1))
            .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> Standardizer.from("t", T).asOfJoin("l", T).tolerance(-1))
            .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void inputNamesAreUnique() {
        assertThatThrownBy(() -> Standardizer.from("t", T).leftJoin("t", T))
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining("'t' is already used");
    }

    @Test
    void conflictingDeclarationsAreRejected() {
        assertThatThrownBy(() -> Standardizer.from("t", T).cast("k", ColumnType.LONG).cast("k", ColumnType.INT))
            .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> Standardizer.from("t", T).keep("k").keep("k"))
            .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> Standardizer.from("t", T).leftJoin("l", T).on("k")
            .expect(Cardinality.ONE_TO_ONE).expect(Cardinality.MANY_TO_MANY))
            .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void runWithoutTablesNamesTheUnboundInputs() {
        assertThatThrownBy(() -> Standardizer.from("t").leftJoin("l", T).on("k").run())
            .isInstanceOf(IllegalStateException.class)
            .hasMessageContaining("[t]");
    }

    @Test
    void planRunChecksTheBindingsByName() {
        StandardizationPlan plan = Standardizer.from("t").leftJoin("l").on("k").build();
        assertThatThrownBy(() -> plan.run(Map.of("t", T)))
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining("no table is bound to input(s) [l]");
        assertThatThrownBy(() -> plan.run(Map.of("t", T, "l", T, "typo", T)))
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining("[typo]");
        assertThat(plan.run(Map.of("t", T, "l", T)).table().rowCount()).isEqualTo(1);
    }

    @Test
    void theSameTableMayBeBoundToTwoInputs() {
        Table people = table("people", longs("id", 1L, 2L), longs("manager_id", 2L, null));
        StandardizeResult r = Standardizer.from("people", people)
            .leftJoin("managers", people).onPair("manager_id", "id").alias("manager_id", "managers_manager").run();
        assertThat(r.table().columnNames()).containsExactly("id", "manager_id", "managers_manager");
    }
}
