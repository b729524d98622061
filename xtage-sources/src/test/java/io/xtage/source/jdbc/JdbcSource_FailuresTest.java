package io.xtage.source.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.xtage.core.SecretSupplier;
import io.xtage.core.SourceException;
import io.xtage.source.LogCapture;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JdbcSource_FailuresTest {
    static {
        LogCapture.enableDebug(JdbcSource_FailuresTest.class);
    }

    private static final String RIGHT = "right-pw-1357924680";
    private static final String WRONG = "wrong-pw-8642097531";

    private static TestPg pg;
    private static String schema;

    @TempDir
    Path dir;

    @BeforeAll
    static void setUp() throws SQLException {
        pg = TestPg.get();
        schema = pg.newSchema("jdbc_failures");
        pg.exec("CREATE TABLE " + schema + ".t (id bigint)", "INSERT INTO " + schema + ".t VALUES (1)");
        pg.role("xtage_reader", RIGHT, schema);
    }

    private static String everything(Throwable t) {
        StringWriter w = new StringWriter();
        // printStackTrace prints every message: the exception's, its causes' and its suppressed ones'.
        t.printStackTrace(new PrintWriter(w));
        return w.toString();
    }

    private Path file(String content) throws Exception {
        Path p = Files.createTempFile(dir, "pw", ".txt");
        Files.writeString(p, content);
        return p;
    }

    @Test
    void rightPasswordConnects() throws Exception {
        assertThat(JdbcSource.builder().url(pg.url()).user("xtage_reader").password(SecretSupplier.file(file(RIGHT)))
            .table(schema, "t").build().read().table().rowCount()).isEqualTo(1);
    }

    @Test
    void wrongPasswordFailsWithoutShowingIt() throws Exception {
        JdbcSource s = JdbcSource.builder().url(pg.url()).user("xtage_reader").password(SecretSupplier.file(file(WRONG)))
            .table(schema, "t").build();
        try (LogCapture log = LogCapture.start()) {
            Throwable t = catchThrowable(s::read);
            assertThat(t).isInstanceOfSatisfying(SourceException.class, e -> {
                assertThat(e.sqlState()).contains("28P01");
                assertThat(e.getMessage()).contains("cannot connect").contains("xtage_reader");
                assertThat(e.sourceName()).isEqualTo(pg.name() + "#" + schema + ".t");
            });
            assertThat(everything(t)).doesNotContain(WRONG).doesNotContain(RIGHT);
            assertThat(log.text()).doesNotContain(WRONG).doesNotContain(RIGHT);
        }
    }

    @Test
    void wrongPasswordInTheUrlIsNotShownEither() {
        String url = pg.url() + "?user=xtage_reader&password=" + WRONG;
        JdbcSource s = JdbcSource.builder().url(url).query("select 1").build();
        try (LogCapture log = LogCapture.start()) {
            Throwable t = catchThrowable(s::read);
            assertThat(t).isInstanceOf(SourceException.class);
            assertThat(everything(t)).doesNotContain(WRONG);
            assertThat(log.text()).doesNotContain(WRONG);
        }
        assertThat(s.name()).doesNotContain(WRONG);
    }

    @Test
    void unknownDriverDoesNotShowTheUrlsPassword() {
        JdbcSource s = JdbcSource.builder().url("jdbc:nosuchdb://h/db?password=" + WRONG).query("select 1").build();
        Throwable t = catchThrowable(s::read);
        assertThat(t).isInstanceOf(SourceException.class).hasMessageContaining("No suitable driver");
        assertThat(everything(t)).doesNotContain(WRONG);
    }

    @Test
    void queryPastItsTimeoutIsCancelled() {
        JdbcSource s = JdbcSource.builder().dataSource(pg.admin()).query("select pg_sleep(5)")
            .options(JdbcOptions.builder().queryTimeout(Duration.ofSeconds(1)).build()).build();
        long t0 = System.nanoTime();
        Throwable t = assertTimeoutPreemptively(Duration.ofSeconds(4), () -> catchThrowable(s::read));
        assertThat(t).isInstanceOfSatisfying(SourceException.class, e -> {
            assertThat(e.sqlState()).contains("57014");
            assertThat(e.getMessage()).contains("query timeout is 1 s");
        });
        assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofSeconds(4));
    }

    @Test
    void badSqlFailsWithItsSqlState() {
        Throwable t = catchThrowable(() -> JdbcSource.builder().dataSource(pg.admin()).query("selec 1").build().read());
        assertThat(t).isInstanceOfSatisfying(SourceException.class, e -> {
            assertThat(e.sqlState()).contains("42601");
            assertThat(e.getMessage()).startsWith(pg.name() + "#query: query failed");
            assertThat(e.getCause()).isInstanceOf(SQLException.class);
        });
    }

    @Test
    void missingTableFailsNamingIt() {
        Throwable t = catchThrowable(() -> JdbcSource.builder().dataSource(pg.admin()).table(schema, "nope").build()
            .read());
        assertThat(t).isInstanceOfSatisfying(SourceException.class, e -> {
            assertThat(e.sqlState()).contains("42P01");
            assertThat(e.getMessage()).contains("nope");
        });
    }
}
