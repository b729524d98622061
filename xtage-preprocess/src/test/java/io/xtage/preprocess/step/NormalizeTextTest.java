package io.xtage.preprocess.step;

import static io.xtage.preprocess.TestTables.l;
import static io.xtage.preprocess.TestTables.s;
import static io.xtage.preprocess.TestTables.table;
import static io.xtage.preprocess.TestTables.values;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.xtage.core.SchemaException;
import io.xtage.preprocess.ColumnSelector;
import io.xtage.preprocess.Step;
import io.xtage.preprocess.StepContract;
import io.xtage.preprocess.Transformed;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.Table;

class NormalizeTextTest implements StepContract {

    @Override
    public Step step() {
        return NormalizeText.of("gender").trim().missingTokens("", "n/a").lowerCase().map("m", "male").map("f", "female");
    }

    @Override
    public Table fitTable() {
        return table(l("id", 1L, 2L, 3L, 4L, 5L, 6L), s("gender", " M", "f ", "Female", "n/a", null, "Non-binary"),
            s("city", " Paris", "Unknown", "Lyon", "", null, "Lyon"));
    }

    @Test
    void appliesTrimTokensCaseAndMapInThatOrder() {
        Transformed t = step().fit(fitTable()).transform(fitTable());
        assertThat(values(t.table(), "gender")).containsExactly("male", "female", "female", null, null, "non-binary");
        assertThat(t.report().cellsChanged()).containsEntry("gender", 5L);
    }

    @Test
    void tokensAreMatchedBeforeTheCaseChange() {
        Table out = NormalizeText.of("city").missingTokens("Unknown").lowerCase().fit(fitTable())
            .transform(fitTable()).table();
        assertThat(values(out, "city")).containsExactly(" paris", null, "lyon", null, null, "lyon");
    }

    @Test
    void textSelector_resolvesAtFitToTheTextColumns() {
        Table out = NormalizeText.of(ColumnSelector.text()).trim().fit(fitTable()).transform(fitTable()).table();
        assertThat(values(out, "city").get(0)).isEqualTo("Paris");
        assertThat(values(out, "gender").get(0)).isEqualTo("M");
    }

    @Test
    void mapKeyThatCanNeverMatch_isRejectedAtBuild() {
        assertThatThrownBy(() -> NormalizeText.of("g").map("M", "male").lowerCase())
            .isInstanceOf(IllegalStateException.class).hasMessageContaining("'M'");
    }

    @Test
    void conflictingMappings_areRejected() {
        assertThatThrownBy(() -> NormalizeText.of("g").map("m", "male").map("m", "man"))
            .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void numericColumn_isASchemaError() {
        assertThatThrownBy(() -> NormalizeText.of("id").fit(fitTable())).isInstanceOf(SchemaException.class)
            .hasMessageContaining("must be STRING");
    }
}
