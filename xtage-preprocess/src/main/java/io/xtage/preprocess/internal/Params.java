package io.xtage.preprocess.internal;

import io.xtage.core.XtageException;
import io.xtage.preprocess.ColumnSelector;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Typed reading of a step's JSON map, with errors that name the step and the field, and a check
 * that every field was used (a misspelt field is an error, not a silent default). Also the
 * encoding of doubles that JSON cannot hold (NaN and infinities become strings). Internal.
 */
public final class Params {
    private final String step;
    private final Map<String, Object> map;
    private final Set<String> used = new LinkedHashSet<>();

    private Params(String step, Map<String, Object> map) {
        this.step = step;
        this.map = map;
    }

    /** Wraps a step's JSON map. */
    public static Params of(String step, Map<String, Object> map) {
        return new Params(step, map == null ? Map.of() : map);
    }

    /**
     * Reads a whole JSON map: {@code read} takes what it needs, then every field must have been
     * used.
     *
     * @return what {@code read} returned
     * @throws XtageException on a missing, mistyped or unknown field
     */
    public static <T> T read(String step, Map<String, Object> map, Function<Params, T> read) {
        Params p = of(step, map);
        T value = read.apply(p);
        p.done();
        return value;
    }

    public boolean has(String key) {
        return map.containsKey(key) && map.get(key) != null;
    }

    private Object raw(String key, boolean required) {
        used.add(key);
        Object v = map.get(key);
        if (v == null && required) {
            throw error("field '" + key + "' is required");
        }
        return v;
    }

    public XtageException error(String message) {
        return new XtageException("step '" + step + "' in JSON: " + message);
    }

    public String string(String key) {
        Object v = raw(key, true);
        if (!(v instanceof String)) {
            throw error("field '" + key + "' must be a string, found " + v);
        }
        return (String) v;
    }

    public String optString(String key) {
        Object v = raw(key, false);
        if (v == null) {
            return null;
        }
        if (!(v instanceof String)) {
            throw error("field '" + key + "' must be a string, found " + v);
        }
        return (String) v;
    }

    public boolean bool(String key, boolean dflt) {
        Object v = raw(key, false);
        if (v == null) {
            return dflt;
        }
        if (!(v instanceof Boolean)) {
            throw error("field '" + key + "' must be true or false, found " + v);
        }
        return (Boolean) v;
    }

    public double dbl(String key) {
        return toDouble(key, raw(key, true));
    }

    public Double optDouble(String key) {
        Object v = raw(key, false);
        return v == null ? null : toDouble(key, v);
    }

    private double toDouble(String key, Object v) {
        if (v instanceof Number) {
            return ((Number) v).doubleValue();
        }
        if (v instanceof String) {
            switch ((String) v) {
                case "NaN":
                    return Double.NaN;
                case "Infinity":
                    return Double.POSITIVE_INFINITY;
                case "-Infinity":
                    return Double.NEGATIVE_INFINITY;
                default:
                    break;
            }
        }
        throw error("field '" + key + "' must be a number, found " + v);
    }

    public long lng(String key) {
        Object v = raw(key, true);
        return toLong(key, v);
    }

    public Long optLong(String key) {
        Object v = raw(key, false);
        return v == null ? null : toLong(key, v);
    }

    private long toLong(String key, Object v) {
        if (v instanceof Integer || v instanceof Long || v instanceof Short || v instanceof Byte) {
            return ((Number) v).longValue();
        }
        if (v instanceof BigInteger) {
            try {
                return ((BigInteger) v).longValueExact();
            } catch (ArithmeticException e) {
                throw error("field '" + key + "' is out of the 64-bit range: " + v);
            }
        }
        throw error("field '" + key + "' must be an integer, found " + v);
    }

    public int integer(String key) {
        long v = lng(key);
        if (v < Integer.MIN_VALUE || v > Integer.MAX_VALUE) {
            throw error("field '" + key + "' is out of the 32-bit range: " + v);
        }
        return (int) v;
    }

    public Integer optInteger(String key) {
        if (!has(key)) {
            raw(key, false);
            return null;
        }
        return integer(key);
    }

    /** A plain value (string, number, boolean) or null. */
    public Object value(String key) {
        Object v = raw(key, false);
        if (v instanceof BigDecimal) {
            return ((BigDecimal) v).doubleValue();
        }
        return v;
    }

    @SuppressWarnings("unchecked")
    public List<Object> list(String key) {
        Object v = raw(key, true);
        if (!(v instanceof List)) {
            throw error("field '" + key + "' must be a list, found " + v);
        }
        return (List<Object>) v;
    }

    public List<String> strings(String key) {
        List<String> out = new ArrayList<>();
        for (Object o : list(key)) {
            if (!(o instanceof String)) {
                throw error("field '" + key + "' must be a list of strings, found " + o);
            }
            out.add((String) o);
        }
        return out;
    }

    /** A list of strings, or null when the field is absent or null. */
    public List<String> optStrings(String key) {
        if (!has(key)) {
            raw(key, false);
            return null;
        }
        return strings(key);
    }

    public List<Double> doubles(String key) {
        List<Double> out = new ArrayList<>();
        for (Object o : list(key)) {
            out.add(toDouble(key, o));
        }
        return out;
    }

    @SuppressWarnings("unchecked")
    public Map<String, Object> map(String key) {
        Object v = raw(key, true);
        if (!(v instanceof Map)) {
            throw error("field '" + key + "' must be an object, found " + v);
        }
        return (Map<String, Object>) v;
    }

    @SuppressWarnings("unchecked")
    public Map<String, Object> optMap(String key) {
        Object v = raw(key, false);
        if (v == null) {
            return null;
        }
        if (!(v instanceof Map)) {
            throw error("field '" + key + "' must be an object, found " + v);
        }
        return (Map<String, Object>) v;
    }

    public Params child(String key) {
        return new Params(step, map(key));
    }

    public ColumnSelector selector(String key) {
        Object v = raw(key, true);
        try {
            return ColumnSelector.fromJson(v);
        } catch (XtageException e) {
            throw error("field '" + key + "': " + e.getMessage());
        }
    }

    public <E extends Enum<E>> E enumValue(String key, Class<E> type) {
        String s = string(key);
        try {
            return Enum.valueOf(type, s);
        } catch (IllegalArgumentException e) {
            Set<String> names = new TreeSet<>();
            for (E c : type.getEnumConstants()) {
                names.add(c.name());
            }
            throw error("field '" + key + "' must be one of " + names + ", found '" + s + "'");
        }
    }

    /**
     * Reads the per-column part of a fitted step (its {@code fitted} field: one object per column,
     * keyed by the column's name), in order. Each object must be fully used by {@code read}.
     *
     * @param fitted the value of the {@code fitted} field, from {@link #map(String)}
     * @param read builds one column's value from its name and its fields
     * @return one value per column, in the map's order
     * @throws XtageException if a column's value is not an object, or on its fields
     */
    @SuppressWarnings("unchecked")
    public <T> List<T> perColumn(Map<String, Object> fitted, BiFunction<String, Params, T> read) {
        List<T> out = new ArrayList<>(fitted.size());
        for (Map.Entry<String, Object> e : fitted.entrySet()) {
            if (!(e.getValue() instanceof Map)) {
                throw error("fitted column '" + e.getKey() + "' must be an object");
            }
            out.add(read(step, (Map<String, Object>) e.getValue(), f -> read.apply(e.getKey(), f)));
        }
        return out;
    }

    /**
     * Runs a step's factory or builder on values read from the JSON: its checks
     * ({@code IllegalArgumentException}, {@code IllegalStateException}, and the
     * {@code NullPointerException} of a required value that was null) become errors that name
     * the step in the JSON, as every other error here.
     *
     * @return what {@code build} returned
     */
    public <T> T valid(Supplier<T> build) {
        try {
            return build.get();
        } catch (IllegalArgumentException | IllegalStateException | NullPointerException e) {
            throw error(e.getMessage());
        }
    }

    /** Throws if the map has a field that was never read. */
    public void done() {
        Set<String> extra = new TreeSet<>(map.keySet());
        extra.removeAll(used);
        if (!extra.isEmpty()) {
            throw error("unknown field(s) " + extra + "; known: " + used);
        }
    }

    /** A double as a JSON value: the number, or "NaN", "Infinity", "-Infinity". */
    public static Object num(double d) {
        if (Double.isNaN(d)) {
            return "NaN";
        }
        if (Double.isInfinite(d)) {
            return d > 0 ? "Infinity" : "-Infinity";
        }
        return d;
    }

    /** A list of doubles as JSON values. */
    public static List<Object> nums(double[] ds) {
        List<Object> out = new ArrayList<>(ds.length);
        for (double d : ds) {
            out.add(num(d));
        }
        return out;
    }

    /** An ordered map builder for JSON output. */
    public static Map<String, Object> ordered() {
        return new LinkedHashMap<>();
    }
}
