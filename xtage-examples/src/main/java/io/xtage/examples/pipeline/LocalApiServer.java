package io.xtage.examples.pipeline;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A loopback HTTP server that stands in for the assignment's two APIs: it serves JSON files
 * behind a bearer token, so the pipeline reads customers and exchange rates through the real
 * HTTP source (auth, status handling, gzip) without any outside service.
 *
 * <p>Requests without the right token get 401. The token is random per server unless given.
 * Thread-safe.
 *
 * @since 0.1.0
 */
public final class LocalApiServer implements AutoCloseable {
    private final HttpServer server;
    private final ExecutorService executor;
    private final String token;
    private final AtomicLong authorized = new AtomicLong();
    private final AtomicLong unauthorized = new AtomicLong();

    private LocalApiServer(HttpServer server, ExecutorService executor, String token) {
        this.server = server;
        this.executor = executor;
        this.token = token;
    }

    /**
     * Starts a server on a free loopback port.
     *
     * @param routes path (such as {@code /customers}) to the JSON file served there
     * @param token the bearer token to require, or null for a random one
     * @return the running server
     * @throws IOException if the server cannot bind
     * @since 0.1.0
     */
    public static LocalApiServer start(Map<String, Path> routes, String token) throws IOException {
        String t = token != null ? token : randomToken();
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        ExecutorService ex = Executors.newFixedThreadPool(2, r -> {
            Thread th = new Thread(r, "xtage-local-api");
            th.setDaemon(true);
            return th;
        });
        server.setExecutor(ex);
        LocalApiServer api = new LocalApiServer(server, ex, t);
        for (Map.Entry<String, Path> e : new LinkedHashMap<>(routes).entrySet()) {
            Path file = Objects.requireNonNull(e.getValue(), "file");
            server.createContext(e.getKey(), x -> api.serve(x, file));
        }
        server.start();
        return api;
    }

    private static String randomToken() {
        byte[] b = new byte[24];
        new SecureRandom().nextBytes(b);
        return HexFormat.of().formatHex(b);
    }

    private void serve(HttpExchange x, Path file) throws IOException {
        try (x) {
            String auth = x.getRequestHeaders().getFirst("Authorization");
            if (auth == null || !constantTimeEquals(auth, "Bearer " + token)) {
                unauthorized.incrementAndGet();
                byte[] body = "{\"error\":\"unauthorized\",\"status\":401}".getBytes(StandardCharsets.UTF_8);
                x.getResponseHeaders().set("Content-Type", "application/json");
                x.getResponseHeaders().set("WWW-Authenticate", "Bearer");
                x.sendResponseHeaders(401, body.length);
                x.getResponseBody().write(body);
                return;
            }
            authorized.incrementAndGet();
            x.getResponseHeaders().set("Content-Type", "application/json");
            x.sendResponseHeaders(200, Files.size(file));
            try (OutputStream out = x.getResponseBody()) {
                Files.copy(file, out);
            }
        }
    }

    private static boolean constantTimeEquals(String a, String b) {
        return MessageDigest.isEqual(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
    }

    /** @param path a route such as {@code /customers} @return its URL @since 0.1.0 */
    public URI uri(String path) {
        return URI.create("http://" + server.getAddress().getAddress().getHostAddress() + ":"
            + server.getAddress().getPort() + path);
    }

    /** @return the token the server requires; never print it @since 0.1.0 */
    public String token() {
        return token;
    }

    /** @return requests served with the right token @since 0.1.0 */
    public long authorizedRequests() {
        return authorized.get();
    }

    /** @return requests refused for a missing or wrong token @since 0.1.0 */
    public long unauthorizedRequests() {
        return unauthorized.get();
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }

    @Override
    public String toString() {
        return "LocalApiServer[" + uri("/") + ", token=***]";
    }
}
