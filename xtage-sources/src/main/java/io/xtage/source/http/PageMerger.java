package io.xtage.source.http;

import io.xtage.core.ReadResult;
import io.xtage.core.Reject;
import io.xtage.core.SchemaException;
import io.xtage.core.coerce.DateShapeReport;
import io.xtage.core.report.SourceReport;
import io.xtage.core.schema.ColumnSpec;
import io.xtage.core.schema.ColumnType;
import io.xtage.core.schema.Schema;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/** Concatenates the pages of one read into one result. Not thread-safe. */
final class PageMerger {
    private final String name;
    private Table table;
    private final List<Reject> rejects = new ArrayList<>();
    private final Map<String, Long> missing = new LinkedHashMap<>();
    private final Map<String, List<DateShapeReport>> dateFormats = new LinkedHashMap<>();
    private long recordsRead;
    private long rowsRejected;
    private long valuesRejected;
    private long bytes;
    private String rejectPolicy = "lenient";

    PageMerger(String name) {
        this.name = name;
    }

    long recordsRead() {
        return recordsRead;
    }

    long bytes() {
        return bytes;
    }

    /** Counts the bytes of a page that adds no records (the empty last page). */
    void addBytes(long pageBytes) {
        bytes += pageBytes;
    }

    void add(ReadResult r, int page, long pageBytes) {
        Table t = r.table();
        if (table == null) {
            table = t;
            rejectPolicy = r.report().rejectPolicy();
        } else {
            requireSameColumns(t, page);
            table.append(t);
        }
        for (Reject x : r.rejects()) {
            rejects.add(recordsRead == 0 ? x : x.withRecordNumber(x.recordNumber() + recordsRead));
        }
        recordsRead += r.recordsRead();
        rowsRejected += r.report().rowsRejected();
        valuesRejected += r.report().valuesRejected();
        bytes += pageBytes;
        r.report().missing().forEach((c, n) -> missing.merge(c, n, Long::sum));
        r.report().dateFormats().forEach((c, shapes) -> {
            if (!shapes.isEmpty()) {
                dateFormats.putIfAbsent(c, shapes);
            }
        });
    }

    private void requireSameColumns(Table t, int page) {
        List<String> want = describe(table);
        List<String> got = describe(t);
        if (!want.equals(got)) {
            throw new SchemaException(name + ": page " + page + " has columns " + got + " but page 1 has " + want
                + "; the format must read every page with page 1's schema");
        }
    }

    private static List<String> describe(Table t) {
        List<String> out = new ArrayList<>();
        for (Column<?> c : t.columns()) {
            out.add(c.name() + " " + c.type().name());
        }
        return out;
    }

    ReadResult result(long elapsedMillis) {
        SourceReport.Builder report = SourceReport.builder(name).rowsRead(recordsRead).rowsRejected(rowsRejected)
            .valuesRejected(valuesRejected).rejectPolicy(rejectPolicy).bytesRead(bytes).elapsedMillis(elapsedMillis);
        missing.forEach(report::missing);
        dateFormats.forEach(report::dateFormats);
        return new ReadResult(table == null ? Table.create(name) : table, rejects, report.build());
    }

    /**
     * The schema later pages are read with: page 1's columns and types, and for a date column the
     * patterns inferred on page 1, so that every page reads dates the same way.
     */
    static Schema schemaOf(ReadResult page1) {
        List<ColumnSpec> specs = new ArrayList<>();
        for (Column<?> c : page1.table().columns()) {
            ColumnType type;
            try {
                type = ColumnType.of(c.type());
            } catch (IllegalArgumentException e) {
                throw new SchemaException(page1.report().source() + ": page 1 column '" + c.name() + "' has type "
                    + c.type().name() + ", which xtage does not use", e);
            }
            ColumnSpec spec = ColumnSpec.of(c.name(), type);
            List<DateShapeReport> shapes = page1.report().dateFormats().get(c.name());
            if ((type == ColumnType.LOCAL_DATE || type == ColumnType.LOCAL_DATE_TIME) && shapes != null
                && !shapes.isEmpty()) {
                Set<String> patterns = new LinkedHashSet<>();
                shapes.forEach(s -> {
                    if (s.pattern() != null) {
                        patterns.add(s.pattern());
                    }
                });
                spec = spec.withFormats(new ArrayList<>(patterns));
            }
            specs.add(spec);
        }
        return Schema.of(specs);
    }
}
