package io.xtage.source.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A million rows read in a child JVM whose heap holds the finished table but not the result that
 * PgJDBC would buffer without a fetch size: the same heap makes a buffered read fail, which shows
 * the bound is tight enough to catch a regression.
 */
class JdbcSource_LargeTest {
    private static final int ROWS = 1_000_000;
    /**
     * Measured here (2026-11, serial GC): the JdbcSource read of these rows succeeds with
     * {@code -Xmx64m}; the buffered read fails with {@code -Xmx160m} and succeeds with
     * {@code -Xmx256m}. 112 MB leaves a margin on both sides.
     */
    static final String HEAP = System.getProperty("xtage.test.child.heap", "-Xmx112m");

    private static TestPg pg;
    private static String schema;

    @TempDir
    Path dir;

    @BeforeAll
    static void fill() throws SQLException {
        pg = TestPg.get();
        schema = pg.newSchema("jdbc_large");
        pg.exec("CREATE TABLE " + schema + ".big (id bigint, qty integer, price double precision, day date, "
                + "label text, flag boolean)",
            "INSERT INTO " + schema + ".big SELECT i, i % 100, i * 0.5, date '2020-01-01' + (i % 1000), "
                + "'item ' || (i % 1000), i % 2 = 0 FROM generate_series(1, " + ROWS + ") AS s(i)");
    }

    private Result child(String mode) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> cmd = new ArrayList<>(List.of(java, HEAP, "-XX:+UseSerialGC", "-XX:+ExitOnOutOfMemoryError",
            "-cp", System.getProperty("java.class.path"), BoundedHeapRead.class.getName(), schema, "big", mode));
        Path out = dir.resolve(mode + ".out");
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(out.toFile());
        pb.environment().put("XTAGE_CHILD_PG_URL", pg.childUrl());
        Process p = pb.start();
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("child JVM did not finish in 120 s");
        }
        return new Result(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8));
    }

    private record Result(int exit, String output) {
    }

    @Test
    void millionRowsStreamWithinASmallHeap() throws Exception {
        Result r = child("source");
        assertThat(r.exit()).as(r.output()).isZero();
        assertThat(r.output()).contains("rows=" + ROWS + " sum=" + ((long) ROWS * (ROWS + 1) / 2));
    }

    @Test
    void theSameHeapCannotHoldABufferedResult() throws Exception {
        Result r = child("buffered");
        assertThat(r.exit()).as(r.output()).isNotZero();
        assertThat(r.output()).contains("OutOfMemoryError");
    }
}
