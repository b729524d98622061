package io.xtage.source.http;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.ByteBuffer;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A response body as a blocking stream that fails when no bytes arrive for the idle timeout.
 *
 * <p>The JDK's {@code BodyHandlers.ofInputStream()} applies the request timeout to the headers
 * only: a server that sends headers and then stalls would block a read forever, and a blocked
 * read cannot be woken by closing the stream. This one polls with a timeout instead. It asks for
 * one chunk at a time, so at most two chunks are held.
 */
final class BodyStream extends InputStream implements HttpResponse.BodySubscriber<InputStream> {
    private static final Object END = new Object();

    private final LinkedBlockingQueue<Object> queue = new LinkedBlockingQueue<>();
    private final long idleNanos;
    private volatile Flow.Subscription subscription;
    private volatile boolean closed;
    private Iterator<ByteBuffer> chunk;
    private ByteBuffer buffer;
    private boolean eof;
    private IOException failure;

    BodyStream(long idleNanos) {
        this.idleNanos = idleNanos;
    }

    static HttpResponse.BodyHandler<InputStream> handler(long idleNanos) {
        return info -> new BodyStream(idleNanos);
    }

    @Override
    public CompletionStage<InputStream> getBody() {
        return CompletableFuture.completedFuture(this);
    }

    @Override
    public void onSubscribe(Flow.Subscription s) {
        if (subscription != null || closed) {
            s.cancel();
            return;
        }
        subscription = s;
        s.request(1);
    }

    @Override
    public void onNext(List<ByteBuffer> item) {
        queue.offer(item);
    }

    @Override
    public void onError(Throwable t) {
        queue.offer(t);
    }

    @Override
    public void onComplete() {
        queue.offer(END);
    }

    /** @return true when {@link #buffer} has bytes, false at the end of the body */
    private boolean fill() throws IOException {
        while (buffer == null || !buffer.hasRemaining()) {
            if (chunk != null && chunk.hasNext()) {
                buffer = chunk.next();
                continue;
            }
            if (eof) {
                return false;
            }
            if (failure != null) {
                throw failure;
            }
            if (closed) {
                throw new IOException("response body already closed");
            }
            Object o;
            try {
                o = queue.poll(idleNanos, TimeUnit.NANOSECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                cancel();
                failure = new InterruptedIOException("interrupted while reading the response body");
                throw failure;
            }
            if (o == null) {
                cancel();
                failure = new BodyTimeoutException("no body bytes received for "
                    + TimeUnit.NANOSECONDS.toMillis(idleNanos) + " ms");
                throw failure;
            }
            if (o == END) {
                eof = true;
                return false;
            }
            if (o instanceof Throwable) {
                cancel();
                Throwable t = (Throwable) o;
                failure = t instanceof IOException ? (IOException) t : new IOException(t.getMessage(), t);
                throw failure;
            }
            @SuppressWarnings("unchecked")
            List<ByteBuffer> list = (List<ByteBuffer>) o;
            chunk = list.iterator();
            buffer = null;
            subscription.request(1);
        }
        return true;
    }

    @Override
    public int read() throws IOException {
        return fill() ? buffer.get() & 0xff : -1;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        if (len == 0) {
            return 0;
        }
        if (!fill()) {
            return -1;
        }
        int n = Math.min(len, buffer.remaining());
        buffer.get(b, off, n);
        return n;
    }

    @Override
    public int available() {
        return buffer == null ? 0 : buffer.remaining();
    }

    @Override
    public void close() {
        closed = true;
        cancel();
        queue.clear();
    }

    private void cancel() {
        Flow.Subscription s = subscription;
        if (s != null) {
            s.cancel();
        }
    }

    /** The body stalled: no bytes for the idle timeout after the headers arrived. */
    static final class BodyTimeoutException extends HttpTimeoutException {
        private static final long serialVersionUID = 1L;

        BodyTimeoutException(String message) {
            super(message);
        }
    }
}
