package io.xtage.source.csv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.xtage.core.ProgressListener;
import io.xtage.core.ReadResult;
import io.xtage.core.SourceException;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

class CsvSource_EncodingTest {
    private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            b.writeBytes(p);
        }
        return b.toByteArray();
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static ReadResult read(byte[] bytes, Function<byte[], InputStream> how) {
        return CsvSource.format(CsvOptions.DEFAULT).read(CsvFixtures.NAME, how.apply(bytes), ProgressListener.NONE);
    }

    @TestFactory
    Stream<DynamicTest> byteOrderMarkIsSkipped() {
        byte[] bytes = concat(BOM, utf8("Name,Age\nZoë,3\n"));
        return TestStreams.all().entrySet().stream().map(e -> DynamicTest.dynamicTest(e.getKey(), () -> {
            ReadResult r = read(bytes, e.getValue());
            assertThat(r.table().columnNames()).containsExactly("name", "age");
            assertThat(Tables.column(r.table(), "name")).containsExactly("Zoë");
        }));
    }

    @TestFactory
    Stream<DynamicTest> invalidUtf8IsASourceExceptionNamingTheLine() {
        byte[] bytes = concat(utf8("a,b\n1,x\n2,y\n3,"), new byte[] {(byte) 0xC3, (byte) 0x28}, utf8("\n4,z\n"));
        return TestStreams.all().entrySet().stream().map(e -> DynamicTest.dynamicTest(e.getKey(), () ->
            assertTimeoutPreemptively(Duration.ofSeconds(10), () ->
                assertThatThrownBy(() -> read(bytes, e.getValue()))
                    .isInstanceOf(SourceException.class)
                    .hasMessageContaining(CsvFixtures.NAME)
                    .hasMessageContaining("invalid UTF-8 at line 4")
                    .hasMessageContaining("0xC3")
                    .hasMessageContaining("CsvOptions.Builder.charset"))));
    }

    @Test
    void invalidUtf8AfterManyGoodLinesNamesItsOwnLine() {
        StringBuilder b = new StringBuilder("a\n");
        for (int i = 0; i < 20_000; i++) {
            b.append("row").append(i).append('\n');
        }
        byte[] bytes = concat(utf8(b.toString()), new byte[] {(byte) 0xFF}, utf8("\n"));

        assertThatThrownBy(() -> read(bytes, java.io.ByteArrayInputStream::new))
            .isInstanceOf(SourceException.class)
            .hasMessageContaining("at line 20002");
    }

    @Test
    void truncatedMultiByteCharacterAtTheEndIsASourceException() {
        byte[] bytes = concat(utf8("a\nx"), new byte[] {(byte) 0xE2, (byte) 0x82});

        assertThatThrownBy(() -> read(bytes, java.io.ByteArrayInputStream::new))
            .isInstanceOf(SourceException.class)
            .hasMessageContaining("invalid UTF-8 at line 2");
    }

    @Test
    void latin1IsReadWhenDeclared() {
        byte[] bytes = "a\ncaf\u00e9\n".getBytes(StandardCharsets.ISO_8859_1);

        ReadResult r = CsvSource.format(CsvOptions.DEFAULT.toBuilder().charset(StandardCharsets.ISO_8859_1).build())
            .read(CsvFixtures.NAME, new java.io.ByteArrayInputStream(bytes), ProgressListener.NONE);

        assertThat(Tables.column(r.table(), "a")).containsExactly("café");
    }

    @Test
    void utf16WithByteOrderMarkIsReadWhenDeclared() {
        byte[] bytes = "a\n\u00e9t\u00e9\n".getBytes(StandardCharsets.UTF_16);

        ReadResult r = CsvSource.format(CsvOptions.DEFAULT.toBuilder().charset(StandardCharsets.UTF_16).build())
            .read(CsvFixtures.NAME, new java.io.ByteArrayInputStream(bytes), ProgressListener.NONE);

        assertThat(r.table().columnNames()).containsExactly("a");
        assertThat(Tables.column(r.table(), "a")).containsExactly("été");
    }
}
