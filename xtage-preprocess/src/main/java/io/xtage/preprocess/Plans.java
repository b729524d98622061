package io.xtage.preprocess;

import io.xtage.core.XtageException;
import io.xtage.core.report.Json;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.Collections;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.slf4j.Logger;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * What plans and fitted preprocessors share: the JSON envelope, running the steps one after
 * another with their reports and times, and the copy-on-output rule.
 */
final class Plans {
    static final String PLAN_FORMAT = "xtage-preprocessor";
    static final String FITTED_FORMAT = "xtage-fitted-preprocessor";
    static final int VERSION = 1;

    private Plans() {
    }

    static Map<String, Object> stepJson(String type, Map<String, Object> params, Object step) {
        if (type == null || type.isEmpty()) {
            throw new IllegalStateException(step.getClass().getName() + ".type() must return a name");
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("type", type);
        for (Map.Entry<String, Object> e : params.entrySet()) {
            if (e.getKey().equals("type")) {
                throw new IllegalStateException(step.getClass().getName()
                    + ".toMap() must not contain the key 'type'; it is written by the preprocessor");
            }
            m.put(e.getKey(), e.getValue());
        }
        return m;
    }

    /** The envelope of {@code steps}, each written as {@code {"type": ..., params}}. */
    static <S> Map<String, Object> envelope(String format, List<S> steps, Function<S, String> type,
            Function<S, Map<String, Object>> params) {
        List<Map<String, Object>> list = new ArrayList<>();
        for (S s : steps) {
            list.add(stepJson(type.apply(s), params.apply(s), s));
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("format", format);
        m.put("version", VERSION);
        m.put("steps", list);
        return m;
    }

    /**
     * Reads the steps of an envelope, each with {@code read}; a step's IllegalArgumentException
     * or IllegalStateException becomes an XtageException naming it ({@code what i}).
     */
    static <S> List<S> readSteps(String json, String format, String what, Function<Map<String, Object>, S> read) {
        List<S> out = new ArrayList<>();
        int i = 0;
        for (Map<String, Object> s : readSteps(json, format)) {
            try {
                out.add(read.apply(s));
            } catch (IllegalArgumentException | IllegalStateException e) {
                throw new XtageException(what + " " + i + ": " + e.getMessage(), e);
            }
            i++;
        }
        return out;
    }

    /**
     * Transforms {@code table} with each step in turn, timing each.
     *
     * @param count the number of steps
     * @param stepAt gives step i for its input table (a fit+transform fits it first); the time
     *     of this call counts as the step's
     * @param what names the run in the DEBUG line of each step ({@code transform},
     *     {@code fit+transform})
     * @param fitted the fitted preprocessor of the result, from the steps used
     */
    static PreprocessResult run(Table table, int count, BiFunction<Integer, Table, FittedStep> stepAt, Logger log,
            String what, Function<List<FittedStep>, FittedPreprocessor> fitted) {
        List<FittedStep> used = new ArrayList<>(count);
        List<StepReport> reports = new ArrayList<>(count);
        List<Long> times = new ArrayList<>(count);
        Table t = table;
        for (int i = 0; i < count; i++) {
            long t0 = System.nanoTime();
            FittedStep f = stepAt.apply(i, t);
            used.add(f);
            Transformed tr = transformOne(i, f, t);
            long ms = (System.nanoTime() - t0) / 1_000_000;
            reports.add(tr.report());
            times.add(ms);
            log.debug("{} step {} ({}): rows {} -> {}, {} ms", what, i, f.type(), t.rowCount(), tr.table().rowCount(),
                ms);
            t = tr.table();
        }
        Table out = detach(table, t);
        return new PreprocessResult(out, new PreprocessReport(table.rowCount(), out.rowCount(), reports, times),
            fitted.apply(used));
    }

    /** One step's transform, checked against the FittedStep contract. */
    static Transformed transformOne(int i, FittedStep f, Table t) {
        Transformed tr = f.transform(t);
        if (tr == null) {
            throw new IllegalStateException("step " + i + " (" + f.type() + "): transform returned null");
        }
        if (tr.table() == t) {
            throw new IllegalStateException("step " + i + " (" + f.type() + "): transform returned its input table; "
                + "return a new Table (it may reuse unchanged columns)");
        }
        if (!f.removesRows() && tr.table().rowCount() != t.rowCount()) {
            throw new IllegalStateException("step " + i + " (" + f.type() + ") changed the row count from "
                + t.rowCount() + " to " + tr.table().rowCount() + " but does not declare removesRows()");
        }
        return tr;
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> readSteps(String json, String format) {
        Map<String, Object> m = Json.readMap(json);
        Object f = m.get("format");
        if (!format.equals(f)) {
            String hint = PLAN_FORMAT.equals(f) ? " (this is a plan: read it with DataPreprocessor.fromJson)"
                : FITTED_FORMAT.equals(f) ? " (this is a fitted preprocessor: read it with FittedPreprocessor.fromJson)"
                : "";
            throw new XtageException("expected JSON with \"format\": \"" + format + "\" but found " + f + hint);
        }
        Object v = m.get("version");
        if (!(v instanceof Number) || ((Number) v).intValue() != VERSION) {
            throw new XtageException(format + ": unsupported version " + v + "; this xtage reads version " + VERSION);
        }
        Object steps = m.get("steps");
        if (!(steps instanceof List)) {
            throw new XtageException(format + ": field 'steps' must be a list, found " + steps);
        }
        List<Map<String, Object>> out = new ArrayList<>();
        int i = 0;
        for (Object s : (List<Object>) steps) {
            if (!(s instanceof Map)) {
                throw new XtageException(format + ": step " + i + " must be an object, found " + s);
            }
            out.add((Map<String, Object>) s);
            i++;
        }
        return out;
    }

    /** Replaces every column of {@code out} that is also a column of {@code in} by a copy. */
    static Table detach(Table in, Table out) {
        Set<Column<?>> inputs = Collections.newSetFromMap(new IdentityHashMap<>());
        inputs.addAll(in.columns());
        List<Column<?>> cols = new ArrayList<>(out.columnCount());
        boolean changed = false;
        for (Column<?> c : out.columns()) {
            if (inputs.contains(c)) {
                cols.add(c.copy());
                changed = true;
            } else {
                cols.add(c);
            }
        }
        return changed ? Table.create(out.name(), cols) : out;
    }
}
