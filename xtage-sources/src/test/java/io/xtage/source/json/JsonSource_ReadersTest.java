package io.xtage.source.json;

import static org.assertj.core.api.Assertions.assertThat;

import io.xtage.core.ReadResult;
import io.xtage.core.RejectPolicy;
import io.xtage.source.csv.Tables;
import io.xtage.source.csv.TestStreams;
import java.io.ByteArrayInputStream;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/** The same bytes through several readers give the same result: buffer boundaries do not matter. */
class JsonSource_ReadersTest {
    private static final List<String> INPUTS = List.of(
        "[{\"id\": 1, \"name\": \"Zoë 中文 😀\", \"n\": {\"x\": 1.50}, \"tags\": [1, \"a\"]}, 7, {\"id\": \"2\"}]",
        "{\"id\": 1}\n{\"id\": 2, \"tru\n\n{\"id\": 3, \"s\": \"" + "x".repeat(70_000) + "\"}\r\n[1]\n",
        "{\"data\": {\"items\": [" + "{\"v\": 1},".repeat(5000) + "{\"v\": 2}]}}");

    private static JsonOptions options(String input) {
        return input.startsWith("{\"data\"") ? JsonOptions.DEFAULT.toBuilder().pointer("/data/items").build()
            : JsonOptions.DEFAULT;
    }

    @TestFactory
    Stream<DynamicTest> everyReaderGivesTheSameResult() {
        return INPUTS.stream().flatMap(input -> {
            byte[] bytes = JsonFixtures.utf8(input);
            ReadResult whole = JsonFixtures.read(bytes, options(input), null, RejectPolicy.lenient(),
                ByteArrayInputStream::new);
            return TestStreams.all().entrySet().stream().map(e -> DynamicTest.dynamicTest(
                e.getKey() + " / input " + INPUTS.indexOf(input), () -> {
                    ReadResult r = JsonFixtures.read(bytes, options(input), null, RejectPolicy.lenient(),
                        e.getValue());
                    assertThat(Tables.snapshot(r)).isEqualTo(Tables.snapshot(whole));
                    assertThat(r.table().rowCount()).isPositive();
                }));
        });
    }
}
