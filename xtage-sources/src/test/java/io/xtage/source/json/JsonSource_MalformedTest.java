package io.xtage.source.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.xtage.core.ReadResult;
import io.xtage.core.RejectKind;
import io.xtage.core.RejectPolicy;
import io.xtage.core.SourceException;
import io.xtage.source.csv.Tables;
import io.xtage.source.csv.TestStreams;
import java.io.ByteArrayOutputStream;
import java.time.Duration;
import java.util.stream.Stream;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/** Broken JSON gives a clear SourceException (or, in NDJSON, a reject per line), never another exception or a hang. */
class JsonSource_MalformedTest {
    private static final Duration LIMIT = Duration.ofSeconds(10);

    private static String deep(int depth) {
        return "[".repeat(depth) + "]".repeat(depth);
    }

    /** The same bytes through every reader, each must fail with a SourceException whose message has the parts. */
    private static Stream<DynamicTest> failsEverywhere(byte[] bytes, JsonOptions options, String... parts) {
        return TestStreams.all().entrySet().stream().map(e -> DynamicTest.dynamicTest(e.getKey(), () ->
            assertTimeoutPreemptively(LIMIT, () -> {
                ThrowingCallable read = () -> JsonFixtures.read(bytes, options, null, RejectPolicy.lenient(),
                    e.getValue());
                assertThatThrownBy(read).isInstanceOf(SourceException.class).hasMessageContainingAll(parts)
                    .hasMessageContaining(JsonFixtures.NAME);
            })));
    }

    @TestFactory
    Stream<DynamicTest> truncatedArrayIsASourceExceptionWithTheLine() {
        return failsEverywhere(JsonFixtures.utf8("[\n{\"id\": 1},\n{\"id\": 2, \"name\": \"B"), JsonOptions.DEFAULT,
            "the JSON ends early", "at line 3");
    }

    @TestFactory
    Stream<DynamicTest> truncatedAfterTheLastRecordIsASourceException() {
        return failsEverywhere(JsonFixtures.utf8("[{\"id\": 1}, {\"id\": 2}"), JsonOptions.DEFAULT, "ends early");
    }

    @TestFactory
    Stream<DynamicTest> numberAtTheTopIsASourceException() {
        return failsEverywhere(JsonFixtures.utf8("42"), JsonOptions.DEFAULT,
            "the top-level value is a number at line 1, column 1; expected an array of objects");
    }

    @TestFactory
    Stream<DynamicTest> stringAtTheTopIsASourceException() {
        return failsEverywhere(JsonFixtures.utf8("\"rows\""), JsonOptions.DEFAULT, "the top-level value is a string");
    }

    @TestFactory
    Stream<DynamicTest> nullAtTheTopIsASourceException() {
        return failsEverywhere(JsonFixtures.utf8("null"), JsonOptions.DEFAULT, "the top-level value is null");
    }

    @TestFactory
    Stream<DynamicTest> nestingTenThousandDeepIsASourceException() {
        return failsEverywhere(JsonFixtures.utf8(deep(10_000)), JsonOptions.DEFAULT,
            "JSON nested deeper than 100 levels at line 1, column 10", "maxNestingDepth");
    }

    @TestFactory
    Stream<DynamicTest> deepNestingInsideARecordIsASourceException() {
        String doc = "[{\"id\": 1}, {\"id\": 2, \"x\": " + "{\"a\":".repeat(10_000) + "1" + "}".repeat(10_000) + "}]";
        return failsEverywhere(JsonFixtures.utf8(doc), JsonOptions.DEFAULT, "nested deeper than 100", "record 2");
    }

    @TestFactory
    Stream<DynamicTest> malformedArrayIsASourceExceptionWithLineAndColumn() {
        return failsEverywhere(JsonFixtures.utf8("[{\"id\": 1},\n {\"id\": 2,}]"), JsonOptions.DEFAULT,
            "malformed JSON", "at line 2, column 11");
    }

    @TestFactory
    Stream<DynamicTest> invalidUtf8InAnArrayIsASourceException() {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        b.writeBytes(JsonFixtures.utf8("[{\"n\": \"ok\"},\n{\"n\": \"bad "));
        b.write(0xC3);
        b.write(0x28);
        b.writeBytes(JsonFixtures.utf8("\"}]"));
        return failsEverywhere(b.toByteArray(), JsonOptions.DEFAULT, "not valid UTF-8", "line 2");
    }

    @TestFactory
    Stream<DynamicTest> documentLongerThanTheLimitIsASourceException() {
        String doc = "[" + "{\"id\": 1},".repeat(1000) + "{\"id\": 2}]";
        return failsEverywhere(JsonFixtures.utf8(doc), JsonOptions.DEFAULT.toBuilder().maxDocumentLength(500).build(),
            "JSON document longer than 500 bytes", "maxDocumentLength");
    }

    @TestFactory
    Stream<DynamicTest> stringLongerThanTheLimitIsASourceException() {
        String doc = "[{\"s\": \"" + "x".repeat(5000) + "\"}]";
        return failsEverywhere(JsonFixtures.utf8(doc), JsonOptions.DEFAULT.toBuilder().maxStringLength(1000).build(),
            "a string longer than 1000 characters", "maxStringLength");
    }

    @Test
    void byteOrderMarkIsSkippedInAnArray() {
        byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        b.writeBytes(bom);
        b.writeBytes(JsonFixtures.utf8("[{\"id\": 1}]"));

        ReadResult r = JsonFixtures.read(b.toByteArray(), JsonOptions.DEFAULT, null, RejectPolicy.lenient(),
            java.io.ByteArrayInputStream::new);

        assertThat(Tables.column(r.table(), "id")).containsExactly(1L);
    }

    @TestFactory
    Stream<DynamicTest> byteOrderMarkIsSkippedInNdjson() {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        b.writeBytes(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
        b.writeBytes(JsonFixtures.utf8("{\"id\": 1}\n{\"id\": 2}\n"));
        return TestStreams.all().entrySet().stream().map(e -> DynamicTest.dynamicTest(e.getKey(), () -> {
            ReadResult r = JsonFixtures.read(b.toByteArray(), JsonOptions.DEFAULT, null, RejectPolicy.lenient(),
                e.getValue());
            assertThat(Tables.column(r.table(), "id")).containsExactly(1L, 2L);
            assertThat(r.rejects()).isEmpty();
        }));
    }

    // ------------------------------------------------------------ NDJSON: a broken line is a reject

    private static ReadResult ndjson(String text) {
        return JsonFixtures.read(text, JsonOptions.NDJSON);
    }

    @Test
    void truncatedNdjsonLineIsAParseRejectAndTheReadGoesOn() {
        ReadResult r = assertTimeoutPreemptively(LIMIT, () ->
            ndjson("{\"id\": 1}\n{\"id\": 2, \"name\": \"tru\n{\"id\": 3}\n"));

        assertThat(Tables.column(r.table(), "id")).containsExactly(1L, 3L);
        assertThat(r.rejects()).singleElement().satisfies(x -> {
            assertThat(x.kind()).isEqualTo(RejectKind.PARSE);
            assertThat(x.isRowDropped()).isTrue();
            assertThat(x.recordNumber()).isEqualTo(2);
            assertThat(x.lineNumber()).hasValue(2);
            assertThat(x.columnNumber()).isPresent();
            assertThat(x.rawValue()).isEqualTo("{\"id\": 2, \"name\": \"tru");
            assertThat(x.reason()).contains("ends early");
        });
    }

    @Test
    void deepNdjsonLineIsAParseRejectAndTheReadGoesOn() {
        ReadResult r = assertTimeoutPreemptively(LIMIT, () ->
            ndjson("{\"id\": 1}\n{\"x\": " + deep(10_000) + "}\n{\"id\": 3}\n"));

        assertThat(r.table().rowCount()).isEqualTo(2);
        assertThat(r.rejects()).singleElement().satisfies(x -> {
            assertThat(x.kind()).isEqualTo(RejectKind.PARSE);
            assertThat(x.lineNumber()).hasValue(2);
            assertThat(x.reason()).contains("nested deeper than 100", "maxNestingDepth");
        });
    }

    @Test
    void invalidUtf8InAnNdjsonLineIsAParseReject() {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        b.writeBytes(JsonFixtures.utf8("{\"n\": \"ok\"}\n{\"n\": \""));
        b.write(0xFF);
        b.writeBytes(JsonFixtures.utf8("\"}\n{\"n\": \"fine\"}\n"));

        ReadResult r = JsonFixtures.read(b.toByteArray(), JsonOptions.NDJSON, null, RejectPolicy.lenient(),
            java.io.ByteArrayInputStream::new);

        assertThat(Tables.column(r.table(), "n")).containsExactly("ok", "fine");
        assertThat(r.rejects()).singleElement().satisfies(x -> {
            assertThat(x.kind()).isEqualTo(RejectKind.PARSE);
            assertThat(x.lineNumber()).hasValue(2);
        });
    }

    @Test
    void twoValuesOnOneNdjsonLineAreAParseReject() {
        ReadResult r = ndjson("{\"id\": 1} {\"id\": 2}\n{\"id\": 3}\n");

        assertThat(Tables.column(r.table(), "id")).containsExactly(3L);
        assertThat(r.rejects()).singleElement().satisfies(x ->
            assertThat(x.reason()).contains("more than one JSON value on the line"));
    }

    @Test
    void ndjsonLineLongerThanTheLimitIsAParseRejectWithoutBufferingIt() {
        String longLine = "{\"s\": \"" + "x".repeat(300_000) + "\"}";
        ReadResult r = JsonFixtures.read("{\"s\": \"a\"}\n" + longLine + "\n{\"s\": \"b\"}\n",
            JsonOptions.NDJSON.toBuilder().maxLineLength(1000).build());

        assertThat(Tables.column(r.table(), "s")).containsExactly("a", "b");
        assertThat(r.rejects()).singleElement().satisfies(x -> {
            assertThat(x.kind()).isEqualTo(RejectKind.PARSE);
            assertThat(x.lineNumber()).hasValue(2);
            assertThat(x.reason()).contains("longer than 1000 bytes", "maxLineLength");
        });
    }

    @Test
    void strictPolicyTurnsABrokenNdjsonLineIntoAnException() {
        assertThatThrownBy(() -> JsonFixtures.read(JsonFixtures.utf8("{\"id\": 1}\n{\"id\": \n"), JsonOptions.NDJSON,
            null, RejectPolicy.strict(), java.io.ByteArrayInputStream::new))
            .isInstanceOf(io.xtage.core.RejectedRecordException.class)
            .satisfies(e -> assertThat(((io.xtage.core.RejectedRecordException) e).reject().lineNumber()).hasValue(2));
    }
}
