package io.xtage.core.standardize;

import io.xtage.core.SchemaException;
import io.xtage.core.coerce.DateOrder;
import io.xtage.core.coerce.DatePatterns;
import io.xtage.core.schema.ColumnType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/** Reads a plan from its JSON map form, naming the path of anything wrong. */
final class PlanReader {
    static final String FORMAT = "xtage.standardization";
    static final int VERSION = 1;

    private PlanReader() {
    }

    static StandardizationPlan read(Map<String, Object> m) {
        keys(m, "plan", "format", "version", "fact", "joins");
        Object format = m.get("format");
        if (!FORMAT.equals(format)) {
            throw fail("plan.format", "expected '" + FORMAT + "', was " + quote(format));
        }
        Object version = m.get("version");
        if (!(version instanceof Integer || version instanceof Long) || ((Number) version).intValue() != VERSION) {
            throw fail("plan.version", "this xtage reads version " + VERSION + ", was " + quote(version));
        }
        InputSpec fact = input(map(m, "fact", "plan", true), "plan.fact").build();
        List<JoinSpec> joins = new ArrayList<>();
        List<Object> js = list(m, "joins", "plan");
        for (int i = 0; i < js.size(); i++) {
            String path = "plan.joins[" + i + "]";
            joins.add(join(asMap(js.get(i), path), path));
        }
        try {
            return new StandardizationPlan(fact, joins);
        } catch (IllegalArgumentException | IllegalStateException e) {
            throw fail("plan", e.getMessage());
        }
    }

    private static JoinSpec join(Map<String, Object> m, String path) {
        keys(m, path, "type", "input", "left_keys", "right_keys", "by_left", "by_right", "tolerance", "cardinality",
            "duplicates", "on_collision", "reject_unmatched");
        String t = string(m, "type", path, true);
        JoinType type = JoinType.fromJson(t);
        if (type == null) {
            throw fail(path + ".type", "expected one of " + names(JoinType.values()) + ", was '" + t + "'");
        }
        InputSpec.Builder in = input(map(m, "input", path, true), path + ".input");
        try {
            JoinSpec.Builder b = JoinSpec.builder(type, in);
            List<String> lk = strings(m, "left_keys", path);
            List<String> rk = strings(m, "right_keys", path);
            if (lk.size() != rk.size()) {
                throw fail(path, "left_keys " + lk + " and right_keys " + rk + " must pair up");
            }
            for (int i = 0; i < lk.size(); i++) {
                b.key(lk.get(i), rk.get(i));
            }
            List<String> bl = strings(m, "by_left", path);
            List<String> br = strings(m, "by_right", path);
            if (bl.size() != br.size()) {
                throw fail(path, "by_left " + bl + " and by_right " + br + " must pair up");
            }
            for (int i = 0; i < bl.size(); i++) {
                b.by(bl.get(i), br.get(i));
            }
            Object tol = m.get("tolerance");
            if (tol != null) {
                if (!(tol instanceof Number)) {
                    throw fail(path + ".tolerance", "expected a number or null, was " + quote(tol));
                }
                b.tolerance(((Number) tol).doubleValue());
            }
            String c = string(m, "cardinality", path, false);
            if (c != null) {
                Cardinality card = Cardinality.fromJson(c);
                if (card == null) {
                    throw fail(path + ".cardinality", "expected one of " + names(Cardinality.values()) + ", was '" + c
                        + "'");
                }
                b.cardinality(card);
            }
            Map<String, Object> d = map(m, "duplicates", path, false);
            if (d != null) {
                b.duplicates(duplicates(d, path + ".duplicates"));
            }
            String oc = string(m, "on_collision", path, false);
            if (oc != null) {
                CollisionPolicy p = CollisionPolicy.fromJson(oc);
                if (p == null) {
                    throw fail(path + ".on_collision", "expected one of " + names(CollisionPolicy.values()) + ", was '"
                        + oc + "'");
                }
                b.collisions(p);
            }
            Object ru = m.get("reject_unmatched");
            if (ru != null) {
                if (!(ru instanceof Boolean)) {
                    throw fail(path + ".reject_unmatched", "expected true or false, was " + quote(ru));
                }
                b.rejectUnmatched((Boolean) ru);
            }
            return b.build();
        } catch (IllegalArgumentException | IllegalStateException e) {
            throw fail(path, e.getMessage());
        }
    }

    private static DuplicatePolicy duplicates(Map<String, Object> m, String path) {
        keys(m, path, "policy", "function", "functions");
        String p = string(m, "policy", path, true);
        DuplicatePolicy.Kind kind = DuplicatePolicy.kindFromJson(p);
        if (kind == null) {
            throw fail(path + ".policy", "expected one of [fail, keep_first, keep_last, aggregate], was '" + p + "'");
        }
        if (kind != DuplicatePolicy.Kind.AGGREGATE) {
            if (m.containsKey("function") || m.containsKey("functions")) {
                throw fail(path, "function(s) apply to the aggregate policy only");
            }
            return DuplicatePolicy.of(kind);
        }
        String fn = string(m, "function", path, false);
        Map<String, Object> fns = map(m, "functions", path, false);
        if ((fn == null) == (fns == null)) {
            throw fail(path, "the aggregate policy needs either 'function' or 'functions'");
        }
        if (fn != null) {
            return DuplicatePolicy.aggregate(aggregate(fn, path + ".function"));
        }
        Map<String, Aggregate> per = new LinkedHashMap<>();
        for (Map.Entry<String, Object> e : fns.entrySet()) {
            String fp = path + ".functions." + e.getKey();
            if (!(e.getValue() instanceof String)) {
                throw fail(fp, "expected an aggregate name, was " + quote(e.getValue()));
            }
            per.put(e.getKey(), aggregate((String) e.getValue(), fp));
        }
        return DuplicatePolicy.aggregate(per);
    }

    private static Aggregate aggregate(String s, String path) {
        Aggregate a = Aggregate.fromJson(s);
        if (a == null) {
            throw fail(path, "expected one of " + names(Aggregate.values()) + ", was '" + s + "'");
        }
        return a;
    }

    private static InputSpec.Builder input(Map<String, Object> m, String path) {
        keys(m, path, "name", "naming", "rename", "casts", "dates", "filters", "keep", "aliases");
        try {
            InputSpec.Builder b = InputSpec.builder(string(m, "name", path, true));
            String naming = string(m, "naming", path, false);
            if (naming != null && !naming.equals("snake_case") && !naming.equals("as_is")) {
                throw fail(path + ".naming", "expected 'snake_case' or 'as_is', was '" + naming + "'");
            }
            b.snakeCase("snake_case".equals(naming));
            stringMap(m, "rename", path).forEach(b::rename);
            for (Map.Entry<String, String> e : stringMap(m, "casts", path).entrySet()) {
                b.cast(e.getKey(), type(e.getValue(), path + ".casts." + e.getKey()));
            }
            Map<String, Object> dates = map(m, "dates", path, false);
            if (dates != null) {
                for (Map.Entry<String, Object> e : dates.entrySet()) {
                    String dp = path + ".dates." + e.getKey();
                    b.dates(e.getKey(), dateSpec(asMap(e.getValue(), dp), dp));
                }
            }
            List<Object> filters = list(m, "filters", path);
            for (int i = 0; i < filters.size(); i++) {
                String fp = path + ".filters[" + i + "]";
                b.filter(filter(asMap(filters.get(i), fp), fp));
            }
            List<String> keep = strings(m, "keep", path);
            if (!keep.isEmpty()) {
                b.keep(keep);
            }
            stringMap(m, "aliases", path).forEach(b::alias);
            return b;
        } catch (IllegalArgumentException | IllegalStateException e) {
            throw fail(path, e.getMessage());
        }
    }

    private static DateSpec dateSpec(Map<String, Object> m, String path) {
        keys(m, path, "type", "patterns", "infer");
        String t = string(m, "type", path, false);
        ColumnType type = t == null ? ColumnType.LOCAL_DATE : type(t, path + ".type");
        boolean hasPatterns = m.containsKey("patterns");
        boolean hasInfer = m.containsKey("infer");
        if (hasPatterns == hasInfer) {
            throw fail(path, "declare either 'patterns' or 'infer'");
        }
        if (hasPatterns) {
            List<String> p = strings(m, "patterns", path);
            try {
                return DateSpec.of(type, DatePatterns.of(p), null);
            } catch (IllegalArgumentException e) {
                throw fail(path + ".patterns", e.getMessage());
            }
        }
        String order = string(m, "infer", path, true);
        for (DateOrder o : DateOrder.values()) {
            if (o.name().toLowerCase(Locale.ROOT).equals(order)) {
                return DateSpec.of(type, null, o);
            }
        }
        throw fail(path + ".infer", "expected 'day_first' or 'month_first', was '" + order + "'");
    }

    private static RowFilter filter(Map<String, Object> m, String path) {
        keys(m, path, "column", "op", "value");
        String column = string(m, "column", path, true);
        String o = string(m, "op", path, true);
        RowFilter.Op op = RowFilter.Op.fromJson(o);
        if (op == null) {
            throw fail(path + ".op", "expected one of " + names(RowFilter.Op.values()) + ", was '" + o + "'");
        }
        Object value = m.get("value");
        if (op.hasValue() && value == null) {
            throw fail(path + ".value", "the comparison '" + o + "' needs a value");
        }
        if (!op.hasValue() && value != null) {
            throw fail(path + ".value", "'" + o + "' takes no value");
        }
        try {
            return RowFilter.of(column, op, value);
        } catch (IllegalArgumentException e) {
            throw fail(path + ".value", e.getMessage());
        }
    }

    private static ColumnType type(String s, String path) {
        try {
            return ColumnType.valueOf(s);
        } catch (IllegalArgumentException e) {
            throw fail(path, "expected one of " + Arrays.toString(ColumnType.values()) + ", was '" + s + "'");
        }
    }

    // ---------------------------------------------------------------- helpers

    private static void keys(Map<String, Object> m, String path, String... allowed) {
        Set<String> unknown = new TreeSet<>(m.keySet());
        unknown.removeAll(Arrays.asList(allowed));
        if (!unknown.isEmpty()) {
            throw fail(path, "unknown field(s) " + unknown + "; expected some of " + Arrays.toString(allowed));
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> asMap(Object o, String path) {
        if (!(o instanceof Map)) {
            throw fail(path, "expected an object, was " + quote(o));
        }
        return (Map<String, Object>) o;
    }

    private static Map<String, Object> map(Map<String, Object> m, String key, String path, boolean required) {
        Object o = m.get(key);
        if (o == null) {
            if (required) {
                throw fail(path + "." + key, "is required");
            }
            return null;
        }
        return asMap(o, path + "." + key);
    }

    private static Map<String, String> stringMap(Map<String, Object> m, String key, String path) {
        Map<String, Object> raw = map(m, key, path, false);
        Map<String, String> out = new LinkedHashMap<>();
        if (raw != null) {
            for (Map.Entry<String, Object> e : raw.entrySet()) {
                if (!(e.getValue() instanceof String)) {
                    throw fail(path + "." + key + "." + e.getKey(), "expected a text, was " + quote(e.getValue()));
                }
                out.put(e.getKey(), (String) e.getValue());
            }
        }
        return out;
    }

    @SuppressWarnings("unchecked")
    private static List<Object> list(Map<String, Object> m, String key, String path) {
        Object o = m.get(key);
        if (o == null) {
            return List.of();
        }
        if (!(o instanceof List)) {
            throw fail(path + "." + key, "expected a list, was " + quote(o));
        }
        return (List<Object>) o;
    }

    private static List<String> strings(Map<String, Object> m, String key, String path) {
        List<Object> l = list(m, key, path);
        List<String> out = new ArrayList<>();
        for (int i = 0; i < l.size(); i++) {
            if (!(l.get(i) instanceof String)) {
                throw fail(path + "." + key + "[" + i + "]", "expected a text, was " + quote(l.get(i)));
            }
            out.add((String) l.get(i));
        }
        return out;
    }

    private static String string(Map<String, Object> m, String key, String path, boolean required) {
        Object o = m.get(key);
        if (o == null) {
            if (required) {
                throw fail(path + "." + key, "is required");
            }
            return null;
        }
        if (!(o instanceof String)) {
            throw fail(path + "." + key, "expected a text, was " + quote(o));
        }
        return (String) o;
    }

    private static String names(Enum<?>[] values) {
        List<String> out = new ArrayList<>();
        for (Enum<?> v : values) {
            out.add(v.name().toLowerCase(Locale.ROOT));
        }
        return out.toString();
    }

    private static String quote(Object o) {
        return o instanceof String ? "'" + o + "'" : String.valueOf(o);
    }

    private static SchemaException fail(String path, String message) {
        return new SchemaException("cannot read standardization plan: " + path + ": " + message);
    }
}
