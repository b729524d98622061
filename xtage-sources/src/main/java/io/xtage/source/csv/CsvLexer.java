package io.xtage.source.csv;

import java.io.IOException;
import java.io.Reader;
import java.util.Arrays;

/**
 * Splits CSV text into records of fields, for dialects without an escape character, with the
 * results of Commons CSV 1.14 (the records, their fields, the line numbers it reports and the
 * messages of its two parse errors) but without a String or a token object per field: the fields
 * of the current record are ranges of one char buffer, read through {@link #field(int)}.
 *
 * <p>What Commons CSV does, and so what this does: a field that starts with the quote is quoted
 * (a doubled quote inside is one quote; after the closing quote only whitespace may come before
 * the delimiter or the line end); elsewhere a quote is an ordinary character; CR, LF and CR LF
 * end a record; empty lines are skipped when asked; a delimiter at the very end of the text is
 * followed by one empty field. One difference: Commons CSV stands for a disabled quote or escape
 * with the noncharacter U+FFFE, and so reads a U+FFFE in the text as one of them; here it is
 * ordinary text.
 *
 * <p>Not thread-safe: one per read.
 */
final class CsvLexer {
    /** {@link #quote} when quoting is off: no char equals it. */
    private static final int NO_QUOTE = -3;

    private static final int EOF = -1;
    /** {@link #lastChar} before anything is read. */
    private static final int UNDEFINED = -2;
    private static final int CR = '\r';
    private static final int LF = '\n';

    /** Chars asked of the reader at a time; {@link DecodingReader}'s record limit allows 64 Ki of read-ahead. */
    private static final int READ_CHUNK = 1 << 14;

    private static final int TOKEN = 0;
    private static final int EORECORD = 1;
    private static final int EOF_TOKEN = 2;

    private final Reader in;
    private final char delimiter;
    private final int quote;
    private final boolean ignoreEmptyLines;

    private final int chunk;
    private char[] buf;
    private int pos;
    private int limit;
    private boolean eof;

    // Commons CSV's reader state: the last char read, lines ended so far, chars read
    private int lastChar = UNDEFINED;
    private long lineNumber;
    private long position;
    private boolean lastTokenDelimiter;

    // the current record: where it starts in buf, and each field's range
    private int recordStart;
    private int count;
    private int[] starts = new int[16];
    private int[] ends = new int[16];
    private Field[] fields = new Field[0];
    /** Whether the last token had content at the end of the text. */
    private boolean ready;
    /** The token being read: where it starts, where its next unquoted char goes, where it ends. */
    private int tokenStart;
    private int tokenOut;
    private int tokenEnd;

    CsvLexer(Reader in, char delimiter, char quote, boolean ignoreEmptyLines) {
        this(in, delimiter, quote, ignoreEmptyLines, READ_CHUNK);
    }

    /** @param chunk chars asked of the reader at a time (small in tests, to cross buffer ends often) */
    CsvLexer(Reader in, char delimiter, char quote, boolean ignoreEmptyLines, int chunk) {
        this.in = in;
        this.chunk = chunk;
        this.buf = new char[chunk * 2];
        this.delimiter = delimiter;
        this.quote = quote == 0 ? NO_QUOTE : quote;
        this.ignoreEmptyLines = ignoreEmptyLines;
    }

    /** @return the number of fields of the current record */
    int size() {
        return count;
    }

    /**
     * @param i a field index
     * @return the field's text, valid until the next {@link #next()}
     */
    CharSequence field(int i) {
        if (i >= count) {
            throw new IndexOutOfBoundsException(i);
        }
        if (fields.length <= i) {
            int old = fields.length;
            fields = Arrays.copyOf(fields, Math.max(count, 8));
            for (int k = old; k < fields.length; k++) {
                fields[k] = new Field();
            }
        }
        Field f = fields[i];
        f.start = starts[i];
        f.end = ends[i];
        return f;
    }

    /** @return the field as a new String */
    String string(int i) {
        if (i >= count) {
            throw new IndexOutOfBoundsException(i);
        }
        return new String(buf, starts[i], ends[i] - starts[i]);
    }

    /** @return the fields of the current record as new Strings */
    String[] values() {
        String[] v = new String[count];
        for (int i = 0; i < count; i++) {
            v[i] = string(i);
        }
        return v;
    }

    /** @return what Commons CSV's {@code getCurrentLineNumber()} says after the current record */
    long lineNumber() {
        if (lastChar == CR || lastChar == LF || lastChar == UNDEFINED || lastChar == EOF) {
            return lineNumber;
        }
        return lineNumber + 1;
    }

    /**
     * Reads the next record.
     *
     * @return false at the end of the text
     * @throws IOException from the reader, or for a quote that is never closed or text after a
     *     closing quote (with Commons CSV's messages)
     */
    boolean next() throws IOException {
        count = 0;
        // Fields of the previous record are no longer needed: their chars may be reused.
        recordStart = pos;
        int type;
        do {
            type = nextToken();
            if (type == TOKEN || type == EORECORD || type == EOF_TOKEN && ready) {
                count++;
            }
        } while (type == TOKEN);
        return count > 0;
    }

    /** One token, as Commons CSV's {@code Lexer.nextToken}; a field's range goes to starts/ends[count]. */
    private int nextToken() throws IOException {
        ready = false;
        int last = lastChar;
        int c = read();
        boolean eol = readEndOfLine(c);
        if (ignoreEmptyLines) {
            while (eol && isStartOfLine(last)) {
                last = c;
                c = read();
                eol = readEndOfLine(c);
                if (c == EOF) {
                    return EOF_TOKEN;
                }
            }
        }
        if (last == EOF || !lastTokenDelimiter && c == EOF) {
            return EOF_TOKEN;
        }
        if (isDelimiter(c)) {
            empty();
            return TOKEN;
        }
        if (eol) {
            empty();
            return EORECORD;
        }
        if (c == quote) {
            return quoted();
        }
        if (c == EOF) {
            empty();
            ready = true;
            return EOF_TOKEN;
        }
        return simple();
    }

    /** Commons CSV's {@code isDelimiter}: remembers whether the last char tested was the delimiter. */
    private boolean isDelimiter(int c) {
        lastTokenDelimiter = c == delimiter;
        return lastTokenDelimiter;
    }

    private static boolean isStartOfLine(int c) {
        return c == LF || c == CR || c == UNDEFINED;
    }

    private void empty() {
        field(pos, pos);
    }

    private void field(int start, int end) {
        if (count == starts.length) {
            starts = Arrays.copyOf(starts, count * 2);
            ends = Arrays.copyOf(ends, count * 2);
        }
        starts[count] = start;
        ends[count] = end;
    }

    /** A field without quotes; its first char has just been read. */
    private int simple() throws IOException {
        tokenStart = pos - 1;
        while (true) {
            // scan ordinary chars without the per-char bookkeeping of read()
            char[] b = buf;
            int p = pos;
            int n = limit;
            char d = delimiter;
            while (p < n) {
                char ch = b[p];
                if (ch == d || ch == '\n' || ch == '\r') {
                    break;
                }
                p++;
            }
            if (p > pos) {
                position += p - pos;
                lastChar = b[p - 1];
                lastTokenDelimiter = false;
                pos = p;
            }
            if (p < n || !fill()) {
                break;
            }
        }
        tokenEnd = pos;
        int c = read();
        if (readEndOfLine(c)) {
            field(tokenStart, tokenEnd);
            return EORECORD;
        }
        if (c == EOF) {
            field(tokenStart, tokenEnd);
            ready = true;
            return EOF_TOKEN;
        }
        isDelimiter(c);
        field(tokenStart, tokenEnd);
        return TOKEN;
    }

    /** A quoted field; its opening quote has just been read. Doubled quotes are undone in place. */
    private int quoted() throws IOException {
        long startLine = lineNumber();
        tokenStart = pos;
        tokenOut = pos; // where the next char of the field's text goes; never after pos
        while (true) {
            int c = read();
            if (c == quote) {
                if (peek() == quote) {
                    read();
                    buf[tokenOut++] = (char) quote;
                    continue;
                }
                tokenEnd = tokenOut;
                while (true) {
                    c = read();
                    if (isDelimiter(c)) {
                        field(tokenStart, tokenEnd);
                        return TOKEN;
                    }
                    if (c == EOF) {
                        field(tokenStart, tokenEnd);
                        ready = true;
                        return EOF_TOKEN;
                    }
                    if (readEndOfLine(c)) {
                        field(tokenStart, tokenEnd);
                        return EORECORD;
                    }
                    if (!Character.isWhitespace((char) c)) {
                        throw new IOException(String.format(
                            "Invalid character between encapsulated token and delimiter at line: %,d, position: %,d",
                            lineNumber(), position));
                    }
                }
            }
            if (c == EOF) {
                throw new IOException(String.format("(startline %,d) EOF reached before encapsulated token finished",
                    startLine));
            }
            buf[tokenOut++] = (char) c;
        }
    }

    /** Commons CSV's {@code readEndOfLine}: CR LF is one line end, and its LF is read too. */
    private boolean readEndOfLine(int c) throws IOException {
        if (c == CR && peek() == LF) {
            read();
        }
        return c == LF || c == CR;
    }

    /** Commons CSV's {@code ExtendedBufferedReader.read}: one char, counting line ends. */
    private int read() throws IOException {
        if (pos == limit && !fill()) {
            if (lastChar != CR && lastChar != LF && lastChar != EOF) {
                lineNumber++;
            }
            lastChar = EOF;
            position++;
            return EOF;
        }
        int c = buf[pos++];
        if (c == CR || c == LF && lastChar != CR) {
            lineNumber++;
        }
        lastChar = c;
        position++;
        return c;
    }

    /** @return the next char without reading it, or EOF */
    private int peek() throws IOException {
        if (pos == limit && !fill()) {
            return EOF;
        }
        return buf[pos];
    }

    /**
     * Reads more text after {@code limit}. The current record's chars (from {@link #recordStart})
     * are kept; they may move to the front of the buffer, and every position into them moves along.
     *
     * @return false at the end of the text
     */
    private boolean fill() throws IOException {
        if (eof) {
            return false;
        }
        if (buf.length - limit < chunk) {
            int keep = limit - recordStart;
            int shift = recordStart;
            if (keep + chunk <= buf.length) {
                System.arraycopy(buf, recordStart, buf, 0, keep);
            } else {
                char[] bigger = new char[Math.max(buf.length * 2, keep + chunk)];
                System.arraycopy(buf, recordStart, bigger, 0, keep);
                buf = bigger;
            }
            for (int i = 0; i < count; i++) {
                starts[i] -= shift;
                ends[i] -= shift;
            }
            pos -= shift;
            limit -= shift;
            tokenStart -= shift;
            tokenOut -= shift;
            tokenEnd -= shift;
            recordStart = 0;
        }
        int n;
        do {
            n = in.read(buf, limit, chunk);
        } while (n == 0);
        if (n < 0) {
            eof = true;
            return false;
        }
        limit += n;
        return true;
    }

    /** A field of the current record, as a view of the buffer. */
    final class Field implements CharSequence {
        int start;
        int end;

        @Override
        public int length() {
            return end - start;
        }

        @Override
        public char charAt(int index) {
            return buf[start + index];
        }

        @Override
        public CharSequence subSequence(int from, int to) {
            return new String(buf, start + from, to - from);
        }

        @Override
        public String toString() {
            return new String(buf, start, end - start);
        }
    }

    @Override
    public String toString() {
        return "CsvLexer[delimiter=" + delimiter + ", quote=" + (quote == NO_QUOTE ? "none" : String.valueOf((char) quote))
            + ", line " + lineNumber + "]";
    }
}
