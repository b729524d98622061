package io.xtage.examples.generate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class W1DataGeneratorTest {

    private static final List<String> ALL_FILES = List.of(W1DataGenerator.SALES, W1DataGenerator.TRANSACTIONS,
            W1DataGenerator.PRODUCTS, W1DataGenerator.CUSTOMERS, W1DataGenerator.RATES);
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path tmp;

    @Test
    void sameSeedGivesIdenticalBytes() throws IOException {
        W1DataGenerator.generate(tmp.resolve("a"), 2000, 42);
        W1DataGenerator.generate(tmp.resolve("b"), 2000, 42);
        for (String name : ALL_FILES) {
            assertThat(Files.readAllBytes(tmp.resolve("b").resolve(name)))
                    .as(name).isEqualTo(Files.readAllBytes(tmp.resolve("a").resolve(name)));
        }
    }

    @Test
    void differentSeedGivesDifferentFiles() throws IOException {
        W1DataGenerator.generate(tmp.resolve("a"), 2000, 42);
        W1DataGenerator.generate(tmp.resolve("b"), 2000, 43);
        for (String name : ALL_FILES) {
            assertThat(Files.readAllBytes(tmp.resolve("b").resolve(name)))
                    .as(name).isNotEqualTo(Files.readAllBytes(tmp.resolve("a").resolve(name)));
        }
    }

    @Test
    void sizeFilesDependOnlyOnSeedNotOnRows() throws IOException {
        // The rates do not depend on N at all; at N=2000 and N=3000 products and customers
        // are both at their minimum of 1000, so they are equal too.
        W1DataGenerator.generate(tmp.resolve("a"), 2000, 42);
        W1DataGenerator.generate(tmp.resolve("b"), 3000, 42);
        for (String name : List.of(W1DataGenerator.RATES, W1DataGenerator.PRODUCTS, W1DataGenerator.CUSTOMERS)) {
            assertThat(Files.readAllBytes(tmp.resolve("b").resolve(name)))
                    .as(name).isEqualTo(Files.readAllBytes(tmp.resolve("a").resolve(name)));
        }
    }

    @ParameterizedTest
    @ValueSource(longs = {2000, 150_000})
    void writesFilesOfTheReferenceSizes(long rows) throws IOException {
        W1DataGenerator.Summary summary = W1DataGenerator.generate(tmp, rows, 7);
        long products = Math.max(1000, rows / 100);
        long customers = Math.max(1000, rows / 10);

        assertThat(summary.files()).extracting(W1DataGenerator.GeneratedFile::name)
                .containsExactlyInAnyOrderElementsOf(ALL_FILES);
        assertThat(dataLines(W1DataGenerator.SALES)).hasSize((int) rows);
        assertThat(dataLines(W1DataGenerator.TRANSACTIONS)).hasSize((int) rows);
        assertThat(dataLines(W1DataGenerator.PRODUCTS)).hasSize((int) products);
        assertThat(JSON.readTree(tmp.resolve(W1DataGenerator.CUSTOMERS).toFile()).size())
                .isEqualTo((int) customers);
        int rates = JSON.readTree(tmp.resolve(W1DataGenerator.RATES).toFile()).size();
        // 5 x 366 plus Binomial(1830, 0.3) repeats: mean 2379, sd 20
        assertThat(rates).isBetween(2279, 2479);

        assertThat(summary.records(W1DataGenerator.SALES)).isEqualTo(rows);
        assertThat(summary.records(W1DataGenerator.TRANSACTIONS)).isEqualTo(rows);
        assertThat(summary.records(W1DataGenerator.PRODUCTS)).isEqualTo(products);
        assertThat(summary.records(W1DataGenerator.CUSTOMERS)).isEqualTo(customers);
        assertThat(summary.records(W1DataGenerator.RATES)).isEqualTo(rates);
        for (W1DataGenerator.GeneratedFile f : summary.files()) {
            assertThat(f.bytes()).as(f.name()).isEqualTo(Files.size(tmp.resolve(f.name())));
        }
    }

    @Test
    void csvFilesHaveTheReferenceHeaders() throws IOException {
        W1DataGenerator.generate(tmp, 2000, 42);
        assertThat(firstLine(W1DataGenerator.SALES))
                .isEqualTo("Transaction_ID,Product_ID,Quantity,Price,Transaction_Date");
        assertThat(firstLine(W1DataGenerator.TRANSACTIONS))
                .isEqualTo("Transaction_ID,Customer_ID,Product_ID,Quantity,Transaction_Date,Total_Amount");
        assertThat(firstLine(W1DataGenerator.PRODUCTS))
                .isEqualTo("Product_ID,Product_Name,Category,Price,Stock_Available");
    }

    @Test
    void everyTransactionIdIsBetweenOneAndRows() throws IOException {
        int rows = 20_000;
        W1DataGenerator.generate(tmp, rows, 42);
        for (String line : dataLines(W1DataGenerator.SALES)) {
            assertThat(Long.parseLong(line.substring(0, line.indexOf(',')))).isBetween(1L, (long) rows);
        }
        List<String> tx = dataLines(W1DataGenerator.TRANSACTIONS);
        for (int i = 0; i < tx.size(); i++) {
            assertThat(tx.get(i)).startsWith((i + 1) + ",");
        }
    }

    @Test
    void repeatedSalesLinesAreExactCopies() throws IOException {
        W1DataGenerator.generate(tmp, 20_000, 42);
        Map<String, String> byId = new HashMap<>();
        int repeats = 0;
        for (String line : dataLines(W1DataGenerator.SALES)) {
            String previous = byId.putIfAbsent(line.substring(0, line.indexOf(',')), line);
            if (previous != null) {
                assertThat(line).isEqualTo(previous);
                repeats++;
            }
        }
        assertThat(repeats).isPositive();
    }

    @Test
    void valuesAreSpelledLikeTheReference() throws IOException {
        W1DataGenerator.generate(tmp, 20_000, 42);
        for (String line : dataLines(W1DataGenerator.SALES)) {
            String[] f = line.split(",", -1);
            assertThat(f).hasSize(5);
            assertThat(f[3]).matches("|-?\\d{1,3}\\.\\d\\d");
            assertThat(f[4]).matches("|2022-\\d\\d-\\d\\d|\\d\\d/\\d\\d/2022|\\d\\d-\\d\\d-2022");
        }
        for (String line : dataLines(W1DataGenerator.PRODUCTS)) {
            String[] f = line.split(",", -1);
            assertThat(f).hasSize(5);
            assertThat(f[1]).isEqualTo("Product_" + f[0]);
            assertThat(f[2]).isIn("Books", "Toys", "Electronics", "Furniture", "Clothing");
            assertThat(f[3]).matches("-?\\d{1,3}\\.\\d\\d");
            assertThat(Integer.parseInt(f[4])).isBetween(-50, 1000);
        }
    }

    @Test
    void totalAmountIsQuantityTimesPriceInShortestText() throws IOException {
        W1DataGenerator.generate(tmp, 20_000, 42);
        for (String line : dataLines(W1DataGenerator.TRANSACTIONS)) {
            String[] f = line.split(",", -1);
            assertThat(f).hasSize(6);
            if (f[5].isEmpty()) {
                continue;
            }
            int q = Integer.parseInt(f[3]);
            double total = Double.parseDouble(f[5]);
            long cents = Math.round(Math.abs(total) / q * 100);
            assertThat(cents).isBetween(50L, 15000L);
            double amount = q * (cents / 100.0);
            assertThat(Math.abs(total)).isEqualTo(amount);
            assertThat(f[5]).isEqualTo(ShortestDouble.format(total)).doesNotContain("E");
        }
    }

    @Test
    void jsonFilesAreArraysOfTheReferenceObjects() throws IOException {
        W1DataGenerator.generate(tmp, 2000, 42);
        JsonNode customers = JSON.readTree(tmp.resolve(W1DataGenerator.CUSTOMERS).toFile());
        assertThat(customers.isArray()).isTrue();
        for (int i = 0; i < customers.size(); i++) {
            JsonNode c = customers.get(i);
            assertThat(fieldNames(c))
                    .containsExactly("Customer_ID", "Customer_Name", "Age", "Gender", "Location", "Date_Joined");
            assertThat(c.get("Customer_ID").asLong()).isEqualTo(i + 1);
            assertThat(c.get("Customer_Name").isTextual()).isTrue();
            JsonNode age = c.get("Age");
            assertThat(age.isNull() || age.isInt() && age.asInt() >= 15 && age.asInt() <= 99).as("age %s", age).isTrue();
            assertThat(c.get("Date_Joined").asText()).matches("|202[012]-\\d\\d-\\d\\d");
        }
        JsonNode rates = JSON.readTree(tmp.resolve(W1DataGenerator.RATES).toFile());
        Set<String> currencies = new HashSet<>();
        for (JsonNode r : rates) {
            assertThat(fieldNames(r)).containsExactly("Currency_Code", "Exchange_Rate", "Date");
            currencies.add(r.get("Currency_Code").asText());
            JsonNode rate = r.get("Exchange_Rate");
            assertThat(rate.isNull() || rate.isDouble() && Math.abs(rate.asDouble()) >= 0.1
                    && Math.abs(rate.asDouble()) <= 1.5).as("rate %s", rate).isTrue();
            assertThat(r.get("Date").asText()).matches("|2022-\\d\\d-\\d\\d|2023-01-01");
        }
        assertThat(currencies).containsExactlyInAnyOrder("EUR", "AUD", "JPY", "GBP", "USD");
    }

    @Test
    void jsonIsIndentedLikePythonJsonDumpIndent4() throws IOException {
        W1DataGenerator.generate(tmp, 2000, 42);
        String customers = Files.readString(tmp.resolve(W1DataGenerator.CUSTOMERS));
        assertThat(customers).startsWith("[\n    {\n        \"Customer_ID\": 1,\n        \"Customer_Name\": \"")
                .contains("\n    },\n    {\n        \"Customer_ID\": 2,\n")
                .endsWith("\"\n    }\n]\n");
        String rates = Files.readString(tmp.resolve(W1DataGenerator.RATES));
        assertThat(rates).startsWith("[\n    {\n        \"Currency_Code\": \"").endsWith("\"\n    }\n]\n");
        for (String line : (customers + rates).split("\n")) {
            assertThat(line).matches("[\\[\\]]|    \\{|    },?|        \"\\w+\": (null|-?[0-9.]+|\"[\\w -]*\"),?");
        }
        assertThat(customers).contains("\"Age\": null,");
        assertThat(rates).contains("\"Exchange_Rate\": null,");
    }

    @Test
    void rejectsRowsBelowOne() {
        assertThatThrownBy(() -> W1DataGenerator.generate(tmp, 0, 42))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("rows").hasMessageContaining("0");
    }

    @Test
    void summaryRecordsOfUnknownFileNamesTheKnownOnes() {
        W1DataGenerator.Summary summary = W1DataGenerator.generate(tmp, 1, 42);
        assertThat(summary.records(W1DataGenerator.SALES)).isEqualTo(1);
        assertThat(summary.records(W1DataGenerator.PRODUCTS)).isEqualTo(1000);
        assertThatThrownBy(() -> summary.records("nope.csv"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("sales_data.csv");
    }

    private String firstLine(String name) throws IOException {
        try (var lines = Files.lines(tmp.resolve(name))) {
            return lines.findFirst().orElseThrow();
        }
    }

    private List<String> dataLines(String name) throws IOException {
        List<String> all = Files.readAllLines(tmp.resolve(name));
        return all.subList(1, all.size());
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            names.add(it.next());
        }
        return names;
    }
}
