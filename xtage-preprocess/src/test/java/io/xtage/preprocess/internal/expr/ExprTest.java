package io.xtage.preprocess.internal.expr;

import static io.xtage.preprocess.TestTables.b;
import static io.xtage.preprocess.TestTables.d;
import static io.xtage.preprocess.TestTables.date;
import static io.xtage.preprocess.TestTables.i;
import static io.xtage.preprocess.TestTables.l;
import static io.xtage.preprocess.TestTables.s;
import static io.xtage.preprocess.TestTables.table;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.xtage.preprocess.ExpressionException;
import io.xtage.preprocess.PreprocessException;
import io.xtage.preprocess.TestTables;
import java.util.List;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.Table;

class ExprTest {

    private static Table t() {
        return table(d("price", 1.5, -2.0, null, 0.0), l("quantity", 2L, null, 3L, 0L), i("k", 1, 2, null, 4),
            s("cat", "Books", "toys", null, "Books"), b("ok", true, false, null, true),
            date("day", "2024-02-28", "2024-03-01", null, "2023-12-31"), s("Total Amount", "a", "b", "c", "d"));
    }

    private static List<Object> eval(String expr) {
        Vec v = Expr.parse(expr).bind(t(), "test").eval();
        Table out = Table.create("o", v.toColumn("r"));
        return TestTables.values(out, "r");
    }

    private static ExpressionException error(String expr) {
        try {
            Expr.parse(expr).bind(t(), "test");
        } catch (ExpressionException e) {
            return e;
        }
        throw new AssertionError("no error for " + expr);
    }

    // ---- syntax errors point at the position

    @Test
    void unclosedParenthesis_pointsAtTheEnd() {
        ExpressionException e = error("price < (3");
        assertThat(e.position()).isEqualTo(10);
        assertThat(e.reason()).contains("expected ')'");
        assertThat(e.getMessage()).contains("\n  price < (3\n            ^");
    }

    @Test
    void strayToken_pointsAtIt() {
        assertThat(error("price < 0 quantity").position()).isEqualTo(10);
    }

    @Test
    void unknownCharacter_pointsAtIt() {
        assertThat(error("price ; 1").position()).isEqualTo(6);
    }

    @Test
    void unclosedText_pointsAtItsQuote() {
        ExpressionException e = error("cat = 'Books");
        assertThat(e.position()).isEqualTo(6);
        assertThat(e.reason()).contains("not closed");
    }

    @Test
    void unknownFunction_isNamed() {
        ExpressionException e = error("sqrt(price)");
        assertThat(e.position()).isZero();
        assertThat(e.reason()).contains("unknown function 'sqrt'").contains("coalesce");
    }

    @Test
    void chainedComparison_isRejected() {
        ExpressionException e = error("0 < price < 3");
        assertThat(e.position()).isEqualTo(10);
        assertThat(e.reason()).contains("do not chain");
    }

    @Test
    void emptyExpression_isRejected() {
        assertThatThrownBy(() -> Expr.parse("  ")).isInstanceOf(ExpressionException.class).hasMessageContaining("empty");
    }

    @Test
    void badDateLiteral_pointsAtIt() {
        assertThat(error("day > date '2024-13-01'").position()).isEqualTo(11);
    }

    // ---- type errors point at the position

    @Test
    void arithmeticOnText_pointsAtTheOperator() {
        ExpressionException e = error("quantity + cat * 2");
        assertThat(e.position()).isEqualTo(15);
        assertThat(e.reason()).contains("cannot apply '*' to STRING and LONG");
    }

    @Test
    void unknownColumn_pointsAtIt() {
        ExpressionException e = error("price > 0 and Cat = 'x'");
        assertThat(e.position()).isEqualTo(14);
        assertThat(e.reason()).contains("no column 'Cat'").contains("did you mean 'cat'");
    }

    @Test
    void comparingTextWithNumber_isATypeError() {
        assertThat(error("cat = 1").reason()).contains("cannot compare STRING with LONG");
    }

    @Test
    void andOnNumbers_isATypeError() {
        assertThat(error("price and ok").position()).isEqualTo(6);
    }

    @Test
    void textThatIsNotADate_comparedWithADate_pointsAtTheText() {
        ExpressionException e = error("day >= 'soon'");
        assertThat(e.position()).isEqualTo(7);
    }

    @Test
    void wrongArgumentCount_isReported() {
        assertThat(error("year(day, day)").reason()).contains("takes 1 argument");
    }

    // ---- evaluation

    @Test
    void comparisonWithMissing_isMissing() {
        assertThat(eval("price < 0")).containsExactly(false, true, null, false);
    }

    @Test
    void orAndAnd_useThreeValuedLogic() {
        // row 2: price missing, quantity 3 -> (null or false) = null; row 1: quantity missing -> (true or null) = true
        assertThat(eval("price < 0 or quantity < 0")).containsExactly(false, true, null, false);
        // row 2: (null and true) = null; row 1: (false and null) = false
        assertThat(eval("price > 100 and quantity > 0")).containsExactly(false, false, null, false);
        assertThat(eval("not (price < 0)")).containsExactly(true, false, null, true);
    }

    @Test
    void isNull_neverGivesMissing() {
        assertThat(eval("price is null")).containsExactly(false, false, true, false);
        assertThat(eval("cat is not null")).containsExactly(true, true, false, true);
    }

    @Test
    void inList_matchesLiterals() {
        assertThat(eval("cat in ('Books', 'Garden')")).containsExactly(true, false, null, true);
        assertThat(eval("quantity not in (0, 3)")).containsExactly(true, null, false, false);
        assertThat(eval("price in (1.5, -2)")).containsExactly(true, true, null, false);
    }

    @Test
    void integerArithmetic_staysLong_andDivisionGivesDouble() {
        assertThat(eval("quantity * k + 1")).containsExactly(3L, null, null, 1L);
        assertThat(eval("quantity / 2")).containsExactly(1.0, null, 1.5, 0.0);
        assertThat(eval("quantity % 2")).containsExactly(0L, null, 1L, 0L);
    }

    @Test
    void divisionByZero_isMissing() {
        assertThat(eval("1 / price")).containsExactly(1 / 1.5, -0.5, null, null);
        assertThat(eval("k % quantity")).containsExactly(1L, null, null, null);
    }

    @Test
    void unaryMinus_andPrecedence() {
        assertThat(eval("-price * 2 + 1")).containsExactly(-2.0, 5.0, null, 1.0);
        assertThat(eval("2 + 3 * 4 - (1 - 1)")).containsExactly(14L, 14L, 14L, 14L);
    }

    @Test
    void integerOverflow_isAnErrorNamingTheRow() {
        assertThatThrownBy(() -> eval("quantity * 9223372036854775807"))
            .isInstanceOf(PreprocessException.class).hasMessageContaining("overflow").hasMessageContaining("row 0");
    }

    @Test
    void coalesce_widensToDouble() {
        assertThat(eval("coalesce(quantity, price, -1)")).containsExactly(2.0, -2.0, 3.0, 0.0);
        assertThat(eval("coalesce(cat, 'none')")).containsExactly("Books", "toys", "none", "Books");
    }

    @Test
    void dateParts_andDifferences() {
        assertThat(eval("year(day)")).containsExactly(2024L, 2024L, null, 2023L);
        assertThat(eval("month(day)")).containsExactly(2L, 3L, null, 12L);
        assertThat(eval("day(day)")).containsExactly(28L, 1L, null, 31L);
        assertThat(eval("day_of_week(day)")).containsExactly(3L, 5L, null, 7L);
        assertThat(eval("days_between(day, '2024-03-01')")).containsExactly(2L, 0L, null, 61L);
        assertThat(eval("day >= '2024-01-01'")).containsExactly(true, true, null, false);
        assertThat(eval("day in (date '2023-12-31')")).containsExactly(false, false, null, true);
    }

    @Test
    void keywordsAreCaseInsensitive_andQuotedNamesWork() {
        assertThat(error("PRICE < 0").reason()).contains("did you mean 'price'");
        assertThat(eval("price < 0 OR \"Total Amount\" = 'a'")).containsExactly(true, true, null, false);
        assertThat(eval("`Total Amount` IS NOT NULL")).containsExactly(true, true, true, true);
    }

    @Test
    void booleanColumns_compareAndCombine() {
        assertThat(eval("ok = true and price >= 0")).containsExactly(true, false, null, true);
    }

    @Test
    void columns_areListedInOrderOfFirstUse() {
        assertThat(Expr.parse("coalesce(b, a) + a * c").columns()).containsExactly("b", "a", "c");
    }
}
