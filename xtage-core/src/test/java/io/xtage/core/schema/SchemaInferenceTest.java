package io.xtage.core.schema;

import static org.assertj.core.api.Assertions.assertThat;

import io.xtage.core.coerce.CoercionOptions;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class SchemaInferenceTest {
    private static final CoercionOptions D = CoercionOptions.builder().missingTokens("NA").build();

    private static ColumnType type(String... values) {
        return SchemaInference.inferType(List.of(values), D);
    }

    @Test
    void integersAreLong() {
        assertThat(type("1", "-2", "0042", "9223372036854775807")).isEqualTo(ColumnType.LONG);
    }

    @Test
    void integersWithADecimalAreDouble() {
        assertThat(type("1", "2.5", "1e3")).isEqualTo(ColumnType.DOUBLE);
    }

    @Test
    void integerBeyondLongIsDouble() {
        assertThat(type("1", "9223372036854775808")).isEqualTo(ColumnType.DOUBLE);
    }

    @Test
    void booleanSpellingsAreBoolean() {
        assertThat(type("yes", "No", "TRUE", "f")).isEqualTo(ColumnType.BOOLEAN);
    }

    @Test
    void zeroAndOneAreNumbersNotBooleans() {
        assertThat(type("0", "1")).isEqualTo(ColumnType.LONG);
    }

    @Test
    void mixedDateSpellingsAreLocalDate() {
        assertThat(type("2022-12-06", "05/13/2022", "13-05-2022", "06.12.2022")).isEqualTo(ColumnType.LOCAL_DATE);
    }

    @Test
    void dateWithImpossibleDayIsString() {
        assertThat(type("2022-12-06", "2022-02-30")).isEqualTo(ColumnType.STRING);
    }

    @Test
    void datesWithTimesAreLocalDateTime() {
        assertThat(type("2022-12-06T10:15", "2022-12-07")).isEqualTo(ColumnType.LOCAL_DATE_TIME);
    }

    @Test
    void textIsString() {
        assertThat(type("Laptop", "42")).isEqualTo(ColumnType.STRING);
        assertThat(type("NaN", "1.5")).isEqualTo(ColumnType.STRING);
    }

    @Test
    void columnWithNoValuesIsString() {
        assertThat(type()).isEqualTo(ColumnType.STRING);
    }

    @Test
    void inferSkipsMissingValuesAndShortRows() {
        List<String[]> sample = List.of(
            new String[] {"1", "9.5", "NA", "2022-12-06", ""},
            new String[] {"2", "NA", "", "06/12/2022"},
            new String[] {"3", "10"});
        Schema s = SchemaInference.infer(List.of("id", "price", "empty", "day", "never"), sample, D);
        assertThat(s.columns()).extracting(ColumnSpec::type).containsExactly(ColumnType.LONG, ColumnType.DOUBLE,
            ColumnType.STRING, ColumnType.LOCAL_DATE, ColumnType.STRING);
        assertThat(s.columns()).allSatisfy(c -> {
            assertThat(c.isNullable()).isTrue();
            assertThat(c.formats()).isEmpty();
        });
        assertThat(s.names()).containsExactly("id", "price", "empty", "day", "never");
    }

    @Test
    void separatorsFollowTheOptions() {
        CoercionOptions german = CoercionOptions.builder().locale(Locale.GERMANY).build();
        assertThat(SchemaInference.inferType(List.of("1,5", "2"), german)).isEqualTo(ColumnType.DOUBLE);
        assertThat(SchemaInference.inferType(List.of("1.234", "2"), german)).isEqualTo(ColumnType.LONG);
        assertThat(SchemaInference.inferType(List.of("1,5", "2"), CoercionOptions.DEFAULT))
            .isEqualTo(ColumnType.STRING);
    }
}
