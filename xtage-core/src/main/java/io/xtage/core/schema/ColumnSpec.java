package io.xtage.core.schema;

import java.util.List;
import java.util.Objects;

/**
 * A declared column: name, type, whether it may be missing, and for dates the accepted formats.
 *
 * <p>A date column with no formats has its formats inferred per shape from the values read
 * (see {@code io.xtage.core.coerce.DateInference}). Immutable and thread-safe.
 *
 * <pre>{@code
 * ColumnSpec id = ColumnSpec.of("transaction_id", ColumnType.LONG).required();
 * ColumnSpec day = ColumnSpec.date("transaction_date", "yyyy-MM-dd", "dd/MM/yyyy");
 * }</pre>
 *
 * @since 0.1.0
 */
public final class ColumnSpec {
    private final String name;
    private final ColumnType type;
    private final boolean nullable;
    private final List<String> formats;

    private ColumnSpec(String name, ColumnType type, boolean nullable, List<String> formats) {
        this.name = Objects.requireNonNull(name, "name");
        this.type = Objects.requireNonNull(type, "type");
        this.nullable = nullable;
        this.formats = List.copyOf(formats);
        if (name.isEmpty()) {
            throw new IllegalArgumentException("ColumnSpec name must not be empty");
        }
        if (!this.formats.isEmpty() && type != ColumnType.LOCAL_DATE && type != ColumnType.LOCAL_DATE_TIME) {
            throw new IllegalArgumentException("formats " + this.formats + " given for column '" + name + "' of type "
                + type + "; formats apply to LOCAL_DATE and LOCAL_DATE_TIME only");
        }
    }

    /**
     * @param name the column name
     * @param type its type
     * @return a nullable column without formats
     * @since 0.1.0
     */
    public static ColumnSpec of(String name, ColumnType type) {
        return new ColumnSpec(name, type, true, List.of());
    }

    /**
     * @param name the column name
     * @param formats {@link java.time.format.DateTimeFormatter} patterns tried in order; none to infer
     * @return a nullable LOCAL_DATE column
     * @since 0.1.0
     */
    public static ColumnSpec date(String name, String... formats) {
        return new ColumnSpec(name, ColumnType.LOCAL_DATE, true, List.of(formats));
    }

    /** @return this column, but a missing value rejects the record @since 0.1.0 */
    public ColumnSpec required() {
        return new ColumnSpec(name, type, false, formats);
    }

    /** @param newName another name @return this column renamed @since 0.1.0 */
    public ColumnSpec withName(String newName) {
        return new ColumnSpec(newName, type, nullable, formats);
    }

    /** @param newType another type @return this column with another type and no formats @since 0.1.0 */
    public ColumnSpec withType(ColumnType newType) {
        return new ColumnSpec(name, newType, nullable, List.of());
    }

    /** @param patterns date formats @return this column with those formats @since 0.1.0 */
    public ColumnSpec withFormats(List<String> patterns) {
        return new ColumnSpec(name, type, nullable, patterns);
    }

    /** @return the name @since 0.1.0 */
    public String name() {
        return name;
    }

    /** @return the type @since 0.1.0 */
    public ColumnType type() {
        return type;
    }

    /** @return whether a value may be missing @since 0.1.0 */
    public boolean isNullable() {
        return nullable;
    }

    /** @return the declared date formats, empty to infer them; never null @since 0.1.0 */
    public List<String> formats() {
        return formats;
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof ColumnSpec)) {
            return false;
        }
        ColumnSpec c = (ColumnSpec) o;
        return name.equals(c.name) && type == c.type && nullable == c.nullable && formats.equals(c.formats);
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, type, nullable, formats);
    }

    @Override
    public String toString() {
        return name + " " + type + (nullable ? "" : " NOT NULL") + (formats.isEmpty() ? "" : " " + formats);
    }
}
