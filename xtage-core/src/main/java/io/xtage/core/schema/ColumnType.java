package io.xtage.core.schema;

/**
 * The value types of a standardized column, and the Tablesaw column type each one is stored as.
 *
 * @since 0.1.0
 */
public enum ColumnType {
    /** Text. Empty text is missing. */
    STRING(tech.tablesaw.api.ColumnType.STRING),
    /** 32-bit integer. */
    INT(tech.tablesaw.api.ColumnType.INTEGER),
    /** 64-bit integer; ids are LONG. */
    LONG(tech.tablesaw.api.ColumnType.LONG),
    /** 64-bit floating point; money and rates. */
    DOUBLE(tech.tablesaw.api.ColumnType.DOUBLE),
    /** true or false. */
    BOOLEAN(tech.tablesaw.api.ColumnType.BOOLEAN),
    /** A date without time or zone. */
    LOCAL_DATE(tech.tablesaw.api.ColumnType.LOCAL_DATE),
    /** A date and time without zone. */
    LOCAL_DATE_TIME(tech.tablesaw.api.ColumnType.LOCAL_DATE_TIME);

    private final tech.tablesaw.api.ColumnType tablesaw;

    ColumnType(tech.tablesaw.api.ColumnType tablesaw) {
        this.tablesaw = tablesaw;
    }

    /** @return the Tablesaw type this is stored as @since 0.1.0 */
    public tech.tablesaw.api.ColumnType tablesaw() {
        return tablesaw;
    }

    /** @return true for INT, LONG and DOUBLE @since 0.1.0 */
    public boolean isNumeric() {
        return this == INT || this == LONG || this == DOUBLE;
    }

    /**
     * @param t a Tablesaw column type
     * @return the xtage type stored as {@code t}
     * @throws IllegalArgumentException for Tablesaw types xtage does not use (SHORT, FLOAT, TEXT, ...)
     *     other than the ones it widens: SHORT to INT, FLOAT to DOUBLE, TEXT to STRING
     * @since 0.1.0
     */
    public static ColumnType of(tech.tablesaw.api.ColumnType t) {
        for (ColumnType c : values()) {
            if (c.tablesaw.equals(t)) {
                return c;
            }
        }
        String name = t.name();
        switch (name) {
            case "SHORT":
                return INT;
            case "FLOAT":
                return DOUBLE;
            case "TEXT":
                return STRING;
            default:
                throw new IllegalArgumentException("no xtage column type for Tablesaw type " + name);
        }
    }
}
