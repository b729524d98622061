package io.xtage.core.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.strings;

import io.xtage.core.SchemaException;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class NamingTest {

    @ParameterizedTest(name = "''{0}'' -> {1}")
    @CsvSource(delimiter = '|', value = {
        "Transaction_ID|transaction_id",
        "customerName|customer_name",
        "Date Joined|date_joined",
        "' Stock-Available '|stock_available",
        "HTTPServer|http_server",
        "already_snake|already_snake",
        "price|price",
        "Unit Price (USD)|unit_price_usd",
        "__x__y__|x_y",
        "col1A|col1_a",
        "ÄrgerZahl|ärger_zahl",
    })
    void snakeCaseExamples(String header, String expected) {
        assertThat(Naming.snakeCase(header)).isEqualTo(expected);
    }

    @Test
    void headerWithoutLetterOrDigitBecomesEmpty() {
        assertThat(Naming.snakeCase(" -- ")).isEmpty();
    }

    @Test
    void snakeCaseAllKeepsOrderAndNamesBlankHeadersByPosition() {
        assertThat(Naming.snakeCaseAll(Arrays.asList("Transaction_ID", "", null, "customerName")))
            .containsExactly("transaction_id", "column_2", "column_3", "customer_name");
    }

    @Test
    void collisionNamesBothOriginals() {
        assertThatThrownBy(() -> Naming.snakeCaseAll(List.of("id", "Customer Name", "x", "customer-name")))
            .isInstanceOf(SchemaException.class)
            .hasMessageContaining("'Customer Name' (column 2)")
            .hasMessageContaining("'customer-name' (column 4)")
            .hasMessageContaining("'customer_name'");
    }

    @Test
    void snakeCaseIsIdempotentOnArbitraryStrings() {
        qt().withExamples(5_000).forAll(strings().allPossible().ofLengthBetween(0, 40))
            .check(s -> {
                String once = Naming.snakeCase(s);
                return Naming.snakeCase(once).equals(once);
            });
    }

    @Test
    void snakeCaseIsIdempotentOnBasicLatinStrings() {
        qt().withExamples(5_000).forAll(strings().basicLatinAlphabet().ofLengthBetween(0, 40))
            .check(s -> {
                String once = Naming.snakeCase(s);
                return Naming.snakeCase(once).equals(once);
            });
    }

    @Test
    void snakeCaseOutputHasOnlyLowerCaseWordsJoinedBySingleUnderscores() {
        qt().withExamples(2_000).forAll(strings().basicLatinAlphabet().ofLengthBetween(0, 40))
            .check(s -> Naming.snakeCase(s).matches("([a-z0-9]+(_[a-z0-9]+)*)?"));
    }
}
