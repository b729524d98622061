package io.xtage.source.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import io.xtage.core.ReadResult;
import io.xtage.core.SecretSupplier;
import io.xtage.core.Source;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDate;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tech.tablesaw.api.Table;

/** The snippets of docs/sources.md (JDBC section), run against the test server. */
class JdbcSource_DocExamplesTest {
    private static TestPg pg;
    private static String schema;

    @TempDir
    Path dir;

    @BeforeAll
    static void setUp() throws SQLException {
        pg = TestPg.get();
        schema = pg.newSchema("jdbc_docs");
        pg.exec("CREATE TABLE " + schema + ".sales (transaction_id bigint, product_id bigint, quantity integer, "
                + "price numeric(10,2), transaction_date date)",
            "INSERT INTO " + schema + ".sales VALUES (1, 10, 2, 9.50, '2023-12-31'), (2, 11, 1, 12.00, '2024-01-02')",
            "CREATE TABLE " + schema + ".\"Order Items\" (\"OrderID\" bigint)",
            "INSERT INTO " + schema + ".\"Order Items\" VALUES (7)");
        pg.role("xtage_docs", "docs-pw-5555", schema);
    }

    @Test
    void queryWithParametersOverADataSource() {
        DataSource pool = pg.admin();
        String sales = schema + ".sales";

        // --- docs/sources.md: JDBC
        Source recent = JdbcSource.builder()
            .dataSource(pool)
            .query("select * from " + sales + " where transaction_date >= ? and quantity > ?",
                LocalDate.of(2024, 1, 1), 0)
            .options(JdbcOptions.builder().queryTimeout(Duration.ofMinutes(5)).build())
            .build();
        ReadResult r = recent.read();
        Table t = r.table();         // transaction_id LONG, ..., price DOUBLE, transaction_date LOCAL_DATE
        // ---

        assertThat(t.longColumn("transaction_id").asList()).containsExactly(2L);
        assertThat(t.doubleColumn("price").get(0)).isEqualTo(12.0);
        assertThat(t.dateColumn("transaction_date").get(0)).isEqualTo(LocalDate.of(2024, 1, 2));
    }

    @Test
    void tableWithUrlUserAndPassword() throws Exception {
        String url = pg.url();
        Path pwFile = dir.resolve("pw");
        Files.writeString(pwFile, "docs-pw-5555");
        SecretSupplier password = SecretSupplier.file(pwFile);   // in production: passwordEnv("XTAGE_PG_PASSWORD")

        // --- docs/sources.md: JDBC table
        Source items = JdbcSource.builder()
            .url(url)                                   // jdbc:postgresql://db:5432/shop
            .user("xtage_docs")
            .password(password)
            .table(schema, "Order Items")               // SELECT * FROM "<schema>"."Order Items"
            .build();
        Table t = items.read().table();                 // column order_id
        // items.name(): postgresql://db:5432/shop#<schema>.Order Items
        // ---

        assertThat(t.longColumn("order_id").asList()).containsExactly(7L);
        assertThat(items.name()).isEqualTo(pg.name() + "#" + schema + ".Order Items");
    }
}
