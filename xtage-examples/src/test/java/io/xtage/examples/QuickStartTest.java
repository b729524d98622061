package io.xtage.examples;

import static org.assertj.core.api.Assertions.assertThat;

import io.xtage.examples.generate.W1DataGenerator;
import io.xtage.preprocess.PreprocessResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class QuickStartTest {
    @TempDir
    Path dir;

    @Test
    void quickStartRunsOnGeneratedData() throws Exception {
        W1DataGenerator.generate(dir, 2000, 7);
        PreprocessResult r = QuickStart.run(dir);
        assertThat(r.table().columnNames()).contains("list_price", "category_books").doesNotContain("category");
        assertThat(r.table().doubleColumn("price").countMissing()).isZero();
        assertThat(r.table().doubleColumn("price").min()).isGreaterThanOrEqualTo(0);
        assertThat(r.report().rowsOut() + r.report().rowsRemoved()).isEqualTo(2000);
        List<String> lines = Files.readAllLines(dir.resolve("prepared.csv"));
        assertThat(lines).hasSize(r.table().rowCount() + 1);
    }

    @Test
    void readmeShowsTheQuickStartCode() throws Exception {
        Path root = Path.of("").toAbsolutePath();
        Path readme = root.resolve("README.md");
        if (!Files.exists(readme)) {
            readme = root.getParent().resolve("README.md");
        }
        Path source = root.resolve("src/main/java/io/xtage/examples/QuickStart.java");
        String code = Files.readString(source);
        String snippet = code.substring(code.indexOf("// README:begin") + "// README:begin".length(),
            code.indexOf("// README:end"));
        String text = Files.readString(readme);
        for (String line : snippet.strip().split("\n")) {
            assertThat(text).as("README.md shows the quick start line").contains(line.strip());
        }
    }
}
