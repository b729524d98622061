package io.xtage.preprocess.step;

import static io.xtage.preprocess.TestTables.d;
import static io.xtage.preprocess.TestTables.l;
import static io.xtage.preprocess.TestTables.s;
import static io.xtage.preprocess.TestTables.table;
import static io.xtage.preprocess.TestTables.values;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.xtage.core.schema.ColumnType;
import io.xtage.preprocess.PreprocessException;
import io.xtage.preprocess.Step;
import io.xtage.preprocess.StepContract;
import io.xtage.preprocess.Transformed;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.Table;

class CastTest implements StepContract {

    @Override
    public Step step() {
        return Cast.to(ColumnType.LONG, "text").onInvalid(Cast.OnInvalid.MISSING);
    }

    @Override
    public Table fitTable() {
        return table(s("text", "1", " 22 ", "x", null, "3.0"), d("x", 1.0, 2.5, null, 4.0, -0.0),
            s("day", "2024-01-02", "nope", null, "2024-02-29", "2023-02-29"), l("n", 1L, 0L, 2L, null, 3L));
    }

    @Test
    void invalidValues_becomeMissingAndAreCounted() {
        Transformed t = step().fit(fitTable()).transform(fitTable());
        assertThat(values(t.table(), "text")).containsExactly(1L, 22L, null, null, 3L);
        assertThat(t.report().details().get("invalid").toString()).isEqualTo("{text=1}");
        assertThat(t.report().columnsRetyped()).containsEntry("text", "STRING -> LONG");
    }

    @Test
    void invalidValue_underError_namesColumnRowAndValue() {
        var f = Cast.to(ColumnType.LONG, "x").fit(fitTable());
        assertThatThrownBy(() -> f.transform(fitTable())).isInstanceOfSatisfying(PreprocessException.class, e -> {
            assertThat(e.column()).contains("x");
            assertThat(e.getMessage()).contains("row 1").contains("2.5");
        });
    }

    @Test
    void isoDates_parse_andInvalidDatesAreInvalid() {
        Table out = Cast.to(ColumnType.LOCAL_DATE, "day").onInvalid(Cast.OnInvalid.MISSING).fit(fitTable())
            .transform(fitTable()).table();
        assertThat(values(out, "day")).containsExactly(LocalDate.of(2024, 1, 2), null, null, LocalDate.of(2024, 2, 29),
            null);
    }

    @Test
    void numbersToText_andBack() {
        Table out = Cast.to(ColumnType.STRING, "n").fit(fitTable()).transform(fitTable()).table();
        assertThat(values(out, "n")).containsExactly("1", "0", "2", null, "3");
        Table b = Cast.to(ColumnType.BOOLEAN, "n").onInvalid(Cast.OnInvalid.MISSING).fit(fitTable())
            .transform(fitTable()).table();
        assertThat(values(b, "n")).containsExactly(true, false, null, null, null);
    }

    @Test
    void sameType_isLeftAlone() {
        Table in = fitTable();
        Transformed t = Cast.to(ColumnType.DOUBLE, "x").fit(in).transform(in);
        assertThat(t.report().columnsRetyped()).isEmpty();
        assertThat(t.table().column("x")).isSameAs(in.column("x"));
    }
}
