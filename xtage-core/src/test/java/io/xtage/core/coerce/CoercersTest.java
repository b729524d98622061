package io.xtage.core.coerce;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.xtage.core.CoercionException;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CoercersTest {
    private static final CoercionOptions D = CoercionOptions.DEFAULT;
    private static final CoercionOptions GERMAN = CoercionOptions.builder().locale(Locale.GERMANY).build();

    // ---- ints

    @Test
    void parsesIntsWithSignAndSurroundingWhitespace() {
        assertThat(Coercers.parseInt("42", D)).isEqualTo(42);
        assertThat(Coercers.parseInt(" -7 ", D)).isEqualTo(-7);
        assertThat(Coercers.parseInt("+7", D)).isEqualTo(7);
        assertThat(Coercers.parseInt("007", D)).isEqualTo(7);
    }

    @Test
    void intRangeEdges() {
        assertThat(Coercers.parseInt("2147483647", D)).isEqualTo(Integer.MAX_VALUE);
        assertThat(Coercers.parseInt("-2147483647", D)).isEqualTo(Integer.MIN_VALUE + 1);
        assertThatThrownBy(() -> Coercers.parseInt("2147483648", D))
            .isInstanceOf(CoercionException.class).hasMessageContaining("out of range");
    }

    @Test
    void intMinValueIsReservedForMissing() {
        assertThatThrownBy(() -> Coercers.parseInt("-2147483648", D))
            .isInstanceOf(CoercionException.class).hasMessageContaining("reserved");
    }

    @Test
    void intGroupingSeparatorFollowsOptions() {
        assertThat(Coercers.parseInt("1.234", GERMAN)).isEqualTo(1234);
        assertThatThrownBy(() -> Coercers.parseInt("1,234", D)).isInstanceOf(CoercionException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "-", "+", "1.5", "abc", "1e3", "12a", "--1", "0x10", "١٢"})
    void rejectsNonIntegers(String text) {
        assertThatThrownBy(() -> Coercers.parseInt(text, D))
            .isInstanceOf(CoercionException.class)
            .satisfies(e -> assertThat(((CoercionException) e).expected()).isEqualTo("INT"));
    }

    // ---- longs

    @Test
    void longRangeEdges() {
        assertThat(Coercers.parseLong("9223372036854775807", D)).isEqualTo(Long.MAX_VALUE);
        assertThat(Coercers.parseLong("-9223372036854775807", D)).isEqualTo(Long.MIN_VALUE + 1);
        assertThat(Coercers.parseLong("0", D)).isZero();
        assertThat(Coercers.parseLong("-0", D)).isZero();
    }

    @Test
    void longOverflowIsRejected() {
        assertThatThrownBy(() -> Coercers.parseLong("9223372036854775808", D))
            .isInstanceOf(CoercionException.class).hasMessageContaining("out of range");
        assertThatThrownBy(() -> Coercers.parseLong("-9223372036854775809", D))
            .isInstanceOf(CoercionException.class).hasMessageContaining("out of range");
        assertThatThrownBy(() -> Coercers.parseLong("99999999999999999999999", D))
            .isInstanceOf(CoercionException.class).hasMessageContaining("out of range");
    }

    @Test
    void longMinValueIsReservedForMissing() {
        assertThatThrownBy(() -> Coercers.parseLong("-9223372036854775808", D))
            .isInstanceOf(CoercionException.class).hasMessageContaining("reserved");
    }

    @Test
    void longErrorCarriesRawValueAndReasonPhrase() {
        assertThatThrownBy(() -> Coercers.parseLong("12x", D))
            .isInstanceOfSatisfying(CoercionException.class, e -> {
                assertThat(e.rawValue()).isEqualTo("12x");
                assertThat(e.expected()).isEqualTo("LONG");
                assertThat(e.reason()).startsWith("cannot parse '12x' as LONG");
            });
    }

    // ---- doubles

    @ParameterizedTest
    @ValueSource(strings = {"1241.0099999999998", "-8.3", "1e3", "276.65999999999997", "0.1", "1E-5", "-0",
        "0.30000000000000004", "9007199254740993", "123456789012345678901234567890", "1.7976931348623157E308",
        "4.9E-324", "2.2250738585072014E-308", ".5", "5.", "+3.25", "1e-400", "000123.4500", "1.e5"})
    void doublesEqualDoubleParseDoubleExactly(String text) {
        double expected = Double.parseDouble(text);
        assertThat(Double.doubleToRawLongBits(Coercers.parseDouble(text, D)))
            .as(text).isEqualTo(Double.doubleToRawLongBits(expected));
    }

    @Test
    void germanLocaleReadsGroupingAndDecimalComma() {
        assertThat(Coercers.parseDouble("1.234,5", GERMAN)).isEqualTo(1234.5);
        assertThat(Coercers.parseDouble("-0,25", GERMAN)).isEqualTo(-0.25);
        assertThat(Coercers.parseDouble("1.234.567,891", GERMAN)).isEqualTo(1234567.891);
    }

    @ParameterizedTest
    @ValueSource(strings = {"1.5", "12.34", "1.2345", "1..234", "1.234.56", "1.234.5678,5", "1,234.5"})
    void groupingSeparatorMustBeFollowedByThreeDigits(String text) {
        assertThatThrownBy(() -> Coercers.parseDouble(text, GERMAN)).as(text).isInstanceOf(CoercionException.class);
        assertThatThrownBy(() -> Coercers.parseLong(text, GERMAN)).as(text).isInstanceOf(CoercionException.class);
    }

    @Test
    void groupsOfThreeAreRead() {
        assertThat(Coercers.parseLong("-1.234.567", GERMAN)).isEqualTo(-1_234_567L);
        assertThat(Coercers.parseLong("1234.567", GERMAN)).isEqualTo(1_234_567L);
        assertThat(Coercers.parseDouble("1.234.567e2", GERMAN)).isEqualTo(123_456_700.0);
        assertThat(Coercers.parseDouble("1.234,56789", GERMAN)).isEqualTo(1234.56789);
    }

    @Test
    void unexpectedCharacterPositionCountsFromTheRawText() {
        assertThatThrownBy(() -> Coercers.parseLong(" -12x", D)).hasMessageContaining("'x' at position 5");
        assertThatThrownBy(() -> Coercers.parseDouble(" -12x", D)).hasMessageContaining("'x' at position 5");
        assertThatThrownBy(() -> Coercers.parseDouble("1e1\u0007", D)).hasMessageContaining("'\\u0007'");
    }

    @Test
    void germanLocaleRejectsDecimalPointAfterComma() {
        assertThatThrownBy(() -> Coercers.parseDouble("1,5.3", GERMAN)).isInstanceOf(CoercionException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "  ", "NaN", "Infinity", "-Infinity", "1e", "1e+", "e5", ".", "-", "1.2.3", "1,5",
        "0x1p3", "1d", "1f", "abc", "1e309", "-1e309", "1 2"})
    void rejectsNonFiniteOrMalformedDoubles(String text) {
        assertThatThrownBy(() -> Coercers.parseDouble(text, D))
            .isInstanceOf(CoercionException.class)
            .satisfies(e -> assertThat(((CoercionException) e).expected()).isEqualTo("DOUBLE"));
    }

    // ---- booleans

    @Test
    void parsesBooleanSpellingsCaseInsensitively() {
        for (String t : List.of("true", "TRUE", " Yes ", "y", "T")) {
            assertThat(Coercers.parseBoolean(t, D)).as(t).isTrue();
        }
        for (String f : List.of("false", "False", "NO", "n", "f")) {
            assertThat(Coercers.parseBoolean(f, D)).as(f).isFalse();
        }
    }

    @Test
    void booleanSpellingsFollowOptions() {
        CoercionOptions o = CoercionOptions.builder().booleanTokens(List.of("Ja"), List.of("Nein")).build();
        assertThat(Coercers.parseBoolean("ja", o)).isTrue();
        assertThat(Coercers.parseBoolean("NEIN", o)).isFalse();
        assertThatThrownBy(() -> Coercers.parseBoolean("yes", o)).isInstanceOf(CoercionException.class);
    }

    @Test
    void rejectsOtherBooleanText() {
        assertThatThrownBy(() -> Coercers.parseBoolean("1", D))
            .isInstanceOf(CoercionException.class).hasMessageContaining("BOOLEAN");
    }

    // ---- missing

    @Test
    void blankAndDeclaredTokensAreMissing() {
        CoercionOptions o = CoercionOptions.builder().missingTokens("NA", "null").build();
        assertThat(o.isMissing(null)).isTrue();
        assertThat(o.isMissing("")).isTrue();
        assertThat(o.isMissing(" \t")).isTrue();
        assertThat(o.isMissing(" NA ")).isTrue();
        assertThat(o.isMissing("null")).isTrue();
        assertThat(o.isMissing("na")).isFalse();
        assertThat(o.isMissing("0")).isFalse();
        assertThat(D.isMissing("NA")).isFalse();
    }

    @Test
    void everyParserTrimsTheSameWhitespace() {
        CoercionOptions o = CoercionOptions.builder().missingTokens("NA").build();
        String em = "\u2003";
        assertThat(o.isMissing(em + "NA" + em)).isTrue();
        assertThat(Coercers.parseBoolean(em + "yes" + em, o)).isTrue();
        assertThat(Coercers.parseLong(em + "5" + em, o)).isEqualTo(5);
        assertThat(Coercers.parseDouble(em + "5.5" + em, o)).isEqualTo(5.5);
        assertThat(DatePatterns.of("d MMM yyyy").parseDate(em + "6 Dec 2022" + em))
            .isEqualTo(java.time.LocalDate.of(2022, 12, 6));
    }

    // ---- options validation

    @Test
    void equalSeparatorsAreRejected() {
        assertThatThrownBy(() -> CoercionOptions.builder().decimalSeparator(',').groupingSeparator(',').build())
            .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("groupingSeparator");
    }

    @ParameterizedTest
    @ValueSource(chars = {'5', '-', '+', 'e', 'E'})
    void decimalSeparatorMustNotBeADigitSignOrExponent(char c) {
        assertThatThrownBy(() -> CoercionOptions.builder().decimalSeparator(c).build())
            .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("decimalSeparator");
    }

    @Test
    void groupingSeparatorMustNotBeASign() {
        assertThatThrownBy(() -> CoercionOptions.builder().groupingSeparator('-').build())
            .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void tokenMeaningBothTrueAndFalseIsRejected() {
        assertThatThrownBy(() -> CoercionOptions.builder().booleanTokens(List.of("x"), List.of("X")).build())
            .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'x'");
    }

    @Test
    void toBuilderRoundTrips() {
        CoercionOptions o = CoercionOptions.builder().locale(Locale.GERMANY).missingTokens("NA")
            .defaultDateOrder(DateOrder.DAY_FIRST).build();
        assertThat(o.toBuilder().build()).isEqualTo(o).hasSameHashCodeAs(o);
    }
}
