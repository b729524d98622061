package io.xtage.core.standardize;

import io.xtage.core.Reject;
import io.xtage.core.coerce.DateShapeReport;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tech.tablesaw.api.Table;

/**
 * The outcome of a standardization: the unified table, a report per input and per join, the
 * date formats that were inferred, and the rejects.
 *
 * <p>The table is new: no column is shared with an input table. The result is otherwise
 * immutable; accessors never return null.
 *
 * @since 0.1.0
 */
public final class StandardizeResult {
    private final Table table;
    private final List<InputReport> inputReports;
    private final List<JoinReport> joinReports;
    private final List<Reject> rejects;
    private final Map<String, List<DateShapeReport>> dateFormats;
    private final Map<String, String> columnOrigins;

    StandardizeResult(Table table, List<InputReport> inputReports, List<JoinReport> joinReports, List<Reject> rejects,
                      Map<String, List<DateShapeReport>> dateFormats, Map<String, String> columnOrigins) {
        this.table = table;
        this.inputReports = List.copyOf(inputReports);
        this.joinReports = List.copyOf(joinReports);
        this.rejects = Collections.unmodifiableList(new ArrayList<>(rejects));
        Map<String, List<DateShapeReport>> df = new LinkedHashMap<>();
        dateFormats.forEach((k, v) -> df.put(k, List.copyOf(v)));
        this.dateFormats = Collections.unmodifiableMap(df);
        this.columnOrigins = Collections.unmodifiableMap(new LinkedHashMap<>(columnOrigins));
    }

    /**
     * @return the unified table: the fact columns, then each join's brought columns in join order
     * @since 0.1.0
     */
    public Table table() {
        return table;
    }

    /**
     * @return one report per input, fact first, in plan order
     * @since 0.1.0
     */
    public List<InputReport> inputReports() {
        return inputReports;
    }

    /**
     * @return one report per join, in plan order
     * @since 0.1.0
     */
    public List<JoinReport> joinReports() {
        return joinReports;
    }

    /**
     * @return values that could not be cast or parsed (kind {@code TYPE}, row kept), and, for joins
     *     declared with {@code rejectUnmatched()}, one reject per unmatched left row (kind
     *     {@code CONSTRAINT}, row dropped only by inner joins); in the order they arose
     * @since 0.1.0
     */
    public List<Reject> rejects() {
        return rejects;
    }

    /**
     * @return per {@code input.column} whose date formats were inferred, what was decided for each
     *     shape of spelling, and on what evidence
     * @since 0.1.0
     */
    public Map<String, List<DateShapeReport>> dateFormats() {
        return dateFormats;
    }

    /**
     * @return per output column, in table order, where it came from, as {@code input.column}
     *     (the input's column name after its renames)
     * @since 0.1.0
     */
    public Map<String, String> columnOrigins() {
        return columnOrigins;
    }

    /**
     * @return the whole report (without the table) as an ordered map with snake_case keys
     * @since 0.1.0
     */
    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("rows", (long) table.rowCount());
        m.put("columns", new LinkedHashMap<>(columnOrigins));
        List<Object> in = new ArrayList<>();
        inputReports.forEach(r -> in.add(r.toMap()));
        m.put("inputs", in);
        List<Object> js = new ArrayList<>();
        joinReports.forEach(r -> js.add(r.toMap()));
        m.put("joins", js);
        Map<String, Object> df = new LinkedHashMap<>();
        dateFormats.forEach((k, v) -> {
            List<Object> l = new ArrayList<>();
            v.forEach(r -> l.add(r.toMap()));
            df.put(k, l);
        });
        m.put("date_formats", df);
        m.put("rejects", (long) rejects.size());
        return m;
    }

    @Override
    public String toString() {
        return "StandardizeResult" + toMap();
    }
}
