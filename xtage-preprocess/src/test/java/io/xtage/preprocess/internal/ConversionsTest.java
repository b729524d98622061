package io.xtage.preprocess.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.doubles;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import io.xtage.core.schema.ColumnType;
import java.time.LocalDate;
import java.time.LocalDateTime;
import org.junit.jupiter.api.Test;

class ConversionsTest {

    @Test
    void missingStaysMissing() {
        for (ColumnType t : ColumnType.values()) {
            assertThat(Conversions.convert(null, t)).isNull();
        }
    }

    @Test
    void text_toIntegers_acceptsWholeDecimals_only() {
        assertThat(Conversions.convert(" 2.0 ", ColumnType.INT)).isEqualTo(2L);
        assertThat(Conversions.convert("1.5", ColumnType.LONG)).isSameAs(Conversions.INVALID);
        assertThat(Conversions.convert("x", ColumnType.LONG)).isSameAs(Conversions.INVALID);
    }

    @Test
    void int_rejectsTablesawsMissingMarkerAndOutOfRange() {
        assertThat(Conversions.convert((long) Integer.MIN_VALUE, ColumnType.INT)).isSameAs(Conversions.INVALID);
        assertThat(Conversions.convert(Integer.MAX_VALUE + 1L, ColumnType.INT)).isSameAs(Conversions.INVALID);
        assertThat(Conversions.convert(Long.MIN_VALUE, ColumnType.LONG)).isSameAs(Conversions.INVALID);
        assertThat(Conversions.convert((double) Integer.MAX_VALUE, ColumnType.INT)).isEqualTo((long) Integer.MAX_VALUE);
    }

    @Test
    void doubles_nanTextIsInvalid_booleansAreOneAndZero() {
        assertThat(Conversions.convert("NaN", ColumnType.DOUBLE)).isSameAs(Conversions.INVALID);
        assertThat(Conversions.convert(true, ColumnType.DOUBLE)).isEqualTo(1.0);
        assertThat(Conversions.convert(3L, ColumnType.DOUBLE)).isEqualTo(3.0);
    }

    @Test
    void booleans_fromOneZeroAndTextInAnyCase() {
        assertThat(Conversions.convert(" TRUE ", ColumnType.BOOLEAN)).isEqualTo(true);
        assertThat(Conversions.convert(0.0, ColumnType.BOOLEAN)).isEqualTo(false);
        assertThat(Conversions.convert(2L, ColumnType.BOOLEAN)).isSameAs(Conversions.INVALID);
        assertThat(Conversions.convert("yes", ColumnType.BOOLEAN)).isSameAs(Conversions.INVALID);
    }

    @Test
    void dates_isoTextAndBetweenDateAndDateTime() {
        assertThat(Conversions.convert(" 2024-02-29 ", ColumnType.LOCAL_DATE)).isEqualTo(LocalDate.of(2024, 2, 29));
        assertThat(Conversions.convert("2024-02-30", ColumnType.LOCAL_DATE)).isSameAs(Conversions.INVALID);
        assertThat(Conversions.convert(LocalDateTime.of(2024, 1, 2, 3, 4), ColumnType.LOCAL_DATE))
            .isEqualTo(LocalDate.of(2024, 1, 2));
        assertThat(Conversions.convert(LocalDate.of(2024, 1, 2), ColumnType.LOCAL_DATE_TIME))
            .isEqualTo(LocalDateTime.of(2024, 1, 2, 0, 0));
        assertThat(Conversions.convert("2024-01-02T03:04:05", ColumnType.LOCAL_DATE_TIME))
            .isEqualTo(LocalDateTime.of(2024, 1, 2, 3, 4, 5));
        assertThat(Conversions.convert(5L, ColumnType.LOCAL_DATE)).isSameAs(Conversions.INVALID);
    }

    @Test
    void anyLong_survivesTextAndBack_exceptTheMissingMarker() {
        qt().forAll(longs().all()).checkAssert(l -> {
            Object back = Conversions.convert(Conversions.convert(l, ColumnType.STRING), ColumnType.LONG);
            assertThat(back).isEqualTo(l == Long.MIN_VALUE ? Conversions.INVALID : l);
        });
    }

    @Test
    void anyNumberDouble_survivesTextAndBack() {
        qt().forAll(doubles().any()).assuming(d -> !Double.isNaN(d)).checkAssert(d -> assertThat(
            Conversions.convert(Conversions.convert(d, ColumnType.STRING), ColumnType.DOUBLE)).isEqualTo(d));
    }

    @Test
    void anInt_isEitherInTheIntRangeOrInvalid() {
        qt().forAll(doubles().any()).checkAssert(d -> {
            Object w = Conversions.convert(d, ColumnType.INT);
            if (w != Conversions.INVALID) {
                long l = (Long) w;
                assertThat(l).isGreaterThan(Integer.MIN_VALUE).isLessThanOrEqualTo(Integer.MAX_VALUE);
                assertThat((double) l).isEqualTo(d);
            }
        });
        qt().forAll(integers().all()).checkAssert(i -> assertThat(Conversions.convert((long) i, ColumnType.INT))
            .isEqualTo(i == Integer.MIN_VALUE ? Conversions.INVALID : (Object) (long) i));
    }
}
