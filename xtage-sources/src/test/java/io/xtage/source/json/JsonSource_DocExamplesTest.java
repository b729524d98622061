package io.xtage.source.json;

import static org.assertj.core.api.Assertions.assertThat;

import io.xtage.core.ReadResult;
import io.xtage.core.Source;
import io.xtage.core.Sources;
import io.xtage.source.csv.Tables;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The examples of docs/sources.md (JSON section), run as written there. */
class JsonSource_DocExamplesTest {
    @TempDir
    Path data;

    @Test
    void readCustomers() throws IOException {
        Path file = Files.writeString(data.resolve("customer_data.json"), "[\n"
            + "  {\"Customer_ID\": 1, \"Customer_Name\": \"Ann\", \"Age\": 34, \"Location\": \"Unknown\","
            + " \"Address\": {\"City\": \"Lyon\", \"Zip\": \"69001\"}, \"Tags\": [\"vip\"]},\n"
            + "  {\"Customer_ID\": 2, \"Customer_Name\": \"Bob\", \"Age\": null, \"Location\": \"Paris\","
            + " \"Address\": {\"City\": \"Paris\"}}\n]");

        // --- docs/sources.md: JSON, array of objects
        ReadResult r = JsonSource.builder()
            .path(file)                          // e.g. Path.of("data/customer_data.json")
            .options(JsonOptions.DEFAULT.toBuilder().missingTokens("Unknown").build())
            .build()
            .read();
        // columns: customer_id, customer_name, age, location, address_city, address_zip, tags
        // ---

        assertThat(r.table().columnNames()).containsExactly("customer_id", "customer_name", "age", "location",
            "address_city", "address_zip", "tags");
        assertThat(Tables.column(r.table(), "tags")).containsExactly("[\"vip\"]", "");
        assertThat(Tables.column(r.table(), "age")).containsExactly(34L, null);
        assertThat(Tables.column(r.table(), "location")).containsExactly("", "Paris");
    }

    @Test
    void readTheArrayAtAPointer() throws IOException {
        Path file = Files.writeString(data.resolve("orders.json"),
            "{\"meta\": {\"page\": 1}, \"data\": {\"items\": [{\"id\": 7, \"total\": 12.50}]}}");

        // --- docs/sources.md: JSON, pointer
        JsonOptions items = JsonOptions.DEFAULT.toBuilder().pointer("/data/items").build();
        ReadResult r = JsonSource.builder().path(file).options(items).build().read();
        // ---

        assertThat(Tables.column(r.table(), "total")).containsExactly(12.5);
    }

    @Test
    void discoverByUri() throws IOException {
        Path file = Files.writeString(data.resolve("events.ndjson"), "{\"id\": 1}\n{\"id\": 2\n{\"id\": 3}\n");

        // --- docs/sources.md: JSON, discovery
        Source s = Sources.forUri(file.toUri(), Map.of("max_nesting_depth", "20"));
        ReadResult r = s.read();                 // .ndjson: one object per line; line 2 is a PARSE reject
        // ---

        assertThat(r.table().rowCount()).isEqualTo(2);
        assertThat(r.rejects()).singleElement().satisfies(x -> assertThat(x.message())
            .startsWith(file + " record 2 (line 2, column "));
    }
}
