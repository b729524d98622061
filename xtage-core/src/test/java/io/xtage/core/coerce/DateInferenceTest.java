package io.xtage.core.coerce;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.arbitrary;
import static org.quicktheories.generators.SourceDSL.localDates;

import io.xtage.core.CoercionException;
import io.xtage.core.coerce.DateShapeReport.DecidedBy;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.junit.jupiter.api.Test;

class DateInferenceTest {

    private static DateInference infer(DateOrder defaultOrder, String... values) {
        DateInference.Accumulator acc = DateInference.accumulator(defaultOrder);
        for (String v : values) {
            acc.add(v, 1);
        }
        return acc.result();
    }

    private static DateShapeReport shape(DateInference inf, String shape) {
        return inf.shapes().stream().filter(r -> r.shape().equals(shape)).findFirst()
            .orElseThrow(() -> new AssertionError("no shape " + shape + " in " + inf.shapes()));
    }

    // ---- the example, and the same with the evidence swapped

    @Test
    void evidencePerShape_slashMonthFirst_dashDayFirst() {
        DateInference inf = infer(DateOrder.MONTH_FIRST,
            "2022-12-06", "05/13/2022", "13-05-2022", "05/06/2022", "05-06-2022");

        assertThat(inf.parseDate("05/06/2022")).isEqualTo(LocalDate.of(2022, 5, 6));
        assertThat(inf.parseDate("05-06-2022")).isEqualTo(LocalDate.of(2022, 6, 5));
        assertThat(inf.parseDate("05/13/2022")).isEqualTo(LocalDate.of(2022, 5, 13));
        assertThat(inf.parseDate("13-05-2022")).isEqualTo(LocalDate.of(2022, 5, 13));

        DateShapeReport slash = shape(inf, "NN/NN/YYYY");
        assertThat(slash.pattern()).isEqualTo("MM/dd/yyyy");
        assertThat(slash.evidence()).isEqualTo(1);
        assertThat(slash.ambiguous()).isEqualTo(1);
        assertThat(slash.decidedBy()).isEqualTo(DecidedBy.EVIDENCE);
        DateShapeReport dash = shape(inf, "NN-NN-YYYY");
        assertThat(dash.pattern()).isEqualTo("dd-MM-yyyy");
        assertThat(dash.evidence()).isEqualTo(1);
        assertThat(dash.ambiguous()).isEqualTo(1);
        assertThat(dash.decidedBy()).isEqualTo(DecidedBy.EVIDENCE);
        assertThat(dash.toMap()).containsEntry("pattern", "dd-MM-yyyy").containsEntry("evidence", 1L)
            .containsEntry("ambiguous", 1L).containsEntry("decided_by", "evidence");
    }

    @Test
    void evidencePerShape_swapped_slashDayFirst_dashMonthFirst() {
        DateInference inf = infer(DateOrder.MONTH_FIRST,
            "2022-12-06", "13/05/2022", "05-13-2022", "05/06/2022", "05-06-2022");

        assertThat(inf.parseDate("05/06/2022")).isEqualTo(LocalDate.of(2022, 6, 5));
        assertThat(inf.parseDate("05-06-2022")).isEqualTo(LocalDate.of(2022, 5, 6));
        assertThat(shape(inf, "NN/NN/YYYY").pattern()).isEqualTo("dd/MM/yyyy");
        assertThat(shape(inf, "NN-NN-YYYY").pattern()).isEqualTo("MM-dd-yyyy");
        assertThat(shape(inf, "NN/NN/YYYY").decidedBy()).isEqualTo(DecidedBy.EVIDENCE);
        assertThat(shape(inf, "NN-NN-YYYY").decidedBy()).isEqualTo(DecidedBy.EVIDENCE);
    }

    @Test
    void evidenceWinsOverTheDeclaredDefault() {
        DateInference inf = infer(DateOrder.DAY_FIRST, "05/13/2022", "05/06/2022");
        assertThat(inf.parseDate("05/06/2022")).isEqualTo(LocalDate.of(2022, 5, 6));
    }

    @Test
    void valueContradictingTheEvidenceIsRejectedAndCounted() {
        DateInference inf = infer(DateOrder.MONTH_FIRST, "13/05/2022", "14/05/2022", "05/13/2022");
        DateShapeReport r = shape(inf, "NN/NN/YYYY");
        assertThat(r.pattern()).isEqualTo("dd/MM/yyyy");
        assertThat(r.evidence()).isEqualTo(2);
        assertThat(r.contradicting()).isEqualTo(1);
        assertThatThrownBy(() -> inf.parseDate("05/13/2022"))
            .isInstanceOf(CoercionException.class).hasMessageContaining("dd/MM/yyyy");
    }

    @Test
    void tiedEvidenceFallsBackToTheDeclaredDefault() {
        DateInference monthFirst = infer(DateOrder.MONTH_FIRST, "13/05/2022", "05/13/2022", "05/06/2022");
        DateInference dayFirst = infer(DateOrder.DAY_FIRST, "13/05/2022", "05/13/2022", "05/06/2022");
        assertThat(monthFirst.parseDate("05/06/2022")).isEqualTo(LocalDate.of(2022, 5, 6));
        assertThat(dayFirst.parseDate("05/06/2022")).isEqualTo(LocalDate.of(2022, 6, 5));
        assertThat(shape(monthFirst, "NN/NN/YYYY").decidedBy()).isEqualTo(DecidedBy.DEFAULT);
    }

    @Test
    void fieldOverThirtyOneIsNoEvidence() {
        DateInference inf = infer(DateOrder.MONTH_FIRST, "45/05/2022", "05/06/2022");
        DateShapeReport r = shape(inf, "NN/NN/YYYY");
        assertThat(r.decidedBy()).isEqualTo(DecidedBy.DEFAULT);
        assertThat(r.pattern()).isEqualTo("MM/dd/yyyy");
        assertThatThrownBy(() -> inf.parseDate("45/05/2022")).isInstanceOf(CoercionException.class);
    }

    // ---- defaults

    @Test
    void noEvidence_monthFirstDefault() {
        DateInference inf = infer(DateOrder.MONTH_FIRST, "05/06/2022", "01/02/2023");
        assertThat(inf.parseDate("05/06/2022")).isEqualTo(LocalDate.of(2022, 5, 6));
        DateShapeReport r = shape(inf, "NN/NN/YYYY");
        assertThat(r.pattern()).isEqualTo("MM/dd/yyyy");
        assertThat(r.decidedBy()).isEqualTo(DecidedBy.DEFAULT);
        assertThat(r.evidence()).isZero();
        assertThat(r.ambiguous()).isEqualTo(2);
        assertThat(r.values()).isEqualTo(2);
    }

    @Test
    void noEvidence_dayFirstDefault() {
        DateInference inf = infer(DateOrder.DAY_FIRST, "05/06/2022", "01/02/2023");
        assertThat(inf.parseDate("05/06/2022")).isEqualTo(LocalDate.of(2022, 6, 5));
        assertThat(shape(inf, "NN/NN/YYYY").pattern()).isEqualTo("dd/MM/yyyy");
        assertThat(shape(inf, "NN/NN/YYYY").decidedBy()).isEqualTo(DecidedBy.DEFAULT);
    }

    @Test
    void sameDayAndMonthIsNotAmbiguous() {
        DateInference inf = infer(DateOrder.DAY_FIRST, "05/05/2022");
        assertThat(shape(inf, "NN/NN/YYYY").ambiguous()).isZero();
        assertThat(inf.parseDate("05/05/2022")).isEqualTo(LocalDate.of(2022, 5, 5));
    }

    @Test
    void narrowFieldsAreReportedWithOneLetterPattern() {
        DateInference inf = infer(DateOrder.DAY_FIRST, "5/6/2022", "13/12/2022");
        assertThat(shape(inf, "NN/NN/YYYY").pattern()).isEqualTo("d/M/yyyy");
        assertThat(inf.parseDate("5/6/2022")).isEqualTo(LocalDate.of(2022, 6, 5));
    }

    // ---- year-first

    @Test
    void yearFirstShapesAreYearMonthDayWhateverTheDefault() {
        for (DateOrder order : DateOrder.values()) {
            DateInference inf = infer(order, "2022-05-06", "2022/05/07", "20220508", "2022.5.9");
            assertThat(inf.parseDate("2022-05-06")).isEqualTo(LocalDate.of(2022, 5, 6));
            assertThat(inf.parseDate("2022/05/07")).isEqualTo(LocalDate.of(2022, 5, 7));
            assertThat(inf.parseDate("20220508")).isEqualTo(LocalDate.of(2022, 5, 8));
            assertThat(inf.parseDate("2022.5.9")).isEqualTo(LocalDate.of(2022, 5, 9));
            assertThat(shape(inf, "YYYY-NN-NN").pattern()).isEqualTo("yyyy-MM-dd");
            assertThat(shape(inf, "YYYY-NN-NN").decidedBy()).isEqualTo(DecidedBy.ONLY_ORDER);
            assertThat(shape(inf, "YYYYNNNN").pattern()).isEqualTo("yyyyMMdd");
            assertThat(shape(inf, "YYYY.NN.NN").pattern()).isEqualTo("yyyy.M.d");
        }
    }

    @Test
    void yearFirstWithDayFirstEvidence() {
        DateInference inf = infer(DateOrder.MONTH_FIRST, "2022-13-05", "2022-06-05");
        assertThat(shape(inf, "YYYY-NN-NN").pattern()).isEqualTo("yyyy-dd-MM");
        assertThat(inf.parseDate("2022-06-05")).isEqualTo(LocalDate.of(2022, 5, 6));
    }

    // ---- rejects

    @Test
    void valueFittingNoShapeIsRejected() {
        DateInference inf = infer(DateOrder.MONTH_FIRST, "2022-05-06");
        assertThatThrownBy(() -> inf.parseDate("May 6, 2022"))
            .isInstanceOf(CoercionException.class).hasMessageContaining("fits no date shape");
        assertThatThrownBy(() -> inf.parseDate("2022-05"))
            .isInstanceOf(CoercionException.class);
    }

    @Test
    void valueOfAShapeNotSeenIsRejected() {
        DateInference inf = infer(DateOrder.MONTH_FIRST, "2022-05-06");
        assertThatThrownBy(() -> inf.parseDate("05/06/2022"))
            .isInstanceOf(CoercionException.class).hasMessageContaining("NN/NN/YYYY");
    }

    @Test
    void accumulatorCountsValuesWithoutShape() {
        DateInference.Accumulator acc = DateInference.accumulator(DateOrder.MONTH_FIRST);
        assertThat(acc.add("2022-05-06", 1)).isTrue();
        assertThat(acc.add("soon", 4)).isFalse();
        assertThat(acc.unmatched()).isEqualTo(4);
        assertThat(acc.result().shapes()).hasSize(1);
    }

    @Test
    void impossibleDayIsRejectedStrictly() {
        DateInference inf = infer(DateOrder.MONTH_FIRST, "2024-02-29", "2024-02-30", "02/30/2024");
        assertThat(inf.parseDate("2024-02-29")).isEqualTo(LocalDate.of(2024, 2, 29));
        assertThatThrownBy(() -> inf.parseDate("2024-02-30"))
            .isInstanceOf(CoercionException.class).hasMessageContaining("no such day");
        assertThatThrownBy(() -> inf.parseDate("2023-02-29")).isInstanceOf(CoercionException.class);
        assertThatThrownBy(() -> inf.parseDate("02/30/2024")).isInstanceOf(CoercionException.class);
        assertThatThrownBy(() -> inf.parseDate("2024-00-10")).isInstanceOf(CoercionException.class);
    }

    @Test
    void dateWithTimeIsNotALocalDate() {
        DateInference inf = infer(DateOrder.MONTH_FIRST, "2022-05-06T10:15");
        assertThatThrownBy(() -> inf.parseDate("2022-05-06T10:15"))
            .isInstanceOf(CoercionException.class).hasMessageContaining("time");
    }

    // ---- date-times

    @Test
    void dateTimesInSeveralShapes() {
        DateInference inf = infer(DateOrder.MONTH_FIRST, "2022-05-06T10:15", "2022-05-06 10:15:30",
            "13/05/2022 23:59:59.123", "2022-05-06");
        assertThat(inf.parseDateTime("2022-05-06T10:15")).isEqualTo(LocalDateTime.of(2022, 5, 6, 10, 15));
        assertThat(inf.parseDateTime("2022-05-06 10:15:30")).isEqualTo(LocalDateTime.of(2022, 5, 6, 10, 15, 30));
        assertThat(inf.parseDateTime("13/05/2022 23:59:59.123"))
            .isEqualTo(LocalDateTime.of(2022, 5, 13, 23, 59, 59, 123_000_000));
        assertThat(inf.parseDateTime("2022-05-06")).isEqualTo(LocalDateTime.of(2022, 5, 6, 0, 0));
        assertThat(shape(inf, "YYYY-NN-NN'T'HH:mm[:ss]").pattern()).isEqualTo("yyyy-MM-dd'T'HH:mm[:ss]");
        assertThat(shape(inf, "NN/NN/YYYY HH:mm[:ss]").pattern()).isEqualTo("dd/MM/yyyy HH:mm[:ss]");
    }

    @Test
    void impossibleTimeIsRejected() {
        DateInference inf = infer(DateOrder.MONTH_FIRST, "2022-05-06 10:15");
        assertThatThrownBy(() -> inf.parseDateTime("2022-05-06 24:00"))
            .isInstanceOf(CoercionException.class).hasMessageContaining("time");
        assertThatThrownBy(() -> inf.parseDateTime("2022-05-06 10:60"))
            .isInstanceOf(CoercionException.class);
    }

    // ---- property: every date round-trips in every supported spelling once its shape has evidence

    private static final List<String> SPELLINGS = List.of(
        "yyyy-MM-dd", "dd/MM/yyyy", "MM/dd/yyyy", "dd-MM-yyyy", "MM-dd-yyyy", "dd.MM.yyyy", "yyyy/MM/dd",
        "yyyyMMdd", "yyyy-M-d", "d/M/yyyy", "M/d/yyyy", "d-M-yyyy", "M-d-yyyy", "d.M.yyyy", "yyyy/M/d");

    @Test
    void everyDateInEverySpellingParsesBackWhenItsShapeHasEvidence() {
        long from = LocalDate.of(1900, 1, 1).toEpochDay();
        long to = LocalDate.of(2100, 12, 31).toEpochDay();
        qt().withExamples(20_000)
            .forAll(localDates().withDaysBetween(from, to), arbitrary().pick(SPELLINGS),
                arbitrary().enumValues(DateOrder.class))
            .checkAssert((date, spelling, defaultOrder) -> {
                DateTimeFormatter f = DateTimeFormatter.ofPattern(spelling);
                String text = f.format(date);
                String evidence = f.format(LocalDate.of(2000, 1, 13)); // day 13 cannot be a month
                DateInference inf = infer(defaultOrder, text, evidence);
                assertThat(inf.parseDate(text)).as("%s as %s", text, spelling).isEqualTo(date);
                assertThat(inf.shapes()).hasSize(1);
                assertThat(inf.shapes().get(0).decidedBy()).isEqualTo(DecidedBy.EVIDENCE);
            });
    }

    @Test
    void everyDateInAYearFirstSpellingParsesBackWithoutEvidence() {
        long from = LocalDate.of(1900, 1, 1).toEpochDay();
        long to = LocalDate.of(2100, 12, 31).toEpochDay();
        qt().withExamples(5_000)
            .forAll(localDates().withDaysBetween(from, to),
                arbitrary().pick("yyyy-MM-dd", "yyyy/MM/dd", "yyyyMMdd", "yyyy-M-d", "yyyy.MM.dd"),
                arbitrary().enumValues(DateOrder.class))
            .checkAssert((date, spelling, defaultOrder) -> {
                String text = DateTimeFormatter.ofPattern(spelling).format(date);
                assertThat(infer(defaultOrder, text).parseDate(text)).as(text).isEqualTo(date);
            });
    }

    @Test
    void shapesAreInAStableOrder() {
        List<DateShapeReport> a = infer(DateOrder.MONTH_FIRST, "05/06/2022", "2022-05-06", "05-06-2022").shapes();
        List<DateShapeReport> b = infer(DateOrder.MONTH_FIRST, "05-06-2022", "2022-05-06", "05/06/2022").shapes();
        assertThat(a).isEqualTo(b);
        assertThat(a).extracting(DateShapeReport::toMap).extracting(m -> m.get("shape"))
            .doesNotHaveDuplicates();
        assertThat(a.get(0).toMap()).containsKeys("pattern", "evidence", "ambiguous", "decided_by");
    }
}
