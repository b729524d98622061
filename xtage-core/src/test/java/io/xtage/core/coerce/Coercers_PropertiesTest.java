package io.xtage.core.coerce;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.arbitrary;
import static org.quicktheories.generators.SourceDSL.doubles;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;
import static org.quicktheories.generators.SourceDSL.longs;
import static org.quicktheories.generators.SourceDSL.strings;

import io.xtage.core.CoercionException;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

/** Properties of the coercers: exact doubles, and nothing but CoercionException on any text. */
class Coercers_PropertiesTest {
    private static final List<CoercionOptions> OPTIONS = List.of(
        CoercionOptions.DEFAULT,
        CoercionOptions.builder().locale(Locale.GERMANY).missingTokens("NA", "-", "null").build(),
        CoercionOptions.builder().groupingSeparator(',').defaultDateOrder(DateOrder.DAY_FIRST).build());

    private static final List<DatePatterns> PATTERNS = List.of(
        DatePatterns.of("yyyy-MM-dd"),
        DatePatterns.of("dd/MM/yyyy", "d.M.yyyy", "yyyyMMdd"),
        DatePatterns.of("M-d-yyyy"),
        DatePatterns.of("yyyy-MM-dd HH:mm:ss", "yyyy-MM-dd'T'HH:mm"),
        DatePatterns.of("d MMM uuuu", "EEE, d MMM yyyy"),
        DatePatterns.of("MM/dd/yyyy hh:mm a"));

    /** An inference that has seen every shape, so parse reaches the field checks. */
    private static final DateInference SEEN_ALL = inferFrom(List.of("2022-12-06", "13/05/2022", "05-13-2022",
        "13.05.2022", "2022/05/06", "20221206", "2022-12-06T10:15", "2022-12-06 10:15:30.5", "06/12/2022 10:15",
        "2022 12 06", "05 06 2022"));

    private static DateInference inferFrom(List<String> values) {
        DateInference.Accumulator acc = DateInference.accumulator(DateOrder.MONTH_FIRST);
        values.forEach(v -> acc.add(v, 1));
        return acc.result();
    }

    // ---- exact doubles

    @Test
    void toStringOfAnyFiniteDoubleParsesBackExactly() {
        qt().withExamples(20_000).forAll(doubles().any()).assuming(Double::isFinite)
            .check(d -> Double.doubleToRawLongBits(Coercers.parseDouble(Double.toString(d), CoercionOptions.DEFAULT))
                == Double.doubleToRawLongBits(d));
    }

    @Test
    void toStringOfAnyBitPatternParsesBackExactly() {
        qt().withExamples(20_000).forAll(longs().all().map(Double::longBitsToDouble)).assuming(Double::isFinite)
            .check(d -> Double.doubleToRawLongBits(Coercers.parseDouble(Double.toString(d), CoercionOptions.DEFAULT))
                == Double.doubleToRawLongBits(d));
    }

    @Test
    void shortDecimalStringsEqualDoubleParseDouble() {
        // short mantissas and small exponents: the hand-written fast path
        qt().withExamples(50_000).forAll(decimals(10, 2)).checkAssert(Coercers_PropertiesTest::agreesWithJdk);
    }

    @Test
    void longDecimalStringsEqualDoubleParseDouble() {
        qt().withExamples(20_000).forAll(decimals(30, 4)).checkAssert(Coercers_PropertiesTest::agreesWithJdk);
    }

    private static void agreesWithJdk(String text) {
        Double expected;
        try {
            expected = Double.parseDouble(text);
        } catch (NumberFormatException e) {
            expected = null;
        }
        if (expected == null || expected.isInfinite()) {
            assertThatThrownBy(() -> Coercers.parseDouble(text, CoercionOptions.DEFAULT)).as(text)
                .isInstanceOf(CoercionException.class);
        } else {
            assertThat(Double.doubleToRawLongBits(Coercers.parseDouble(text, CoercionOptions.DEFAULT)))
                .as("%s: expected %s", text, expected).isEqualTo(Double.doubleToRawLongBits(expected));
        }
    }

    @Test
    void germanGroupedLongsParseBack() {
        qt().withExamples(5_000).forAll(longs().all()).assuming(n -> n != Long.MIN_VALUE)
            .check(n -> Coercers.parseLong(String.format(Locale.GERMANY, "%,d", n), GERMAN) == n);
    }

    @Test
    void germanGroupedDecimalsEqualDoubleParseDoubleOfThePlainText() {
        Gen<String> digits = strings().betweenCodePoints('0', '9').ofLengthBetween(1, 20);
        Gen<String> fraction = strings().betweenCodePoints('0', '9').ofLengthBetween(0, 20);
        qt().withExamples(10_000).forAll(digits, fraction).checkAssert((d, f) -> {
            StringBuilder grouped = new StringBuilder();
            for (int k = 0; k < d.length(); k++) {
                if (k > 0 && (d.length() - k) % 3 == 0) {
                    grouped.append('.');
                }
                grouped.append(d.charAt(k));
            }
            String german = grouped + (f.isEmpty() ? "" : "," + f);
            double expected = Double.parseDouble(d + (f.isEmpty() ? "" : "." + f));
            assertThat(Double.doubleToRawLongBits(Coercers.parseDouble(german, GERMAN))).as(german)
                .isEqualTo(Double.doubleToRawLongBits(expected));
        });
    }

    private static final CoercionOptions GERMAN = CoercionOptions.builder().locale(Locale.GERMANY).build();

    /** Text made of an optional sign, digits, an optional dot and digits, an optional exponent. */
    private static Gen<String> decimals(int maxDigits, int maxExponentDigits) {
        Gen<String> sign = arbitrary().pick("", "", "-", "+");
        Gen<String> digits = strings().betweenCodePoints('0', '9').ofLengthBetween(0, maxDigits);
        Gen<String> fraction = Generate.oneOf(arbitrary().constant(""),
            strings().betweenCodePoints('0', '9').ofLengthBetween(0, maxDigits).map(f -> "." + f));
        Gen<String> exponent = Generate.oneOf(arbitrary().constant(""),
            arbitrary().pick("e", "E", "e-", "e+", "E-").zip(
                strings().betweenCodePoints('0', '9').ofLengthBetween(0, maxExponentDigits), String::concat));
        return sign.zip(digits, fraction, exponent, (s, d, f, e) -> s + d + f + e);
    }

    // ---- nothing but CoercionException

    @Test
    void arbitraryStringsGiveOnlyCoercionExceptions() {
        qt().withExamples(3_000).forAll(strings().allPossible().ofLengthBetween(0, 40))
            .checkAssert(Coercers_PropertiesTest::onlyCoercionExceptions);
    }

    @Test
    void controlCharactersGiveOnlyCoercionExceptions() {
        qt().withExamples(2_000).forAll(strings().betweenCodePoints(0, 0x40).ofLengthBetween(0, 30))
            .checkAssert(Coercers_PropertiesTest::onlyCoercionExceptions);
    }

    @Test
    void nearMissesGiveOnlyCoercionExceptions() {
        // text made of the characters the parsers look at, so that it gets deep into them
        Gen<Character> c = arbitrary().pick(List.of('0', '1', '2', '3', '9', '-', '+', '/', '.', ',', ':', ' ', 'T',
            'e', 'E', 'N', 'a', 'I', '\t', '\0', '\u00a0', '\u0660'));
        qt().withExamples(20_000).forAll(lists().of(c).ofSizeBetween(0, 30)
                .map(l -> l.stream().map(String::valueOf).collect(Collectors.joining())))
            .checkAssert(Coercers_PropertiesTest::onlyCoercionExceptions);
    }

    @Test
    void tenThousandCharacterStringsGiveOnlyCoercionExceptions() {
        Gen<String> huge = Generate.oneOf(
            strings().allPossible().ofLength(10_000),
            strings().betweenCodePoints('0', '9').ofLength(10_000),
            integers().between(0, 9_990).map(n -> "1" + "0".repeat(n) + ".5e-3"),
            integers().between(0, 9_990).map(n -> "2022-01-0" + "1".repeat(n)));
        qt().withExamples(40).withShrinkCycles(5).forAll(huge)
            .checkAssert(Coercers_PropertiesTest::onlyCoercionExceptions);
    }

    private static void onlyCoercionExceptions(String s) {
        for (CoercionOptions o : OPTIONS) {
            o.isMissing(s);
            quietly(() -> Coercers.parseInt(s, o));
            quietly(() -> Coercers.parseLong(s, o));
            quietly(() -> Coercers.parseDouble(s, o));
            quietly(() -> Coercers.parseBoolean(s, o));
        }
        for (DatePatterns p : PATTERNS) {
            quietly(() -> Coercers.parseDate(s, p));
            quietly(() -> Coercers.parseDateTime(s, p));
            quietly(() -> p.parsePackedDate(s));
        }
        quietly(() -> SEEN_ALL.parseDate(s));
        quietly(() -> SEEN_ALL.parsePackedDate(s));
        quietly(() -> SEEN_ALL.parseDateTime(s));
        DateInference.Accumulator acc = DateInference.accumulator(DateOrder.DAY_FIRST);
        acc.add(s, 3);
        DateInference own = acc.result();
        quietly(() -> own.parseDate(s));
        quietly(() -> own.parseDateTime(s));
        own.shapes().forEach(DateShapeReport::toMap);
    }

    private interface Call {
        Object run();
    }

    private static void quietly(Call c) {
        try {
            c.run();
        } catch (CoercionException expected) {
            // the raw value is cut to 256 characters in the message, so a huge value gives a short message
            assertThat(expected.reason()).isNotBlank().hasSizeLessThan(700);
            assertThat(expected.rawValue()).hasSizeLessThan(300);
        }
    }
}
