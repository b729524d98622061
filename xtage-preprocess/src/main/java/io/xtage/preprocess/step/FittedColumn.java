package io.xtage.preprocess.step;

import java.util.Map;

/**
 * What a fitted step learned about one of its columns (a fill value, a center and scale, bounds,
 * levels). {@link ColumnsFitted} writes it under {@code fitted}, keyed by the column's name, and
 * {@link BuiltInType#readColumns} reads it back.
 */
abstract class FittedColumn {
    /** The input column's name. */
    final String column;

    FittedColumn(String column) {
        this.column = column;
    }

    /** @return the learned fields as plain JSON values in a stable order, without the name */
    abstract Map<String, Object> toMap();
}
