package io.xtage.core.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.arbitrary;
import static org.quicktheories.generators.SourceDSL.booleans;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import io.xtage.core.ReadResult;
import io.xtage.core.Reject;
import io.xtage.core.RejectKind;
import io.xtage.core.RejectPolicy;
import io.xtage.core.coerce.CoercionOptions;
import io.xtage.core.schema.ColumnSpec;
import io.xtage.core.schema.ColumnType;
import io.xtage.core.schema.Schema;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

/**
 * The row-accounting invariant: every record read is either a row of the table or a record with a
 * row-dropping reject, never both, never neither.
 */
class TableBuilder_PropertiesTest {

    /** What a generated cell holds. */
    enum Cell { GOOD, BAD, LATE_BAD, MISSING }

    /** A value column: its type, the text for each kind of cell, whether it is required. */
    private static final class Col {
        final ColumnSpec spec;
        final String good;
        final String bad;
        final String lateBad; // fits at read time but fails after inference (deferred dates only)

        Col(ColumnSpec spec, String good, String bad, String lateBad) {
            this.spec = spec;
            this.good = good;
            this.bad = bad;
            this.lateBad = lateBad;
        }
    }

    private static final List<Col> KINDS = List.of(
        new Col(ColumnSpec.of("l", ColumnType.LONG), "42", "4x2", null),
        new Col(ColumnSpec.of("i", ColumnType.INT), "-7", "99999999999", null),
        new Col(ColumnSpec.of("d", ColumnType.DOUBLE), "2.5e3", "2,5", null),
        new Col(ColumnSpec.of("b", ColumnType.BOOLEAN), "yes", "maybe", null),
        new Col(ColumnSpec.of("s", ColumnType.STRING), "text", null, null),
        new Col(ColumnSpec.date("fd", "yyyy-MM-dd"), "2022-12-06", "2022-02-30", null),
        new Col(ColumnSpec.date("dd"), "2022-12-06", "not a date", "2022-02-30"),
        new Col(ColumnSpec.of("dt", ColumnType.LOCAL_DATE_TIME), "2022-12-06T10:15", "noon", "2022-12-06T25:15"));

    /** One generated read: which columns, which are required, and the records. */
    private static final class Case {
        final List<Col> cols;
        final List<Boolean> required;
        final List<List<Cell>> records; // null entry: a record rejected whole

        Case(List<Col> cols, List<Boolean> required, List<List<Cell>> records) {
            this.cols = cols;
            this.required = required;
            this.records = records;
        }

        @Override
        public String toString() {
            return cols.stream().map(c -> c.spec.name()).collect(Collectors.toList()) + " required " + required
                + " records " + records;
        }
    }

    private static Gen<Case> cases() {
        Gen<List<Integer>> colPicks = lists().of(integers().between(0, KINDS.size() - 1)).ofSizeBetween(1, 5);
        return colPicks.flatMap(picks -> {
            List<Col> cols = new ArrayList<>();
            for (int k = 0; k < picks.size(); k++) {
                Col c = KINDS.get(picks.get(k));
                cols.add(new Col(c.spec.withName(c.spec.name() + k), c.good, c.bad, c.lateBad));
            }
            Gen<List<Boolean>> required = lists().of(booleans().all()).ofSize(cols.size());
            Gen<List<Cell>> record = lists().of(arbitrary().enumValues(Cell.class)).ofSize(cols.size());
            Gen<List<Cell>> recordOrWhole = integers().between(0, 9).zip(record, (n, r) -> n == 0 ? null : r);
            Gen<List<List<Cell>>> records = lists().of(recordOrWhole).ofSizeBetween(0, 40);
            return required.zip(records, (req, recs) -> new Case(cols, req, recs));
        });
    }

    @Test
    void recordsReadEqualsRowsPlusRowsRejected() {
        qt().withExamples(1_000).forAll(cases()).checkAssert(TableBuilder_PropertiesTest::check);
    }

    private static void check(Case c) {
        List<ColumnSpec> specs = new ArrayList<>();
        specs.add(ColumnSpec.of("record", ColumnType.LONG));
        for (int k = 0; k < c.cols.size(); k++) {
            ColumnSpec s = c.cols.get(k).spec;
            specs.add(c.required.get(k) ? s.required() : s);
        }
        RejectCollector collector = new RejectCollector("gen", RejectPolicy.lenient());
        TableBuilder b = new TableBuilder("gen", Schema.of(specs), CoercionOptions.DEFAULT, collector);
        Set<Long> expectedKept = new TreeSet<>();
        long valueRejects = 0;
        for (int n = 0; n < c.records.size(); n++) {
            long record = n + 1;
            List<Cell> cells = c.records.get(n);
            if (cells == null) {
                b.rejectRecord(record, record + 1, RejectKind.SHAPE, "wrong field count", "a,b,c");
                continue;
            }
            b.startRecord(record, record + 1);
            b.set(0, String.valueOf(record));
            boolean drop = false;
            long bad = 0;
            for (int k = 0; k < cells.size(); k++) {
                Col col = c.cols.get(k);
                String text = text(col, cells.get(k));
                if (text != null) {
                    b.set(k + 1, text);
                }
                boolean unusable = text == null || !text.equals(col.good);
                if (unusable && c.required.get(k)) {
                    drop = true;
                }
                if (text != null && !text.equals(col.good)) {
                    bad++;
                }
            }
            b.endRecord();
            if (!drop) {
                expectedKept.add(record);
                valueRejects += bad;
            }
        }
        ReadResult r = b.finish(-1);

        long read = c.records.size();
        assertThat(r.recordsRead()).isEqualTo(read);
        assertThat(r.table().rowCount() + r.report().rowsRejected()).isEqualTo(read);
        Set<Long> kept = new TreeSet<>();
        for (long v : r.table().longColumn("record").asLongArray()) {
            kept.add(v);
        }
        assertThat(kept).isEqualTo(expectedKept);
        Set<Long> dropped = r.rejects().stream().filter(Reject::isRowDropped).map(Reject::recordNumber)
            .collect(Collectors.toCollection(TreeSet::new));
        assertThat(dropped).hasSize((int) r.report().rowsRejected());
        assertThat(java.util.Collections.disjoint(dropped, kept)).as("dropped %s, kept %s", dropped, kept).isTrue();
        assertThat(r.rejects()).filteredOn(x -> !x.isRowDropped()).extracting(Reject::recordNumber)
            .allSatisfy(x -> assertThat(kept).contains(x));
        assertThat(r.report().valuesRejected()).isEqualTo(valueRejects);
        assertThat(r.rejects()).extracting(Reject::recordNumber).isSorted();
    }

    private static String text(Col col, Cell cell) {
        switch (cell) {
            case GOOD:
                return col.good;
            case BAD:
                return col.bad;
            case LATE_BAD:
                return col.lateBad != null ? col.lateBad : col.bad;
            default:
                return null;
        }
    }
}
