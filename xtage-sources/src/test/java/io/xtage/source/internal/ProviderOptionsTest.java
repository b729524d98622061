package io.xtage.source.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.arbitrary;
import static org.quicktheories.generators.SourceDSL.doubles;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;
import static org.quicktheories.generators.SourceDSL.longs;

import io.xtage.core.RejectPolicy;
import io.xtage.core.schema.ColumnSpec;
import io.xtage.core.schema.ColumnType;
import io.xtage.core.schema.Schema;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

class ProviderOptionsTest {

    @Test
    void boolReadsTrueAndFalseInAnyCaseAroundWhiteSpace() {
        assertThat(ProviderOptions.bool("header", " TRUE ")).isTrue();
        assertThat(ProviderOptions.bool("header", "false")).isFalse();
    }

    @Test
    void boolRefusalNamesTheOptionAndTheValue() {
        assertThatThrownBy(() -> ProviderOptions.bool("snake_case", "yes"))
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessage("option 'snake_case' must be true or false (was 'yes')");
    }

    @Test
    void integerReadsNegativeAndZero() {
        assertThat(ProviderOptions.integer("first_page", " -3 ")).isEqualTo(-3);
        assertThat(ProviderOptions.integer("first_page", "0")).isZero();
    }

    @Test
    void integerRefusalNamesTheOptionAndTheValue() {
        assertThatThrownBy(() -> ProviderOptions.integer("fetch_size", "many"))
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessage("option 'fetch_size' must be an integer (was 'many')")
            .hasCauseInstanceOf(NumberFormatException.class);
    }

    @Test
    void positiveRefusesZeroNegativeAndText() {
        assertThat(ProviderOptions.positive("sample_rows", " 7")).isEqualTo(7);
        for (String bad : List.of("0", "-1", "ten", "99999999999")) {
            assertThatThrownBy(() -> ProviderOptions.positive("sample_rows", bad))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("option 'sample_rows' must be a positive integer (was '" + bad + "')");
        }
    }

    @Test
    void durationReadsEachSpelling() {
        assertThat(ProviderOptions.duration("k", "300ms")).isEqualTo(Duration.ofMillis(300));
        assertThat(ProviderOptions.duration("k", " 10S ")).isEqualTo(Duration.ofSeconds(10));
        assertThat(ProviderOptions.duration("k", "2m")).isEqualTo(Duration.ofMinutes(2));
        assertThat(ProviderOptions.duration("k", "pt1.5s")).isEqualTo(Duration.ofMillis(1500));
    }

    @Test
    void durationRefusalNamesTheOptionAndTheValue() {
        for (String bad : List.of("soon", "10", "xs", "P")) {
            assertThatThrownBy(() -> ProviderOptions.duration("query_timeout", bad))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("option 'query_timeout' must be a duration such as 300ms, 10s, 2m or PT10S (was '"
                    + bad + "')");
        }
    }

    @Test
    void listDropsBlankItemsAndStripsTheRest() {
        assertThat(ProviderOptions.list(" NA, ,n/a,,")).containsExactly("NA", "n/a");
    }

    @Test
    void localeReadsALanguageTag() {
        assertThat(ProviderOptions.locale(" de-DE ")).isEqualTo(Locale.GERMANY);
    }

    @Test
    void toPathTakesFileUrisAndRelativePaths() {
        assertThat(ProviderOptions.toPath("csv", URI.create("data/x.csv"))).isEqualTo(Path.of("data/x.csv"));
        assertThat(ProviderOptions.toPath("csv", URI.create("file:///tmp/x.csv"))).isEqualTo(Path.of("/tmp/x.csv"));
    }

    @Test
    void toPathRefusalNamesTheSourceAndTheScheme() {
        assertThatThrownBy(() -> ProviderOptions.toPath("json", URI.create("s3://bucket/x.json")))
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessage("the json source reads files; s3: URIs need another source (http, jdbc)");
    }

    @Test
    void unknownListsTheKnownOptions() {
        assertThatThrownBy(() -> {
            throw ProviderOptions.unknown("csv", "delimeter", List.of("delimiter", "quote"));
        }).hasMessage("unknown csv option 'delimeter'; known options: delimiter, quote");
    }

    @Test
    void rejectPolicyReadsEachSpelling() {
        assertThat(ProviderOptions.rejectPolicy(" Lenient")).isEqualTo(RejectPolicy.lenient());
        assertThat(ProviderOptions.rejectPolicy("STRICT")).isEqualTo(RejectPolicy.strict());
        assertThat(ProviderOptions.rejectPolicy("max_rows( 100 )")).isEqualTo(RejectPolicy.maxRows(100));
        assertThat(ProviderOptions.rejectPolicy("max_fraction(0.25)")).isEqualTo(RejectPolicy.maxFraction(0.25));
    }

    @Test
    void rejectPolicyRefusalNamesTheOptionAndTheValue() {
        for (String bad : List.of("sometimes", "max_rows(x)", "max_rows(5", "max_fraction()")) {
            assertThatThrownBy(() -> ProviderOptions.rejectPolicy(bad))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("option 'reject_policy' must be lenient, strict, max_rows(N) or max_fraction(F) (was '"
                    + bad + "')");
        }
    }

    @Test
    void rejectPolicyOutOfRangeIsRefusedByThePolicy() {
        assertThatThrownBy(() -> ProviderOptions.rejectPolicy("max_fraction(1.5)"))
            .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("1.5");
    }

    @Test
    void rejectPolicyReadsBackWhatDescribeWrites() {
        Gen<RejectPolicy> policies = arbitrary().pick(RejectPolicy.lenient(), RejectPolicy.strict())
            .mix(longs().between(0, Long.MAX_VALUE).map(RejectPolicy::maxRows))
            .mix(doubles().between(0, 1).map(RejectPolicy::maxFraction));
        qt().forAll(policies).checkAssert(p -> assertThat(ProviderOptions.rejectPolicy(p.describe())).isEqualTo(p));
    }

    @Test
    void schemaReadsNamesTypesAndPatterns() {
        assertThat(ProviderOptions.schema(" id : long , day:local_date:dd.MM.yyyy|yyyy-MM-dd"))
            .isEqualTo(Schema.of(ColumnSpec.of("id", ColumnType.LONG),
                ColumnSpec.date("day", "dd.MM.yyyy", "yyyy-MM-dd")));
    }

    @Test
    void schemaRefusesAnItemWithoutAType() {
        assertThatThrownBy(() -> ProviderOptions.schema("id:LONG,price"))
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessage("option 'schema': 'price' is not name:TYPE");
    }

    @Test
    void schemaRefusesAnUnknownTypeNamingTheColumn() {
        assertThatThrownBy(() -> ProviderOptions.schema("id:NUMBER"))
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining("unknown type 'NUMBER' for column 'id'")
            .hasMessageContaining("LOCAL_DATE");
    }

    /**
     * A schema of nullable columns whose names hold none of {@code , : |} and whose patterns hold
     * neither {@code ,} nor {@code |}, written as the option text, is read back equal.
     */
    @Test
    void schemaTextRoundTrips() {
        Gen<String> patterns = arbitrary().pick("yyyy-MM-dd", "dd.MM.yyyy", "M/d/yyyy", "yyyy-MM-dd HH:mm:ss",
            "yyyyMMdd'T'HHmm");
        Gen<ColumnSpec> specs = arbitrary().enumValues(ColumnType.class)
            .zip(lists().of(patterns).ofSizeBetween(0, 3), integers().between(0, 999), (type, formats, n) -> {
                ColumnSpec c = ColumnSpec.of("Col_" + n, type);
                boolean dated = type == ColumnType.LOCAL_DATE || type == ColumnType.LOCAL_DATE_TIME;
                return dated ? c.withFormats(formats) : c;
            });
        Gen<Schema> schemas = lists().of(specs).ofSizeBetween(1, 8).map(cols -> {
            List<ColumnSpec> distinct = new ArrayList<>();
            for (ColumnSpec c : cols) {
                distinct.add(c.withName(c.name() + "_" + distinct.size()));
            }
            return Schema.of(distinct);
        });
        qt().forAll(schemas).checkAssert(s -> assertThat(ProviderOptions.schema(text(s))).isEqualTo(s));
    }

    private static String text(Schema s) {
        return s.columns().stream()
            .map(c -> c.name() + ":" + c.type() + (c.formats().isEmpty() ? "" : ":" + String.join("|", c.formats())))
            .collect(Collectors.joining(","));
    }
}
