package io.xtage.source.csv;

import java.io.ByteArrayInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import java.util.function.Function;

/**
 * Ways to hand the same bytes to a parser, so that bugs at buffer boundaries show: whole, one byte
 * per read call, and random small chunks. Shared by the CSV and JSON tests.
 */
public final class TestStreams {
    private TestStreams() {
    }

    /** @return named ways to turn bytes into a stream */
    public static Map<String, Function<byte[], InputStream>> all() {
        Map<String, Function<byte[], InputStream>> m = new LinkedHashMap<>();
        m.put("whole", ByteArrayInputStream::new);
        m.put("one byte per read", b -> new OneByte(new ByteArrayInputStream(b)));
        m.put("random chunks", b -> new Chunked(new ByteArrayInputStream(b), new Random(42)));
        return m;
    }

    /** Returns at most one byte per read call. */
    public static final class OneByte extends FilterInputStream {
        public OneByte(InputStream in) {
            super(in);
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            return len == 0 ? 0 : super.read(b, off, 1);
        }

        @Override
        public int available() {
            return 0;
        }
    }

    /** Returns 1 to 7 bytes per read call. */
    public static final class Chunked extends FilterInputStream {
        private final Random random;

        public Chunked(InputStream in, Random random) {
            super(in);
            this.random = random;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            return len == 0 ? 0 : super.read(b, off, Math.min(len, 1 + random.nextInt(7)));
        }

        @Override
        public int available() {
            return 0;
        }
    }
}
