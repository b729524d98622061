package io.xtage.examples.generate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The mix of dirt at N=100,000, against the rates of the reference generator. Tolerances
 * are several standard deviations of the binomial count, so any seed passes.
 */
class W1DataGenerator_DirtTest {

    private static final int ROWS = 100_000;
    private static final long PRODUCTS = ROWS / 100;
    private static final Pattern DMY = Pattern.compile("\\d\\d/\\d\\d/2022");
    private static final Pattern MDY = Pattern.compile("\\d\\d-\\d\\d-2022");
    private static final Pattern ISO = Pattern.compile("2022-\\d\\d-\\d\\d");

    @TempDir
    static Path dir;

    private static List<String[]> sales;
    private static List<String[]> transactions;
    private static List<String[]> products;
    private static JsonNode customers;
    private static JsonNode rates;

    @BeforeAll
    static void generate() throws IOException {
        W1DataGenerator.generate(dir, ROWS, 42);
        sales = read(W1DataGenerator.SALES);
        transactions = read(W1DataGenerator.TRANSACTIONS);
        products = read(W1DataGenerator.PRODUCTS);
        ObjectMapper json = new ObjectMapper();
        customers = json.readTree(dir.resolve(W1DataGenerator.CUSTOMERS).toFile());
        rates = json.readTree(dir.resolve(W1DataGenerator.RATES).toFile());
    }

    @Test
    void salesPrices_emptyAndNegative() {
        assertThat(percent(sales, f -> f[3].isEmpty())).isCloseTo(4.5, within(0.4));
        assertThat(percent(sales, f -> f[3].startsWith("-"))).isCloseTo(22.0, within(0.8));
    }

    @Test
    void salesDates_mixOfSpellings() {
        assertThat(percent(sales, f -> f[4].isEmpty())).isCloseTo(3.0, within(0.4));
        assertThat(percent(sales, f -> DMY.matcher(f[4]).matches())).isCloseTo(35.0, within(1.0));
        assertThat(percent(sales, f -> MDY.matcher(f[4]).matches())).isCloseTo(31.0, within(1.0));
        assertThat(percent(sales, f -> ISO.matcher(f[4]).matches())).isCloseTo(31.0, within(1.0));
    }

    @Test
    void salesProducts_unknownIds() {
        assertThat(percent(sales, f -> Long.parseLong(f[1]) > PRODUCTS)).isCloseTo(5.0, within(0.4));
        assertThat(sales).allSatisfy(f -> assertThat(Long.parseLong(f[1])).isBetween(1L, 2 * PRODUCTS));
    }

    @Test
    void salesQuantities_outliers() {
        assertThat(percent(sales, f -> f[2].equals("-1"))).isCloseTo(1.0, within(0.25));
        assertThat(percent(sales, f -> f[2].equals("1000"))).isCloseTo(0.7, within(0.2));
        assertThat(percent(sales, f -> f[2].equals("0"))).isCloseTo(0.3, within(0.15));
        assertThat(percent(sales, f -> {
            int q = Integer.parseInt(f[2]);
            return q >= 1 && q <= 10;
        })).isCloseTo(98.0, within(0.4));
    }

    @Test
    void salesLines_onePercentRepeated() {
        Set<String> ids = new HashSet<>();
        long repeats = sales.stream().filter(f -> !ids.add(f[0])).count();
        assertThat(100.0 * repeats / ROWS).isCloseTo(1.0, within(0.25));
    }

    @Test
    void transactions_emptyAndNegative() {
        assertThat(percent(transactions, f -> f[4].isEmpty())).isCloseTo(3.3, within(0.4));
        assertThat(percent(transactions, f -> f[5].isEmpty())).isCloseTo(4.5, within(0.4));
        assertThat(percent(transactions, f -> f[5].startsWith("-"))).isCloseTo(10.0, within(0.6));
        // floating noise such as 1241.0099999999998 in about a sixth of the amounts
        assertThat(percent(transactions, f -> f[5].length() - f[5].indexOf('.') > 3)).isBetween(10.0, 25.0);
        assertThat(transactions).allSatisfy(f -> {
            assertThat(Long.parseLong(f[1])).isBetween(1L, ROWS / 10L);
            assertThat(Long.parseLong(f[2])).isBetween(1L, PRODUCTS);
        });
    }

    @Test
    void products_negativePricesAndStock() {
        assertThat(products).hasSize((int) PRODUCTS);
        assertThat(percent(products, f -> f[3].startsWith("-"))).isCloseTo(9.0, within(3.0));
        assertThat(percent(products, f -> f[4].startsWith("-"))).isCloseTo(1.0, within(1.0));
    }

    @Test
    void customers_missingAgesGendersLocations() {
        assertThat(percentJson(customers, c -> c.get("Age").isNull())).isCloseTo(4.6, within(0.7));
        assertThat(percentJson(customers, c -> c.get("Gender").asText().isEmpty())).isCloseTo(25.0, within(1.5));
        assertThat(percentJson(customers, c -> c.get("Gender").asText().matches("female|male|F|M|f|m")))
                .isCloseTo(5.0, within(0.7));
        assertThat(percentJson(customers, c -> c.get("Location").asText().equals("Unknown")))
                .isCloseTo(18.0, within(1.3));
        assertThat(percentJson(customers, c -> c.get("Location").asText().isEmpty())).isCloseTo(3.0, within(0.6));
        assertThat(percentJson(customers, c -> c.get("Date_Joined").asText().isEmpty()))
                .isCloseTo(1.7, within(0.5));
    }

    @Test
    void rates_nullNegativeAndUndated() {
        assertThat(percentJson(rates, r -> r.get("Exchange_Rate").isNull())).isCloseTo(5.0, within(2.0));
        assertThat(percentJson(rates, r -> r.get("Exchange_Rate").asDouble() < 0)).isCloseTo(24.0, within(3.5));
        assertThat(percentJson(rates, r -> r.get("Date").asText().isEmpty())).isCloseTo(2.4, within(1.3));
    }

    private static double percent(List<String[]> rows, Predicate<String[]> p) {
        return 100.0 * rows.stream().filter(p).count() / rows.size();
    }

    private static double percentJson(JsonNode array, Predicate<JsonNode> p) {
        long n = 0;
        for (JsonNode node : array) {
            if (p.test(node)) {
                n++;
            }
        }
        return 100.0 * n / array.size();
    }

    private static List<String[]> read(String name) throws IOException {
        List<String> lines = Files.readAllLines(dir.resolve(name));
        return lines.subList(1, lines.size()).stream().map(l -> l.split(",", -1)).toList();
    }
}
