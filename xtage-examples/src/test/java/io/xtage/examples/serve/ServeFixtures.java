package io.xtage.examples.serve;

import io.xtage.sink.postgres.PostgresSink;
import io.xtage.sink.postgres.SqlExport;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import javax.sql.DataSource;
import org.postgresql.ds.PGSimpleDataSource;
import tech.tablesaw.api.DateColumn;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/** The products table the API serves, and the databases tests serve it from. */
public final class ServeFixtures {
    private ServeFixtures() {
    }

    /** Six products; Robot has no price, Atlas no stock; categories in mixed case. */
    public static Table products() {
        return Table.create("products",
            LongColumn.create("product_id", new long[] {1, 2, 3, 4, 5, 6}),
            StringColumn.create("product_name", "Desk", "Lamp", "Novel", "Robot", "Atlas", "Chair"),
            StringColumn.create("category", "Furniture", "furniture", "Books", "Toys", "Books", "Furniture"),
            DoubleColumn.create("price", new double[] {120.5, 35.0, 12.99, Double.NaN, 45.0, 80.0}),
            IntColumn.create("stock_available", new int[] {4, 10, 100, 3, Integer.MIN_VALUE, 7}));
    }

    /** A few rows of the preprocessed table, which the database holds beside the products. */
    public static Table prepared() {
        return Table.create("prepared",
            LongColumn.create("transaction_id", new long[] {100, 101}),
            LongColumn.create("product_id", new long[] {1, 3}),
            DoubleColumn.create("price", new double[] {120.5, 12.99}),
            DateColumn.create("transaction_date", LocalDate.of(2024, 1, 5), LocalDate.of(2024, 2, 6)));
    }

    /** Loads {@code products} and {@code prepared} into a database. */
    public static void load(DataSource ds) {
        PostgresSink.builder().dataSource(ds).table("products").primaryKey("product_id")
            .mode(PostgresSink.Mode.REPLACE).build().write(products());
        PostgresSink.builder().dataSource(ds).table("prepared").primaryKey("transaction_id")
            .mode(PostgresSink.Mode.REPLACE).build().write(prepared());
    }

    /** Writes the export {@code xtage serve --sql} loads. */
    public static Path export(Path file) {
        SqlExport.builder()
            .table("products", products(), List.of("product_id"))
            .table("prepared", prepared(), List.of("transaction_id"))
            .build()
            .write(file);
        return file;
    }

    public static EmbeddedPostgres startEmbedded() {
        try {
            return EmbeddedPostgres.builder().start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start embedded PostgreSQL", e);
        }
    }

    /**
     * @return the server named by XTAGE_TEST_PG_URL when set, else the embedded one's default
     *     database
     */
    public static DataSource dataSource(EmbeddedPostgres pg) {
        String url = System.getenv("XTAGE_TEST_PG_URL");
        if (url != null && !url.isBlank()) {
            PGSimpleDataSource ds = new PGSimpleDataSource();
            ds.setUrl(url);
            return ds;
        }
        return pg.getPostgresDatabase();
    }
}
