package io.xtage.preprocess.step;

import static io.xtage.preprocess.TestTables.l;
import static io.xtage.preprocess.TestTables.s;
import static io.xtage.preprocess.TestTables.table;
import static io.xtage.preprocess.TestTables.values;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.xtage.core.SchemaException;
import io.xtage.preprocess.PreprocessException;
import io.xtage.preprocess.Step;
import io.xtage.preprocess.StepContract;
import io.xtage.preprocess.Transformed;
import io.xtage.preprocess.UnseenPolicy;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.Table;

class OneHotTest implements StepContract {

    @Override
    public Step step() {
        return OneHot.of("category").ignoreCase().unseen(UnseenPolicy.IGNORE);
    }

    @Override
    public Table fitTable() {
        return table(l("id", 1L, 2L, 3L, 4L, 5L), s("category", "Books", "toys", "Toys", null, "Books"),
            s("shop", "x", "y", "x", "x", "z"));
    }

    @Override
    public Table otherTable() {
        return table(l("id", 9L, 8L), s("category", "Garden", "books"), s("shop", "x", "w"));
    }

    @Test
    void levelsAreLearnedAtFit_andNamedColumnUnderscoreLowerCaseValue() {
        Transformed t = step().fit(fitTable()).transform(fitTable());
        assertThat(t.table().columnNames()).containsExactly("id", "shop", "category_books", "category_toys");
        assertThat(values(t.table(), "category_books")).containsExactly(1L, 0L, 0L, 0L, 1L);
        assertThat(values(t.table(), "category_toys")).containsExactly(0L, 1L, 1L, 0L, 0L);
        assertThat(t.report().columnsRemoved()).containsExactly("category");
        assertThat(t.report().details().get("counts").toString()).contains("missing=1");
    }

    @Test
    void unseen_ignore_givesAllZerosAndIsCounted() {
        Transformed t = step().fit(fitTable()).transform(otherTable());
        assertThat(values(t.table(), "category_books")).containsExactly(0L, 1L);
        assertThat(values(t.table(), "category_toys")).containsExactly(0L, 0L);
        assertThat(t.report().details().get("counts").toString()).contains("unseen=1");
    }

    @Test
    void unseen_error_namesTheColumnAndValue() {
        var f = OneHot.of("category").ignoreCase().fit(fitTable());
        assertThatThrownBy(() -> f.transform(otherTable())).isInstanceOfSatisfying(PreprocessException.class, e -> {
            assertThat(e.column()).contains("category");
            assertThat(e.getMessage()).contains("Garden");
        });
    }

    @Test
    void unseen_mapToOther_setsTheOtherColumn() {
        Table out = OneHot.of("category").ignoreCase().unseen(UnseenPolicy.MAP_TO_OTHER).fit(fitTable())
            .transform(otherTable()).table();
        assertThat(values(out, "category_other")).containsExactly(1L, 0L);
    }

    @Test
    void maxLevels_keepsTheMostFrequent_andSendsTheRestToOther() {
        Table t = table(s("c", "a", "b", "b", "c", "c", "c"));
        Transformed tr = OneHot.of("c").maxLevels(2).unseen(UnseenPolicy.MAP_TO_OTHER).fit(t).transform(t);
        assertThat(tr.table().columnNames()).containsExactly("c_b", "c_c", "c_other");
        assertThat(values(tr.table(), "c_other")).containsExactly(1L, 0L, 0L, 0L, 0L, 0L);
        // an infrequent level is known: under ERROR it gives zeros, not an error
        Table z = OneHot.of("c").maxLevels(2).fit(t).transform(t).table();
        assertThat(values(z, "c_b").get(0)).isEqualTo(0L);
    }

    @Test
    void levelsDifferingOnlyInCase_withoutIgnoreCase_areAnErrorAtFit() {
        assertThatThrownBy(() -> OneHot.of("category").fit(fitTable())).isInstanceOf(PreprocessException.class)
            .hasMessageContaining("ignoreCase");
    }

    @Test
    void inPlace_andKeepSource_placeTheColumns() {
        Table out = OneHot.of("category").ignoreCase().inPlace().keepSource().fit(fitTable()).transform(fitTable())
            .table();
        assertThat(out.columnNames()).containsExactly("id", "category", "category_books", "category_toys", "shop");
    }

    @Test
    void outputNameTaken_isASchemaError() {
        Table t = table(s("c", "a"), l("c_a", 1L));
        assertThatThrownBy(() -> OneHot.of("c").fit(t)).isInstanceOf(SchemaException.class)
            .hasMessageContaining("c_a");
    }

    @Test
    void levels_areInTheReportParams() {
        Transformed t = step().fit(fitTable()).transform(fitTable());
        @SuppressWarnings("unchecked")
        Map<String, Object> cols = (Map<String, Object>) t.report().params().get("columns");
        assertThat(cols.get("category").toString()).isEqualTo("{levels=[books, toys]}");
    }
}
