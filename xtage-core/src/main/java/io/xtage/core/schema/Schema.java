package io.xtage.core.schema;

import io.xtage.core.SchemaException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * An ordered list of declared columns with unique names.
 *
 * <p>Immutable and thread-safe.
 *
 * <pre>{@code
 * Schema s = Schema.builder()
 *     .column("transaction_id", ColumnType.LONG)
 *     .column("price", ColumnType.DOUBLE)
 *     .date("transaction_date")            // formats inferred per shape
 *     .build();
 * }</pre>
 *
 * @since 0.1.0
 */
public final class Schema {
    private final List<ColumnSpec> columns;
    private final Map<String, Integer> index;

    private Schema(List<ColumnSpec> columns) {
        this.columns = List.copyOf(columns);
        Map<String, Integer> idx = new HashMap<>();
        for (int i = 0; i < this.columns.size(); i++) {
            Integer prev = idx.put(this.columns.get(i).name(), i);
            if (prev != null) {
                throw new SchemaException("column '" + this.columns.get(i).name() + "' is declared twice (positions "
                    + (prev + 1) + " and " + (i + 1) + ")");
            }
        }
        this.index = Collections.unmodifiableMap(idx);
    }

    /**
     * @param columns the columns, in order
     * @return the schema
     * @throws SchemaException if two columns share a name
     * @since 0.1.0
     */
    public static Schema of(List<ColumnSpec> columns) {
        return new Schema(columns);
    }

    /**
     * @param columns the columns, in order
     * @return the schema
     * @throws SchemaException if two columns share a name
     * @since 0.1.0
     */
    public static Schema of(ColumnSpec... columns) {
        return new Schema(List.of(columns));
    }

    /** @return a builder @since 0.1.0 */
    public static Builder builder() {
        return new Builder();
    }

    /** @return the columns in order, never null @since 0.1.0 */
    public List<ColumnSpec> columns() {
        return columns;
    }

    /** @return the number of columns @since 0.1.0 */
    public int size() {
        return columns.size();
    }

    /** @param i 0-based position @return the column there @since 0.1.0 */
    public ColumnSpec column(int i) {
        return columns.get(i);
    }

    /** @param name a column name @return the column, if declared @since 0.1.0 */
    public Optional<ColumnSpec> column(String name) {
        Integer i = index.get(name);
        return i == null ? Optional.empty() : Optional.of(columns.get(i));
    }

    /** @param name a column name @return its 0-based position, or -1 @since 0.1.0 */
    public int indexOf(String name) {
        Integer i = index.get(name);
        return i == null ? -1 : i;
    }

    /**
     * The projection of this schema: a source read with it leaves the other columns out, so it
     * neither parses nor checks them (and reports no rejects of theirs).
     *
     * <pre>{@code
     * Schema s = declared.only(plan.columnsRead("transactions").orElse(declared.names()));
     * }</pre>
     *
     * @param names the columns wanted; names this schema does not declare are ignored
     * @return the declared columns that are named, in this schema's order
     * @since 0.1.0
     */
    public Schema only(Collection<String> names) {
        Set<String> wanted = new HashSet<>(names);
        List<ColumnSpec> kept = new ArrayList<>();
        for (ColumnSpec c : columns) {
            if (wanted.contains(c.name())) {
                kept.add(c);
            }
        }
        return new Schema(kept);
    }

    /** @return the names in order @since 0.1.0 */
    public List<String> names() {
        List<String> n = new ArrayList<>(columns.size());
        for (ColumnSpec c : columns) {
            n.add(c.name());
        }
        return n;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Schema && ((Schema) o).columns.equals(columns);
    }

    @Override
    public int hashCode() {
        return columns.hashCode();
    }

    @Override
    public String toString() {
        return "Schema" + columns;
    }

    /**
     * Builds a {@link Schema}. Not thread-safe.
     *
     * @since 0.1.0
     */
    public static final class Builder {
        private final List<ColumnSpec> columns = new ArrayList<>();

        private Builder() {
        }

        /** @param name column name @param type its type @return this @since 0.1.0 */
        public Builder column(String name, ColumnType type) {
            columns.add(ColumnSpec.of(name, type));
            return this;
        }

        /** @param spec a column @return this @since 0.1.0 */
        public Builder column(ColumnSpec spec) {
            columns.add(Objects.requireNonNull(spec, "spec"));
            return this;
        }

        /** @param name column name @param formats date patterns, none to infer @return this @since 0.1.0 */
        public Builder date(String name, String... formats) {
            columns.add(ColumnSpec.date(name, formats));
            return this;
        }

        /**
         * @return the schema
         * @throws SchemaException if two columns share a name
         * @since 0.1.0
         */
        public Schema build() {
            return new Schema(columns);
        }
    }
}
