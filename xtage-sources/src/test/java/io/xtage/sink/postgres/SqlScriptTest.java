package io.xtage.sink.postgres;

import static io.xtage.sink.postgres.TestPostgres.rows;
import static io.xtage.sink.postgres.TestPostgres.scalar;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.xtage.sink.SinkException;
import io.xtage.sink.SinkReport;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.postgresql.ds.PGSimpleDataSource;

class SqlScriptTest {
    private static TestPostgres pg;

    @TempDir
    Path tmp;

    @BeforeAll
    static void start() {
        pg = TestPostgres.start();
    }

    @AfterAll
    static void stop() throws IOException {
        pg.close();
    }

    private Path file(String text) throws IOException {
        Path f = Files.createTempFile(tmp, "script", ".sql");
        Files.writeString(f, text);
        return f;
    }

    @Test
    void splitsOnSemicolonsOutsideQuotesCommentsAndDollarQuotes() throws Exception {
        PGSimpleDataSource db = pg.newDatabase();
        Path f = file("-- a comment; with a semicolon\n"
            + "CREATE TABLE \"a;b\" (s text); /* block; /* nested; */ still comment; */\n"
            + "INSERT INTO \"a;b\" VALUES ('x;y'), ('it''s;'), (E'back\\\\slash\\'s;'), ($$dollar;$$), ($t$tag;$t$);\n"
            + "INSERT INTO \"a;b\"\n  VALUES ('multi\nline;')\n;\n");

        SinkReport r = SqlScript.load(db, f);

        assertThat(r.rowsWritten()).isEqualTo(6);
        assertThat(rows(db, "SELECT s FROM \"a;b\" ORDER BY s")).extracting(row -> row.get(0)).containsExactlyInAnyOrder(
            "x;y", "it's;", "back\\slash's;", "dollar;", "tag;", "multi\nline;");
    }

    @Test
    void loadsCopyDataUpToTheEndMarker() throws Exception {
        PGSimpleDataSource db = pg.newDatabase();
        Path f = file("CREATE TABLE t (id bigint, s text);\n"
            + "COPY t (id, s) FROM stdin;\n"
            + "1\tone\n"
            + "2\t\\N\n"
            + "3\ttab\\there\n"
            + "\\.\n"
            + "INSERT INTO t VALUES (4, 'four');\n");

        SinkReport r = SqlScript.load(db, f);

        assertThat(r.rowsWritten()).isEqualTo(4);
        assertThat(rows(db, "SELECT id, s FROM t ORDER BY id")).containsExactly(List.of(1L, "one"),
            java.util.Arrays.asList(2L, null), List.of(3L, "tab\there"), List.of(4L, "four"));
    }

    @Test
    void aFailingStatementRollsBackTheWholeScriptDespiteItsOwnCommit() throws Exception {
        PGSimpleDataSource db = pg.newDatabase();
        Path f = file("BEGIN;\nCREATE TABLE t (id int);\nINSERT INTO t VALUES (1);\nCOMMIT;\n"
            + "CREATE TABLE u (id int);\nINSERT INTO nope VALUES (1);\n");

        assertThatThrownBy(() -> SqlScript.load(db, f))
            .isInstanceOf(SinkException.class)
            .hasMessageContaining("line 6")
            .hasMessageContaining("nothing was loaded")
            .satisfies(e -> assertThat(((SinkException) e).sqlState()).contains("42P01"));
        assertThat(scalar(db, "SELECT count(*) FROM pg_class WHERE relname IN ('t', 'u')")).isEqualTo(0L);
    }

    @Test
    void badCopyDataNamesItsLinesAndLoadsNothing() throws Exception {
        PGSimpleDataSource db = pg.newDatabase();
        Path f = file("CREATE TABLE t (id bigint);\nCOPY t (id) FROM stdin;\n1\nnot a number\n\\.\n");

        assertThatThrownBy(() -> SqlScript.load(db, f))
            .isInstanceOf(SinkException.class)
            .hasMessageContaining("COPY data at lines 3-")
            .satisfies(e -> assertThat(((SinkException) e).sqlState()).contains("22P02"));
        assertThat(scalar(db, "SELECT to_regclass('t')::text")).isNull();
    }

    @Test
    void aFileCutShortInsideCopyDataFails() throws Exception {
        PGSimpleDataSource db = pg.newDatabase();
        Path f = file("CREATE TABLE t (id bigint);\nCOPY t (id) FROM stdin;\n1\n2\n");

        assertThatThrownBy(() -> SqlScript.load(db, f))
            .isInstanceOf(SinkException.class)
            .hasMessageContaining("ends inside the COPY data that starts at line 3");
        assertThat(scalar(db, "SELECT to_regclass('t')::text")).isNull();
    }

    @Test
    void psqlMetaCommandsAreRefused() throws Exception {
        PGSimpleDataSource db = pg.newDatabase();
        Path f = file("CREATE TABLE t (id int);\n\\connect other\n");

        assertThatThrownBy(() -> SqlScript.load(db, f))
            .isInstanceOf(SinkException.class)
            .hasMessageContaining("line 2")
            .hasMessageContaining("\\connect");
        assertThat(scalar(db, "SELECT to_regclass('t')::text")).isNull();
    }

    @Test
    void anUnterminatedQuoteFails() throws Exception {
        PGSimpleDataSource db = pg.newDatabase();
        Path f = file("SELECT 'never closed;\n");

        assertThatThrownBy(() -> SqlScript.load(db, f))
            .isInstanceOf(SinkException.class)
            .hasMessageContaining("ends inside a quoted text");
    }

    @Test
    void carriageReturnsInsideLiteralsAreKept() throws Exception {
        PGSimpleDataSource db = pg.newDatabase();

        SqlScript.load(db, file("CREATE TABLE t (s text);\r\nINSERT INTO t VALUES ('a\rb'), ('c\r\nd');\r\n"));

        assertThat(rows(db, "SELECT s FROM t ORDER BY s")).containsExactly(List.of("a\rb"), List.of("c\r\nd"));
    }

    @Test
    void aLastStatementWithoutSemicolonStillRuns() throws Exception {
        PGSimpleDataSource db = pg.newDatabase();

        SqlScript.load(db, file("CREATE TABLE t (id int);\nINSERT INTO t VALUES (1)"));

        assertThat(scalar(db, "SELECT count(*) FROM t")).isEqualTo(1L);
    }

    @Test
    void aFileThatIsNotUtf8Fails() throws IOException, SQLException {
        PGSimpleDataSource db = pg.newDatabase();
        Path f = tmp.resolve("latin1.sql");
        Files.write(f, new byte[] {'S', 'E', 'L', 'E', 'C', 'T', ' ', '\'', (byte) 0xe9, '\'', ';', '\n'});

        assertThatThrownBy(() -> SqlScript.load(db, f))
            .isInstanceOf(SinkException.class)
            .hasMessageContaining("not UTF-8");
    }
}
