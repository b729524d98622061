package io.xtage.core.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.xtage.core.Reject;
import io.xtage.core.RejectKind;
import io.xtage.core.RejectPolicy;
import io.xtage.core.RejectedRecordException;
import io.xtage.core.TooManyRejectsException;
import org.junit.jupiter.api.Test;

class RejectCollectorTest {

    private static Reject value(long record, String column) {
        return Reject.builder("s", record).column(column).rawValue("x").reason("bad").kind(RejectKind.TYPE).build();
    }

    private static Reject row(long record) {
        return Reject.builder("s", record).reason("short").kind(RejectKind.SHAPE).rowDropped(true).build();
    }

    @Test
    void countsEachRowOnceHoweverManyRejectsItHas() {
        RejectCollector c = new RejectCollector("s", RejectPolicy.lenient());
        c.add(value(1, "a"));
        c.add(value(1, "b"));
        c.add(row(2));
        c.add(value(3, "a"));
        assertThat(c.rowsWithReject()).isEqualTo(3);
        assertThat(c.rowsDropped()).isEqualTo(1);
        assertThat(c.valuesRejected()).isEqualTo(3);
        assertThat(c.rejects()).hasSize(4);
    }

    @Test
    void strictThrowsAtTheFirstAndKeepsNothing() {
        RejectCollector c = new RejectCollector("s", RejectPolicy.strict());
        Reject r = value(1, "a");
        assertThatThrownBy(() -> c.add(r)).isInstanceOfSatisfying(RejectedRecordException.class,
            e -> assertThat(e.reject()).isEqualTo(r));
        assertThat(c.rejects()).isEmpty();
    }

    @Test
    void maxRowsZeroFailsAtTheFirstRowWithAReject() {
        RejectCollector c = new RejectCollector("s", RejectPolicy.maxRows(0));
        assertThatThrownBy(() -> c.add(value(7, "a"))).isInstanceOfSatisfying(TooManyRejectsException.class, e -> {
            assertThat(e.firstRejects()).hasSize(1);
            assertThat(e.limit()).isEqualTo("max_rows(0)");
        });
    }

    @Test
    void tooManyRejectsKeepsOnlyTheFirstTwenty() {
        RejectCollector c = new RejectCollector("s", RejectPolicy.maxFraction(0.1));
        for (int i = 1; i <= 50; i++) {
            c.add(value(i, "a"));
        }
        assertThatThrownBy(() -> c.finish(100)).isInstanceOfSatisfying(TooManyRejectsException.class, e -> {
            assertThat(e.firstRejects()).hasSize(TooManyRejectsException.KEPT);
            assertThat(e.firstRejects().get(0).recordNumber()).isEqualTo(1);
            assertThat(e.getMessage()).startsWith("s: 50 of 100 records rejected");
        });
    }

    @Test
    void fractionIsNotCheckedOnAnEmptyRead() {
        new RejectCollector("s", RejectPolicy.maxFraction(0)).finish(0);
    }

    @Test
    void markRowsDroppedTurnsValueRejectsIntoRowRejects() {
        RejectCollector c = new RejectCollector("s", RejectPolicy.lenient());
        c.add(value(1, "a"));
        c.add(value(2, "a"));
        c.add(row(2));
        c.markRowsDropped(java.util.Set.of(2L));
        assertThat(c.valuesRejected()).isEqualTo(1);
        assertThat(c.rowsDropped()).isEqualTo(1);
        assertThat(c.rejects()).filteredOn(Reject::isRowDropped).extracting(Reject::recordNumber)
            .containsExactly(2L, 2L);
    }
}
