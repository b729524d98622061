package io.xtage.core.standardize;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What a join does when a key repeats on its right side although the join expects right keys
 * to be unique ({@link Cardinality#MANY_TO_ONE}, {@link Cardinality#ONE_TO_ONE}, and every as-of
 * join, whose right key is its {@code by} columns plus its as-of column).
 *
 * <ul>
 *   <li>{@link #FAIL} (the default): the join fails with a {@link CardinalityException} naming
 *       the repeated keys.</li>
 *   <li>{@link #KEEP_FIRST}, {@link #KEEP_LAST}: the first or last right row of each key, in the
 *       right input's row order, is kept.</li>
 *   <li>{@link #aggregate(Aggregate)}: the rows of each key are collapsed into one before the
 *       join, every brought column with the same function, or each with its own
 *       ({@link #aggregate(Map)}).</li>
 * </ul>
 *
 * <p>Rows whose key is missing are never duplicates of each other (a missing key matches
 * nothing) and are left as they are. Immutable and thread-safe.
 *
 * <pre>{@code
 * // average the rate per date before the as-of join
 * DuplicatePolicy.aggregate(Aggregate.MEAN)
 * }</pre>
 *
 * @since 0.1.0
 */
public final class DuplicatePolicy {
    /**
     * The kinds of policy.
     *
     * @since 0.1.0
     */
    public enum Kind {
        /** Fail, naming the repeated keys. */
        FAIL,
        /** Keep the first row of each key. */
        KEEP_FIRST,
        /** Keep the last row of each key. */
        KEEP_LAST,
        /** Collapse the rows of each key with aggregate functions. */
        AGGREGATE;

        String jsonName() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** Fail, naming the repeated keys. The default. */
    public static final DuplicatePolicy FAIL = new DuplicatePolicy(Kind.FAIL, null, Map.of());
    /** Keep the first right row of each key. */
    public static final DuplicatePolicy KEEP_FIRST = new DuplicatePolicy(Kind.KEEP_FIRST, null, Map.of());
    /** Keep the last right row of each key. */
    public static final DuplicatePolicy KEEP_LAST = new DuplicatePolicy(Kind.KEEP_LAST, null, Map.of());

    private final Kind kind;
    private final Aggregate function;
    private final Map<String, Aggregate> functions;

    private DuplicatePolicy(Kind kind, Aggregate function, Map<String, Aggregate> functions) {
        this.kind = kind;
        this.function = function;
        this.functions = functions;
    }

    /**
     * Collapses the rows of each repeated key, applying {@code function} to every column the join
     * brings.
     *
     * @param function the aggregate
     * @return the policy
     * @since 0.1.0
     */
    public static DuplicatePolicy aggregate(Aggregate function) {
        return new DuplicatePolicy(Kind.AGGREGATE, Objects.requireNonNull(function, "function"), Map.of());
    }

    /**
     * Collapses the rows of each repeated key, each brought column with its own function. Every
     * column the join brings must be named; the run fails otherwise.
     *
     * @param functions brought column to aggregate, in order
     * @return the policy
     * @throws IllegalArgumentException if the map is empty
     * @since 0.1.0
     */
    public static DuplicatePolicy aggregate(Map<String, Aggregate> functions) {
        Objects.requireNonNull(functions, "functions");
        if (functions.isEmpty()) {
            throw new IllegalArgumentException("aggregate(Map) needs at least one column; use aggregate(Aggregate) to "
                + "apply one function to every brought column");
        }
        Map<String, Aggregate> copy = new LinkedHashMap<>();
        functions.forEach((k, v) -> copy.put(Objects.requireNonNull(k, "column"), Objects.requireNonNull(v, k)));
        return new DuplicatePolicy(Kind.AGGREGATE, null, Collections.unmodifiableMap(copy));
    }

    /**
     * @return the kind
     * @since 0.1.0
     */
    public Kind kind() {
        return kind;
    }

    /**
     * @return the function applied to every brought column, when one was given
     * @since 0.1.0
     */
    public Optional<Aggregate> function() {
        return Optional.ofNullable(function);
    }

    /**
     * @return the function per brought column; empty unless given per column
     * @since 0.1.0
     */
    public Map<String, Aggregate> functions() {
        return functions;
    }

    /** @return the aggregate for {@code column}, or null when it has none */
    Aggregate functionFor(String column) {
        return function != null ? function : functions.get(column);
    }

    /**
     * @return the policy as an ordered map for the JSON plan
     * @since 0.1.0
     */
    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("policy", kind.jsonName());
        if (function != null) {
            m.put("function", function.jsonName());
        }
        if (!functions.isEmpty()) {
            Map<String, Object> f = new LinkedHashMap<>();
            functions.forEach((k, v) -> f.put(k, v.jsonName()));
            m.put("functions", f);
        }
        return m;
    }

    static DuplicatePolicy of(Kind kind) {
        switch (kind) {
            case FAIL:
                return FAIL;
            case KEEP_FIRST:
                return KEEP_FIRST;
            case KEEP_LAST:
                return KEEP_LAST;
            default:
                throw new IllegalArgumentException("aggregate needs functions");
        }
    }

    static Kind kindFromJson(String s) {
        for (Kind k : Kind.values()) {
            if (k.jsonName().equals(s)) {
                return k;
            }
        }
        return null;
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof DuplicatePolicy)) {
            return false;
        }
        DuplicatePolicy p = (DuplicatePolicy) o;
        return kind == p.kind && function == p.function && functions.equals(p.functions);
    }

    @Override
    public int hashCode() {
        return Objects.hash(kind, function, functions);
    }

    @Override
    public String toString() {
        return "DuplicatePolicy" + toMap();
    }
}
