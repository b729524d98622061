package io.xtage.source.csv;

import io.xtage.core.ReadResult;
import java.util.ArrayList;
import java.util.List;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/** Table snapshots that compare with equals (Tablesaw tables do not). Shared by the CSV and JSON tests. */
public final class Tables {
    private Tables() {
    }

    /** @return names, types and every value of each column */
    public static List<Object> snapshot(Table t) {
        List<Object> out = new ArrayList<>();
        for (Column<?> c : t.columns()) {
            out.add(c.name());
            out.add(c.type().name());
            out.add(new ArrayList<>(c.asList()));
        }
        return out;
    }

    /** @return the table snapshot, the rejects and the counts of a read, without timings */
    public static List<Object> snapshot(ReadResult r) {
        return List.of(snapshot(r.table()), r.rejects(), r.recordsRead(), r.report().rowsRejected(),
            r.report().valuesRejected(), r.report().missing(), r.report().dateFormats().toString());
    }

    /** @return the named column of the table as a list (missing values null, or "" for text) */
    public static List<Object> column(Table t, String name) {
        return new ArrayList<>(t.column(name).asList());
    }
}
