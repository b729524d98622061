package io.xtage.source.http;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * The decoded body as a format reads it: counts bytes and remembers the first I/O failure, so
 * that a failed read can be told apart from bad data whatever the format wraps it in.
 */
final class TransportStream extends FilterInputStream {
    private long bytes;
    private IOException failure;

    TransportStream(InputStream in) {
        super(in);
    }

    long bytes() {
        return bytes;
    }

    /** @return the first I/O failure of the underlying stream, or null */
    IOException failure() {
        return failure;
    }

    @Override
    public int read() throws IOException {
        try {
            int b = in.read();
            if (b >= 0) {
                bytes++;
            }
            return b;
        } catch (IOException e) {
            throw record(e);
        }
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        try {
            int n = in.read(b, off, len);
            if (n > 0) {
                bytes += n;
            }
            return n;
        } catch (IOException e) {
            throw record(e);
        }
    }

    @Override
    public long skip(long n) throws IOException {
        try {
            long s = in.skip(n);
            bytes += s;
            return s;
        } catch (IOException e) {
            throw record(e);
        }
    }

    @Override
    public boolean markSupported() {
        return false;
    }

    private IOException record(IOException e) {
        if (failure == null) {
            failure = e;
        }
        return e;
    }
}
