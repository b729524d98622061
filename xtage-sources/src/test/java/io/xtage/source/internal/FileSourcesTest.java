package io.xtage.source.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.xtage.core.ReadResult;
import io.xtage.core.RejectPolicy;
import io.xtage.core.SourceException;
import io.xtage.core.schema.ColumnSpec;
import io.xtage.core.schema.ColumnType;
import io.xtage.core.schema.Schema;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileSourcesTest {
    private static final List<String> CSV = List.of(".csv", ".csv.gz");

    @TempDir
    Path dir;

    @Test
    void takesFileUrisAndRelativePathsWithTheExtensionInAnyCase() {
        assertThat(FileSources.isFileWithExtension(URI.create("file:///d/A.CSV"), CSV)).isTrue();
        assertThat(FileSources.isFileWithExtension(URI.create("data/a.csv.gz"), CSV)).isTrue();
    }

    @Test
    void refusesOtherSchemesOtherExtensionsAndNull() {
        assertThat(FileSources.isFileWithExtension(URI.create("http://h/a.csv"), CSV)).isFalse();
        assertThat(FileSources.isFileWithExtension(URI.create("file:///d/a.json"), CSV)).isFalse();
        assertThat(FileSources.isFileWithExtension(URI.create("mailto:a@b.csv"), CSV)).isFalse();
        assertThat(FileSources.isFileWithExtension(null, CSV)).isFalse();
    }

    @Test
    void readHandsTheFileToTheReader() throws IOException {
        Path f = Files.writeString(dir.resolve("a.txt"), "abc");
        String[] seen = new String[1];

        FileSources.read(f, "a.txt", in -> {
            try {
                seen[0] = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return null;
        });

        assertThat(seen[0]).isEqualTo("abc");
    }

    @Test
    void missingFileIsASourceExceptionNamingTheSource() {
        Path missing = dir.resolve("gone.csv");

        assertThatThrownBy(() -> FileSources.read(missing, "gone.csv", in -> (ReadResult) null))
            .isInstanceOf(SourceException.class)
            .hasMessageContaining("gone.csv")
            .hasMessageContaining("cannot open: no such file")
            .satisfies(e -> assertThat(((SourceException) e).sourceName()).isEqualTo("gone.csv"));
    }

    @Test
    void describeLeavesOutAnInferredSchema() {
        assertThat(FileSources.describe("Opts[x]", null, RejectPolicy.maxRows(3))).isEqualTo("Opts[x], max_rows(3)");
        Schema s = Schema.of(ColumnSpec.of("id", ColumnType.LONG));
        assertThat(FileSources.describe("Opts[x]", s, RejectPolicy.strict())).isEqualTo("Opts[x], " + s + ", strict");
    }
}
