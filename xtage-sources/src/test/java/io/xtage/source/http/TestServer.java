package io.xtage.source.http;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.xtage.source.LogCapture;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.GZIPOutputStream;

/** The JDK's HttpServer on loopback, port 0, with scripted responses and a log of requests. */
final class TestServer implements AutoCloseable {
    static {
        LogCapture.enableDebug(TestServer.class);
    }

    /** What the server received. */
    record Request(String method, URI uri, Headers headers, String body) {
        String header(String name) {
            return headers.getFirst(name);
        }

        String query() {
            return uri.getRawQuery() == null ? "" : uri.getRawQuery();
        }
    }

    /** Answers one request; {@code n} counts the requests to this path, from 1. */
    @FunctionalInterface
    interface Responder {
        void respond(HttpExchange ex, int n) throws IOException;
    }

    private final HttpServer server;
    private final ExecutorService pool;
    final List<Request> requests = new CopyOnWriteArrayList<>();

    TestServer() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        // One thread per exchange: a handler that hangs must not block the next request.
        pool = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "test-http-server");
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(pool);
        server.start();
    }

    TestServer route(String path, Responder responder) {
        AtomicInteger count = new AtomicInteger();
        server.createContext(path, ex -> {
            byte[] body = ex.getRequestBody().readAllBytes();
            requests.add(new Request(ex.getRequestMethod(), ex.getRequestURI(), ex.getRequestHeaders(),
                new String(body, StandardCharsets.UTF_8)));
            try {
                responder.respond(ex, count.incrementAndGet());
            } finally {
                ex.close();
            }
        });
        return this;
    }

    URI uri(String pathAndQuery) {
        return URI.create("http://" + InetAddress.getLoopbackAddress().getHostAddress() + ":" + port() + pathAndQuery);
    }

    int port() {
        return server.getAddress().getPort();
    }

    List<Request> requests(String path) {
        return requests.stream().filter(r -> r.uri().getPath().equals(path)).toList();
    }

    static void send(HttpExchange ex, int status, String contentType, String body) throws IOException {
        byte[] b = body.getBytes(StandardCharsets.UTF_8);
        if (contentType != null) {
            ex.getResponseHeaders().set("Content-Type", contentType);
        }
        ex.sendResponseHeaders(status, b.length == 0 ? -1 : b.length);
        if (b.length > 0) {
            try (OutputStream o = ex.getResponseBody()) {
                o.write(b);
            }
        }
    }

    static void json(HttpExchange ex, String body) throws IOException {
        send(ex, 200, "application/json", body);
    }

    static void gzipJson(HttpExchange ex, String body) throws IOException {
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(buf)) {
            gz.write(body.getBytes(StandardCharsets.UTF_8));
        }
        ex.getResponseHeaders().set("Content-Type", "application/json");
        ex.getResponseHeaders().set("Content-Encoding", "gzip");
        ex.sendResponseHeaders(200, buf.size());
        try (OutputStream o = ex.getResponseBody()) {
            buf.writeTo(o);
        }
    }

    /**
     * Promises {@code promised} bytes, sends the first {@code sent} bytes of the body, then drops
     * the connection (the HttpServer closes it when a handler throws).
     */
    static void cutShort(HttpExchange ex, String body, int sent) throws IOException {
        byte[] b = body.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().set("Content-Type", "application/json");
        ex.sendResponseHeaders(200, b.length);
        OutputStream o = ex.getResponseBody();
        o.write(b, 0, sent);
        o.flush();
        throw new IOException("test server drops the connection on purpose");
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        server.stop(0);
        pool.shutdownNow();
    }
}
