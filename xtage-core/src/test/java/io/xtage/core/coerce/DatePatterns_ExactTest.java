package io.xtage.core.coerce;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import io.xtage.core.CoercionException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Texts of exactly a fixed pattern's length take a shortcut; the answers are java.time's. */
class DatePatterns_ExactTest {

    private static final char[] ALPHABET = {'0', '1', '2', '3', '9', '-', '/', '.', 'x', '2', '0', ' ', '\t'};

    /** java.time's strict answer, or null when it does not parse. */
    private static LocalDate javaTime(String text, String pattern) {
        try {
            return LocalDate.parse(text, DateTimeFormatter.ofPattern(pattern.replace("yyyy", "uuuu"))
                .withResolverStyle(ResolverStyle.STRICT));
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static LocalDate ours(String text, DatePatterns p) {
        try {
            return p.parseDate(text);
        } catch (CoercionException e) {
            return null;
        }
    }

    @Test
    void tenCharacterTextsParseAsJavaTimeDoes() {
        List<String> patterns = List.of("yyyy-MM-dd", "dd/MM/yyyy", "MM-dd-yyyy", "yyyy.MM.dd");
        qt().withExamples(20_000).forAll(lists().of(integers().between(0, ALPHABET.length - 1)).ofSize(10),
                integers().between(0, patterns.size() - 1))
            .checkAssert((codes, which) -> {
                StringBuilder b = new StringBuilder();
                for (int c : codes) {
                    b.append(ALPHABET[c]);
                }
                String text = b.toString();
                String pattern = patterns.get(which);
                assertThat(ours(text, DatePatterns.of(pattern))).as("%s as %s", text, pattern)
                    .isEqualTo(javaTime(text, pattern));
            });
    }

    @Test
    void realDatesInEveryPatternAndTheirPaddedForms() {
        LocalDate d = LocalDate.of(1999, 1, 1);
        DatePatterns p = DatePatterns.of("yyyy-MM-dd", "dd/MM/yyyy", "MM-dd-yyyy");
        for (int i = 0; i < 3000; i++, d = d.plusDays(11)) {
            for (String pattern : List.of("yyyy-MM-dd", "dd/MM/yyyy", "MM-dd-yyyy")) {
                String text = d.format(DateTimeFormatter.ofPattern(pattern));
                assertThat(ours(text, p)).isEqualTo(d);
                assertThat(ours(" " + text + "\t", p)).isEqualTo(d);
            }
        }
        assertThat(ours("2023-02-29", p)).isNull();
        assertThat(ours("2024-02-29", p)).isEqualTo(LocalDate.of(2024, 2, 29));
        assertThat(ours("29/02/2023", p)).isNull();
    }

    @Test
    void missingIsBlankTextWithoutTokens() {
        char[] alphabet = {' ', '\t', '\n', '\u2003', '\u00a0', '\u0085', '\u001f', 'a', '1', '\u007f', '~'};
        qt().withExamples(20_000).forAll(lists().of(integers().between(0, alphabet.length - 1)).ofSizeBetween(0, 6))
            .checkAssert(codes -> {
                StringBuilder b = new StringBuilder();
                for (int c : codes) {
                    b.append(alphabet[c]);
                }
                String s = b.toString();
                assertThat(CoercionOptions.DEFAULT.isMissing(s)).as("'%s'", s).isEqualTo(s.isBlank());
            });
    }
}
