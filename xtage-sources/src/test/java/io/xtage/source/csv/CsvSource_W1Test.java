package io.xtage.source.csv;

import static org.assertj.core.api.Assertions.assertThat;

import io.xtage.core.ReadResult;
import io.xtage.core.Reject;
import io.xtage.core.RejectKind;
import io.xtage.core.coerce.DateShapeReport;
import io.xtage.core.schema.ColumnType;
import io.xtage.core.schema.Schema;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The W1 sales file: snake_case headers, mixed date spellings in one column, dirty numbers. */
class CsvSource_W1Test {
    private static final Schema SALES = Schema.builder()
        .column("transaction_id", ColumnType.LONG)
        .column("product_id", ColumnType.LONG)
        .column("quantity", ColumnType.INT)
        .column("price", ColumnType.DOUBLE)
        .date("transaction_date")
        .build();

    private static ReadResult result;

    @BeforeAll
    static void read() throws URISyntaxException {
        Path file = Path.of(CsvSource_W1Test.class.getResource("sales_data.csv").toURI());
        result = CsvSource.builder().path(file).schema(SALES).build().read();
    }

    private static DateShapeReport shape(String shape) {
        return result.report().dateFormats().get("transaction_date").stream().filter(s -> s.shape().equals(shape))
            .findFirst().orElseThrow(() -> new AssertionError("no shape " + shape + " in "
                + result.report().dateFormats()));
    }

    @Test
    void reportHasOneEntryPerDateShape() {
        List<DateShapeReport> shapes = result.report().dateFormats().get("transaction_date");

        assertThat(shapes).extracting(DateShapeReport::shape)
            .containsExactlyInAnyOrder("YYYY-NN-NN", "NN/NN/YYYY", "NN-NN-YYYY");
    }

    @Test
    void slashShapeIsDayFirstByEvidence() {
        DateShapeReport s = shape("NN/NN/YYYY");

        assertThat(s.pattern()).isEqualTo("dd/MM/yyyy");
        assertThat(s.decidedBy()).isEqualTo(DateShapeReport.DecidedBy.EVIDENCE);
        assertThat(s.values()).isEqualTo(3);
        assertThat(s.evidence()).isEqualTo(2);
        assertThat(s.ambiguous()).isEqualTo(1);
    }

    @Test
    void dashShapeIsMonthFirstByEvidence() {
        DateShapeReport s = shape("NN-NN-YYYY");

        assertThat(s.pattern()).isEqualTo("MM-dd-yyyy");
        assertThat(s.decidedBy()).isEqualTo(DateShapeReport.DecidedBy.EVIDENCE);
        assertThat(s.evidence()).isEqualTo(2);
    }

    @Test
    void datesParseByTheirShape() {
        List<Object> days = Tables.column(result.table(), "transaction_date");

        assertThat(days.get(0)).isEqualTo(LocalDate.of(2022, 12, 6));
        assertThat(days.get(1)).isEqualTo(LocalDate.of(2022, 5, 13));
        assertThat(days.get(2)).isEqualTo(LocalDate.of(2022, 5, 13));
        assertThat(days.get(7)).isEqualTo(LocalDate.of(2023, 2, 1));
        assertThat(days.get(8)).isEqualTo(LocalDate.of(2023, 2, 3));
        assertThat(days.get(3)).isNull();
    }

    @Test
    void impossibleAndUnshapedDatesAreTypeRejectsWithTheirLines() {
        assertThat(result.rejects()).extracting(Reject::recordNumber, r -> r.lineNumber().getAsLong(), Reject::rawValue)
            .containsExactly(org.assertj.core.groups.Tuple.tuple(10L, 11L, "2022-02-30"),
                org.assertj.core.groups.Tuple.tuple(11L, 12L, "not a date"));
        assertThat(result.rejects()).allSatisfy(r -> {
            assertThat(r.kind()).isEqualTo(RejectKind.TYPE);
            assertThat(r.column()).hasValue("transaction_date");
            assertThat(r.isRowDropped()).isFalse();
        });
    }

    @Test
    void numbersKeepTheirExactDoubles() {
        List<Object> price = Tables.column(result.table(), "price");

        assertThat(price.get(5)).isEqualTo(1241.0099999999998);
        assertThat(price.get(11)).isEqualTo(276.65999999999997);
        assertThat(price.get(4)).isEqualTo(-3.0);
        assertThat(price.get(8)).isNull();
    }

    @Test
    void everyRecordIsKeptAndCounted() {
        assertThat(result.recordsRead()).isEqualTo(12);
        assertThat(result.table().rowCount()).isEqualTo(12);
        assertThat(result.report().valuesRejected()).isEqualTo(2);
        assertThat(result.report().missing()).containsEntry("transaction_date", 3L).containsEntry("quantity", 1L);
    }
}
