package io.xtage.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.xtage.sink.postgres.PostgresSink;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.ColumnType;
import tech.tablesaw.api.Table;

/** Run with {@code mvn -B -o test -pl xtage-bench -DskipTests=false} (the module skips tests by default). */
class PostgresWriteBenchTest {

    private static EmbeddedPostgres pg;

    @BeforeAll
    static void start() throws IOException {
        pg = EmbeddedPostgres.builder().start();
    }

    @AfterAll
    static void stop() throws IOException {
        pg.close();
    }

    @Test
    void syntheticTableHasTheSixColumnTypesAndAboutOnePercentMissing() {
        Table t = PostgresWriteBench.table(20_000, 42);

        assertThat(t.rowCount()).isEqualTo(20_000);
        assertThat(t.types()).containsExactly(ColumnType.LONG, ColumnType.LONG, ColumnType.DOUBLE,
            ColumnType.DOUBLE, ColumnType.STRING, ColumnType.LOCAL_DATE);
        assertThat(t.column("amount").countMissing()).isBetween(100, 300);
        assertThat(t.column("day").countMissing()).isBetween(100, 300);
        assertThat(t.column("price").countMissing()).isZero();
    }

    @Test
    void batchedInsertStoresTheSameRowsAsTheSinkIncludingAPartialLastBatch() throws SQLException {
        Table t = PostgresWriteBench.table(2_500, 7);
        String url = pg.getJdbcUrl("postgres", "postgres") + "&reWriteBatchedInserts=true";

        long inserted = PostgresWriteBench.insert(url, t);
        PostgresSink.builder().dataSource(pg.getPostgresDatabase()).table("public", "via_sink")
            .mode(PostgresSink.Mode.CREATE).build().write(t);

        assertThat(inserted).isEqualTo(2_500);
        assertThat(rows("via_insert")).hasSize(2_500).isEqualTo(rows("via_sink"));
    }

    private static List<String> rows(String table) throws SQLException {
        List<String> out = new ArrayList<>();
        try (Connection c = pg.getPostgresDatabase().getConnection(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT id, customer_id, amount, price, product, day FROM public." + table
                 + " ORDER BY id")) {
            while (rs.next()) {
                out.add(rs.getLong(1) + "|" + rs.getLong(2) + "|" + rs.getObject(3) + "|" + rs.getDouble(4) + "|"
                    + rs.getString(5) + "|" + rs.getObject(6));
            }
        }
        return out;
    }

    @Test
    void medianIsTheMiddleValueOrTheMeanOfTheMiddleTwo() {
        assertThat(PreprocessVsDuck.median(new double[] {4, 1, 3, 2})).isEqualTo(2.5);
        assertThat(PreprocessVsDuck.median(new double[] {5, 1, 3})).isEqualTo(3);
    }
}
