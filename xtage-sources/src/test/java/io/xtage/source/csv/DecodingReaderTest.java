package io.xtage.source.csv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** The line an invalid byte is reported at, whatever the line endings and however the bytes arrive. */
class DecodingReaderTest {

    private static final String[] PIECES = {"\n", "\r\n", "\r", "ab", "x", "\r\r", "\n\n", "é"};

    private static void readAll(DecodingReader r) throws IOException {
        char[] buf = new char[7];
        while (r.read(buf, 0, buf.length) >= 0) {
            // keep reading until the invalid byte
        }
    }

    @Test
    void invalidByteIsReportedAtItsLine() {
        qt().withExamples(2_000).forAll(lists().of(integers().between(0, PIECES.length - 1)).ofSizeBetween(0, 60))
            .checkAssert(codes -> {
                StringBuilder text = new StringBuilder();
                for (int c : codes) {
                    text.append(PIECES[c]);
                }
                // the line where the text ends: CR, LF and CR LF each end one
                String s = text.toString();
                long lines = 1 + s.replace("\r\n", "\n").chars().filter(ch -> ch == '\n' || ch == '\r').count();
                ByteArrayOutputStream b = new ByteArrayOutputStream();
                b.writeBytes(s.getBytes(StandardCharsets.UTF_8));
                b.write(0xFF);
                byte[] bytes = b.toByteArray();
                for (Map.Entry<String, Function<byte[], InputStream>> e : TestStreams.all().entrySet()) {
                    DecodingReader r = new DecodingReader(e.getValue().apply(bytes), StandardCharsets.UTF_8, 1 << 20);
                    assertThatThrownBy(() -> readAll(r)).as(e.getKey()).isInstanceOf(CsvInputException.class)
                        .hasMessageContaining("at line " + lines + " ");
                }
            });
    }

    @Test
    void crLfSplitAcrossReadsIsOneLineEnd() throws IOException {
        byte[] bytes = "a\r\nb\r\nc".getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        b.writeBytes(bytes);
        b.write(0xFF);
        DecodingReader r = new DecodingReader(new TestStreams.OneByte(new java.io.ByteArrayInputStream(b.toByteArray())),
            StandardCharsets.UTF_8, 1 << 20);
        assertThatThrownBy(() -> readAll(r)).hasMessageContaining("at line 3 ");
        assertThat(bytes).hasSize(7);
    }
}
