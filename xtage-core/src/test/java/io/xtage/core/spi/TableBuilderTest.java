package io.xtage.core.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.xtage.core.ReadResult;
import io.xtage.core.Reject;
import io.xtage.core.RejectKind;
import io.xtage.core.RejectPolicy;
import io.xtage.core.RejectedRecordException;
import io.xtage.core.TooManyRejectsException;
import io.xtage.core.coerce.CoercionOptions;
import io.xtage.core.coerce.DateOrder;
import io.xtage.core.coerce.DateShapeReport;
import io.xtage.core.internal.Texts;
import io.xtage.core.schema.ColumnSpec;
import io.xtage.core.schema.ColumnType;
import io.xtage.core.schema.Schema;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.DateColumn;
import tech.tablesaw.api.Table;

class TableBuilderTest {
    private static final String SRC = "sales.csv";

    private static final Schema SALES = Schema.builder()
        .column(ColumnSpec.of("id", ColumnType.LONG).required())
        .column("price", ColumnType.DOUBLE)
        .column("qty", ColumnType.INT)
        .column("paid", ColumnType.BOOLEAN)
        .column("note", ColumnType.STRING)
        .date("day", "yyyy-MM-dd")
        .build();

    private static TableBuilder builder(Schema schema, RejectPolicy policy) {
        return builder(schema, CoercionOptions.builder().missingTokens("NA").build(), policy);
    }

    private static TableBuilder builder(Schema schema, CoercionOptions options, RejectPolicy policy) {
        return new TableBuilder(SRC, schema, options, new RejectCollector(SRC, policy));
    }

    /** Feeds records given as arrays; record n starts on line n + 1 (a header is line 1). */
    private static void feed(TableBuilder b, String[]... records) {
        long n = b.recordsRead();
        for (String[] r : records) {
            n++;
            b.startRecord(n, n + 1);
            for (int i = 0; i < r.length; i++) {
                b.set(i, r[i]);
            }
            b.endRecord();
        }
    }

    private static String[] row(String... v) {
        return v;
    }

    @Test
    void buildsTypedColumns() {
        TableBuilder b = builder(SALES, RejectPolicy.lenient());
        feed(b, row("1", "9.99", "3", "yes", " hello ", "2022-12-06"),
            row("2", "1e3", "-4", "false", "x", "2024-02-29"));
        ReadResult r = b.finish(123);
        Table t = r.table();

        assertThat(t.name()).isEqualTo(SRC);
        assertThat(t.columnNames()).containsExactly("id", "price", "qty", "paid", "note", "day");
        assertThat(t.longColumn("id").asLongArray()).containsExactly(1L, 2L);
        assertThat(t.doubleColumn("price").asDoubleArray()).containsExactly(9.99, 1000.0);
        assertThat(t.intColumn("qty").asIntArray()).containsExactly(3, -4);
        assertThat(t.booleanColumn("paid").get(0)).isTrue();
        assertThat(t.booleanColumn("paid").get(1)).isFalse();
        assertThat(t.stringColumn("note").get(0)).isEqualTo("hello");
        assertThat(t.dateColumn("day").get(1)).isEqualTo(LocalDate.of(2024, 2, 29));
        assertThat(r.rejects()).isEmpty();
        assertThat(r.recordsRead()).isEqualTo(2);
        assertThat(r.report().bytesRead()).isEqualTo(123);
        assertThat(r.report().rejectPolicy()).isEqualTo("lenient");
    }

    @Test
    void blankTokensAndUnsetColumnsAreMissing() {
        TableBuilder b = builder(SALES, RejectPolicy.lenient());
        feed(b, row("1", "NA", " ", "", "NA"), row("2"));
        ReadResult r = b.finish(-1);
        Table t = r.table();

        assertThat(t.rowCount()).isEqualTo(2);
        assertThat(t.doubleColumn("price").isMissing(0)).isTrue();
        assertThat(t.intColumn("qty").isMissing(0)).isTrue();
        assertThat(t.booleanColumn("paid").isMissing(0)).isTrue();
        assertThat(t.stringColumn("note").isMissing(0)).isTrue();
        assertThat(t.dateColumn("day").isMissing(1)).isTrue();
        assertThat(r.rejects()).isEmpty();
        assertThat(r.report().missing()).containsEntry("price", 2L).containsEntry("note", 2L)
            .containsEntry("id", 0L);
    }

    @Test
    void badValueBecomesMissingAndATypeReject() {
        TableBuilder b = builder(SALES, RejectPolicy.lenient());
        feed(b, row("1", "9.99"), row("2", "abc", "3"));
        ReadResult r = b.finish(-1);

        assertThat(r.table().rowCount()).isEqualTo(2);
        assertThat(r.table().doubleColumn("price").isMissing(1)).isTrue();
        assertThat(r.table().intColumn("qty").get(1)).isEqualTo(3);
        assertThat(r.rejects()).singleElement().satisfies(x -> {
            assertThat(x.source()).isEqualTo(SRC);
            assertThat(x.recordNumber()).isEqualTo(2);
            assertThat(x.lineNumber()).hasValue(3);
            assertThat(x.column()).hasValue("price");
            assertThat(x.rawValue()).isEqualTo("abc");
            assertThat(x.reason()).isEqualTo("cannot parse 'abc' as DOUBLE (unexpected character 'a' at position 1)");
            assertThat(x.kind()).isEqualTo(RejectKind.TYPE);
            assertThat(x.isRowDropped()).isFalse();
            assertThat(x.message()).isEqualTo("sales.csv record 2 (line 3), column 'price': " + x.reason());
        });
        assertThat(r.report().valuesRejected()).isEqualTo(1);
        assertThat(r.report().rowsRejected()).isZero();
    }

    @Test
    void missingRequiredValueDropsTheRowWithAConstraintReject() {
        TableBuilder b = builder(SALES, RejectPolicy.lenient());
        feed(b, row("1"), row("NA", "2.5"), row("3"));
        ReadResult r = b.finish(-1);

        assertThat(r.table().longColumn("id").asLongArray()).containsExactly(1L, 3L);
        assertThat(r.rejects()).singleElement().satisfies(x -> {
            assertThat(x.kind()).isEqualTo(RejectKind.CONSTRAINT);
            assertThat(x.column()).hasValue("id");
            assertThat(x.recordNumber()).isEqualTo(2);
            assertThat(x.isRowDropped()).isTrue();
            assertThat(x.reason()).contains("required");
        });
        assertThat(r.report().rowsRead()).isEqualTo(3);
        assertThat(r.report().rowsRejected()).isEqualTo(1);
        assertThat(r.report().rowsOut()).isEqualTo(2);
    }

    @Test
    void badRequiredValueDropsTheRowAndMarksEveryRejectOfIt() {
        TableBuilder b = builder(SALES, RejectPolicy.lenient());
        feed(b, row("x1", "bad"));
        ReadResult r = b.finish(-1);

        assertThat(r.table().rowCount()).isZero();
        assertThat(r.rejects()).hasSize(2).allSatisfy(x -> assertThat(x.isRowDropped()).isTrue());
        assertThat(r.rejects()).extracting(x -> x.column().orElseThrow()).containsExactly("id", "price");
        assertThat(r.report().rowsRejected()).isEqualTo(1);
        assertThat(r.report().valuesRejected()).isZero();
    }

    @Test
    void rejectRecordLeavesTheWholeRecordOut() {
        TableBuilder b = builder(SALES, RejectPolicy.lenient());
        feed(b, row("1"));
        b.rejectRecord(2, 3, RejectKind.SHAPE, "expected 6 fields, found 9", "1,2,3,4,5,6,7,8,9");
        feed(b, row("3"));
        ReadResult r = b.finish(-1);

        assertThat(r.recordsRead()).isEqualTo(3);
        assertThat(r.table().longColumn("id").asLongArray()).containsExactly(1L, 3L);
        assertThat(r.rejects()).singleElement().satisfies(x -> {
            assertThat(x.kind()).isEqualTo(RejectKind.SHAPE);
            assertThat(x.column()).isEmpty();
            assertThat(x.lineNumber()).hasValue(3);
            assertThat(x.rawValue()).isEqualTo("1,2,3,4,5,6,7,8,9");
            assertThat(x.isRowDropped()).isTrue();
        });
    }

    @Test
    void rawValuesAreTruncatedTo256CharactersAndAMarker() {
        TableBuilder b = builder(SALES, RejectPolicy.lenient());
        String huge = "9".repeat(250) + "x".repeat(50);
        feed(b, row("1", huge));
        Reject x = b.finish(-1).rejects().get(0);

        assertThat(x.rawValue()).startsWith(huge.substring(0, 256)).endsWith("…[44 more chars]");
        assertThat(x.rawValue()).hasSize(256 + "…[44 more chars]".length());
        assertThat(x.reason()).contains("…[44 more chars]").doesNotContain(huge);
        assertThat(Texts.MAX_RAW).isEqualTo(256);
    }

    // ---- policies

    @Test
    void strictPolicyThrowsWithTheReject() {
        TableBuilder b = builder(SALES, RejectPolicy.strict());
        feed(b, row("1", "2.5"));
        b.startRecord(2, 3);
        b.set(0, "2");
        b.set(2, "three");
        assertThatThrownBy(b::endRecord).isInstanceOfSatisfying(RejectedRecordException.class, e -> {
            assertThat(e.reject().recordNumber()).isEqualTo(2);
            assertThat(e.reject().column()).hasValue("qty");
            assertThat(e.reject().rawValue()).isEqualTo("three");
            assertThat(e.getMessage()).isEqualTo(e.reject().message());
        });
    }

    @Test
    void strictPolicyThrowsOnRejectedRecord() {
        TableBuilder b = builder(SALES, RejectPolicy.strict());
        assertThatThrownBy(() -> b.rejectRecord(1, 2, RejectKind.PARSE, "unclosed quote", "\"abc"))
            .isInstanceOfSatisfying(RejectedRecordException.class,
                e -> assertThat(e.reject().kind()).isEqualTo(RejectKind.PARSE));
    }

    @Test
    void maxRowsThrowsOnceMoreRowsHaveARejectThanAllowed() {
        TableBuilder b = builder(SALES, RejectPolicy.maxRows(2));
        feed(b, row("1", "a", "b"), row("2"), row("3", "c"));
        b.startRecord(4, 5);
        b.set(0, "4");
        b.set(1, "d");
        assertThatThrownBy(b::endRecord).isInstanceOfSatisfying(TooManyRejectsException.class, e -> {
            assertThat(e.limit()).isEqualTo("max_rows(2)");
            assertThat(e.firstRejects()).hasSize(4);
            assertThat(e.firstRejects().get(0).column()).hasValue("price");
            assertThat(e.getMessage()).contains("3 of 4 records rejected").contains("max_rows(2)");
        });
    }

    @Test
    void maxRowsAllowsExactlyTheLimit() {
        TableBuilder b = builder(SALES, RejectPolicy.maxRows(2));
        feed(b, row("1", "a"), row("2"), row("3", "c"));
        assertThat(b.finish(-1).rejects()).hasSize(2);
    }

    @Test
    void maxFractionIsCheckedWhenTheReadEnds() {
        TableBuilder b = builder(SALES, RejectPolicy.maxFraction(0.25));
        feed(b, row("1", "a"), row("2"), row("3", "c"), row("4"));
        assertThatThrownBy(() -> b.finish(-1)).isInstanceOfSatisfying(TooManyRejectsException.class, e -> {
            assertThat(e.limit()).isEqualTo("max_fraction(0.25)");
            assertThat(e.getMessage()).contains("2 of 4 records rejected");
        });
    }

    @Test
    void maxFractionAllowsExactlyTheLimit() {
        TableBuilder b = builder(SALES, RejectPolicy.maxFraction(0.5));
        feed(b, row("1", "a"), row("2"), row("3", "c"), row("4"));
        assertThat(b.finish(-1).report().rejectPolicy()).isEqualTo("max_fraction(0.5)");
    }

    // ---- deferred date columns

    private static final Schema EVENTS = Schema.builder()
        .column(ColumnSpec.of("id", ColumnType.LONG).required())
        .date("day")
        .build();

    @Test
    void deferredDateColumnInfersEachShapeFromAllValues() {
        TableBuilder b = builder(EVENTS, RejectPolicy.lenient());
        feed(b, row("1", "05/06/2022"), row("2", "05-06-2022"), row("3", "2022-12-06"),
            row("4", "05/13/2022"), row("5", "13-05-2022"), row("6", null));
        ReadResult r = b.finish(-1);
        DateColumn day = r.table().dateColumn("day");

        assertThat(day.get(0)).isEqualTo(LocalDate.of(2022, 5, 6));
        assertThat(day.get(1)).isEqualTo(LocalDate.of(2022, 6, 5));
        assertThat(day.get(2)).isEqualTo(LocalDate.of(2022, 12, 6));
        assertThat(day.isMissing(5)).isTrue();
        assertThat(r.rejects()).isEmpty();
        List<DateShapeReport> shapes = r.report().dateFormats().get("day");
        assertThat(shapes).extracting(DateShapeReport::pattern)
            .containsExactlyInAnyOrder("MM/dd/yyyy", "dd-MM-yyyy", "yyyy-MM-dd");
        assertThat(shapes).filteredOn(s -> s.pattern().equals("MM/dd/yyyy")).singleElement()
            .satisfies(s -> {
                assertThat(s.values()).isEqualTo(2);
                assertThat(s.evidence()).isEqualTo(1);
                assertThat(s.ambiguous()).isEqualTo(1);
            });
    }

    @Test
    void deferredDateColumnUsesTheDeclaredDefaultWithoutEvidence() {
        CoercionOptions dayFirst = CoercionOptions.builder().defaultDateOrder(DateOrder.DAY_FIRST).build();
        TableBuilder b = builder(EVENTS, dayFirst, RejectPolicy.lenient());
        feed(b, row("1", "05/06/2022"));
        ReadResult r = b.finish(-1);
        assertThat(r.table().dateColumn("day").get(0)).isEqualTo(LocalDate.of(2022, 6, 5));
        assertThat(r.report().dateFormats().get("day").get(0).decidedBy())
            .isEqualTo(DateShapeReport.DecidedBy.DEFAULT);
    }

    @Test
    void deferredValueNotFittingBecomesARejectAfterFinish() {
        TableBuilder b = builder(EVENTS, RejectPolicy.lenient());
        feed(b, row("1", "2022-12-06"), row("2", "soon"), row("3", "2024-02-30"), row("4", "2022-12-07"));
        ReadResult r = b.finish(-1);
        DateColumn day = r.table().dateColumn("day");

        assertThat(r.table().rowCount()).isEqualTo(4);
        assertThat(day.isMissing(1)).isTrue();
        assertThat(day.isMissing(2)).isTrue();
        assertThat(day.get(3)).isEqualTo(LocalDate.of(2022, 12, 7));
        assertThat(r.rejects()).hasSize(2).allSatisfy(x -> {
            assertThat(x.kind()).isEqualTo(RejectKind.TYPE);
            assertThat(x.column()).hasValue("day");
            assertThat(x.isRowDropped()).isFalse();
        });
        assertThat(r.rejects()).extracting(Reject::recordNumber).containsExactly(2L, 3L);
        assertThat(r.rejects()).extracting(x -> x.lineNumber().orElse(-1)).containsExactly(3L, 4L);
        assertThat(r.rejects()).extracting(Reject::rawValue).containsExactly("soon", "2024-02-30");
        assertThat(r.report().valuesRejected()).isEqualTo(2);
        assertThat(r.report().missing()).containsEntry("day", 2L);
    }

    @Test
    void lateRejectKeepsTheRecordsLineAndColumnNumber() {
        TableBuilder b = builder(EVENTS, RejectPolicy.lenient());
        b.startRecord(1, 4, 17);
        b.set(0, "1");
        b.set(1, "soon");
        b.endRecord();
        Reject x = b.finish(-1).rejects().get(0);
        assertThat(x.lineNumber()).hasValue(4);
        assertThat(x.columnNumber()).hasValue(17);
    }

    @Test
    void requiredDeferredValueNotFittingDropsTheRowAfterFinish() {
        Schema s = Schema.builder().column("id", ColumnType.LONG).column(ColumnSpec.date("day").required())
            .column("n", ColumnType.LONG).build();
        TableBuilder b = builder(s, RejectPolicy.lenient());
        feed(b, row("1", "2022-12-06"), row("2", "soon", "x"), row("3", "2022-12-08"));
        ReadResult r = b.finish(-1);

        assertThat(r.table().longColumn("id").asLongArray()).containsExactly(1L, 3L);
        assertThat(r.table().dateColumn("day").get(1)).isEqualTo(LocalDate.of(2022, 12, 8));
        assertThat(r.report().rowsRejected()).isEqualTo(1);
        // the bad 'n' of the dropped row is not a value replaced by missing: its row is gone
        assertThat(r.rejects()).hasSize(2).allSatisfy(x -> {
            assertThat(x.recordNumber()).isEqualTo(2);
            assertThat(x.isRowDropped()).isTrue();
        });
        assertThat(r.report().valuesRejected()).isZero();
    }

    @Test
    void deferredDateTimeColumn() {
        Schema s = Schema.of(ColumnSpec.of("at", ColumnType.LOCAL_DATE_TIME));
        TableBuilder b = builder(s, RejectPolicy.lenient());
        feed(b, row("2022-12-06T10:15"), row("13/05/2022 23:59:59"), row("2022-12-06"), row("later"));
        ReadResult r = b.finish(-1);
        assertThat(r.table().dateTimeColumn("at").get(0)).isEqualTo(LocalDateTime.of(2022, 12, 6, 10, 15));
        assertThat(r.table().dateTimeColumn("at").get(1)).isEqualTo(LocalDateTime.of(2022, 5, 13, 23, 59, 59));
        assertThat(r.table().dateTimeColumn("at").get(2)).isEqualTo(LocalDateTime.of(2022, 12, 6, 0, 0));
        assertThat(r.rejects()).singleElement().satisfies(x -> assertThat(x.rawValue()).isEqualTo("later"));
    }

    @Test
    void declaredDateTimeFormats() {
        Schema s = Schema.of(ColumnSpec.of("at", ColumnType.LOCAL_DATE_TIME)
            .withFormats(List.of("yyyy-MM-dd HH:mm")));
        TableBuilder b = builder(s, RejectPolicy.lenient());
        feed(b, row("2022-12-06 10:15"), row("2022-12-06T10:15"));
        ReadResult r = b.finish(-1);
        assertThat(r.table().dateTimeColumn("at").get(0)).isEqualTo(LocalDateTime.of(2022, 12, 6, 10, 15));
        assertThat(r.table().dateTimeColumn("at").isMissing(1)).isTrue();
        assertThat(r.rejects()).singleElement().satisfies(x -> assertThat(x.kind()).isEqualTo(RejectKind.TYPE));
    }

    @Test
    void deferredColumnsKeepManyRowsInOrder() {
        TableBuilder b = builder(EVENTS, RejectPolicy.lenient());
        LocalDate start = LocalDate.of(2000, 1, 1);
        for (int i = 0; i < 5000; i++) {
            feed(b, row(String.valueOf(i), start.plusDays(i % 400).toString()));
        }
        ReadResult r = b.finish(-1);
        assertThat(r.table().rowCount()).isEqualTo(5000);
        assertThat(r.table().dateColumn("day").get(4321)).isEqualTo(start.plusDays(4321 % 400));
    }
}
