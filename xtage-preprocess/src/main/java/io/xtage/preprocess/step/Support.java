package io.xtage.preprocess.step;

import io.xtage.core.SchemaException;
import io.xtage.core.schema.ColumnType;
import io.xtage.preprocess.internal.Tables;
import java.util.List;
import java.util.Objects;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/** Small checks shared by the built-in steps. */
final class Support {
    private Support() {
    }

    static List<String> names(String what, String... names) {
        Objects.requireNonNull(names, what);
        if (names.length == 0) {
            throw new IllegalArgumentException(what + ": give at least one column name");
        }
        for (String n : names) {
            Objects.requireNonNull(n, "column name");
            if (n.isEmpty()) {
                throw new IllegalArgumentException(what + ": a column name is empty");
            }
        }
        return List.of(names);
    }

    static void requireName(String what, String name) {
        Objects.requireNonNull(name, what);
        if (name.isEmpty()) {
            throw new IllegalArgumentException(what + " must not be empty");
        }
    }

    /**
     * The column, which must still have the type it had at fit time.
     *
     * @throws SchemaException if it is missing or its type changed
     */
    static Column<?> fittedColumn(Table t, String name, ColumnType fitType, String step) {
        Column<?> c = Tables.column(t, name, step);
        ColumnType now = Tables.type(c, step);
        if (now != fitType) {
            throw new SchemaException(step + ": column '" + name + "' was " + fitType + " at fit time but is " + now
                + " now; refit, or cast it back");
        }
        return c;
    }

    static String describe(List<String> names) {
        return names.size() == 1 ? "'" + names.get(0) + "'" : names.toString();
    }
}
