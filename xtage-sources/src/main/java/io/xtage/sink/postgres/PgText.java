package io.xtage.sink.postgres;

import io.xtage.core.SchemaException;
import io.xtage.core.schema.SqlTypes;
import io.xtage.sink.SinkException;
import io.xtage.sink.internal.ColumnView;
import io.xtage.sink.internal.TextOut;
import io.xtage.sink.internal.Values;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** PostgreSQL text: quoted identifiers, column definitions, COPY text rows, SQL literals. */
final class PgText {
    /** PostgreSQL's NAMEDATALEN - 1: longer identifiers are silently truncated, so two could collide. */
    static final int MAX_IDENTIFIER_BYTES = 63;

    private PgText() {
    }

    /**
     * @param name an identifier
     * @return why it cannot be a PostgreSQL identifier, or null when it can
     */
    static String identifierProblem(String name) {
        if (name.isEmpty()) {
            return "is empty";
        }
        if (name.indexOf('\0') >= 0) {
            return "contains NUL (U+0000)";
        }
        int bytes = name.getBytes(StandardCharsets.UTF_8).length;
        if (bytes > MAX_IDENTIFIER_BYTES) {
            return "is " + bytes + " bytes long in UTF-8; PostgreSQL keeps only " + MAX_IDENTIFIER_BYTES;
        }
        return null;
    }

    /** @throws IllegalArgumentException for a name that cannot be an identifier */
    static String checkName(String name, String what) {
        String problem = identifierProblem(name);
        if (problem != null) {
            throw new IllegalArgumentException(what + " '" + name + "' " + problem + "; choose another name");
        }
        return name;
    }

    /** @return {@code "name"} with embedded quotes doubled, so any name (order, Customer ID) works */
    static String quote(String name) {
        return '"' + name.replace("\"", "\"\"") + '"';
    }

    /** @return {@code "schema"."table"}, or {@code "table"} when schema is null */
    static String qualified(String schema, String table) {
        return schema == null ? quote(table) : quote(schema) + '.' + quote(table);
    }

    /** @return {@code "a", "b"} */
    static String columnList(List<String> names) {
        StringBuilder b = new StringBuilder();
        for (String n : names) {
            if (b.length() > 0) {
                b.append(", ");
            }
            b.append(quote(n));
        }
        return b.toString();
    }

    /** @throws SchemaException if a column name cannot be an identifier */
    static void checkColumns(List<ColumnView> cols) {
        for (ColumnView c : cols) {
            String problem = identifierProblem(c.name());
            if (problem != null) {
                throw new SchemaException("column name '" + c.name() + "' " + problem + "; rename the column");
            }
        }
    }

    /** @return the column definitions of a CREATE TABLE, one per line, indented */
    static String columnDefinitions(List<ColumnView> cols) {
        StringBuilder b = new StringBuilder();
        for (ColumnView c : cols) {
            if (b.length() > 0) {
                b.append(",\n");
            }
            b.append("    ").append(quote(c.name())).append(' ').append(SqlTypes.postgresType(c.type()));
        }
        return b.toString();
    }

    /** @return {@code CREATE TABLE q (...)} without constraints, which are added after the data */
    static String createTable(String qualifiedName, List<ColumnView> cols, boolean temporary) {
        return "CREATE " + (temporary ? "TEMPORARY " : "") + "TABLE " + qualifiedName + " (\n"
            + columnDefinitions(cols) + "\n)" + (temporary ? " ON COMMIT DROP" : "");
    }

    /**
     * Appends one row in COPY text format: tab-separated, {@code \N} for missing, backslash, tab,
     * LF and CR escaped, ending with LF.
     *
     * @throws SinkException if a text value holds NUL, which PostgreSQL text cannot store
     */
    static void appendCopyRow(ColumnView[] cols, int row, TextOut out, String sinkName) throws IOException {
        for (int j = 0; j < cols.length; j++) {
            if (j > 0) {
                out.append('\t');
            }
            ColumnView c = cols[j];
            if (c.isMissing(row)) {
                out.append("\\N");
            } else if (c.type() == io.xtage.core.schema.ColumnType.STRING) {
                appendCopyText(c.string(row), out, sinkName, c.name(), row);
            } else {
                c.appendPlain(row, out);
            }
        }
        out.append('\n');
    }

    private static void appendCopyText(String s, TextOut out, String sinkName, String column, int row)
        throws IOException {
        int from = 0;
        int n = s.length();
        for (int k = 0; k < n; k++) {
            char ch = s.charAt(k);
            String esc;
            switch (ch) {
                case '\\':
                    esc = "\\\\";
                    break;
                case '\t':
                    esc = "\\t";
                    break;
                case '\n':
                    esc = "\\n";
                    break;
                case '\r':
                    esc = "\\r";
                    break;
                case '\0':
                    throw nul(sinkName, column, row);
                default:
                    continue;
            }
            out.append(s, from, k).append(esc);
            from = k + 1;
        }
        out.append(s, from, n);
    }

    /**
     * Appends the value as a SQL literal for an INSERT (with standard_conforming_strings on):
     * {@code NULL}, {@code 42}, {@code 1.5}, {@code 'Infinity'}, {@code TRUE}, {@code 'it''s'},
     * {@code '2024-03-01'}.
     */
    static void appendLiteral(ColumnView c, int row, TextOut out, String sinkName) throws IOException {
        if (c.isMissing(row)) {
            out.append("NULL");
            return;
        }
        switch (c.type()) {
            case STRING: {
                String s = c.string(row);
                if (s.indexOf('\0') >= 0) {
                    throw nul(sinkName, c.name(), row);
                }
                out.append('\'');
                int from = 0;
                for (int k = s.indexOf('\''); k >= 0; k = s.indexOf('\'', k + 1)) {
                    out.append(s, from, k + 1).append('\'');
                    from = k + 1;
                }
                out.append(s, from, s.length()).append('\'');
                break;
            }
            case DOUBLE: {
                double v = c.doubleValue(row);
                if (Double.isInfinite(v)) {
                    out.append(v > 0 ? "'Infinity'" : "'-Infinity'");
                } else {
                    out.append(Values.formatDouble(v));
                }
                break;
            }
            case BOOLEAN:
                out.append(c.booleanValue(row) ? "TRUE" : "FALSE");
                break;
            case LOCAL_DATE:
            case LOCAL_DATE_TIME:
                out.append('\'');
                c.appendPlain(row, out);
                out.append('\'');
                break;
            default:
                c.appendPlain(row, out);
                break;
        }
    }

    private static SinkException nul(String sinkName, String column, int row) {
        return new SinkException(sinkName, "column '" + column + "', row " + (row + 1)
            + ": text contains NUL (U+0000), which PostgreSQL cannot store; remove it first", null);
    }
}
