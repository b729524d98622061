package io.xtage.source.csv;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.util.Objects;

/**
 * Decodes bytes to characters, strictly: a byte sequence that is not valid in the charset is an
 * error naming its line and byte offset, never a replacement character. Also skips a byte order
 * mark at the start, counts line breaks (for that error's line) and stops a record that grows past
 * a limit, so that an unclosed quote cannot read a whole file into one field.
 *
 * <p>Not thread-safe.
 */
final class DecodingReader extends Reader {
    /**
     * How far the parser may read ahead of the record it is on: Commons CSV's buffer is 8 Ki
     * characters; 64 Ki leaves room should that grow. The record limit is checked with this slack,
     * so it never fires for a record shorter than the limit.
     */
    static final int READ_AHEAD_SLACK = 1 << 16;

    private static final int BUFFER_BYTES = 1 << 16;

    private final InputStream in;
    private final Charset charset;
    private final CharsetDecoder decoder;
    private final ByteBuffer bytes = ByteBuffer.allocate(BUFFER_BYTES);
    private final long maxRecordChars;
    private boolean eof;
    private boolean flushed;
    private boolean started;
    private long bytesDecoded;
    private long charsDelivered;
    private long recordStart;
    private long lineBreaks;
    private boolean lastCr;
    private IOException failure;

    DecodingReader(InputStream in, Charset charset, int maxRecordChars) {
        this.in = Objects.requireNonNull(in, "in");
        this.charset = charset;
        this.decoder = charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
        this.maxRecordChars = maxRecordChars;
        bytes.flip();
    }

    /** Tells the reader that the parser has finished a record, so the next one starts about here. */
    void recordBoundary() {
        recordStart = charsDelivered;
    }

    @Override
    public int read(char[] cbuf, int off, int len) throws IOException {
        Objects.checkFromIndexSize(off, len, cbuf.length);
        if (len == 0) {
            return 0;
        }
        int n;
        do {
            n = fill(cbuf, off, len);
        } while (n == 0);
        if (n < 0) {
            return -1;
        }
        lineBreaks += countBreaks(cbuf, off, n);
        charsDelivered += n;
        if (charsDelivered - recordStart > maxRecordChars + READ_AHEAD_SLACK) {
            failure = new CsvInputException(CsvInputException.Problem.RECORD_TOO_LONG,
                "a record is longer than " + maxRecordChars + " characters", -1);
            throw failure;
        }
        return n;
    }

    /** @return chars decoded into cbuf (0 when only a byte order mark was), or -1 at the end */
    private int fill(char[] cbuf, int off, int len) throws IOException {
        if (failure != null) {
            throw failure;
        }
        if (flushed) {
            return -1;
        }
        CharBuffer out = CharBuffer.wrap(cbuf, off, len);
        while (true) {
            int before = bytes.position();
            CoderResult cr = decoder.decode(bytes, out, eof);
            bytesDecoded += bytes.position() - before;
            if (cr.isError()) {
                failure = malformed(cr, cbuf, off, out.position() - off);
                if (out.position() > off) {
                    break; // hand over the good text first; the next call throws
                }
                throw failure;
            }
            if (cr.isOverflow()) {
                break;
            }
            if (eof) {
                if (decoder.flush(out).isUnderflow()) {
                    flushed = true;
                }
                break;
            }
            if (out.position() > off) {
                break; // deliver what is decoded rather than block for more input
            }
            readMore();
        }
        int n = out.position() - off;
        if (n == 0) {
            return flushed ? -1 : 0;
        }
        if (!started) {
            started = true;
            if (cbuf[off] == '\uFEFF') {
                System.arraycopy(cbuf, off + 1, cbuf, off, n - 1);
                n--;
            }
        }
        return n;
    }

    private void readMore() throws IOException {
        bytes.compact();
        int r = in.read(bytes.array(), bytes.arrayOffset() + bytes.position(), bytes.remaining());
        if (r < 0) {
            eof = true;
        } else {
            bytes.position(bytes.position() + r);
        }
        bytes.flip();
    }

    private CsvInputException malformed(CoderResult cr, char[] cbuf, int off, int n) {
        long line = lineBreaks + 1 + (cbuf == null ? 0 : countBreaksFrom(cbuf, off, n, lastCr));
        StringBuilder hex = new StringBuilder();
        for (int i = 0; i < cr.length() && bytes.position() + i < bytes.limit(); i++) {
            hex.append(i == 0 ? "" : " ").append(String.format("0x%02X", bytes.get(bytes.position() + i) & 0xff));
        }
        return new CsvInputException(CsvInputException.Problem.MALFORMED,
            "invalid " + charset.name() + " at line " + line + " (byte offset " + bytesDecoded
                + (hex.length() == 0 ? "" : ": " + hex) + ")", line);
    }

    private long countBreaks(char[] c, int off, int n) {
        long breaks = 0;
        boolean cr = lastCr;
        for (int i = off, end = off + n; i < end; i++) {
            char ch = c[i];
            if (ch > '\r') {
                cr = false;
            } else if (ch == '\n') {
                if (!cr) {
                    breaks++;
                }
                cr = false;
            } else if (ch == '\r') {
                breaks++;
                cr = true;
            } else {
                cr = false;
            }
        }
        lastCr = cr;
        return breaks;
    }

    private static long countBreaksFrom(char[] c, int off, int n, boolean lastCr) {
        long breaks = 0;
        boolean cr = lastCr;
        for (int i = off, end = off + n; i < end; i++) {
            char ch = c[i];
            if (ch == '\n') {
                if (!cr) {
                    breaks++;
                }
                cr = false;
            } else {
                cr = ch == '\r';
                if (cr) {
                    breaks++;
                }
            }
        }
        return breaks;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
