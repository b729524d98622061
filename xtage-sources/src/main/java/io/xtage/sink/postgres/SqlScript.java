package io.xtage.sink.postgres;

import io.xtage.sink.SinkException;
import io.xtage.sink.SinkReport;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.postgresql.copy.CopyIn;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Loads a PostgreSQL script, such as one written by {@link SqlExport}, over JDBC, for machines
 * without {@code psql}: SQL statements separated by {@code ;}, and {@code COPY ... FROM stdin}
 * statements followed by their data up to a {@code \.} line, which are streamed through the
 * driver's {@code CopyManager}.
 *
 * <p>The whole script runs in one transaction: its own {@code BEGIN}, {@code START TRANSACTION},
 * {@code COMMIT} and {@code END} statements are skipped, and any failure rolls everything back.
 * Quotes ({@code '...'}, {@code "..."}, {@code E'...'}, dollar quotes) and comments
 * ({@code --}, nested block comments) are honoured when looking for the end of a statement.
 * psql meta-commands (lines starting with a backslash, such as {@code \connect}) are not
 * supported and fail the load, as does a file that ends inside COPY data. COPY data is never
 * held in memory as a whole. Stateless and thread-safe.
 *
 * <pre>{@code
 * SinkReport r = SqlScript.load(dataSource, Path.of("out/prepared.sql"));
 * }</pre>
 *
 * @since 0.1.0
 */
public final class SqlScript {
    private static final Logger log = LoggerFactory.getLogger(SqlScript.class);
    private static final Pattern COPY_FROM_STDIN =
        Pattern.compile("(?is)^\\s*COPY\\s.+\\sFROM\\s+STDIN\\b.*");
    private static final Pattern TRANSACTION_CONTROL =
        Pattern.compile("(?is)^\\s*(BEGIN|START\\s+TRANSACTION|COMMIT|END)(\\s+(WORK|TRANSACTION))?\\s*$");

    private SqlScript() {
    }

    /**
     * Loads the script through one connection of {@code dataSource}.
     *
     * @param dataSource a PostgreSQL data source
     * @param script the {@code .sql} file, UTF-8
     * @return the script path as sink name, rows loaded (COPY rows plus rows affected by other
     *     statements), the time taken
     * @throws SinkException if a statement fails (naming its line and the SQLSTATE), the file
     *     cannot be read or is not UTF-8, holds a psql meta-command, or ends inside COPY data;
     *     nothing of the script is then kept
     * @since 0.1.0
     */
    public static SinkReport load(DataSource dataSource, Path script) {
        Objects.requireNonNull(dataSource, "dataSource");
        Objects.requireNonNull(script, "script");
        try (Connection c = dataSource.getConnection()) {
            return load(c, script);
        } catch (SQLException e) {
            throw SinkException.sql(script.toString(), e.getSQLState(), "cannot connect: " + e.getMessage(), e);
        }
    }

    /**
     * Loads the script through a caller's connection, in one transaction, restoring its auto-commit
     * setting afterwards.
     *
     * @param connection a PostgreSQL connection
     * @param script the {@code .sql} file, UTF-8
     * @return as {@link #load(DataSource, Path)}
     * @throws SinkException as {@link #load(DataSource, Path)}
     * @since 0.1.0
     */
    public static SinkReport load(Connection connection, Path script) {
        Objects.requireNonNull(connection, "connection");
        Objects.requireNonNull(script, "script");
        long started = System.nanoTime();
        String name = script.toString();
        long rows;
        try (Reader r = new InputStreamReader(Files.newInputStream(script),
            StandardCharsets.UTF_8.newDecoder())) {
            boolean autoCommit = connection.getAutoCommit();
            connection.setAutoCommit(false);
            try {
                rows = new Runner(connection, new LineReader(r), name).run();
                connection.commit();
            } catch (SQLException | IOException | RuntimeException e) {
                try {
                    connection.rollback();
                } catch (SQLException re) {
                    e.addSuppressed(re);
                }
                throw e;
            } finally {
                try {
                    connection.setAutoCommit(autoCommit);
                } catch (SQLException e) {
                    log.debug("could not restore autoCommit: {}", e.toString());
                }
            }
        } catch (CharacterCodingException e) {
            throw new SinkException(name, "the script is not UTF-8; nothing was loaded", e);
        } catch (IOException e) {
            throw new SinkException(name, "cannot read: " + e + "; nothing was loaded", e);
        } catch (SQLException e) {
            throw SinkException.sql(name, e.getSQLState(), e.getMessage() + "; nothing was loaded", e);
        }
        Duration elapsed = Duration.ofNanos(System.nanoTime() - started);
        log.debug("loaded {} ({} rows) in {} ms", name, rows, elapsed.toMillis());
        return SinkReport.of(name, rows, elapsed);
    }

    /** Splits statements line by line, so COPY data can follow its statement's line. */
    private static final class Runner {
        private final Connection c;
        private final LineReader in;
        private final String name;
        private long lineNo;
        private long rows;

        /** The statement as written, sent to the server. */
        private final StringBuilder stmt = new StringBuilder();
        /** The statement without comments, to recognise COPY and transaction control. */
        private final StringBuilder code = new StringBuilder();
        private long stmtLine;
        /** Whether the statement has any code yet (not only comments and blanks). */
        private boolean hasCode;
        private int blockDepth;
        private char quote;
        private String dollarTag;

        Runner(Connection c, LineReader in, String name) {
            this.c = c;
            this.in = in;
            this.name = name;
        }

        long run() throws IOException, SQLException {
            String line;
            while ((line = in.readLine()) != null) {
                lineNo++;
                scan(line);
            }
            if (quote != 0 || dollarTag != null || blockDepth > 0) {
                throw new SinkException(name, "the file ends inside a quoted text or comment opened in the statement "
                    + "at line " + stmtLine + "; nothing was loaded", null);
            }
            if (hasCode) {
                execute();
            }
            return rows;
        }

        private void scan(String line) throws IOException, SQLException {
            boolean idle = quote == 0 && dollarTag == null && blockDepth == 0 && !hasCode;
            if (idle && line.startsWith("\\")) {
                throw new SinkException(name, "line " + lineNo + ": psql meta-command '"
                    + line.split("\\s", 2)[0] + "' is not supported; run the file with psql instead", null);
            }
            int n = line.length();
            int i = 0;
            while (i < n) {
                char ch = line.charAt(i);
                if (blockDepth > 0) {
                    stmt.append(ch);
                    if (ch == '*' && i + 1 < n && line.charAt(i + 1) == '/') {
                        stmt.append('/');
                        blockDepth--;
                        i += 2;
                        code.append(' ');
                        continue;
                    }
                    if (ch == '/' && i + 1 < n && line.charAt(i + 1) == '*') {
                        stmt.append('*');
                        blockDepth++;
                        i += 2;
                        continue;
                    }
                    i++;
                    continue;
                }
                if (dollarTag != null) {
                    if (line.startsWith(dollarTag, i)) {
                        append(dollarTag);
                        i += dollarTag.length();
                        dollarTag = null;
                        continue;
                    }
                    append(ch);
                    i++;
                    continue;
                }
                if (quote != 0) {
                    append(ch);
                    if (ch == quote) {
                        quote = 0;
                    }
                    i++;
                    continue;
                }
                if (ch == '-' && i + 1 < n && line.charAt(i + 1) == '-') {
                    stmt.append(line, i, n);
                    break;
                }
                if (ch == '/' && i + 1 < n && line.charAt(i + 1) == '*') {
                    stmt.append("/*");
                    blockDepth = 1;
                    i += 2;
                    continue;
                }
                if (ch == '\'' || ch == '"') {
                    if (ch == '\'' && isEscapeStringStart(i, line)) {
                        i = scanEscapeString(line, i);
                        continue;
                    }
                    quote = ch;
                    append(ch);
                    i++;
                    continue;
                }
                if (ch == '$') {
                    String tag = dollarTag(line, i);
                    if (tag != null) {
                        dollarTag = tag;
                        append(tag);
                        i += tag.length();
                        continue;
                    }
                }
                if (ch == ';') {
                    boolean copy = execute();
                    i++;
                    if (copy) {
                        if (!line.substring(i).isBlank()) {
                            throw new SinkException(name, "line " + lineNo + ": text after a COPY ... FROM stdin "
                                + "statement on the same line; the data must start on the next line", null);
                        }
                        return;
                    }
                    continue;
                }
                append(ch);
                i++;
            }
            stmt.append('\n');
            code.append('\n');
        }

        private void append(char ch) {
            if (!hasCode && !Character.isWhitespace(ch)) {
                hasCode = true;
                stmtLine = lineNo;
            }
            stmt.append(ch);
            code.append(ch);
        }

        private void append(String s) {
            for (int k = 0; k < s.length(); k++) {
                append(s.charAt(k));
            }
        }

        /** {@code E'...'}: an escape string, where a backslash escapes the next character. */
        private boolean isEscapeStringStart(int i, String line) {
            if (i == 0 || (line.charAt(i - 1) != 'E' && line.charAt(i - 1) != 'e')) {
                return false;
            }
            return i == 1 || !Character.isLetterOrDigit(line.charAt(i - 2)) && line.charAt(i - 2) != '_';
        }

        private int scanEscapeString(String line, int start) throws SinkException {
            append('\'');
            int i = start + 1;
            int n = line.length();
            while (i < n) {
                char ch = line.charAt(i);
                append(ch);
                if (ch == '\\' && i + 1 < n) {
                    append(line.charAt(i + 1));
                    i += 2;
                    continue;
                }
                i++;
                if (ch == '\'') {
                    if (i < n && line.charAt(i) == '\'') {
                        append('\'');
                        i++;
                        continue;
                    }
                    return i;
                }
            }
            throw new SinkException(name, "line " + lineNo + ": an E'...' string spans lines, which this loader "
                + "does not support; run the file with psql instead", null);
        }

        /** @return {@code $tag$} starting at i, or null if there is none */
        private static String dollarTag(String line, int i) {
            if (i > 0 && (Character.isLetterOrDigit(line.charAt(i - 1)) || line.charAt(i - 1) == '_')) {
                return null;
            }
            int j = i + 1;
            while (j < line.length() && (Character.isLetterOrDigit(line.charAt(j)) || line.charAt(j) == '_')) {
                j++;
            }
            if (j < line.length() && line.charAt(j) == '$' && (j == i + 1 || !Character.isDigit(line.charAt(i + 1)))) {
                return line.substring(i, j + 1);
            }
            return null;
        }

        /** Runs the statement gathered so far. @return whether it was a COPY FROM stdin (data now read) */
        private boolean execute() throws IOException, SQLException {
            String sql = stmt.toString().strip();
            String bare = code.toString().strip();
            stmt.setLength(0);
            code.setLength(0);
            hasCode = false;
            if (bare.isEmpty()) {
                return false;
            }
            if (TRANSACTION_CONTROL.matcher(bare).matches()) {
                log.debug("{} line {}: skipped '{}'; the whole script runs in one transaction", name, stmtLine,
                    bare.toUpperCase(Locale.ROOT));
                return false;
            }
            boolean copy = COPY_FROM_STDIN.matcher(bare).matches();
            try {
                if (copy) {
                    rows += copy(sql);
                } else {
                    try (Statement st = c.createStatement()) {
                        boolean result = st.execute(sql);
                        long n = result ? 0 : st.getLargeUpdateCount();
                        rows += Math.max(0, n);
                    }
                }
            } catch (SQLException e) {
                throw SinkException.sql(name, e.getSQLState(), "line " + stmtLine + ": " + e.getMessage()
                    + "; nothing was loaded", e);
            }
            return copy;
        }

        private long copy(String sql) throws IOException, SQLException {
            long first = lineNo + 1;
            CopyIn copyIn = CopyIns.start(c, sql);
            try {
                Writer w = new BufferedWriter(CopyIns.writer(copyIn), 1 << 16);
                String line;
                boolean ended = false;
                while ((line = in.readLine()) != null) {
                    lineNo++;
                    if (line.equals("\\.") || line.equals("\\.\r")) {
                        ended = true;
                        break;
                    }
                    w.write(line);
                    w.write('\n');
                }
                if (!ended) {
                    throw new SinkException(name, "the file ends inside the COPY data that starts at line " + first
                        + " (no \\. line); the file is probably cut short; nothing was loaded", null);
                }
                w.flush();
                return copyIn.endCopy();
            } catch (SQLException | IOException | RuntimeException e) {
                CopyIns.cancelQuietly(copyIn, e);
                if (e instanceof SQLException) {
                    throw SinkException.sql(name, ((SQLException) e).getSQLState(), "COPY data at lines " + first
                        + "-" + lineNo + ": " + e.getMessage() + "; nothing was loaded", e);
                }
                throw e;
            }
        }
    }

    /**
     * Splits text on LF only. {@link BufferedReader#readLine()} also splits on a lone CR, which
     * would corrupt a CR inside a quoted SQL literal; here a CR stays part of its line.
     */
    static final class LineReader {
        private final Reader in;
        private final char[] buf = new char[1 << 16];
        private int pos;
        private int end;
        private final StringBuilder line = new StringBuilder(256);

        LineReader(Reader in) {
            this.in = in;
        }

        /** @return the next line without its LF, or null at the end of the input */
        String readLine() throws IOException {
            line.setLength(0);
            boolean any = false;
            while (true) {
                if (pos == end) {
                    end = in.read(buf, 0, buf.length);
                    pos = 0;
                    if (end <= 0) {
                        end = 0;
                        return any ? line.toString() : null;
                    }
                }
                any = true;
                int start = pos;
                while (pos < end && buf[pos] != '\n') {
                    pos++;
                }
                line.append(buf, start, pos - start);
                if (pos < end) {
                    pos++;
                    return line.toString();
                }
            }
        }
    }
}
