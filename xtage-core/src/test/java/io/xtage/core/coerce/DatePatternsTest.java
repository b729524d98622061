package io.xtage.core.coerce;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.arbitrary;
import static org.quicktheories.generators.SourceDSL.booleans;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.localDates;

import io.xtage.core.CoercionException;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.ResolverStyle;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DatePatternsTest {

    @Test
    void triesDeclaredPatternsInOrder() {
        DatePatterns p = DatePatterns.of("yyyy-MM-dd", "dd/MM/yyyy", "MM-dd-yyyy");
        assertThat(p.parseDate("2022-12-06")).isEqualTo(LocalDate.of(2022, 12, 6));
        assertThat(p.parseDate("06/12/2022")).isEqualTo(LocalDate.of(2022, 12, 6));
        assertThat(p.parseDate("12-06-2022")).isEqualTo(LocalDate.of(2022, 12, 6));
        assertThat(p.parseDate(" 2022-12-06 ")).isEqualTo(LocalDate.of(2022, 12, 6));
        assertThat(p.patterns()).containsExactly("yyyy-MM-dd", "dd/MM/yyyy", "MM-dd-yyyy");
    }

    @Test
    void isStrict() {
        DatePatterns p = DatePatterns.of("yyyy-MM-dd");
        assertThatThrownBy(() -> p.parseDate("2024-02-30"))
            .isInstanceOf(CoercionException.class).hasMessageContaining("yyyy-MM-dd");
        assertThatThrownBy(() -> DatePatterns.of("d MMM yyyy").parseDate("30 Feb 2024"))
            .isInstanceOf(CoercionException.class);
        assertThat(p.parseDate("2024-02-29")).isEqualTo(LocalDate.of(2024, 2, 29));
    }

    @Test
    void twoDigitFieldsNeedTwoDigits() {
        assertThatThrownBy(() -> DatePatterns.of("yyyy-MM-dd").parseDate("2022-5-6"))
            .isInstanceOf(CoercionException.class);
        assertThat(DatePatterns.of("yyyy-M-d").parseDate("2022-5-06")).isEqualTo(LocalDate.of(2022, 5, 6));
    }

    @Test
    void formatterPatternsWork() {
        assertThat(DatePatterns.of("d MMM yyyy").parseDate("6 Dec 2022")).isEqualTo(LocalDate.of(2022, 12, 6));
        assertThat(DatePatterns.of("yyyy-MM-dd HH:mm").parseDate("2022-12-06 10:15"))
            .isEqualTo(LocalDate.of(2022, 12, 6));
    }

    @Test
    void literalYInQuotesIsKept() {
        assertThat(DatePatterns.of("'y'yyyy-MM-dd").parseDate("y2022-12-06")).isEqualTo(LocalDate.of(2022, 12, 6));
    }

    @Test
    void bracketsAreOptionalSectionsNotSeparators() {
        DatePatterns p = DatePatterns.of("dd[/]MM[/]yyyy");
        assertThat(p.parseDate("06/05/2022")).isEqualTo(LocalDate.of(2022, 5, 6));
        assertThat(p.parseDate("06052022")).isEqualTo(LocalDate.of(2022, 5, 6));
    }

    @Test
    void dateTimes() {
        DatePatterns p = DatePatterns.of("yyyy-MM-dd HH:mm:ss", "yyyy-MM-dd");
        assertThat(p.parseDateTime("2022-12-06 10:15:30")).isEqualTo(LocalDateTime.of(2022, 12, 6, 10, 15, 30));
        assertThat(p.parseDateTime("2022-12-06")).isEqualTo(LocalDateTime.of(2022, 12, 6, 0, 0));
        assertThatThrownBy(() -> p.parseDateTime("2022-12-06 25:15:30")).isInstanceOf(CoercionException.class);
    }

    @Test
    void dateOnlyFormatterPatternGivesMidnight() {
        assertThat(DatePatterns.of("d MMM yyyy").parseDateTime("6 Dec 2022"))
            .isEqualTo(LocalDateTime.of(2022, 12, 6, 0, 0));
    }

    @Test
    void rejectionNamesThePatterns() {
        assertThatThrownBy(() -> DatePatterns.of("yyyy-MM-dd", "dd/MM/yyyy").parseDate("tomorrow"))
            .isInstanceOfSatisfying(CoercionException.class, e -> {
                assertThat(e.rawValue()).isEqualTo("tomorrow");
                assertThat(e.getMessage()).contains("one of [yyyy-MM-dd, dd/MM/yyyy]");
            });
    }

    @ParameterizedTest
    @ValueSource(strings = {"yyyy-MM-dd{", "bogus", "", " ", "yyyy-MM-dd'", "yyyy-MM-dd]", "yyyy#MM#dd"})
    void invalidPatternsAreIllegalArguments(String pattern) {
        assertThatThrownBy(() -> DatePatterns.of(pattern)).isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining("pattern");
    }

    @Test
    void noPatternIsAnIllegalArgument() {
        assertThatThrownBy(() -> DatePatterns.of(List.of())).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void equalityFollowsPatterns() {
        assertThat(DatePatterns.of("yyyy-MM-dd")).isEqualTo(DatePatterns.of(List.of("yyyy-MM-dd")))
            .hasSameHashCodeAs(DatePatterns.of("yyyy-MM-dd")).isNotEqualTo(DatePatterns.of("dd/MM/yyyy"));
    }

    // ---- the hand-written fast path agrees with java.time's strict parsing

    private static final List<String> FIXED = List.of("yyyy-MM-dd", "dd/MM/yyyy", "MM/dd/yyyy", "dd.MM.yyyy",
        "yyyyMMdd", "yyyy/M/d", "d/M/yyyy", "M-d-yyyy", "d.M.yyyy", "uuuu-MM-dd");

    private static DateTimeFormatter strictJdk(String pattern) {
        return DateTimeFormatter.ofPattern(pattern.replace('y', 'u')).withResolverStyle(ResolverStyle.STRICT);
    }

    @Test
    void fastPathAgreesWithJavaTimeOnEveryDate1900To2100() {
        long from = LocalDate.of(1900, 1, 1).toEpochDay();
        long to = LocalDate.of(2100, 12, 31).toEpochDay();
        qt().withExamples(20_000).forAll(localDates().withDaysBetween(from, to), arbitrary().pick(FIXED))
            .checkAssert((date, pattern) -> {
                String text = DateTimeFormatter.ofPattern(pattern).format(date);
                LocalDate jdk = LocalDate.parse(text, strictJdk(pattern));
                assertThat(DatePatterns.of(pattern).parseDate(text)).as(text).isEqualTo(jdk).isEqualTo(date);
            });
    }

    @Test
    void fastPathAgreesWithJavaTimeOnInvalidFields() {
        // years 1900-2100, months 0-13 and days 0-32, written with 1 or 2 digits: both accept or both reject
        qt().withExamples(20_000)
            .forAll(integers().between(1900, 2100), integers().between(0, 13), integers().between(0, 32),
                arbitrary().pick(FIXED))
            .checkAssert((y, m, d, pattern) -> {
                String text = spell(pattern, y, m, d, (m + d) % 2 == 0);
                LocalDate jdk;
                try {
                    jdk = LocalDate.parse(text, strictJdk(pattern));
                } catch (DateTimeException e) {
                    jdk = null;
                }
                if (jdk == null) {
                    String t = text;
                    assertThatThrownBy(() -> DatePatterns.of(pattern).parseDate(t)).as(t)
                        .isInstanceOf(CoercionException.class);
                } else {
                    assertThat(DatePatterns.of(pattern).parseDate(text)).as(text).isEqualTo(jdk);
                }
            });
    }

    /** Writes the fields as the pattern says; a one-letter field gets 2 digits when pad is set. */
    private static String spell(String pattern, int y, int m, int d, boolean pad) {
        StringBuilder b = new StringBuilder();
        int i = 0;
        while (i < pattern.length()) {
            char c = pattern.charAt(i);
            int run = 1;
            while (i + run < pattern.length() && pattern.charAt(i + run) == c) {
                run++;
            }
            int width = run == 1 && pad ? 2 : run;
            if (c == 'y' || c == 'u') {
                b.append(String.format("%04d", y));
            } else if (c == 'M') {
                b.append(String.format("%0" + width + "d", m));
            } else if (c == 'd') {
                b.append(String.format("%0" + width + "d", d));
            } else {
                b.append(String.valueOf(c).repeat(run));
            }
            i += run;
        }
        return b.toString();
    }

    @Test
    void fastPathAndFormatterAgreeOnSingleOrDoubleDigitSpellings() {
        qt().withExamples(5_000)
            .forAll(localDates().withDaysBetween(LocalDate.of(1900, 1, 1).toEpochDay(),
                LocalDate.of(2100, 12, 31).toEpochDay()), booleans().all())
            .checkAssert((date, pad) -> {
                String text = pad ? String.format("%02d.%02d.%04d", date.getDayOfMonth(), date.getMonthValue(),
                    date.getYear()) : date.getDayOfMonth() + "." + date.getMonthValue() + "." + date.getYear();
                assertThat(DatePatterns.of("d.M.yyyy").parseDate(text))
                    .isEqualTo(LocalDate.parse(text, strictJdk("d.M.yyyy")));
            });
    }
}
