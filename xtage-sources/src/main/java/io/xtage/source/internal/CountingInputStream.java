package io.xtage.source.internal;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PushbackInputStream;
import java.util.zip.GZIPInputStream;

/**
 * Counts the bytes read through it, for progress, and does not close what it wraps (the caller
 * that opened a stream closes it). Not thread-safe.
 */
public final class CountingInputStream extends FilterInputStream {
    private static final int GZIP_BUFFER = 1 << 16;

    private long count;

    /** @param in the stream to count; not closed by {@link #close()} */
    public CountingInputStream(InputStream in) {
        super(in);
    }

    /** @return bytes read so far */
    public long count() {
        return count;
    }

    @Override
    public int read() throws IOException {
        int b = in.read();
        if (b >= 0) {
            count++;
        }
        return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        int n = in.read(b, off, len);
        if (n > 0) {
            count += n;
        }
        return n;
    }

    @Override
    public long skip(long n) throws IOException {
        long s = in.skip(n);
        count += s;
        return s;
    }

    @Override
    public boolean markSupported() {
        return false;
    }

    @Override
    public void close() {
        // the opener closes the underlying stream
    }

    /**
     * @param in a stream
     * @return the stream, decompressed when it starts with the gzip magic bytes 1F 8B
     * @throws IOException if the gzip header is broken
     */
    public static InputStream gunzipIfCompressed(InputStream in) throws IOException {
        PushbackInputStream p = new PushbackInputStream(in, 2);
        byte[] magic = new byte[2];
        int n = 0;
        while (n < 2) {
            int r = p.read(magic, n, 2 - n);
            if (r < 0) {
                break;
            }
            n += r;
        }
        p.unread(magic, 0, n);
        if (n == 2 && (magic[0] & 0xff) == 0x1f && (magic[1] & 0xff) == 0x8b) {
            return new GZIPInputStream(p, GZIP_BUFFER);
        }
        return p;
    }
}
