package io.xtage.source.csv;

import static org.assertj.core.api.Assertions.assertThat;

import io.xtage.core.ReadResult;
import io.xtage.core.RejectPolicy;
import io.xtage.core.Source;
import io.xtage.core.Sources;
import io.xtage.core.schema.ColumnType;
import io.xtage.core.schema.Schema;
import io.xtage.core.spi.RecordFormat;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tech.tablesaw.api.Table;

/** The examples of docs/sources.md (CSV section), run as written there. */
class CsvSource_DocExamplesTest {
    private static final Logger log = LoggerFactory.getLogger(CsvSource_DocExamplesTest.class);

    @TempDir
    Path data;

    private Path salesFile() throws IOException {
        try (InputStream in = getClass().getResourceAsStream("sales_data.csv")) {
            Path file = data.resolve("sales_data.csv");
            Files.copy(in, file);
            return file;
        }
    }

    @Test
    void readSalesWithADeclaredSchema() throws IOException {
        Path file = salesFile();

        // --- docs/sources.md: CSV, declared schema
        Schema sales = Schema.builder()
            .column("transaction_id", ColumnType.LONG)
            .column("product_id", ColumnType.LONG)
            .column("quantity", ColumnType.INT)
            .column("price", ColumnType.DOUBLE)
            .date("transaction_date")            // no formats: inferred per shape of spelling
            .build();
        ReadResult r = CsvSource.builder()
            .path(file)                          // e.g. Path.of("data/sales_data.csv")
            .options(CsvOptions.DEFAULT)         // comma, double quotes, UTF-8, header in snake_case
            .schema(sales)
            .rejectPolicy(RejectPolicy.maxRows(100))
            .build()
            .read();
        Table t = r.table();
        r.rejects().forEach(x -> log.warn(x.message()));
        log.info("{}", r.report().dateFormats().get("transaction_date"));
        // ---

        assertThat(t.rowCount()).isEqualTo(12);
        assertThat(r.rejects()).hasSize(2);
        assertThat(r.rejects().get(0).message()).isEqualTo(file + " record 10 (line 11), column 'transaction_date': "
            + "cannot parse '2022-02-30' as LOCAL_DATE yyyy-MM-dd (no such day)");
    }

    @Test
    void readWithAnInferredSchemaAndOptions() throws IOException {
        Path file = Files.writeString(data.resolve("prices.csv"), "Product;Price;Updated\nA;1,5;NA\nB;2;2024-01-31\n");

        // --- docs/sources.md: CSV, inferred schema and options
        CsvOptions semicolons = CsvOptions.DEFAULT.toBuilder()
            .delimiter(';')
            .locale(java.util.Locale.GERMANY)    // 1.234,5
            .missingTokens("NA")
            .build();
        ReadResult r = CsvSource.builder().path(file).options(semicolons).build().read();
        // ---

        assertThat(r.table().columnNames()).containsExactly("product", "price", "updated");
        assertThat(Tables.column(r.table(), "price")).containsExactly(1.5, 2.0);
        assertThat(r.table().column("updated").type().name()).isEqualTo("LOCAL_DATE");
    }

    @Test
    void discoverByUri() throws IOException {
        Path file = Files.writeString(data.resolve("sales.csv"), "id;amount\n1;NA\n");

        // --- docs/sources.md: CSV, discovery
        Source s = Sources.forUri(file.toUri(), Map.of("delimiter", ";", "missing", "NA",
            "reject_policy", "max_rows(100)"));
        ReadResult r = s.read();
        // ---

        assertThat(Tables.column(r.table(), "amount")).containsExactly("");
    }

    @Test
    void formatForATransport() throws IOException {
        byte[] body = "a,b\n1,2\n".getBytes(java.nio.charset.StandardCharsets.UTF_8);

        // --- docs/sources.md: CSV, record format
        RecordFormat csv = CsvSource.format(CsvOptions.DEFAULT);
        ReadResult r = csv.read("https://api.example.com/export.csv", new java.io.ByteArrayInputStream(body),
            io.xtage.core.ProgressListener.NONE);
        // ---

        assertThat(r.table().rowCount()).isEqualTo(1);
        assertThat(r.table().name()).isEqualTo("https://api.example.com/export.csv");
    }
}
