package io.xtage.source.csv;

import static org.assertj.core.api.Assertions.assertThat;

import io.xtage.core.ProgressListener;
import io.xtage.core.ReadResult;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/** The same bytes through several readers give the same result: buffer boundaries do not matter. */
class CsvSource_ReadersTest {
    private static final List<String> INPUTS = List.of(
        "id,name,price\n1,Ann,2.5\n2,\"B, ob\",3\n3,\"multi\nline\",\n4,Zoë 中文 😀,1e3\n5,short\n",
        "\uFEFFa;b\r\n\"x\"\"y\";1\r\n;2\r\n",
        "a\n" + "x".repeat(70_000) + "\n\"" + "y\n".repeat(40_000) + "\"\n");

    private static CsvOptions options(String input) {
        return input.contains(";") ? CsvOptions.DEFAULT.toBuilder().delimiter(';').build() : CsvOptions.DEFAULT;
    }

    @TestFactory
    Stream<DynamicTest> everyReaderGivesTheSameResult() {
        return INPUTS.stream().flatMap(input -> {
            byte[] bytes = input.getBytes(StandardCharsets.UTF_8);
            ReadResult whole = CsvSource.format(options(input)).read("in", new ByteArrayInputStream(bytes),
                ProgressListener.NONE);
            return TestStreams.all().entrySet().stream().map(e -> DynamicTest.dynamicTest(
                e.getKey() + " / input " + INPUTS.indexOf(input), () -> {
                    ReadResult r = CsvSource.format(options(input)).read("in", e.getValue().apply(bytes),
                        ProgressListener.NONE);
                    assertThat(Tables.snapshot(r)).isEqualTo(Tables.snapshot(whole));
                    assertThat(r.table().rowCount()).isPositive();
                }));
        });
    }
}
