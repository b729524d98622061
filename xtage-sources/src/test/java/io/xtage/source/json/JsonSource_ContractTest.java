package io.xtage.source.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.generators.SourceDSL.arbitrary;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import io.xtage.core.ReadResult;
import io.xtage.core.Reject;
import io.xtage.core.RejectKind;
import io.xtage.core.Source;
import io.xtage.core.schema.ColumnType;
import io.xtage.core.schema.Schema;
import io.xtage.source.csv.SourceContract;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.quicktheories.core.Gen;

/** JsonSource keeps the source contract over arrays and NDJSON with odd records, late fields and broken lines. */
class JsonSource_ContractTest implements SourceContract {
    private static final List<String> VALUES = List.of("1", "-2", "2.50", "1e3", "\"7\"", "\"abc\"", "\"\"", "null",
        "true", "\"2022-12-06\"", "\"13/05/2022\"", "[1, {\"a\": 2}]", "{\"x\": 1, \"y\": {\"z\": \"q\"}}", "{}");
    private static final List<String> KEYS = List.of("id", "price", "Name", "nested", "late");
    private static final List<String> ODD = List.of("42", "\"text\"", "null", "[1, 2]", "{\"id\": ", "{\"id\": 1,}");

    @TempDir
    static Path dir;

    private static Gen<String> objects() {
        Gen<String> field = arbitrary().pick(KEYS).zip(arbitrary().pick(VALUES), (k, v) -> "\"" + k + "\": " + v);
        return lists().of(field).ofSizeBetween(0, 4).map(l -> "{" + String.join(", ", l) + "}");
    }

    private static Gen<String> records() {
        return objects().mix(arbitrary().pick(ODD), 15);
    }

    @Override
    public Gen<Source> sources() {
        Gen<List<String>> recs = lists().of(records()).ofSizeBetween(0, 20);
        Gen<Boolean> lines = arbitrary().pick(true, false);
        Gen<Integer> sample = integers().between(1, 5);
        Gen<Boolean> declared = arbitrary().pick(true, false);
        return recs.zip(lines, sample, declared, (rs, nd, n, decl) -> {
            String text;
            if (nd) {
                text = String.join("\n", rs) + "\n";
            } else {
                // broken records would make the whole array a SourceException; keep arrays well-formed mostly
                text = "[" + String.join(",\n", rs.stream().filter(r -> !r.endsWith(": ") && !r.endsWith(",}"))
                    .toArray(String[]::new)) + "]";
            }
            try {
                Path file = Files.write(Files.createTempFile(dir, "contract", nd ? ".ndjson" : ".json"),
                    text.getBytes(StandardCharsets.UTF_8));
                JsonSource.Builder b = JsonSource.builder().path(file).options(
                    (nd ? JsonOptions.NDJSON : JsonOptions.DEFAULT).toBuilder().sampleRecords(n).build());
                if (decl) {
                    b.schema(Schema.builder().column("id", ColumnType.LONG).column("price", ColumnType.DOUBLE)
                        .column("name", ColumnType.STRING).column("nested_y_z", ColumnType.STRING).build());
                }
                return b.build();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    /** The contract's checks are the interface's default tests; this one pins a case by hand. */
    @Test
    void aBadNumberIsATypeRejectThatKeepsItsRowAsMissing() throws IOException {
        Path file = Files.writeString(dir.resolve("bad.json"), "[{\"id\": 1, \"price\": 2.5}, {\"id\": 2, \"price\": \"abc\"}]");
        ReadResult r = JsonSource.builder().path(file)
            .schema(Schema.builder().column("id", ColumnType.LONG).column("price", ColumnType.DOUBLE).build())
            .build().read();
        assertThat(r.table().rowCount()).isEqualTo(2);
        assertThat(r.table().doubleColumn("price").isMissing(1)).isTrue();
        assertThat(r.rejects()).extracting(Reject::kind).containsExactly(RejectKind.TYPE);
        assertThat(r.rejects().get(0).column()).contains("price");
    }
}
