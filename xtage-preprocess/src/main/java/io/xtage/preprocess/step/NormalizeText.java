package io.xtage.preprocess.step;

import io.xtage.core.SchemaException;
import io.xtage.core.internal.StringColumns;
import io.xtage.core.schema.ColumnType;
import io.xtage.preprocess.ColumnSelector;
import io.xtage.preprocess.FittedStep;
import io.xtage.preprocess.Step;
import io.xtage.preprocess.StepReport;
import io.xtage.preprocess.Transformed;
import io.xtage.preprocess.internal.Params;
import io.xtage.preprocess.internal.Tables;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * Cleans text columns: trims, turns declared tokens into missing values, changes case, and maps
 * values. The operations run in this order, whatever order they were declared in:
 * <ol>
 * <li>{@link #trim()}: strip leading and trailing white space;</li>
 * <li>{@link #missingTokens(String...)}: a value equal to a token (after trimming) becomes
 *     missing; the empty text is always missing in Tablesaw;</li>
 * <li>{@link #lowerCase()} or {@link #upperCase()} (Locale.ROOT);</li>
 * <li>{@link #map(String, String)}: a value equal to a key (after the case change) becomes the
 *     mapped value; mapping to {@code ""} makes it missing.</li>
 * </ol>
 * Only STRING columns. Immutable and thread-safe.
 *
 * <pre>{@code
 * NormalizeText.of("gender").missingTokens("").lowerCase().map("m", "male").map("f", "female")
 * NormalizeText.of("location").missingTokens("", "Unknown")
 * NormalizeText.of(ColumnSelector.text()).trim()
 * }</pre>
 *
 * <p>JSON type name: {@code normalize_text}.
 *
 * @since 0.1.0
 */
public final class NormalizeText implements Step {
    static final String TYPE = "normalize_text";

    /**
     * The case change.
     *
     * @since 0.1.0
     */
    public enum Case {
        /** Leave the case. */
        KEEP,
        /** Lower case (Locale.ROOT). */
        LOWER,
        /** Upper case (Locale.ROOT). */
        UPPER
    }

    private final ColumnSelector columns;
    private final Rules rules;

    private NormalizeText(ColumnSelector columns, Rules rules) {
        this.columns = Objects.requireNonNull(columns, "columns");
        this.rules = rules;
    }

    /**
     * @param columns text columns
     * @return a step that changes nothing yet
     * @throws IllegalArgumentException if no column is given
     * @since 0.1.0
     */
    public static NormalizeText of(String... columns) {
        return of(ColumnSelector.names(Support.names("NormalizeText.of", columns)));
    }

    /**
     * @param columns a selector of text columns
     * @return a step that changes nothing yet
     * @since 0.1.0
     */
    public static NormalizeText of(ColumnSelector columns) {
        return new NormalizeText(columns, new Rules(false, Case.KEEP, new TreeSet<>(), new TreeMap<>()));
    }

    /**
     * @return a copy that trims white space
     * @since 0.1.0
     */
    public NormalizeText trim() {
        return new NormalizeText(columns, new Rules(true, rules.caseChange, rules.tokens, rules.mapping));
    }

    /**
     * @return a copy that lower-cases
     * @throws IllegalStateException if upper case was chosen, or a map key has capitals (it could
     *     never match)
     * @since 0.1.0
     */
    public NormalizeText lowerCase() {
        return withCase(Case.LOWER);
    }

    /**
     * @return a copy that upper-cases
     * @throws IllegalStateException if lower case was chosen, or a map key has small letters
     * @since 0.1.0
     */
    public NormalizeText upperCase() {
        return withCase(Case.UPPER);
    }

    private NormalizeText withCase(Case c) {
        if (rules.caseChange != Case.KEEP && rules.caseChange != c) {
            throw new IllegalStateException("NormalizeText: both lowerCase() and upperCase() were called; choose one");
        }
        return new NormalizeText(columns, new Rules(rules.trim, c, rules.tokens, rules.mapping));
    }

    /**
     * @param tokens values that mean "missing" ({@code "Unknown"}, {@code "N/A"}), compared
     *     exactly after trimming
     * @return a copy with these tokens added
     * @since 0.1.0
     */
    public NormalizeText missingTokens(String... tokens) {
        Objects.requireNonNull(tokens, "tokens");
        SortedSet<String> t = new TreeSet<>(rules.tokens);
        for (String s : tokens) {
            t.add(Objects.requireNonNull(s, "token"));
        }
        return new NormalizeText(columns, new Rules(rules.trim, rules.caseChange, t, rules.mapping));
    }

    /**
     * @param from a value, as it is after trimming and the case change
     * @param to its replacement; {@code ""} for missing
     * @return a copy with this mapping added
     * @throws IllegalStateException if {@code from} is already mapped to something else, or
     *     could never match after the case change
     * @since 0.1.0
     */
    public NormalizeText map(String from, String to) {
        return map(Map.of(Objects.requireNonNull(from, "from"), Objects.requireNonNull(to, "to")));
    }

    /**
     * @param mapping values and their replacements
     * @return a copy with these mappings added
     * @throws IllegalStateException as {@link #map(String, String)}
     * @since 0.1.0
     */
    public NormalizeText map(Map<String, String> mapping) {
        Objects.requireNonNull(mapping, "mapping");
        SortedMap<String, String> m = new TreeMap<>(rules.mapping);
        for (Map.Entry<String, String> e : mapping.entrySet()) {
            String old = m.put(Objects.requireNonNull(e.getKey(), "from"), Objects.requireNonNull(e.getValue(), "to"));
            if (old != null && !old.equals(e.getValue())) {
                throw new IllegalStateException("NormalizeText.map: '" + e.getKey() + "' is mapped to both '" + old
                    + "' and '" + e.getValue() + "'");
            }
        }
        return new NormalizeText(columns, new Rules(rules.trim, rules.caseChange, rules.tokens, m));
    }

    /**
     * @return the columns
     * @since 0.1.0
     */
    public ColumnSelector columns() {
        return columns;
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public Map<String, Object> toMap() {
        Map<String, Object> m = Params.ordered();
        m.put("columns", columns.toJson());
        rules.write(m);
        return m;
    }

    @Override
    public FittedStep fit(Table table) {
        List<String> names = columns.resolve(table);
        for (String n : names) {
            Column<?> c = Tables.column(table, n, TYPE);
            if (Tables.typeOrNull(c) != ColumnType.STRING) {
                throw new SchemaException(TYPE + ": column '" + n + "' must be STRING but is " + Tables.type(c, TYPE));
            }
        }
        return new Fitted(names, rules);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof NormalizeText && ((NormalizeText) o).toMap().equals(toMap());
    }

    @Override
    public int hashCode() {
        return toMap().hashCode();
    }

    @Override
    public String toString() {
        return "NormalizeText" + toMap();
    }

    /** The rules, validated together. */
    static final class Rules {
        final boolean trim;
        final Case caseChange;
        final SortedSet<String> tokens;
        final SortedMap<String, String> mapping;

        Rules(boolean trim, Case caseChange, SortedSet<String> tokens, SortedMap<String, String> mapping) {
            this.trim = trim;
            this.caseChange = caseChange;
            this.tokens = java.util.Collections.unmodifiableSortedSet(new TreeSet<>(tokens));
            this.mapping = java.util.Collections.unmodifiableSortedMap(new TreeMap<>(mapping));
            for (String k : mapping.keySet()) {
                if (caseChange == Case.LOWER && !k.equals(k.toLowerCase(Locale.ROOT))) {
                    throw new IllegalStateException("NormalizeText: map key '" + k + "' has capitals and can never "
                        + "match after lowerCase(); write it as '" + k.toLowerCase(Locale.ROOT) + "'");
                }
                if (caseChange == Case.UPPER && !k.equals(k.toUpperCase(Locale.ROOT))) {
                    throw new IllegalStateException("NormalizeText: map key '" + k + "' has small letters and can "
                        + "never match after upperCase(); write it as '" + k.toUpperCase(Locale.ROOT) + "'");
                }
            }
        }

        String apply(String v) {
            if (v.isEmpty()) {
                return v;
            }
            String s = trim ? v.strip() : v;
            if (tokens.contains(s)) {
                return "";
            }
            if (caseChange == Case.LOWER) {
                s = s.toLowerCase(Locale.ROOT);
            } else if (caseChange == Case.UPPER) {
                s = s.toUpperCase(Locale.ROOT);
            }
            String m = mapping.get(s);
            return m != null ? m : s;
        }

        void write(Map<String, Object> m) {
            m.put("trim", trim);
            m.put("case", caseChange.name());
            m.put("missing_tokens", new ArrayList<>(tokens));
            m.put("map", new TreeMap<>(mapping));
        }

        static Rules read(Params p) {
            boolean trim = p.bool("trim", false);
            Case c = p.has("case") ? p.enumValue("case", Case.class) : Case.KEEP;
            SortedSet<String> tokens = p.has("missing_tokens") ? new TreeSet<>(p.strings("missing_tokens"))
                : new TreeSet<>();
            SortedMap<String, String> map = new TreeMap<>();
            if (p.has("map")) {
                for (Map.Entry<String, Object> e : p.map("map").entrySet()) {
                    if (!(e.getValue() instanceof String)) {
                        throw p.error("field 'map' must map text to text; '" + e.getKey() + "' maps to " + e.getValue());
                    }
                    map.put(e.getKey(), (String) e.getValue());
                }
            }
            return p.valid(() -> new Rules(trim, c, tokens, map));
        }
    }

    /** NormalizeText with its columns resolved. */
    static final class Fitted extends ValueFitted {
        private final List<String> columns;
        private final Rules rules;

        Fitted(List<String> columns, Rules rules) {
            super(TYPE);
            this.columns = List.copyOf(columns);
            this.rules = rules;
        }

        @Override
        public Map<String, Object> toMap() {
            Map<String, Object> m = Params.ordered();
            m.put("columns", columns);
            rules.write(m);
            return m;
        }

        @Override
        public Transformed transform(Table table) {
            int n = table.rowCount();
            Edit edit = new Edit(table, TYPE);
            StepReport.Builder r = StepReport.builder(TYPE).rows(n, n);
            Map<String, Object> toMissing = Params.ordered();
            for (String name : columns) {
                StringColumn c = (StringColumn) Support.fittedColumn(table, name, ColumnType.STRING, TYPE);
                // the rules see each distinct value once; rows are counted per value
                Map<String, String> applied = new HashMap<>();
                StringColumn out = StringColumns.map(c, name, v -> applied.computeIfAbsent(v, rules::apply));
                long changed = 0;
                long missing = 0;
                for (Map.Entry<String, Integer> e : StringColumns.counts(c).entrySet()) {
                    String v = e.getKey();
                    String w = applied.get(v);
                    if (!w.equals(v)) {
                        changed += e.getValue();
                        if (w.isEmpty()) {
                            missing += e.getValue();
                        }
                    }
                }
                if (changed > 0) {
                    edit.replace(name, out);
                }
                r.cellsChanged(name, changed);
                toMissing.put(name, missing);
            }
            r.params(toMap()).detail("to_missing", toMissing);
            return Transformed.of(edit.build(), r.build());
        }
    }

    static final class Type extends BuiltInType<NormalizeText> {
        Type() {
            super(TYPE);
        }

        @Override
        NormalizeText read(Params p) {
            ColumnSelector s = p.selector("columns");
            return new NormalizeText(s, Rules.read(p));
        }

        @Override
        public FittedStep readFitted(Map<String, Object> json) {
            return Params.read(TYPE, json, p -> {
                List<String> cols = p.strings("columns");
                return new Fitted(cols, Rules.read(p));
            });
        }
    }
}
