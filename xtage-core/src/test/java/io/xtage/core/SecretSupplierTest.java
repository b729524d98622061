package io.xtage.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SecretSupplierTest {
    @TempDir
    Path dir;

    @Test
    void fileIsReadAfreshWithoutSurroundingWhitespace() throws Exception {
        Path f = dir.resolve("token");
        Files.writeString(f, "  first-secret-1\n");
        SecretSupplier s = SecretSupplier.file(f);
        assertThat(s.get()).isEqualTo("first-secret-1");
        Files.writeString(f, "second-secret-2\n");
        assertThat(s.get()).isEqualTo("second-secret-2");
    }

    @Test
    void envReadsTheVariable() {
        Map.Entry<String, String> any = System.getenv().entrySet().stream()
            .filter(e -> !e.getValue().isBlank() && !e.getKey().contains("=")).findFirst().orElseThrow();
        assertThat(SecretSupplier.env(any.getKey()).get()).isEqualTo(any.getValue().strip());
    }

    @Test
    void toStringNamesTheSourceButNeverTheSecret() throws Exception {
        Path f = dir.resolve("token");
        Files.writeString(f, "never-printed-7");
        SecretSupplier s = SecretSupplier.file(f);
        s.get();
        assertThat(s.toString()).contains(f.toString()).doesNotContain("never-printed-7");
        assertThat(SecretSupplier.env("XTAGE_API_TOKEN").toString()).isEqualTo("SecretSupplier[env XTAGE_API_TOKEN]");
    }

    @Test
    void unsetVariableFailsNamingIt() {
        assertThatThrownBy(() -> SecretSupplier.env("XTAGE_TEST_SURELY_UNSET_1").get())
            .isInstanceOf(XtageException.class).hasMessageContaining("XTAGE_TEST_SURELY_UNSET_1");
    }

    @Test
    void emptyOrMissingFileFails() throws Exception {
        Path f = dir.resolve("empty");
        Files.writeString(f, " \n");
        assertThatThrownBy(() -> SecretSupplier.file(f).get()).isInstanceOf(XtageException.class)
            .hasMessageContaining("empty");
        assertThatThrownBy(() -> SecretSupplier.file(dir.resolve("nope")).get()).isInstanceOf(XtageException.class)
            .hasMessageContaining("nope");
    }

    @Test
    void equalityIsByKindAndReference() {
        assertThat(SecretSupplier.env("A")).isEqualTo(SecretSupplier.env("A")).hasSameHashCodeAs(SecretSupplier.env("A"))
            .isNotEqualTo(SecretSupplier.env("B")).isNotEqualTo(SecretSupplier.file(Path.of("A")));
    }

    @Test
    void badVariableNameIsRefused() {
        assertThatThrownBy(() -> SecretSupplier.env("")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SecretSupplier.env("A=B")).isInstanceOf(IllegalArgumentException.class);
    }
}
