package io.xtage.core.standardize;

import io.xtage.core.schema.ColumnType;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * How one input of a standardization is shaped before it is joined, applied in this order:
 * <ol>
 *   <li>naming: the columns are renamed to snake_case ({@link #isSnakeCase()}), and the explicit
 *       {@link #renames()} (keyed by the input's original column names) are applied over that;</li>
 *   <li>{@link #casts()} to a {@link ColumnType}, and {@link #dates()} parsing of text columns;
 *       a value that does not convert becomes missing and a reject;</li>
 *   <li>{@link #filters()}: the rows that fail any filter are removed and counted;</li>
 *   <li>{@link #keep()}: the columns kept, in this order (empty keeps all); a lookup's key
 *       columns are always kept;</li>
 *   <li>{@link #aliases()}: the output names of the kept columns.</li>
 * </ol>
 * Column names in casts, dates, filters, keep and aliases are the names after step 1.
 *
 * <p>Immutable and thread-safe; built by {@link Standardizer} or read from a plan's JSON.
 *
 * @since 0.1.0
 */
public final class InputSpec {
    private final String name;
    private final boolean snakeCase;
    private final Map<String, String> renames;
    private final Map<String, ColumnType> casts;
    private final Map<String, DateSpec> dates;
    private final List<RowFilter> filters;
    private final List<String> keep;
    private final Map<String, String> aliases;

    private InputSpec(Builder b) {
        this.name = b.name;
        this.snakeCase = b.snakeCase;
        this.renames = Collections.unmodifiableMap(new LinkedHashMap<>(b.renames));
        this.casts = Collections.unmodifiableMap(new LinkedHashMap<>(b.casts));
        this.dates = Collections.unmodifiableMap(new LinkedHashMap<>(b.dates));
        this.filters = List.copyOf(b.filters);
        this.keep = List.copyOf(b.keep);
        this.aliases = Collections.unmodifiableMap(new LinkedHashMap<>(b.aliases));
    }

    static Builder builder(String name) {
        return new Builder(name);
    }

    /**
     * @return the input's name, which binds its table at run time and prefixes colliding columns
     * @since 0.1.0
     */
    public String name() {
        return name;
    }

    /**
     * @return true when every column name is converted to snake_case first
     * @since 0.1.0
     */
    public boolean isSnakeCase() {
        return snakeCase;
    }

    /**
     * @return explicit renames, original column name to new name, in declaration order
     * @since 0.1.0
     */
    public Map<String, String> renames() {
        return renames;
    }

    /**
     * @return casts, column to type, in declaration order
     * @since 0.1.0
     */
    public Map<String, ColumnType> casts() {
        return casts;
    }

    /**
     * @return date parsing, column to spec, in declaration order
     * @since 0.1.0
     */
    public Map<String, DateSpec> dates() {
        return dates;
    }

    /**
     * @return the row filters; a row is kept when it passes all of them
     * @since 0.1.0
     */
    public List<RowFilter> filters() {
        return filters;
    }

    /**
     * @return the columns kept, in output order; empty keeps every column
     * @since 0.1.0
     */
    public List<String> keep() {
        return keep;
    }

    /**
     * @return output names of kept columns, column to alias
     * @since 0.1.0
     */
    public Map<String, String> aliases() {
        return aliases;
    }

    /**
     * @return the spec as an ordered map for the JSON plan; every field is written
     * @since 0.1.0
     */
    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", name);
        m.put("naming", snakeCase ? "snake_case" : "as_is");
        m.put("rename", new LinkedHashMap<>(renames));
        Map<String, Object> c = new LinkedHashMap<>();
        casts.forEach((k, v) -> c.put(k, v.name()));
        m.put("casts", c);
        Map<String, Object> d = new LinkedHashMap<>();
        dates.forEach((k, v) -> d.put(k, v.toMap()));
        m.put("dates", d);
        List<Object> f = new ArrayList<>();
        filters.forEach(x -> f.add(x.toMap()));
        m.put("filters", f);
        m.put("keep", new ArrayList<>(keep));
        m.put("aliases", new LinkedHashMap<>(aliases));
        return m;
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof InputSpec)) {
            return false;
        }
        InputSpec s = (InputSpec) o;
        return name.equals(s.name) && snakeCase == s.snakeCase && renames.equals(s.renames) && casts.equals(s.casts)
            && dates.equals(s.dates) && filters.equals(s.filters) && keep.equals(s.keep) && aliases.equals(s.aliases);
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, snakeCase, renames, casts, dates, filters, keep, aliases);
    }

    @Override
    public String toString() {
        return "InputSpec" + toMap();
    }

    /** Builds an {@link InputSpec}; used by {@link Standardizer} and the plan reader. Not thread-safe. */
    static final class Builder {
        private final String name;
        private boolean snakeCase;
        private final Map<String, String> renames = new LinkedHashMap<>();
        private final Map<String, ColumnType> casts = new LinkedHashMap<>();
        private final Map<String, DateSpec> dates = new LinkedHashMap<>();
        private final List<RowFilter> filters = new ArrayList<>();
        private final List<String> keep = new ArrayList<>();
        private boolean keepSet;
        private final Map<String, String> aliases = new LinkedHashMap<>();

        private Builder(String name) {
            Objects.requireNonNull(name, "name");
            if (name.isBlank()) {
                throw new IllegalArgumentException("an input name must not be blank");
            }
            this.name = name;
        }

        String name() {
            return name;
        }

        Builder snakeCase(boolean on) {
            this.snakeCase = on;
            return this;
        }

        Builder rename(String from, String to) {
            requireName(from, "rename source");
            requireName(to, "rename target");
            String prev = renames.putIfAbsent(from, to);
            if (prev != null && !prev.equals(to)) {
                throw new IllegalStateException("input '" + name + "': column '" + from + "' is renamed twice ('" + prev
                    + "' and '" + to + "'); rename it once");
            }
            return this;
        }

        Builder cast(String column, ColumnType type) {
            requireName(column, "cast column");
            Objects.requireNonNull(type, "type");
            if (dates.containsKey(column)) {
                throw new IllegalStateException("input '" + name + "': column '" + column + "' is both cast and parsed "
                    + "as dates; use one of cast(...) or dates(...)");
            }
            ColumnType prev = casts.putIfAbsent(column, type);
            if (prev != null && prev != type) {
                throw new IllegalStateException("input '" + name + "': column '" + column + "' is cast twice (" + prev
                    + " and " + type + "); cast it once");
            }
            return this;
        }

        Builder dates(String column, DateSpec spec) {
            requireName(column, "date column");
            Objects.requireNonNull(spec, "spec");
            if (casts.containsKey(column)) {
                throw new IllegalStateException("input '" + name + "': column '" + column + "' is both cast and parsed "
                    + "as dates; use one of cast(...) or dates(...)");
            }
            DateSpec prev = dates.putIfAbsent(column, spec);
            if (prev != null && !prev.equals(spec)) {
                throw new IllegalStateException("input '" + name + "': dates of column '" + column + "' are declared "
                    + "twice; declare them once");
            }
            return this;
        }

        Builder filter(RowFilter f) {
            filters.add(Objects.requireNonNull(f, "filter"));
            return this;
        }

        Builder keep(List<String> columns) {
            Objects.requireNonNull(columns, "columns");
            if (keepSet) {
                throw new IllegalStateException("input '" + name + "': keep(...) is declared twice; list every "
                    + "column in one call");
            }
            if (columns.isEmpty()) {
                throw new IllegalArgumentException("input '" + name + "': keep(...) needs at least one column");
            }
            Set<String> seen = new HashSet<>();
            for (String c : columns) {
                requireName(c, "kept column");
                if (!seen.add(c)) {
                    throw new IllegalArgumentException("input '" + name + "': column '" + c + "' is listed twice in "
                        + "keep(...)");
                }
            }
            keep.addAll(columns);
            keepSet = true;
            return this;
        }

        Builder alias(String column, String alias) {
            requireName(column, "aliased column");
            requireName(alias, "alias");
            String prev = aliases.putIfAbsent(column, alias);
            if (prev != null && !prev.equals(alias)) {
                throw new IllegalStateException("input '" + name + "': column '" + column + "' has two aliases ('"
                    + prev + "' and '" + alias + "')");
            }
            return this;
        }

        InputSpec build() {
            Set<String> targets = new HashSet<>();
            for (String to : renames.values()) {
                if (!targets.add(to)) {
                    throw new IllegalArgumentException("input '" + name + "': two columns are renamed to '" + to + "'");
                }
            }
            Set<String> aliasTargets = new HashSet<>();
            for (String a : aliases.values()) {
                if (!aliasTargets.add(a)) {
                    throw new IllegalArgumentException("input '" + name + "': two columns have the alias '" + a + "'");
                }
            }
            return new InputSpec(this);
        }

        private void requireName(String s, String what) {
            Objects.requireNonNull(s, what);
            if (s.isEmpty()) {
                throw new IllegalArgumentException("input '" + name + "': " + what + " must not be empty");
            }
        }
    }
}
