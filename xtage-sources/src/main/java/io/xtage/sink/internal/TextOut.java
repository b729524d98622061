package io.xtage.sink.internal;

import java.io.Closeable;
import java.io.Flushable;
import java.io.IOException;
import java.io.Writer;
import java.util.Arrays;
import java.util.Objects;

/**
 * A character buffer in front of a {@link Writer}, with appenders for the values sinks write
 * most (longs, ints, dates) that do not allocate a String per value; or, made by
 * {@link #inMemory(int)}, a growing buffer that holds text until it is appended elsewhere. Not
 * thread-safe. No compatibility promise.
 */
public final class TextOut implements Flushable, Closeable {
    /** 64 K chars: large enough that a row rarely straddles two flushes. */
    public static final int DEFAULT_BUFFER = 1 << 16;

    /** Where full buffers go; null for a text kept in memory. */
    private final Writer out;
    private char[] buf;
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

    private TextOut(int size) {
        this.out = null;
        this.buf = new char[Math.max(64, size)];
    }

    /** @param out where full buffers go @return a text output with the default buffer */
    public static TextOut of(Writer out) {
        return new TextOut(out, DEFAULT_BUFFER);
    }

    /**
     * @param initialSize chars to start with; the buffer grows as needed
     * @return a text kept in memory, to be {@link #appendTo appended} elsewhere
     */
    public static TextOut inMemory(int initialSize) {
        return new TextOut(initialSize);
    }

    /** @return chars held and not yet written */
    public int length() {
        return pos;
    }

    /** Forgets the chars held, keeping the buffer. */
    public void clear() {
        pos = 0;
    }

    /**
     * Appends the chars this holds to another output.
     *
     * @param other where to append
     * @throws IOException from the other output's writer
     */
    public void appendTo(TextOut other) throws IOException {
        other.append(buf, 0, pos);
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
            if (out != null && n > buf.length) {
                out.write(s, from, n);
                return this;
            }
            ensure(n);
        }
        s.getChars(from, to, buf, pos);
        pos += n;
        return this;
    }

    /**
     * @param chars text
     * @param from first index, inclusive
     * @param to last index, exclusive
     * @return this
     * @throws IOException from the writer
     */
    public TextOut append(char[] chars, int from, int to) throws IOException {
        int n = to - from;
        if (n > buf.length - pos) {
            drain();
            if (out != null && n > buf.length) {
                out.write(chars, from, n);
                return this;
            }
            ensure(n);
        }
        System.arraycopy(chars, from, buf, pos, n);
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
        if (v >= 0 && v < 10) {
            // one digit (flags, counts): no call, no division
            buf[pos++] = (char) ('0' + v);
            return this;
        }
        if (v < 0) {
            buf[pos++] = '-';
            v = -v;
        }
        if (v <= Integer.MAX_VALUE) {
            int i = (int) v;
            pos += intDigits(i);
            putInt(i, pos);
            return this;
        }
        int digits = digits(v);
        int end = pos + digits;
        int p = end;
        // 64-bit divisions until the rest fits an int
        while (v > Integer.MAX_VALUE) {
            long q = v / 100;
            int r = (int) (v - q * 100);
            buf[--p] = ONES[r];
            buf[--p] = TENS[r];
            v = q;
        }
        putInt((int) v, p);
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
        if (v <= Integer.MAX_VALUE && width <= 10) {
            if (buf.length - pos < 10) {
                drain();
            }
            int i = (int) v;
            int end = pos + Math.max(width, intDigits(i));
            int p = putInt(i, end);
            while (p > pos) {
                buf[--p] = '0';
            }
            pos = end;
            return this;
        }
        int digits = digits(v);
        for (int i = digits; i < width; i++) {
            append('0');
        }
        return append(v);
    }

    /**
     * Appends {@code v / 10^scale} in plain decimal notation: {@code appendDecimal(331, 2)} is
     * {@code 3.31}, {@code appendDecimal(5, 3)} is {@code 0.005}, {@code appendDecimal(930, 1)} is
     * {@code 93.0}. At least one digit comes before the point; digits after it are all of
     * {@code v}'s last {@code scale}, trailing zeros included.
     *
     * @param v the digits, >= 0
     * @param scale digits after the point, 1 to 40
     * @return this
     * @throws IOException from the writer
     */
    public TextOut appendDecimal(long v, int scale) throws IOException {
        int whole = Math.max(1, digits(v) - scale);
        int total = whole + 1 + scale;
        if (buf.length - pos < total) {
            drain();
        }
        int p = pos + total;
        int left = scale;
        // fraction digits, two at a time, in long arithmetic until the rest fits an int
        while (left >= 2 && v > Integer.MAX_VALUE) {
            long q = v / 100;
            int r = (int) (v - q * 100);
            buf[--p] = ONES[r];
            buf[--p] = TENS[r];
            v = q;
            left -= 2;
        }
        int i = (int) Math.min(v, Integer.MAX_VALUE);
        if (v > Integer.MAX_VALUE) {
            // left is 1 here (or 0); one more digit in long arithmetic
            if (left == 1) {
                long q = v / 10;
                buf[--p] = (char) ('0' + (int) (v - q * 10));
                v = q;
                left = 0;
            }
            buf[--p] = '.';
            p = putLongDigits(v, p);
        } else {
            while (left >= 2) {
                int q = i / 100;
                int r = i - q * 100;
                buf[--p] = ONES[r];
                buf[--p] = TENS[r];
                i = q;
                left -= 2;
            }
            if (left == 1) {
                int q = i / 10;
                buf[--p] = (char) ('0' + (i - q * 10));
                i = q;
            }
            buf[--p] = '.';
            p = putInt(i, p);
        }
        // p is now pos: the whole part has at least one digit ('0' for a value below 1)
        pos += total;
        return this;
    }

    /** Writes the digits of {@code v} >= 0 ending just before {@code end}; @return where they start */
    private int putLongDigits(long v, int end) {
        int p = end;
        while (v > Integer.MAX_VALUE) {
            long q = v / 100;
            int r = (int) (v - q * 100);
            buf[--p] = ONES[r];
            buf[--p] = TENS[r];
            v = q;
        }
        return putInt((int) v, p);
    }

    /**
     * Appends an ISO date, {@code yyyy-MM-dd}.
     *
     * @param year 0 to 9999
     * @param month 1 to 12
     * @param day 1 to 31
     * @return this
     * @throws IOException from the writer
     */
    public TextOut appendIsoDate(int year, int month, int day) throws IOException {
        if (buf.length - pos < 10) {
            drain();
        }
        int hi = (int) ((year * 1374389535L) >>> 37); // year / 100
        int lo = year - hi * 100;
        char[] b = buf;
        int p = pos;
        b[p] = TENS[hi];
        b[p + 1] = ONES[hi];
        b[p + 2] = TENS[lo];
        b[p + 3] = ONES[lo];
        b[p + 4] = '-';
        b[p + 5] = TENS[month];
        b[p + 6] = ONES[month];
        b[p + 7] = '-';
        b[p + 8] = TENS[day];
        b[p + 9] = ONES[day];
        pos = p + 10;
        return this;
    }

    /** Two-digit tables, as {@link Integer#toString(int)} uses: tens and ones digit of 0 to 99. */
    private static final char[] TENS = new char[100];
    private static final char[] ONES = new char[100];

    static {
        for (int i = 0; i < 100; i++) {
            TENS[i] = (char) ('0' + i / 10);
            ONES[i] = (char) ('0' + i % 10);
        }
    }

    /** Writes the digits of {@code v} >= 0 so that they end just before {@code end}; @return where they start */
    private int putInt(int v, int end) {
        int p = end;
        while (v >= 100) {
            // v / 100 as a multiplication, exact for every int >= 0: cheaper before the JIT's
            // optimizing compiler, which makes the same replacement, has compiled this
            int q = (int) ((v * 1374389535L) >>> 37);
            int r = v - q * 100;
            buf[--p] = ONES[r];
            buf[--p] = TENS[r];
            v = q;
        }
        if (v >= 10) {
            buf[--p] = ONES[v];
            buf[--p] = TENS[v];
        } else {
            buf[--p] = (char) ('0' + v);
        }
        return p;
    }

    private static int intDigits(int v) {
        if (v < 100_000) {
            return v < 100 ? (v < 10 ? 1 : 2) : v < 1_000 ? 3 : v < 10_000 ? 4 : 5;
        }
        return v < 10_000_000 ? (v < 1_000_000 ? 6 : 7) : v < 100_000_000 ? 8 : v < 1_000_000_000 ? 9 : 10;
    }

    private static int digits(long v) {
        if (v <= Integer.MAX_VALUE) {
            return intDigits((int) v);
        }
        int d = 10;
        long p = 10_000_000_000L;
        while (d < 19 && v >= p) {
            d++;
            p *= 10;
        }
        return d;
    }

    /** Makes room: writes the buffer out, or in memory doubles it. */
    private void drain() throws IOException {
        if (out == null) {
            ensure(buf.length);
        } else if (pos > 0) {
            out.write(buf, 0, pos);
            pos = 0;
        }
    }

    /** Grows an in-memory buffer so that {@code n} more chars fit. */
    private void ensure(int n) {
        if (n > buf.length - pos) {
            long size = Math.max((long) buf.length * 2, (long) pos + n);
            if (size > Integer.MAX_VALUE - 16) {
                throw new OutOfMemoryError("text of " + size + " chars does not fit a buffer");
            }
            buf = Arrays.copyOf(buf, (int) size);
        }
    }

    /** Writes the buffer to the writer and flushes it; nothing for a text in memory. @throws IOException from the writer */
    @Override
    public void flush() throws IOException {
        if (out != null) {
            drain();
            out.flush();
        }
    }

    /** Flushes, then closes the writer; nothing for a text in memory. @throws IOException from the writer */
    @Override
    public void close() throws IOException {
        if (out == null) {
            return;
        }
        try {
            drain();
        } finally {
            out.close();
        }
    }
}
