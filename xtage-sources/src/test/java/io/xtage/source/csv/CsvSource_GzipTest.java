package io.xtage.source.csv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.xtage.core.ProgressListener;
import io.xtage.core.ReadResult;
import io.xtage.core.SourceException;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvSource_GzipTest {
    @TempDir
    Path dir;

    static byte[] gzip(String text) {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        try (GZIPOutputStream g = new GZIPOutputStream(b)) {
            g.write(text.getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return b.toByteArray();
    }

    private static String rows(int n) {
        StringBuilder b = new StringBuilder("id,name\n");
        for (int i = 1; i <= n; i++) {
            b.append(i).append(",n").append(i).append('\n');
        }
        return b.toString();
    }

    @Test
    void gzFileIsReadTransparently() {
        Path file = CsvFixtures.write(dir, "data.csv.gz", gzip(rows(1000)));

        ReadResult r = CsvSource.builder().path(file).build().read();

        assertThat(r.table().rowCount()).isEqualTo(1000);
        assertThat(Tables.column(r.table(), "id").get(999)).isEqualTo(1000L);
    }

    @Test
    void gzipIsFoundByItsMagicBytesWhateverTheName() {
        Path file = CsvFixtures.write(dir, "data.csv", gzip(rows(3)));

        assertThat(CsvSource.builder().path(file).build().read().table().rowCount()).isEqualTo(3);
    }

    @Test
    void gzipStreamFromATransportIsReadToo() {
        ReadResult r = CsvSource.format(CsvOptions.DEFAULT).read("body", new TestStreams.OneByte(
            new ByteArrayInputStream(gzip(rows(50)))), ProgressListener.NONE);

        assertThat(r.table().rowCount()).isEqualTo(50);
    }

    @Test
    void progressCountsCompressedBytes() {
        byte[] gz = gzip(rows(100));
        Path file = CsvFixtures.write(dir, "p.csv.gz", gz);
        long[] bytes = new long[1];

        CsvSource.builder().path(file).build().read((s, rows, b, done) -> bytes[0] = b);

        assertThat(bytes[0]).isEqualTo(gz.length);
    }

    @Test
    void truncatedGzipIsASourceException() {
        byte[] gz = gzip(rows(5000));
        Path file = CsvFixtures.write(dir, "cut.csv.gz", Arrays.copyOf(gz, gz.length / 2));

        assertTimeoutPreemptively(Duration.ofSeconds(10), () ->
            assertThatThrownBy(() -> CsvSource.builder().path(file).build().read())
                .isInstanceOf(SourceException.class)
                .hasMessageContaining("cut.csv.gz")
                .hasMessageContaining("gzip"));
    }

    @Test
    void corruptGzipIsASourceException() {
        byte[] gz = gzip(rows(100));
        for (int i = 20; i < gz.length - 8; i += 7) {
            gz[i] ^= 0x5A;
        }
        Path file = CsvFixtures.write(dir, "bad.csv.gz", gz);

        assertThatThrownBy(() -> CsvSource.builder().path(file).build().read())
            .isInstanceOf(SourceException.class)
            .hasMessageContaining("bad.csv.gz");
    }
}
