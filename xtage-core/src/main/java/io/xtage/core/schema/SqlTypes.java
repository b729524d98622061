package io.xtage.core.schema;

import java.sql.Types;
import java.util.Locale;
import java.util.Optional;

/**
 * The one table that maps SQL types to column types and back. Sources and sinks use it; nothing
 * else maps SQL types.
 *
 * <table>
 *   <caption>SQL to column type</caption>
 *   <tr><th>SQL (PostgreSQL)</th><th>column type</th></tr>
 *   <tr><td>smallint, integer</td><td>INT</td></tr>
 *   <tr><td>bigint</td><td>LONG</td></tr>
 *   <tr><td>numeric, decimal, real, double precision</td><td>DOUBLE</td></tr>
 *   <tr><td>text, varchar, char</td><td>STRING</td></tr>
 *   <tr><td>boolean</td><td>BOOLEAN</td></tr>
 *   <tr><td>date</td><td>LOCAL_DATE</td></tr>
 *   <tr><td>timestamp, timestamptz (as UTC)</td><td>LOCAL_DATE_TIME</td></tr>
 * </table>
 *
 * @since 0.1.0
 */
public final class SqlTypes {
    private SqlTypes() {
    }

    /**
     * @param jdbcType a {@link java.sql.Types} constant
     * @param typeName the database's type name, used when the JDBC type is vague (OTHER)
     * @return the column type, or empty when the SQL type has no column type
     * @since 0.1.0
     */
    public static Optional<ColumnType> columnType(int jdbcType, String typeName) {
        switch (jdbcType) {
            case Types.TINYINT:
            case Types.SMALLINT:
            case Types.INTEGER:
                return Optional.of(ColumnType.INT);
            case Types.BIGINT:
                return Optional.of(ColumnType.LONG);
            case Types.NUMERIC:
            case Types.DECIMAL:
            case Types.REAL:
            case Types.FLOAT:
            case Types.DOUBLE:
                return Optional.of(ColumnType.DOUBLE);
            case Types.CHAR:
            case Types.VARCHAR:
            case Types.LONGVARCHAR:
            case Types.NCHAR:
            case Types.NVARCHAR:
            case Types.LONGNVARCHAR:
            case Types.CLOB:
                return Optional.of(ColumnType.STRING);
            case Types.BOOLEAN:
            case Types.BIT:
                return Optional.of(ColumnType.BOOLEAN);
            case Types.DATE:
                return Optional.of(ColumnType.LOCAL_DATE);
            case Types.TIMESTAMP:
            case Types.TIMESTAMP_WITH_TIMEZONE:
                return Optional.of(ColumnType.LOCAL_DATE_TIME);
            default:
                break;
        }
        String n = typeName == null ? "" : typeName.toLowerCase(Locale.ROOT);
        switch (n) {
            case "text":
            case "varchar":
            case "uuid":
            case "citext":
            case "json":
            case "jsonb":
                return Optional.of(ColumnType.STRING);
            default:
                return Optional.empty();
        }
    }

    /**
     * @param type a column type
     * @return the PostgreSQL type a sink creates for it
     * @since 0.1.0
     */
    public static String postgresType(ColumnType type) {
        switch (type) {
            case STRING:
                return "text";
            case INT:
                return "integer";
            case LONG:
                return "bigint";
            case DOUBLE:
                return "double precision";
            case BOOLEAN:
                return "boolean";
            case LOCAL_DATE:
                return "date";
            case LOCAL_DATE_TIME:
                return "timestamp";
            default:
                throw new IllegalArgumentException("no PostgreSQL type for " + type);
        }
    }
}
