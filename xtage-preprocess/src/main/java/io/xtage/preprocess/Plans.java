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
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/** The JSON envelope of plans and fitted preprocessors, and the copy-on-output rule. */
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

    static Map<String, Object> envelope(String format, List<Map<String, Object>> steps) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("format", format);
        m.put("version", VERSION);
        m.put("steps", steps);
        return m;
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> readSteps(String json, String format) {
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
