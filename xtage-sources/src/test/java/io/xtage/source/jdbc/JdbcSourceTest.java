package io.xtage.source.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.xtage.core.ReadResult;
import io.xtage.core.RejectKind;
import io.xtage.core.RejectPolicy;
import io.xtage.core.RejectedRecordException;
import io.xtage.core.SchemaException;
import io.xtage.core.SecretSupplier;
import io.xtage.core.SourceException;
import io.xtage.source.LogCapture;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tech.tablesaw.api.ColumnType;
import tech.tablesaw.api.Table;

class JdbcSourceTest {
    static {
        LogCapture.enableDebug(JdbcSourceTest.class);
    }

    private static TestPg pg;
    private static String schema;

    @TempDir
    Path dir;

    @BeforeAll
    static void setUp() throws SQLException {
        pg = TestPg.get();
        schema = pg.newSchema("jdbc_types");
        pg.exec("CREATE TABLE " + schema + ".all_types (s smallint, i integer, b bigint, n numeric(10,2), r real, "
                + "d double precision, t text, v varchar(20), day date, ts timestamp, tz timestamptz, ok boolean)",
            "INSERT INTO " + schema + ".all_types VALUES (-7, 123456, 9007199254740993, 12345.67, 1.5, 2.25, "
                + "'  padded  ', 'vc', '2024-02-29', '2024-03-01 12:34:56.789', '2024-03-01 12:00:00+02', true)",
            "INSERT INTO " + schema + ".all_types VALUES (NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, "
                + "NULL, NULL, NULL)",
            "INSERT INTO " + schema + ".all_types (t, v) VALUES ('', '   ')",
            "CREATE TABLE " + schema + ".\"Order Items\" (\"Order ID\" bigint, \"Unit Price\" double precision)",
            "INSERT INTO " + schema + ".\"Order Items\" VALUES (1, 9.5), (2, 10.5)",
            "CREATE TABLE " + schema + ".\"we\"\"ird\" (x integer)",
            "INSERT INTO " + schema + ".\"we\"\"ird\" VALUES (42)",
            "CREATE TABLE " + schema + ".people (id bigint, name text)",
            "INSERT INTO " + schema + ".people VALUES (1, 'a'), (2, 'b'), (3, 'c'), (4, 'b')");
    }

    private static JdbcSource.Builder source() {
        return JdbcSource.builder().dataSource(pg.admin());
    }

    @Test
    void readsEveryMappedTypeIntoItsColumnType() {
        Table t = source().table(schema, "all_types").build().read().table();
        assertThat(t.columns()).extracting(c -> c.type()).containsExactly(ColumnType.INTEGER, ColumnType.INTEGER,
            ColumnType.LONG, ColumnType.DOUBLE, ColumnType.DOUBLE, ColumnType.DOUBLE, ColumnType.STRING,
            ColumnType.STRING, ColumnType.LOCAL_DATE, ColumnType.LOCAL_DATE_TIME, ColumnType.LOCAL_DATE_TIME,
            ColumnType.BOOLEAN);
        assertThat(t.intColumn("s").get(0)).isEqualTo(-7);
        assertThat(t.intColumn("i").get(0)).isEqualTo(123456);
        assertThat(t.longColumn("b").get(0)).isEqualTo(9007199254740993L);
        assertThat(t.doubleColumn("n").get(0)).isEqualTo(12345.67);
        assertThat(t.doubleColumn("r").get(0)).isEqualTo(1.5);
        assertThat(t.doubleColumn("d").get(0)).isEqualTo(2.25);
        assertThat(t.stringColumn("v").get(0)).isEqualTo("vc");
        assertThat(t.dateColumn("day").get(0)).isEqualTo(LocalDate.of(2024, 2, 29));
        assertThat(t.dateTimeColumn("ts").get(0)).isEqualTo(LocalDateTime.of(2024, 3, 1, 12, 34, 56, 789_000_000));
        assertThat(t.booleanColumn("ok").get(0)).isTrue();
    }

    @Test
    void timestamptzIsTheSameInstantInUtc() {
        Table t = source().table(schema, "all_types").build().read().table();
        assertThat(t.dateTimeColumn("tz").get(0)).isEqualTo(LocalDateTime.of(2024, 3, 1, 10, 0));
    }

    @Test
    void timestamptzIsUtcWhateverTheSessionTimeZone() throws SQLException {
        try (Connection c = pg.admin().getConnection(); java.sql.Statement st = c.createStatement()) {
            st.execute("SET TIME ZONE 'Asia/Tokyo'");
            Table t = JdbcSource.builder().dataSource(new OneConnection(c))
                .query("select tz, current_setting('TimeZone') as zone from " + schema + ".all_types limit 1")
                .build().read().table();
            assertThat(t.stringColumn("zone").get(0)).isEqualTo("Asia/Tokyo");
            assertThat(t.dateTimeColumn("tz").get(0)).isEqualTo(LocalDateTime.of(2024, 3, 1, 10, 0));
        }
    }

    @Test
    void nullsAreMissingInEveryType() {
        ReadResult r = source().table(schema, "all_types").build().read();
        Table t = r.table();
        for (String c : t.columnNames()) {
            assertThat(t.column(c).isMissing(1)).as(c).isTrue();
        }
        assertThat(r.rejects()).isEmpty();
        // row 2 is all NULL; row 3 has only blank text, which is missing too
        assertThat(r.report().missing()).containsEntry("s", 2L).containsEntry("t", 2L).containsEntry("v", 2L);
    }

    @Test
    void textIsTrimmedAndBlankTextIsMissing() {
        Table t = source().table(schema, "all_types").build().read().table();
        assertThat(t.stringColumn("t").get(0)).isEqualTo("padded");
        assertThat(t.stringColumn("t").isMissing(2)).isTrue();
        assertThat(t.stringColumn("v").isMissing(2)).isTrue();
    }

    @Test
    void queryBindsItsParameters() {
        Table t = source().query("select id from " + schema + ".people where id > ? and name = ? order by id", 1L, "b")
            .build().read().table();
        assertThat(t.longColumn("id").asList()).containsExactly(2L, 4L);
    }

    @Test
    void parameterValuesAreNeverSql() {
        Table t = source().query("select id from " + schema + ".people where name = ?", "b' or '1'='1").build().read()
            .table();
        assertThat(t.rowCount()).isZero();
    }

    @Test
    void nullAndDateParametersBind() {
        Table t = source().query("select ?::text is null as was_null, ?::date as day", null, LocalDate.of(2020, 1, 2))
            .build().read().table();
        assertThat(t.booleanColumn("was_null").get(0)).isTrue();
        assertThat(t.dateColumn("day").get(0)).isEqualTo(LocalDate.of(2020, 1, 2));
    }

    @Test
    void tableNameIsQuotedAsAnIdentifier() {
        ReadResult r = source().table(schema, "Order Items").build().read();
        assertThat(r.table().columnNames()).containsExactly("order_id", "unit_price");
        assertThat(r.table().doubleColumn("unit_price").asList()).containsExactly(9.5, 10.5);
    }

    @Test
    void tableNameWithADoubleQuoteIsEscaped() {
        assertThat(source().table(schema, "we\"ird").build().read().table().intColumn("x").get(0)).isEqualTo(42);
        assertThat(JdbcSource.quoteIdentifier("we\"ird")).isEqualTo("\"we\"\"ird\"");
    }

    @Test
    void namesKeepTheirSpellingWithoutSnakeCase() {
        Table t = source().table(schema, "Order Items").options(JdbcOptions.builder().snakeCaseNames(false).build())
            .build().read().table();
        assertThat(t.columnNames()).containsExactly("Order ID", "Unit Price");
    }

    @Test
    void nameHasHostDatabaseAndTarget() {
        assertThat(source().table(schema, "people").build().name()).isEqualTo(pg.name() + "#" + schema + ".people");
        assertThat(source().query("select 1").build().name()).isEqualTo(pg.name() + "#query");
        assertThat(source().table(schema, "people").build().read().rejects()).isEmpty();
    }

    @Test
    void nameFromAUrlHasNoCredentials() {
        JdbcSource s = JdbcSource.builder().url(pg.url() + "?user=someone&password=pw-in-url-1234")
            .query("select 1").build();
        assertThat(s.name()).isEqualTo(pg.name() + "#query");
        assertThat(s.toString()).doesNotContain("pw-in-url-1234");
    }

    @Test
    void unmappableColumnFailsNamingItAndItsType() {
        JdbcSource s = source().query("select 1 as id, '\\x0102'::bytea as payload").build();
        assertThatThrownBy(s::read).isInstanceOf(SchemaException.class).hasMessageContaining("'payload'")
            .hasMessageContaining("bytea").hasMessageContaining("unmappedAsText");
    }

    @Test
    void unmappableColumnIsReadAsTextWhenAsked() {
        Table t = source().query("select '1 day'::interval as span")
            .options(JdbcOptions.builder().unmappedAsText(true).build()).build().read().table();
        assertThat(t.stringColumn("span").get(0)).isEqualTo("1 day");
    }

    @Test
    void nanBecomesMissingWithAReject() {
        ReadResult r = source().query("select 'NaN'::float8 as x, 'NaN'::numeric as y, 1.5::float8 as z").build()
            .read();
        assertThat(r.table().doubleColumn("x").isMissing(0)).isTrue();
        assertThat(r.table().doubleColumn("z").get(0)).isEqualTo(1.5);
        assertThat(r.rejects()).hasSize(2);
        assertThat(r.rejects().get(0).column()).contains("x");
        assertThat(r.rejects().get(0).kind()).isEqualTo(RejectKind.TYPE);
        assertThat(r.rejects().get(0).isRowDropped()).isFalse();
        assertThat(r.report().valuesRejected()).isEqualTo(2);
        assertThat(r.table().rowCount()).isEqualTo(1);
    }

    @Test
    void nanFailsAStrictRead() {
        JdbcSource s = source().query("select 'NaN'::float8 as x")
            .options(JdbcOptions.builder().rejectPolicy(RejectPolicy.strict()).build()).build();
        assertThatThrownBy(s::read).isInstanceOf(RejectedRecordException.class);
    }

    @Test
    void tablesawsMissingMarkerIsRejectedNotSilentlyMissing() {
        ReadResult r = source().query("select (-2147483648)::integer as i, (-9223372036854775808)::bigint as l")
            .build().read();
        assertThat(r.rejects()).extracting(x -> x.column().orElseThrow()).containsExactly("i", "l");
    }

    @Test
    void infiniteDatesAreRejected() {
        ReadResult r = source().query("select 'infinity'::date as d, '-infinity'::timestamptz as tz, "
            + "'infinity'::timestamp as ts").build().read();
        assertThat(r.rejects()).extracting(x -> x.column().orElseThrow()).containsExactly("d", "tz", "ts");
        assertThat(r.table().dateColumn("d").isMissing(0)).isTrue();
    }

    @Test
    void columnsOfOneNameFail() {
        assertThatThrownBy(() -> source().query("select 1 as a, 2 as a").build().read())
            .isInstanceOf(SchemaException.class).hasMessageContaining("'a'");
        assertThatThrownBy(() -> source().query("select 1 as \"OrderId\", 2 as order_id").build().read())
            .isInstanceOf(SchemaException.class).hasMessageContaining("order_id");
    }

    @Test
    void emptyResultKeepsItsColumns() {
        ReadResult r = source().query("select id, name from " + schema + ".people where false").build().read();
        assertThat(r.table().columnNames()).containsExactly("id", "name");
        assertThat(r.table().rowCount()).isZero();
        assertThat(r.recordsRead()).isZero();
    }

    @Test
    void readingTwiceGivesEqualTables() {
        JdbcSource s = source().query("select * from " + schema + ".people order by id").build();
        assertThat(s.read().table().printAll()).isEqualTo(s.read().table().printAll());
    }

    @Test
    void autocommitIsRestoredAfterReadsAndFailures() throws SQLException {
        try (Connection c = pg.admin().getConnection()) {
            OneConnection ds = new OneConnection(c);
            JdbcSource.builder().dataSource(ds).query("select 1 as x").build().read();
            assertThat(c.getAutoCommit()).isTrue();
            assertThatThrownBy(() -> JdbcSource.builder().dataSource(ds).query("select nonsense").build().read())
                .isInstanceOf(SourceException.class);
            assertThat(c.getAutoCommit()).isTrue();
            assertThat(ds.autoCommitCalls).containsExactly(false, true, false, true);
        }
    }

    @Test
    void progressEndsWithTheRowCount() {
        List<Long> done = new ArrayList<>();
        source().query("select * from " + schema + ".people").build().read((src, rows, bytes, isDone) -> {
            if (isDone) {
                done.add(rows);
            }
        });
        assertThat(done).containsExactly(4L);
    }

    @Test
    void urlUserAndPasswordFromAFileConnect() throws Exception {
        pg.role("xtage_file_reader", "file-pw-24680", schema);
        Path pw = dir.resolve("pw");
        Files.writeString(pw, "file-pw-24680\n");
        Table t = JdbcSource.builder().url(pg.url()).user("xtage_file_reader").password(SecretSupplier.file(pw))
            .table(schema, "people").build().read().table();
        assertThat(t.rowCount()).isEqualTo(4);
    }

    @Test
    void missingPasswordVariableFailsNamingTheVariable() {
        JdbcSource s = JdbcSource.builder().url(pg.url()).user("postgres").passwordEnv("XTAGE_TEST_UNSET_PG_VAR")
            .query("select 1").build();
        assertThatThrownBy(s::read).isInstanceOf(SourceException.class).hasMessageContaining("XTAGE_TEST_UNSET_PG_VAR");
    }

    @Test
    void debugLogsOpenAndClose() {
        try (LogCapture log = LogCapture.start()) {
            source().query("select 1 as x").build().read();
            assertThat(log.text()).contains("DEBUG").contains("#query: open (fetch size 10000")
                .contains("#query: closed; 1 rows");
        }
    }
}
