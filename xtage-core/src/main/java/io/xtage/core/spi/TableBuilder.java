package io.xtage.core.spi;

import io.xtage.core.CoercionException;
import io.xtage.core.ReadResult;
import io.xtage.core.Reject;
import io.xtage.core.RejectKind;
import io.xtage.core.coerce.Coercers;
import io.xtage.core.coerce.CoercionOptions;
import io.xtage.core.coerce.DateInference;
import io.xtage.core.coerce.DatePatterns;
import io.xtage.core.internal.ColumnArrays;
import io.xtage.core.internal.StringColumns;
import io.xtage.core.report.SourceReport;
import io.xtage.core.schema.ColumnSpec;
import io.xtage.core.schema.Schema;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tech.tablesaw.api.BooleanColumn;
import tech.tablesaw.api.DateColumn;
import tech.tablesaw.api.DateTimeColumn;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * Turns records of raw text into typed Tablesaw columns, recording every value it cannot use.
 * For source implementors: every source feeds its records through one of these, so that
 * coercion, rejects, date inference and the report work the same for CSV, JSON, HTTP and JDBC.
 *
 * <pre>{@code
 * TableBuilder b = new TableBuilder(name, schema, options, new RejectCollector(name, policy));
 * for each record:
 *     b.startRecord(recordNumber, lineNumber);
 *     b.set(0, "42"); b.set(1, "3.5"); ...     // unset columns are missing
 *     b.endRecord();                            // or b.rejectRecord(...) for a whole-record problem
 * ReadResult r = b.finish(bytesRead);
 * }</pre>
 *
 * <p>Values: text is trimmed, blank text and the declared missing tokens are missing. A value that
 * does not fit its column becomes missing and a {@link Reject} (kind TYPE), unless the column is
 * required, in which case the record is left out (kind CONSTRAINT). A date column without
 * declared formats keeps the distinct spellings and infers their formats per shape in
 * {@link #finish(long)}, from every value of the read, so that its report is complete.
 *
 * <p>Not thread-safe: one per read.
 *
 * @since 0.1.0
 */
public final class TableBuilder {
    private static final Logger log = LoggerFactory.getLogger(TableBuilder.class);

    private final String source;
    private final Schema schema;
    private final CoercionOptions options;
    private final RejectCollector rejects;
    private final Col[] cols;
    private final CharSequence[] staged;
    private final boolean anyDeferred;
    private final long startNanos = System.nanoTime();
    private long recordNumber = -1;
    private long lineNumber = -1;
    private long columnNumber = -1;
    private long recordsRead;
    private int rows;
    // record, line and column number of each kept row, only when a deferred column may reject later
    private long[] rowRecords;
    private long[] rowLines;
    private long[] rowColumns;
    private final List<Reject> pending = new ArrayList<>(4);

    /**
     * @param source the source name, used in rejects
     * @param schema the columns to build, in order
     * @param options how text becomes values
     * @param rejects where rejects go, with the read's policy
     * @since 0.1.0
     */
    public TableBuilder(String source, Schema schema, CoercionOptions options, RejectCollector rejects) {
        this.source = Objects.requireNonNull(source, "source");
        this.schema = Objects.requireNonNull(schema, "schema");
        this.options = Objects.requireNonNull(options, "options");
        this.rejects = Objects.requireNonNull(rejects, "rejects");
        this.cols = new Col[schema.size()];
        boolean deferred = false;
        for (int i = 0; i < cols.length; i++) {
            cols[i] = Col.of(schema.column(i), options);
            deferred |= cols[i] instanceof DeferredDateCol;
        }
        this.anyDeferred = deferred;
        this.staged = new CharSequence[cols.length];
        if (deferred) {
            rowRecords = new long[1024];
            rowLines = new long[1024];
            rowColumns = new long[1024];
        }
    }

    /** @return the schema being built @since 0.1.0 */
    public Schema schema() {
        return schema;
    }

    /** @return the source name @since 0.1.0 */
    public String source() {
        return source;
    }

    /** @return records started or rejected so far @since 0.1.0 */
    public long recordsRead() {
        return recordsRead;
    }

    /** @return rows kept so far @since 0.1.0 */
    public int rowCount() {
        return rows;
    }

    /**
     * Starts a record. Columns not {@link #set} before {@link #endRecord()} are missing.
     *
     * @param record 1-based record number, header excluded
     * @param line physical line where the record starts, or -1
     * @since 0.1.0
     */
    public void startRecord(long record, long line) {
        startRecord(record, line, -1);
    }

    /**
     * Starts a record whose position has a column too (JSON). Its rejects carry that column.
     *
     * @param record 1-based record number, header excluded
     * @param line physical line where the record starts, or -1
     * @param column 1-based column within that line where the record starts, or -1
     * @since 0.1.0
     */
    public void startRecord(long record, long line, long column) {
        this.recordNumber = record;
        this.lineNumber = line;
        this.columnNumber = column;
        Arrays.fill(staged, null);
    }

    /**
     * @param column 0-based column position in the schema
     * @param raw the raw text, or null for missing
     * @since 0.1.0
     */
    public void set(int column, String raw) {
        staged[column] = raw;
    }

    /**
     * Sets a value from text the caller may reuse once the record ends (a view of a read
     * buffer, say): it is parsed in {@link #endRecord()} and copied only where kept as text.
     *
     * @param column 0-based column position in the schema
     * @param raw the raw text, unchanged until {@link #endRecord()} returns, or null for missing
     * @since 0.1.0
     */
    public void set(int column, CharSequence raw) {
        staged[column] = raw;
    }

    /**
     * Ends the record: parses its values and keeps it, or leaves it out when a required value is
     * missing or unusable.
     *
     * @throws io.xtage.core.RejectedRecordException if the policy is strict and a value is rejected
     * @throws io.xtage.core.TooManyRejectsException if the policy's limit is passed
     * @since 0.1.0
     */
    public void endRecord() {
        recordsRead++;
        boolean drop = false;
        pending.clear();
        for (int i = 0; i < cols.length; i++) {
            Col c = cols[i];
            CharSequence raw = staged[i];
            if (raw == null || options.isMissing(raw)) {
                c.stageMissing();
                if (!c.spec.isNullable()) {
                    drop = true;
                    pending.add(reject(c.spec.name(), raw, "a value is required", RejectKind.CONSTRAINT, true));
                }
                continue;
            }
            try {
                c.stage(raw);
            } catch (CoercionException e) {
                c.stageMissing();
                boolean required = !c.spec.isNullable();
                drop |= required;
                pending.add(reject(c.spec.name(), raw, e.reason(), required ? RejectKind.CONSTRAINT : RejectKind.TYPE,
                    required));
            }
        }
        if (drop) {
            for (Reject r : pending) {
                rejects.add(r.isRowDropped() ? r : r.toBuilder().rowDropped(true).build());
            }
            return;
        }
        for (Reject r : pending) {
            rejects.add(r);
        }
        for (Col c : cols) {
            c.commit();
        }
        if (anyDeferred) {
            if (rows == rowRecords.length) {
                rowRecords = Arrays.copyOf(rowRecords, rows * 2);
                rowLines = Arrays.copyOf(rowLines, rows * 2);
                rowColumns = Arrays.copyOf(rowColumns, rows * 2);
            }
            rowRecords[rows] = recordNumber;
            rowLines[rows] = lineNumber;
            rowColumns[rows] = columnNumber;
        }
        rows++;
    }

    /**
     * Leaves a whole record out, with a reject that has no column.
     *
     * @param record 1-based record number
     * @param line physical line where it starts, or -1
     * @param kind the kind of problem, usually SHAPE or PARSE
     * @param reason why, as a phrase
     * @param raw the raw record text, or null
     * @since 0.1.0
     */
    public void rejectRecord(long record, long line, RejectKind kind, String reason, CharSequence raw) {
        recordsRead++;
        rejects.add(Reject.builder(source, record).lineNumber(line).rawValue(raw).reason(reason).kind(kind)
            .rowDropped(true).build());
    }

    /**
     * Leaves a whole record out, with a reject the source built (to give it a column number, say).
     *
     * @param reject the reject; it must drop its row
     * @throws IllegalArgumentException if the reject keeps its row
     * @since 0.1.0
     */
    public void rejectRecord(Reject reject) {
        if (!reject.isRowDropped()) {
            throw new IllegalArgumentException("rejectRecord needs a reject that drops its row: " + reject);
        }
        recordsRead++;
        rejects.add(reject);
    }

    private Reject reject(String column, CharSequence raw, String reason, RejectKind kind, boolean dropped) {
        return Reject.builder(source, recordNumber).lineNumber(lineNumber).columnNumber(columnNumber).column(column)
            .rawValue(raw).reason(reason).kind(kind).rowDropped(dropped).build();
    }

    /**
     * Finishes the read: infers the deferred date formats, builds the table named after the
     * source, checks the policy's fraction limit and makes the report.
     *
     * @param bytesRead bytes read, or -1 when unknown
     * @return the result
     * @throws io.xtage.core.TooManyRejectsException if the policy's limit is passed
     * @since 0.1.0
     */
    public ReadResult finish(long bytesRead) {
        SourceReport.Builder report = SourceReport.builder(source);
        List<Column<?>> built = new ArrayList<>(cols.length);
        // Deferred columns fail only now. Collect every late failure first, so that a row left out
        // because of one column has all its rejects marked as row-dropping, whatever the column order.
        List<LateFailure> late = new ArrayList<>();
        BitSet dropRows = new BitSet();
        for (Col c : cols) {
            if (c instanceof DeferredDateCol) {
                DeferredDateCol d = (DeferredDateCol) c;
                DateInference inferred = d.infer(options);
                report.dateFormats(c.spec.name(), inferred.shapes());
                built.add(d.build(inferred, (row, raw, reason) -> {
                    late.add(new LateFailure(row, c.spec, raw, reason));
                    if (!c.spec.isNullable()) {
                        dropRows.set(row);
                    }
                }));
            } else {
                built.add(c.column());
            }
        }
        Set<Long> lateDropped = new HashSet<>();
        for (LateFailure f : late) {
            boolean required = !f.spec.isNullable();
            boolean dropped = dropRows.get(f.row);
            rejects.add(Reject.builder(source, rowRecords[f.row]).lineNumber(rowLines[f.row])
                .columnNumber(rowColumns[f.row]).column(f.spec.name()).rawValue(f.raw).reason(f.reason)
                .kind(required ? RejectKind.CONSTRAINT : RejectKind.TYPE).rowDropped(dropped).build());
            if (dropped) {
                lateDropped.add(rowRecords[f.row]);
            }
        }
        Table table = Table.create(source, built);
        if (!dropRows.isEmpty()) {
            rejects.markRowsDropped(lateDropped);
            table = table.dropRows(dropRows.stream().toArray());
        }
        rejects.finish(recordsRead);
        for (int i = 0; i < cols.length; i++) {
            Column<?> c = table.column(i);
            boolean counted = dropRows.isEmpty() && !(cols[i] instanceof DeferredDateCol);
            report.missing(c.name(), counted ? cols[i].missingCount : c.countMissing());
        }
        long ms = (System.nanoTime() - startNanos) / 1_000_000;
        report.rowsRead(recordsRead).rowsRejected(rejects.rowsDropped()).valuesRejected(rejects.valuesRejected())
            .rejectPolicy(rejects.policy().describe()).bytesRead(bytesRead).elapsedMillis(ms);
        if (rejects.rowsDropped() > 0 || rejects.valuesRejected() > 0) {
            log.warn("{}: {} of {} records left out, {} values replaced by missing; see the rejects", source,
                rejects.rowsDropped(), recordsRead, rejects.valuesRejected());
        }
        List<Reject> sorted = new ArrayList<>(rejects.rejects());
        sorted.sort(Comparator.comparingLong(Reject::recordNumber));
        return new ReadResult(table, sorted, report.build());
    }

    /** One column being built: stage a value, then commit it (or stage missing). */
    private abstract static class Col {
        final ColumnSpec spec;
        /** Missing values committed, for the report without a pass over the built column. */
        int missingCount;

        Col(ColumnSpec spec) {
            this.spec = spec;
        }

        static Col of(ColumnSpec spec, CoercionOptions o) {
            switch (spec.type()) {
                case STRING:
                    return new StringCol(spec);
                case INT:
                    return new IntCol(spec, o);
                case LONG:
                    return new LongCol(spec, o);
                case DOUBLE:
                    return new DoubleCol(spec, o);
                case BOOLEAN:
                    return new BooleanCol(spec, o);
                case LOCAL_DATE:
                    return spec.formats().isEmpty() ? new DeferredDateCol(spec, false)
                        : new DateCol(spec, DatePatterns.of(spec.formats()));
                case LOCAL_DATE_TIME:
                    return spec.formats().isEmpty() ? new DeferredDateCol(spec, true)
                        : new DateTimeCol(spec, DatePatterns.of(spec.formats()));
                default:
                    throw new IllegalArgumentException("unsupported type " + spec.type());
            }
        }

        abstract void stage(CharSequence raw);

        abstract void stageMissing();

        abstract void commit();

        abstract Column<?> column();
    }

    private static final class StringCol extends Col {
        private final StringColumns.Builder col = new StringColumns.Builder(1024);
        private String v;

        StringCol(ColumnSpec spec) {
            super(spec);
        }

        @Override
        void stage(CharSequence raw) {
            v = raw.toString().strip();
        }

        @Override
        void stageMissing() {
            v = null;
        }

        @Override
        void commit() {
            if (v == null) {
                col.appendMissing();
                missingCount++;
            } else {
                col.append(v);
            }
        }

        @Override
        Column<?> column() {
            return col.build(spec.name());
        }
    }

    private static final class IntCol extends Col {
        private final IntColumn col;
        private final CoercionOptions o;
        private int v;
        private boolean missing;

        IntCol(ColumnSpec spec, CoercionOptions o) {
            super(spec);
            this.o = o;
            col = IntColumn.create(spec.name());
        }

        @Override
        void stage(CharSequence raw) {
            v = Coercers.parseInt(raw, o);
            missing = false;
        }

        @Override
        void stageMissing() {
            missing = true;
        }

        @Override
        void commit() {
            if (missing) {
                col.appendMissing();
                missingCount++;
            } else {
                col.append(v);
            }
        }

        @Override
        Column<?> column() {
            // exact size: the builder's growable array keeps up to half again as much spare room
            return ColumnArrays.intColumn(col.name(), col.asIntArray());
        }
    }

    private static final class LongCol extends Col {
        private final LongColumn col;
        private final CoercionOptions o;
        private long v;
        private boolean missing;

        LongCol(ColumnSpec spec, CoercionOptions o) {
            super(spec);
            this.o = o;
            col = LongColumn.create(spec.name());
        }

        @Override
        void stage(CharSequence raw) {
            v = Coercers.parseLong(raw, o);
            missing = false;
        }

        @Override
        void stageMissing() {
            missing = true;
        }

        @Override
        void commit() {
            if (missing) {
                col.appendMissing();
                missingCount++;
            } else {
                col.append(v);
            }
        }

        @Override
        Column<?> column() {
            // exact size: the builder's growable array keeps up to half again as much spare room
            return ColumnArrays.longColumn(col.name(), col.asLongArray());
        }
    }

    private static final class DoubleCol extends Col {
        private final DoubleColumn col;
        private final CoercionOptions o;
        private double v;
        private boolean missing;

        DoubleCol(ColumnSpec spec, CoercionOptions o) {
            super(spec);
            this.o = o;
            col = DoubleColumn.create(spec.name());
        }

        @Override
        void stage(CharSequence raw) {
            v = Coercers.parseDouble(raw, o);
            missing = false;
        }

        @Override
        void stageMissing() {
            missing = true;
        }

        @Override
        void commit() {
            if (missing) {
                col.appendMissing();
                missingCount++;
            } else {
                col.append(v);
            }
        }

        @Override
        Column<?> column() {
            // exact size: the builder's growable array keeps up to half again as much spare room
            return ColumnArrays.doubleColumn(col.name(), col.asDoubleArray());
        }
    }

    private static final class BooleanCol extends Col {
        private final BooleanColumn col;
        private final CoercionOptions o;
        private boolean v;
        private boolean missing;

        BooleanCol(ColumnSpec spec, CoercionOptions o) {
            super(spec);
            this.o = o;
            col = BooleanColumn.create(spec.name());
        }

        @Override
        void stage(CharSequence raw) {
            v = Coercers.parseBoolean(raw, o);
            missing = false;
        }

        @Override
        void stageMissing() {
            missing = true;
        }

        @Override
        void commit() {
            if (missing) {
                col.appendMissing();
                missingCount++;
            } else {
                col.append(v);
            }
        }

        @Override
        Column<?> column() {
            return col;
        }
    }

    private static final class DateCol extends Col {
        private final DateColumn col;
        private final DatePatterns patterns;
        private int v;
        private boolean missing;

        DateCol(ColumnSpec spec, DatePatterns patterns) {
            super(spec);
            this.patterns = patterns;
            col = DateColumn.create(spec.name());
        }

        @Override
        void stage(CharSequence raw) {
            v = patterns.parsePackedDate(raw);
            missing = false;
        }

        @Override
        void stageMissing() {
            missing = true;
        }

        @Override
        void commit() {
            if (missing) {
                col.appendMissing();
                missingCount++;
            } else {
                col.appendInternal(v);
            }
        }

        @Override
        Column<?> column() {
            return col;
        }
    }

    private static final class DateTimeCol extends Col {
        private final DateTimeColumn col;
        private final DatePatterns patterns;
        private LocalDateTime v;

        DateTimeCol(ColumnSpec spec, DatePatterns patterns) {
            super(spec);
            this.patterns = patterns;
            col = DateTimeColumn.create(spec.name());
        }

        @Override
        void stage(CharSequence raw) {
            v = patterns.parseDateTime(raw);
        }

        @Override
        void stageMissing() {
            v = null;
        }

        @Override
        void commit() {
            if (v == null) {
                col.appendMissing();
                missingCount++;
            } else {
                col.append(v);
            }
        }

        @Override
        Column<?> column() {
            return col;
        }
    }

    /** A value of a deferred column that could not be parsed once the formats were known. */
    private static final class LateFailure {
        final int row;
        final ColumnSpec spec;
        final String raw;
        final String reason;

        LateFailure(int row, ColumnSpec spec, String raw, String reason) {
            this.row = row;
            this.spec = spec;
            this.raw = raw;
            this.reason = reason;
        }
    }

    /** Called for each value a deferred column cannot parse once its formats are known. */
    @FunctionalInterface
    private interface LateReject {
        void reject(int row, String raw, String reason);
    }

    /**
     * A date column whose formats are inferred at the end: keeps each distinct spelling once and
     * a code per row, so memory stays small and each spelling is parsed once.
     */
    private static final class DeferredDateCol extends Col {
        private final boolean dateTime;
        private final Map<String, Integer> dictionary = new HashMap<>();
        private final List<String> distinct = new ArrayList<>();
        private long[] counts = new long[64];
        private int[] codes = new int[1024];
        private int size;
        private int v;

        DeferredDateCol(ColumnSpec spec, boolean dateTime) {
            super(spec);
            this.dateTime = dateTime;
        }

        @Override
        void stage(CharSequence raw) {
            String key = raw.toString().strip();
            Integer code = dictionary.get(key);
            if (code == null) {
                code = distinct.size();
                dictionary.put(key, code);
                distinct.add(key);
                if (code == counts.length) {
                    counts = Arrays.copyOf(counts, code * 2);
                }
            }
            v = code;
        }

        @Override
        void stageMissing() {
            v = -1;
        }

        @Override
        void commit() {
            if (size == codes.length) {
                codes = Arrays.copyOf(codes, size * 2);
            }
            codes[size++] = v;
            if (v >= 0) {
                counts[v]++;
            }
        }

        @Override
        Column<?> column() {
            throw new IllegalStateException("deferred column is built in finish()");
        }

        DateInference infer(CoercionOptions o) {
            DateInference.Accumulator acc = DateInference.accumulator(o.defaultDateOrder());
            for (int i = 0; i < distinct.size(); i++) {
                if (counts[i] > 0) {
                    acc.add(distinct.get(i), counts[i]);
                }
            }
            return acc.result();
        }

        Column<?> build(DateInference inferred, LateReject onReject) {
            int n = distinct.size();
            String[] failures = new String[n];
            if (dateTime) {
                LocalDateTime[] parsed = new LocalDateTime[n];
                for (int i = 0; i < n; i++) {
                    try {
                        parsed[i] = inferred.parseDateTime(distinct.get(i));
                    } catch (CoercionException e) {
                        failures[i] = e.reason();
                    }
                }
                DateTimeColumn col = DateTimeColumn.create(spec.name());
                for (int r = 0; r < size; r++) {
                    int c = codes[r];
                    if (c < 0 || parsed[c] == null) {
                        col.appendMissing();
                        if (c >= 0) {
                            onReject.reject(r, distinct.get(c), failures[c]);
                        }
                    } else {
                        col.append(parsed[c]);
                    }
                }
                return col;
            }
            int[] packed = new int[n];
            for (int i = 0; i < n; i++) {
                try {
                    packed[i] = inferred.parsePackedDate(distinct.get(i));
                } catch (CoercionException e) {
                    packed[i] = Integer.MIN_VALUE;
                    failures[i] = e.reason();
                }
            }
            DateColumn col = DateColumn.create(spec.name());
            for (int r = 0; r < size; r++) {
                int c = codes[r];
                if (c < 0 || failures[c] != null) {
                    col.appendMissing();
                    if (c >= 0) {
                        onReject.reject(r, distinct.get(c), failures[c]);
                    }
                } else {
                    col.appendInternal(packed[c]);
                }
            }
            return col;
        }
    }
}
