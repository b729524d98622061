package io.xtage.source.json;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * Splits bytes into lines on {@code \n} (a {@code \r} before it is dropped), without decoding, so
 * that each NDJSON line can be parsed on its own and a broken line costs only itself. A line longer
 * than the limit is skipped without being buffered and reported as too long. A UTF-8 byte order
 * mark at the start is skipped. Not thread-safe.
 */
final class NdjsonLines {
    private static final int INITIAL = 1 << 16;
    private static final int PREFIX = 300;

    private final InputStream in;
    private final int max;
    private byte[] buf = new byte[INITIAL];
    private int pos;
    private int limit;
    private boolean eof;
    private boolean started;
    private long lineNumber;
    private int start;
    private int length;
    private boolean tooLong;
    private String tooLongPrefix;

    NdjsonLines(InputStream in, int maxLineLength) {
        this.in = in;
        this.max = maxLineLength;
    }

    /** @return true when a line is ready; false at the end of the input */
    boolean next() throws IOException {
        tooLong = false;
        if (!started) {
            started = true;
            while (limit < 3 && !eof) {
                read();
            }
            if (limit >= 3 && (buf[0] & 0xff) == 0xEF && (buf[1] & 0xff) == 0xBB && (buf[2] & 0xff) == 0xBF) {
                pos = 3;
            }
        }
        int scan = pos;
        while (true) {
            int nl = indexOfNewline(scan);
            if (nl >= 0) {
                line(pos, nl);
                pos = nl + 1;
                return true;
            }
            if (limit - pos > max) {
                skipLongLine();
                return true;
            }
            if (eof) {
                if (pos < limit) {
                    line(pos, limit);
                    pos = limit;
                    return true;
                }
                return false;
            }
            int scanned = limit - pos;
            makeRoom();
            scan = pos + scanned;
            read();
        }
    }

    private void line(int from, int to) {
        int end = to;
        if (end > from && buf[end - 1] == '\r') {
            end--;
        }
        start = from;
        length = end - from;
        lineNumber++;
    }

    private void skipLongLine() throws IOException {
        tooLong = true;
        lineNumber++;
        tooLongPrefix = new String(buf, pos, Math.min(PREFIX, limit - pos), StandardCharsets.UTF_8);
        start = pos;
        length = 0;
        while (true) {
            int nl = indexOfNewline(pos);
            if (nl >= 0) {
                pos = nl + 1;
                return;
            }
            pos = 0;
            limit = 0;
            if (eof) {
                return;
            }
            read();
        }
    }

    private int indexOfNewline(int from) {
        byte[] b = buf;
        for (int i = from; i < limit; i++) {
            if (b[i] == '\n') {
                return i;
            }
        }
        return -1;
    }

    private void makeRoom() {
        if (pos > 0) {
            System.arraycopy(buf, pos, buf, 0, limit - pos);
            limit -= pos;
            pos = 0;
        }
        if (limit == buf.length) {
            long grown = Math.min((long) buf.length * 2, (long) max + 2);
            byte[] nb = new byte[(int) Math.max(grown, buf.length + 1)];
            System.arraycopy(buf, 0, nb, 0, limit);
            buf = nb;
        }
    }

    private void read() throws IOException {
        int n = in.read(buf, limit, buf.length - limit);
        if (n < 0) {
            eof = true;
        } else {
            limit += n;
        }
    }

    long lineNumber() {
        return lineNumber;
    }

    boolean isTooLong() {
        return tooLong;
    }

    byte[] buffer() {
        return buf;
    }

    int start() {
        return start;
    }

    int length() {
        return length;
    }

    boolean isBlank() {
        for (int i = start, end = start + length; i < end; i++) {
            byte c = buf[i];
            if (c != ' ' && c != '\t' && c != '\r') {
                return false;
            }
        }
        return true;
    }

    /** @return the start of the line as text, for a reject */
    String text() {
        if (tooLong) {
            return tooLongPrefix;
        }
        return new String(buf, start, Math.min(PREFIX, length), StandardCharsets.UTF_8);
    }
}
