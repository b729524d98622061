package io.xtage.sink;

import java.util.Objects;

/**
 * A declared foreign key: a column of the written table that references a column of another
 * table ({@code FOREIGN KEY (column) REFERENCES ref_table (ref_column)}).
 *
 * <p>Immutable and thread-safe. The referenced column must be that table's primary key (or
 * otherwise unique), as PostgreSQL requires.
 *
 * <pre>{@code
 * ForeignKey fk = ForeignKey.of("product_id", "products", "product_id");
 * }</pre>
 *
 * @since 0.1.0
 */
public final class ForeignKey {
    private final String column;
    private final String refTable;
    private final String refColumn;

    private ForeignKey(String column, String refTable, String refColumn) {
        this.column = requireName(column, "column");
        this.refTable = requireName(refTable, "refTable");
        this.refColumn = requireName(refColumn, "refColumn");
    }

    /**
     * @param column the referencing column of the written table
     * @param refTable the referenced table, unqualified or {@code schema.table}
     * @param refColumn the referenced column
     * @return the foreign key
     * @throws IllegalArgumentException if a name is empty
     * @since 0.1.0
     */
    public static ForeignKey of(String column, String refTable, String refColumn) {
        return new ForeignKey(column, refTable, refColumn);
    }

    private static String requireName(String s, String what) {
        Objects.requireNonNull(s, what);
        if (s.isEmpty()) {
            throw new IllegalArgumentException("ForeignKey " + what + " must not be empty");
        }
        return s;
    }

    /** @return the referencing column @since 0.1.0 */
    public String column() {
        return column;
    }

    /** @return the referenced table, as given @since 0.1.0 */
    public String refTable() {
        return refTable;
    }

    /** @return the referenced column @since 0.1.0 */
    public String refColumn() {
        return refColumn;
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof ForeignKey)) {
            return false;
        }
        ForeignKey f = (ForeignKey) o;
        return column.equals(f.column) && refTable.equals(f.refTable) && refColumn.equals(f.refColumn);
    }

    @Override
    public int hashCode() {
        return Objects.hash(column, refTable, refColumn);
    }

    @Override
    public String toString() {
        return "FOREIGN KEY (" + column + ") REFERENCES " + refTable + " (" + refColumn + ")";
    }
}
