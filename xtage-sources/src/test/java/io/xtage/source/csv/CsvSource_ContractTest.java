package io.xtage.source.csv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.generators.SourceDSL.arbitrary;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import io.xtage.core.ReadResult;
import io.xtage.core.Reject;
import io.xtage.core.RejectKind;
import io.xtage.core.RejectPolicy;
import io.xtage.core.Source;
import io.xtage.core.schema.ColumnType;
import io.xtage.core.schema.Schema;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.quicktheories.core.Gen;

/** CsvSource keeps the source contract over ragged, mistyped, multi-line and mis-encoded files. */
class CsvSource_ContractTest implements SourceContract {
    private static final List<String> CELLS = List.of("1", "42", "-7", "2.5", "1e3", "", " ", "abc", "\"q,uoted\"",
        "\"multi\nline\"", "2022-12-06", "13/05/2022", "05-13-2022", "2022-02-30", "true", "NA", "é", "\"open");

    @TempDir
    static Path dir;

    private static Gen<String> rows() {
        Gen<String> row = lists().of(arbitrary().pick(CELLS)).ofSizeBetween(1, 5).map(l -> String.join(",", l));
        return lists().of(row).ofSizeBetween(0, 25).map(l -> "id,price,day,flag\n" + String.join("\n", l) + "\n");
    }

    @Override
    public Gen<Source> sources() {
        Gen<Integer> sample = integers().between(1, 6);
        Gen<Boolean> declared = arbitrary().pick(true, false);
        Gen<Boolean> badByte = arbitrary().pick(false, false, false, true);
        return rows().zip(sample, declared, badByte, (text, n, decl, bad) -> {
            try {
                byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
                if (bad && bytes.length > 20) {
                    bytes[bytes.length / 2] = (byte) 0xFF;
                }
                Path file = Files.write(Files.createTempFile(dir, "contract", ".csv"), bytes);
                CsvSource.Builder b = CsvSource.builder().path(file).rejectPolicy(RejectPolicy.lenient())
                    .options(CsvOptions.DEFAULT.toBuilder().sampleRows(n).missingTokens("NA").build());
                if (decl) {
                    b.schema(Schema.builder().column("id", ColumnType.LONG).column("price", ColumnType.DOUBLE)
                        .date("day").column("flag", ColumnType.BOOLEAN).build());
                }
                return b.build();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    /** The contract's checks are the interface's default tests; this one pins a case by hand. */
    @Test
    void aRaggedRecordIsAShapeRejectAndABadNumberATypeRejectThatKeepsItsRow() throws IOException {
        Path file = Files.writeString(dir.resolve("ragged.csv"), "id,price\n1,2.5\n2,3.5,extra\n3,abc\n");
        ReadResult r = CsvSource.builder().path(file).rejectPolicy(RejectPolicy.lenient())
            .schema(Schema.builder().column("id", ColumnType.LONG).column("price", ColumnType.DOUBLE).build())
            .build().read();
        assertThat(r.table().rowCount()).isEqualTo(2);
        assertThat(r.report().rowsRead()).isEqualTo(r.table().rowCount() + r.report().rowsRejected());
        assertThat(r.rejects()).extracting(Reject::kind).containsExactlyInAnyOrder(RejectKind.SHAPE, RejectKind.TYPE);
        assertThat(r.rejects()).filteredOn(x -> x.kind() == RejectKind.TYPE).extracting(x -> x.column().orElse(""))
            .containsExactly("price");
    }
}
