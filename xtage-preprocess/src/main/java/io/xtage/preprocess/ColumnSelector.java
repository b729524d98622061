package io.xtage.preprocess;

import io.xtage.core.SchemaException;
import io.xtage.core.XtageException;
import io.xtage.core.schema.ColumnType;
import io.xtage.preprocess.internal.Tables;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * Chooses the columns a step works on: by name, by type (all numeric, all text, any
 * {@link ColumnType}), by a regular expression on the name, or all, optionally minus some
 * names.
 *
 * <p>A selector is resolved against a table when a step is fitted; the fitted step keeps the
 * resulting names, so a later transform works on exactly those columns. Names match exactly
 * (Tablesaw's own lookups ignore case; xtage's do not). Immutable and thread-safe.
 *
 * <pre>{@code
 * Impute.median(ColumnSelector.numeric().except("transaction_id"))
 * Scale.standard(ColumnSelector.pattern("price|list_price"))
 * }</pre>
 *
 * @since 0.1.0
 */
public final class ColumnSelector {
    private enum Kind { NAMES, TYPES, PATTERN, ALL }

    private final Kind kind;
    private final List<String> names;
    private final Set<ColumnType> types;
    private final String pattern;
    private final Pattern compiled;
    private final Set<String> except;

    private ColumnSelector(Kind kind, List<String> names, Set<ColumnType> types, String pattern, Set<String> except) {
        this.kind = kind;
        this.names = List.copyOf(names);
        this.types = types.isEmpty() ? Set.of() : java.util.Collections.unmodifiableSet(EnumSet.copyOf(types));
        this.pattern = pattern;
        Pattern p = null;
        if (pattern != null) {
            try {
                p = Pattern.compile(pattern);
            } catch (PatternSyntaxException e) {
                throw new IllegalArgumentException("ColumnSelector.pattern: invalid regular expression '" + pattern
                    + "': " + e.getDescription(), e);
            }
        }
        this.compiled = p;
        this.except = java.util.Collections.unmodifiableSet(new TreeSet<>(except));
    }

    /**
     * @param names column names, in the order the step should use them
     * @return a selector of exactly these columns
     * @throws IllegalArgumentException if no name is given, a name is empty or repeated
     * @since 0.1.0
     */
    public static ColumnSelector names(String... names) {
        Objects.requireNonNull(names, "names");
        return names(List.of(names));
    }

    /**
     * @param names column names, in order
     * @return a selector of exactly these columns
     * @throws IllegalArgumentException if no name is given, a name is empty or repeated
     * @since 0.1.0
     */
    public static ColumnSelector names(List<String> names) {
        Objects.requireNonNull(names, "names");
        if (names.isEmpty()) {
            throw new IllegalArgumentException("ColumnSelector.names: give at least one column name");
        }
        Set<String> seen = new LinkedHashSet<>();
        for (String n : names) {
            Objects.requireNonNull(n, "column name");
            if (n.isEmpty()) {
                throw new IllegalArgumentException("ColumnSelector.names: a column name is empty");
            }
            if (!seen.add(n)) {
                throw new IllegalArgumentException("ColumnSelector.names: column '" + n + "' is named twice");
            }
        }
        return new ColumnSelector(Kind.NAMES, names, Set.of(), null, Set.of());
    }

    /**
     * @return a selector of all INT, LONG and DOUBLE columns, in table order
     * @since 0.1.0
     */
    public static ColumnSelector numeric() {
        return ofType(ColumnType.INT, ColumnType.LONG, ColumnType.DOUBLE);
    }

    /**
     * @return a selector of all STRING columns, in table order
     * @since 0.1.0
     */
    public static ColumnSelector text() {
        return ofType(ColumnType.STRING);
    }

    /**
     * @param types one or more column types
     * @return a selector of the columns of these types, in table order
     * @throws IllegalArgumentException if no type is given
     * @since 0.1.0
     */
    public static ColumnSelector ofType(ColumnType... types) {
        Objects.requireNonNull(types, "types");
        if (types.length == 0) {
            throw new IllegalArgumentException("ColumnSelector.ofType: give at least one type");
        }
        EnumSet<ColumnType> set = EnumSet.noneOf(ColumnType.class);
        for (ColumnType t : types) {
            set.add(Objects.requireNonNull(t, "type"));
        }
        return new ColumnSelector(Kind.TYPES, List.of(), set, null, Set.of());
    }

    /**
     * @param regex a {@link Pattern} that must match the whole column name
     * @return a selector of the matching columns, in table order
     * @throws IllegalArgumentException if the expression is invalid
     * @since 0.1.0
     */
    public static ColumnSelector pattern(String regex) {
        Objects.requireNonNull(regex, "regex");
        return new ColumnSelector(Kind.PATTERN, List.of(), Set.of(), regex, Set.of());
    }

    /**
     * @return a selector of every column, in table order
     * @since 0.1.0
     */
    public static ColumnSelector all() {
        return new ColumnSelector(Kind.ALL, List.of(), Set.of(), null, Set.of());
    }

    /**
     * @param names columns to leave out of the selection (need not exist)
     * @return a new selector that selects what this one does, minus {@code names}
     * @throws IllegalStateException on a names selector (list the names you want instead)
     * @since 0.1.0
     */
    public ColumnSelector except(String... names) {
        Objects.requireNonNull(names, "names");
        if (kind == Kind.NAMES) {
            throw new IllegalStateException("ColumnSelector.except on a names selector: list only the names you want");
        }
        Set<String> ex = new TreeSet<>(except);
        for (String n : names) {
            ex.add(Objects.requireNonNull(n, "name"));
        }
        return new ColumnSelector(kind, this.names, types, pattern, ex);
    }

    /**
     * @return true if this selector lists names explicitly
     * @since 0.1.0
     */
    public boolean isNames() {
        return kind == Kind.NAMES;
    }

    /**
     * @return the listed names for a names selector, else an empty list
     * @since 0.1.0
     */
    public List<String> listedNames() {
        return names;
    }

    /**
     * @param table a table
     * @return the selected column names: for a names selector in the listed order, otherwise
     *     in table order; possibly empty for a type or pattern selector
     * @throws SchemaException if a listed name is not a column of {@code table}
     * @since 0.1.0
     */
    public List<String> resolve(Table table) {
        Objects.requireNonNull(table, "table");
        if (kind == Kind.NAMES) {
            for (String n : names) {
                Tables.column(table, n, "column selector");
            }
            return names;
        }
        List<String> out = new ArrayList<>();
        for (Column<?> c : table.columns()) {
            String n = c.name();
            if (except.contains(n)) {
                continue;
            }
            boolean ok;
            switch (kind) {
                case TYPES:
                    ColumnType t = Tables.typeOrNull(c);
                    ok = t != null && types.contains(t);
                    break;
                case PATTERN:
                    ok = compiled.matcher(n).matches();
                    break;
                default:
                    ok = true;
            }
            if (ok) {
                out.add(n);
            }
        }
        return out;
    }

    /**
     * @return the JSON form: a list of names for a names selector, otherwise an object such as
     *     {@code {"types":["STRING"]}}, {@code {"pattern":"p.*"}} or {@code {"all":true}}, with
     *     an optional {@code except} list
     * @since 0.1.0
     */
    public Object toJson() {
        if (kind == Kind.NAMES) {
            return names;
        }
        Map<String, Object> m = new LinkedHashMap<>();
        switch (kind) {
            case TYPES:
                List<String> ts = new ArrayList<>();
                types.forEach(t -> ts.add(t.name()));
                m.put("types", ts);
                break;
            case PATTERN:
                m.put("pattern", pattern);
                break;
            default:
                m.put("all", true);
        }
        if (!except.isEmpty()) {
            m.put("except", new ArrayList<>(except));
        }
        return m;
    }

    /**
     * @param json what {@link #toJson()} wrote
     * @return the selector
     * @throws XtageException if {@code json} is not a selector
     * @since 0.1.0
     */
    @SuppressWarnings("unchecked")
    public static ColumnSelector fromJson(Object json) {
        try {
            if (json instanceof List) {
                List<String> names = new ArrayList<>();
                for (Object o : (List<Object>) json) {
                    if (!(o instanceof String)) {
                        throw new XtageException("column selector: names must be strings, found " + o);
                    }
                    names.add((String) o);
                }
                return names(names);
            }
            if (!(json instanceof Map)) {
                throw new XtageException("column selector: expected a list of names or an object, found " + json);
            }
            Map<String, Object> m = new LinkedHashMap<>((Map<String, Object>) json);
            Object ex = m.remove("except");
            ColumnSelector s;
            if (m.size() != 1) {
                throw new XtageException("column selector: expected exactly one of types, pattern, all; found "
                    + m.keySet());
            }
            if (m.containsKey("types")) {
                List<ColumnType> ts = new ArrayList<>();
                for (Object o : (List<Object>) m.get("types")) {
                    ts.add(ColumnType.valueOf(String.valueOf(o)));
                }
                s = ofType(ts.toArray(new ColumnType[0]));
            } else if (m.containsKey("pattern")) {
                s = pattern(String.valueOf(m.get("pattern")));
            } else if (Boolean.TRUE.equals(m.get("all"))) {
                s = all();
            } else {
                throw new XtageException("column selector: unknown form " + m);
            }
            if (ex != null) {
                s = s.except(((List<Object>) ex).stream().map(String::valueOf).toArray(String[]::new));
            }
            return s;
        } catch (ClassCastException | IllegalArgumentException | IllegalStateException e) {
            throw new XtageException("column selector: cannot read " + json + ": " + e.getMessage(), e);
        }
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof ColumnSelector)) {
            return false;
        }
        ColumnSelector s = (ColumnSelector) o;
        return kind == s.kind && names.equals(s.names) && types.equals(s.types)
            && Objects.equals(pattern, s.pattern) && except.equals(s.except);
    }

    @Override
    public int hashCode() {
        return Objects.hash(kind, names, types, pattern, except);
    }

    @Override
    public String toString() {
        return "ColumnSelector" + toJson();
    }
}
