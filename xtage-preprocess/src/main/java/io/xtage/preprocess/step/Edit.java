package io.xtage.preprocess.step;

import io.xtage.core.SchemaException;
import io.xtage.preprocess.internal.Tables;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * Assembles a new table from an old one: columns replaced in place, removed, inserted after a
 * column, or appended at the end. Unchanged columns are reused, never mutated.
 */
final class Edit {
    private final Table source;
    private final String step;
    private final Map<String, Column<?>> replaced = new HashMap<>();
    private final Set<String> removed = new HashSet<>();
    private final Map<String, List<Column<?>>> after = new LinkedHashMap<>();
    private final List<Column<?>> appended = new ArrayList<>();

    Edit(Table source, String step) {
        this.source = source;
        this.step = step;
    }

    Edit replace(String name, Column<?> c) {
        replaced.put(name, c);
        return this;
    }

    Edit remove(String name) {
        removed.add(name);
        return this;
    }

    /** Inserts {@code c} right after column {@code name} (after earlier insertions there). */
    Edit insertAfter(String name, Column<?> c) {
        after.computeIfAbsent(name, k -> new ArrayList<>()).add(c);
        return this;
    }

    Edit append(Column<?> c) {
        appended.add(c);
        return this;
    }

    Table build() {
        List<Column<?>> cols = new ArrayList<>();
        for (Column<?> c : source.columns()) {
            String n = c.name();
            if (!removed.contains(n)) {
                cols.add(replaced.getOrDefault(n, c));
            }
            List<Column<?>> extra = after.get(n);
            if (extra != null) {
                cols.addAll(extra);
            }
        }
        cols.addAll(appended);
        Set<String> names = new HashSet<>();
        for (Column<?> c : cols) {
            if (!names.add(c.name())) {
                throw new SchemaException(step + ": output column '" + c.name() + "' would appear twice; choose "
                    + "another output name or drop the existing column first");
            }
        }
        return Tables.create(source.name(), cols);
    }
}
