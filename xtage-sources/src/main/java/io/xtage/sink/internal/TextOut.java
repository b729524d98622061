package io.xtage.sink.internal;

import java.io.Closeable;
import java.io.Flushable;
import java.io.IOException;
import java.io.Writer;
import java.util.Objects;

/**
 * A character buffer in front of a {@link Writer}, with appenders for the values sinks write
 * most (longs, ints, dates) that do not allocate a String per value. Not thread-safe. No
 * compatibility promise.
 */
public final class TextOut implements Flushable, Closeable {
    /** 64 K chars: large enough that a row rarely straddles two flushes. */
    public static final int DEFAULT_BUFFER = 1 << 16;

    private final Writer out;
    private final char[] buf;
    private int pos;

    /**
     * @param out where full buffers go; closed by {@link #close()}
     * @param size buffer size in chars, at least 64
     */
    public TextOut(Writer out, int size) {
        this.out = Objects.requireNonNull(out, "out");
        if (size < 64) {
            throw new IllegalArgumentException("size must be >= 64 (was " + size + ")");
        }
        this.buf = new char[size];
    }

    /** @param out where full buffers go @return a text output with the default buffer */
    public static TextOut of(Writer out) {
        return new TextOut(out, DEFAULT_BUFFER);
    }

    /**
     * @param c a char
     * @return this
     * @throws IOException from the writer
     */
    public TextOut append(char c) throws IOException {
        if (pos == buf.length) {
            drain();
        }
        buf[pos++] = c;
        return this;
    }

    /**
     * @param s text
     * @return this
     * @throws IOException from the writer
     */
    public TextOut append(String s) throws IOException {
        return append(s, 0, s.length());
    }

    /**
     * @param s text
     * @param from first index, inclusive
     * @param to last index, exclusive
     * @return this
     * @throws IOException from the writer
     */
    public TextOut append(String s, int from, int to) throws IOException {
        int n = to - from;
        if (n > buf.length - pos) {
            drain();
            if (n > buf.length) {
                out.write(s, from, n);
                return this;
            }
        }
        s.getChars(from, to, buf, pos);
        pos += n;
        return this;
    }

    /**
     * Appends a long in decimal, without allocating.
     *
     * @param v the value
     * @return this
     * @throws IOException from the writer
     */
    public TextOut append(long v) throws IOException {
        if (v == Long.MIN_VALUE) {
            return append("-9223372036854775808");
        }
        if (buf.length - pos < 20) {
            drain();
        }
        if (v < 0) {
            buf[pos++] = '-';
            v = -v;
        }
        int digits = digits(v);
        int end = pos + digits;
        int p = end;
        do {
            buf[--p] = (char) ('0' + (int) (v % 10));
            v /= 10;
        } while (v != 0);
        pos = end;
        return this;
    }

    /**
     * Appends {@code v} with at least {@code width} digits, zero-padded; {@code v} >= 0.
     *
     * @param v a non-negative value
     * @param width minimum digits
     * @return this
     * @throws IOException from the writer
     */
    public TextOut appendPadded(long v, int width) throws IOException {
        int digits = digits(v);
        for (int i = digits; i < width; i++) {
            append('0');
        }
        return append(v);
    }

    private static int digits(long v) {
        int d = 1;
        long p = 10;
        while (d < 19 && v >= p) {
            d++;
            p *= 10;
        }
        return d;
    }

    private void drain() throws IOException {
        if (pos > 0) {
            out.write(buf, 0, pos);
            pos = 0;
        }
    }

    /** Writes the buffer to the writer and flushes it. @throws IOException from the writer */
    @Override
    public void flush() throws IOException {
        drain();
        out.flush();
    }

    /** Flushes, then closes the writer. @throws IOException from the writer */
    @Override
    public void close() throws IOException {
        try {
            drain();
        } finally {
            out.close();
        }
    }
}
