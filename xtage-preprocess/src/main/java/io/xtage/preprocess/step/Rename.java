package io.xtage.preprocess.step;

import io.xtage.core.SchemaException;
import io.xtage.preprocess.StatelessStep;
import io.xtage.preprocess.StepReport;
import io.xtage.preprocess.Transformed;
import io.xtage.preprocess.internal.Params;
import io.xtage.preprocess.internal.Tables;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * Renames columns, keeping their positions. Renames apply together, so {@code a -> b} and
 * {@code b -> a} swap two columns. Stateless; immutable and thread-safe.
 *
 * <pre>{@code
 * Rename.column("Price", "price").and("Qty", "quantity")
 * }</pre>
 *
 * <p>JSON type name: {@code rename}.
 *
 * @since 0.1.0
 */
public final class Rename implements StatelessStep {
    static final String TYPE = "rename";

    private final Map<String, String> renames;

    private Rename(Map<String, String> renames) {
        this.renames = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(renames));
        if (renames.isEmpty()) {
            throw new IllegalArgumentException("Rename: give at least one column to rename");
        }
        Set<String> targets = new HashSet<>();
        for (Map.Entry<String, String> e : renames.entrySet()) {
            Support.requireName("Rename from", e.getKey());
            Support.requireName("Rename to", e.getValue());
            if (!targets.add(e.getValue())) {
                throw new IllegalArgumentException("Rename: two columns would be named '" + e.getValue() + "'");
            }
        }
    }

    /**
     * @param from the current name
     * @param to the new name
     * @return the step
     * @throws IllegalArgumentException if a name is empty
     * @since 0.1.0
     */
    public static Rename column(String from, String to) {
        return new Rename(Map.of(Objects.requireNonNull(from, "from"), Objects.requireNonNull(to, "to")));
    }

    /**
     * @param renames current names to new names, applied together (iteration order kept)
     * @return the step
     * @throws IllegalArgumentException if empty, or two columns get the same name
     * @since 0.1.0
     */
    public static Rename of(Map<String, String> renames) {
        Objects.requireNonNull(renames, "renames");
        return new Rename(renames);
    }

    /**
     * @param from another current name
     * @param to its new name
     * @return a copy with that rename added
     * @throws IllegalArgumentException if {@code from} is already renamed, or two columns get
     *     the same name
     * @since 0.1.0
     */
    public Rename and(String from, String to) {
        Map<String, String> m = new LinkedHashMap<>(renames);
        if (m.put(Objects.requireNonNull(from, "from"), Objects.requireNonNull(to, "to")) != null) {
            throw new IllegalArgumentException("Rename: '" + from + "' is renamed twice");
        }
        return new Rename(m);
    }

    /**
     * @return current names to new names
     * @since 0.1.0
     */
    public Map<String, String> renames() {
        return renames;
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public Map<String, Object> toMap() {
        Map<String, Object> m = Params.ordered();
        m.put("renames", new LinkedHashMap<>(renames));
        return m;
    }

    @Override
    public Transformed transform(Table table) {
        int n = table.rowCount();
        for (String from : renames.keySet()) {
            Tables.column(table, from, TYPE);
        }
        List<Column<?>> cols = new ArrayList<>();
        Set<String> names = new HashSet<>();
        StepReport.Builder r = StepReport.builder(TYPE).rows(n, n).params(toMap());
        for (Column<?> c : table.columns()) {
            String to = renames.get(c.name());
            Column<?> out = to == null ? c : Tables.renamed(c, to);
            if (!names.add(out.name())) {
                throw new SchemaException(TYPE + ": renaming would give two columns named '" + out.name()
                    + "'; rename or drop the existing one too");
            }
            if (to != null) {
                r.columnRemoved(c.name()).columnAdded(to);
            }
            cols.add(out);
        }
        return Transformed.of(Tables.create(table.name(), cols), r.build());
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Rename && ((Rename) o).renames.equals(renames);
    }

    @Override
    public int hashCode() {
        return renames.hashCode();
    }

    @Override
    public String toString() {
        return "Rename" + renames;
    }

    static final class Type extends BuiltInType.Stateless<Rename> {
        Type() {
            super(TYPE);
        }

        @Override
        Rename read(Params p) {
            Map<String, String> m = new LinkedHashMap<>();
            for (Map.Entry<String, Object> e : p.map("renames").entrySet()) {
                if (!(e.getValue() instanceof String)) {
                    throw p.error("'renames' must map names to names; '" + e.getKey() + "' maps to " + e.getValue());
                }
                m.put(e.getKey(), (String) e.getValue());
            }
            // unknown fields are reported before the renames' own checks
            p.done();
            return p.valid(() -> of(m));
        }
    }
}
