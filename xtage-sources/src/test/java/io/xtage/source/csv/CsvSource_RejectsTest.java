package io.xtage.source.csv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.xtage.core.ReadResult;
import io.xtage.core.Reject;
import io.xtage.core.RejectKind;
import io.xtage.core.RejectPolicy;
import io.xtage.core.RejectedRecordException;
import io.xtage.core.TooManyRejectsException;
import io.xtage.core.schema.ColumnSpec;
import io.xtage.core.schema.ColumnType;
import io.xtage.core.schema.Schema;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class CsvSource_RejectsTest {
    private static final String RAGGED = "id,name,price\n1,Ann,2.5\n2,Bob\n3,Cy,1.0,extra\n4,Di,3\n";

    @Test
    void rejectsRecordWithTooFewFields() {
        ReadResult r = CsvFixtures.read(RAGGED);

        assertThat(r.rejects()).filteredOn(x -> x.recordNumber() == 2).singleElement().satisfies(x -> {
            assertThat(x.kind()).isEqualTo(RejectKind.SHAPE);
            assertThat(x.isRowDropped()).isTrue();
            assertThat(x.lineNumber()).hasValue(3);
            assertThat(x.column()).isEmpty();
            assertThat(x.reason()).isEqualTo("expected 3 fields, found 2");
            assertThat(x.rawValue()).isEqualTo("2,Bob");
            assertThat(x.source()).isEqualTo(CsvFixtures.NAME);
        });
    }

    @Test
    void rejectsRecordWithTooManyFields() {
        ReadResult r = CsvFixtures.read(RAGGED);

        assertThat(r.rejects()).filteredOn(x -> x.recordNumber() == 3).singleElement().satisfies(x -> {
            assertThat(x.kind()).isEqualTo(RejectKind.SHAPE);
            assertThat(x.lineNumber()).hasValue(4);
            assertThat(x.reason()).isEqualTo("expected 3 fields, found 4");
        });
    }

    @Test
    void raggedRowsAreDroppedAndCounted() {
        ReadResult r = CsvFixtures.read(RAGGED);

        assertThat(Tables.column(r.table(), "id")).containsExactly(1L, 4L);
        assertThat(r.recordsRead()).isEqualTo(4);
        assertThat(r.report().rowsRejected()).isEqualTo(2);
        assertThat(r.recordsRead()).isEqualTo(r.table().rowCount() + r.report().rowsRejected());
    }

    @Test
    void raggedRowsInsideTheSampleDoNotChangeInferredTypes() {
        ReadResult r = CsvFixtures.read("a,b\n1,2\nx\n3,4\n");

        assertThat(r.table().column("a").type().name()).isEqualTo("LONG");
    }

    @Test
    void valueAfterTheSampleThatDoesNotFitIsATypeRejectNotACrash() {
        CsvOptions sampleTwo = CsvOptions.DEFAULT.toBuilder().sampleRows(2).build();

        ReadResult r = CsvFixtures.read("id,price\n1,2.5\n2,3.5\n3,abc\n4,1\n", sampleTwo);

        assertThat(r.table().rowCount()).isEqualTo(4);
        assertThat(Tables.column(r.table(), "price")).containsExactly(2.5, 3.5, null, 1.0);
        assertThat(r.rejects()).singleElement().satisfies(x -> {
            assertThat(x.kind()).isEqualTo(RejectKind.TYPE);
            assertThat(x.isRowDropped()).isFalse();
            assertThat(x.recordNumber()).isEqualTo(3);
            assertThat(x.lineNumber()).hasValue(4);
            assertThat(x.column()).hasValue("price");
            assertThat(x.rawValue()).isEqualTo("abc");
        });
        assertThat(r.report().valuesRejected()).isEqualTo(1);
    }

    @Test
    void requiredColumnMissingDropsTheRecord() {
        Schema s = Schema.of(ColumnSpec.of("id", ColumnType.LONG).required(), ColumnSpec.of("v", ColumnType.STRING));

        ReadResult r = CsvFixtures.read("id,v\n1,a\n,b\n", s);

        assertThat(r.table().rowCount()).isEqualTo(1);
        assertThat(r.rejects()).singleElement().satisfies(x -> {
            assertThat(x.kind()).isEqualTo(RejectKind.CONSTRAINT);
            assertThat(x.isRowDropped()).isTrue();
        });
    }

    @Test
    void strictPolicyFailsAtTheFirstRaggedRecord() {
        assertThatThrownBy(() -> CsvFixtures.read(RAGGED.getBytes(StandardCharsets.UTF_8), CsvOptions.DEFAULT, null,
            RejectPolicy.strict()))
            .isInstanceOf(RejectedRecordException.class)
            .satisfies(e -> {
                Reject x = ((RejectedRecordException) e).reject();
                assertThat(x.recordNumber()).isEqualTo(2);
                assertThat(x.kind()).isEqualTo(RejectKind.SHAPE);
            });
    }

    @Test
    void maxRowsPolicyFailsPastTheLimit() {
        assertThatThrownBy(() -> CsvFixtures.read(RAGGED.getBytes(StandardCharsets.UTF_8), CsvOptions.DEFAULT, null,
            RejectPolicy.maxRows(1)))
            .isInstanceOf(TooManyRejectsException.class);
    }

    @Test
    void maxRowsPolicyAllowsUpToTheLimit() {
        ReadResult r = CsvFixtures.read(RAGGED.getBytes(StandardCharsets.UTF_8), CsvOptions.DEFAULT, null,
            RejectPolicy.maxRows(2));

        assertThat(r.report().rowsRejected()).isEqualTo(2);
        assertThat(r.report().rejectPolicy()).isEqualTo("max_rows(2)");
    }
}
