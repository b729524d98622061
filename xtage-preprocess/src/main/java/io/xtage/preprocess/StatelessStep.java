package io.xtage.preprocess;

import java.util.Objects;
import tech.tablesaw.api.Table;

/**
 * A step that learns nothing (rename, filter, drop duplicates): it is its own fitted step, and
 * {@link #fit(Table)} returns {@code this}.
 *
 * @since 0.1.0
 */
public interface StatelessStep extends Step, FittedStep {

    /**
     * @param table ignored, but must not be null
     * @return this
     * @since 0.1.0
     */
    @Override
    default FittedStep fit(Table table) {
        Objects.requireNonNull(table, "table");
        return this;
    }

    @Override
    default boolean removesRows() {
        return false;
    }
}
