package io.xtage.core.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.strings;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.sql.SQLException;
import java.util.List;
import org.junit.jupiter.api.Test;

class SecretsTest {
    @Test
    void redactsLiteralSecretsBearerTokensAndPasswordParameters() {
        String text = "token s3cr3t-value failed; Authorization: Bearer other.jwt.value; url ?user=u&password=pw9&x=1";
        assertThat(Secrets.redact(text, List.of("s3cr3t-value")))
            .isEqualTo("token [redacted] failed; Authorization: Bearer [redacted]; url ?user=u&password=[redacted]&x=1");
    }

    @Test
    void longerSecretsGoFirstAndShortOnesAreIgnored() {
        assertThat(Secrets.redact("abcdefgh and abcd and ab", List.of("abcd", "abcdefgh", "ab")))
            .isEqualTo("[redacted] and [redacted] and ab");
    }

    @Test
    void anyTextWithTheSecretLosesIt() {
        qt().forAll(strings().basicLatinAlphabet().ofLengthBetween(0, 40),
            strings().basicLatinAlphabet().ofLengthBetween(0, 40))
            .check((a, b) -> !Secrets.redact(a + "pw-Secret-123" + b, List.of("pw-Secret-123")).contains("pw-Secret-123"));
    }

    @Test
    void cleanExceptionsAreKept() {
        SQLException e = new SQLException("nothing to hide", "08001");
        assertThat(Secrets.sanitize(e, List.of("hidden-1"))).isSameAs(e);
    }

    @Test
    void exceptionsWithASecretAnywhereInTheChainAreCopiedRedacted() {
        SQLException root = new SQLException("No suitable driver found for jdbc:x://h/db?password=hidden-1");
        RuntimeException top = new RuntimeException("outer", root);
        top.addSuppressed(new IllegalStateException("also hidden-1 here"));
        Throwable clean = Secrets.sanitize(top, List.of("hidden-1"));
        StringWriter w = new StringWriter();
        clean.printStackTrace(new PrintWriter(w));
        assertThat(w.toString()).doesNotContain("hidden-1").contains("java.sql.SQLException: No suitable driver")
            .contains("java.lang.IllegalStateException: also [redacted] here");
        assertThat(clean.getStackTrace()).isEqualTo(top.getStackTrace());
    }
}
