package io.xtage.examples.serve;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The products API: a small JSON-over-HTTP server, on the JDK's {@link HttpServer}, over the
 * {@code products} table of the prepared PostgreSQL database.
 *
 * <table>
 *   <caption>Endpoints (GET only; anything else is 405)</caption>
 *   <tr><th>path</th><th>answer</th></tr>
 *   <tr><td>{@code /prices/products?limit=&offset=&category=&sort=}</td>
 *       <td>{@code {"items":[{"product_id":1,"product_name":"...","category":"...","price":12.5,
 *       "stock_available":3}],"limit":50,"offset":0,"total":1000}}. {@code limit} 1 to 1000
 *       (default 50), {@code offset} from 0 (default 0), {@code category} matched ignoring case,
 *       {@code sort} one of {@code price}, {@code -price}, {@code name}, {@code -name} (missing
 *       prices last; ties and the default by {@code product_id}).</td></tr>
 *   <tr><td>{@code /products/{id}}</td><td>one item as above; 400 unless id is a positive
 *       integer, 404 when there is no such product.</td></tr>
 *   <tr><td>{@code /health}</td><td>{@code {"status":"ok"}}, or 503 when the database does not
 *       answer.</td></tr>
 * </table>
 *
 * <p>Errors are JSON too: {@code {"error":"limit must be an integer from 1 to 1000 (was '-1')",
 * "status":400}}; 400 for a bad or unknown parameter, 404 for an unknown path or id, 405 for a
 * method other than GET (with {@code Allow: GET}), 503 when the database cannot be reached, 500
 * for any other database error (details go to the log, not to the client). All SQL is
 * parameterized; the ORDER BY comes from a fixed list, never from the request.
 *
 * <p>Requests run on a small bounded pool ({@value #THREADS} threads, {@value #QUEUE} queued);
 * beyond that the server closes new connections rather than queue without limit. Each request
 * borrows one connection from the caller's {@link DataSource} (pool it for production).
 * Thread-safe.
 *
 * <pre>{@code
 * try (ProductsApi api = ProductsApi.start(dataSource, new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))) {
 *     System.out.println(api.uri().resolve("/prices/products?limit=10&sort=-price"));
 * }
 * }</pre>
 *
 * @since 0.1.0
 */
public final class ProductsApi implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(ProductsApi.class);
    private static final ObjectMapper MAPPER = new ObjectMapper();

    /** Default page size. @since 0.1.0 */
    public static final int DEFAULT_LIMIT = 50;
    /** Largest page size: a page is built in memory. @since 0.1.0 */
    public static final int MAX_LIMIT = 1000;
    /** Worker threads: the machine has 2 cores and each request mostly waits on the database. */
    static final int THREADS = 4;
    /** The JDK HTTP server's switch for TCP_NODELAY on accepted connections. */
    private static final String NODELAY = "sun.net.httpserver.nodelay";
    /** Requests waiting for a worker before new connections are refused. */
    static final int QUEUE = 64;
    /** Seconds a query may run before it is cancelled. */
    static final int QUERY_TIMEOUT_SECONDS = 10;

    private static final Set<String> LIST_PARAMS = new LinkedHashSet<>(List.of("limit", "offset", "category", "sort"));
    private static final String COLUMNS = "product_id, product_name, category, price, stock_available";

    /** The sort orders a client may ask for, each a fixed ORDER BY. */
    private static final Map<String, String> SORTS = Map.of(
        "price", "price ASC NULLS LAST, product_id",
        "-price", "price DESC NULLS LAST, product_id",
        "name", "product_name ASC NULLS LAST, product_id",
        "-name", "product_name DESC NULLS LAST, product_id");

    private final HttpServer server;
    private final ThreadPoolExecutor executor;
    private final DataSource dataSource;

    private ProductsApi(HttpServer server, ThreadPoolExecutor executor, DataSource dataSource) {
        this.server = server;
        this.executor = executor;
        this.dataSource = dataSource;
    }

    /**
     * Starts serving. The database is not contacted until the first request, so the server starts
     * even while the database is down ({@code /health} then says 503).
     *
     * @param dataSource the prepared database, with a {@code products} table
     * @param address where to listen; port 0 picks a free port
     * @return the running API; {@link #close()} it
     * @throws UncheckedIOException if the address cannot be bound
     * @since 0.1.0
     */
    public static ProductsApi start(DataSource dataSource, InetSocketAddress address) {
        Objects.requireNonNull(dataSource, "dataSource");
        Objects.requireNonNull(address, "address");
        HttpServer server;
        try {
            // The JDK server leaves Nagle's algorithm on: headers and body go out as two small
            // writes, and the client's delayed ACK adds ~40 ms to every keep-alive response
            // (measured: p50 44 ms, 342 requests/s). Read once, when the JDK server is first used.
            if (System.getProperty(NODELAY) == null) {
                System.setProperty(NODELAY, "true");
            }
            server = HttpServer.create(address, QUEUE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot listen on " + address, e);
        }
        AtomicInteger n = new AtomicInteger();
        ThreadPoolExecutor executor = new ThreadPoolExecutor(THREADS, THREADS, 30, TimeUnit.SECONDS,
            new ArrayBlockingQueue<>(QUEUE), r -> {
                Thread t = new Thread(r, "products-api-" + n.incrementAndGet());
                t.setDaemon(true);
                return t;
            }, new ThreadPoolExecutor.AbortPolicy());
        ProductsApi api = new ProductsApi(server, executor, dataSource);
        server.createContext("/", api::handle);
        server.setExecutor(executor);
        server.start();
        log.info("products API listening on {}", api.uri());
        return api;
    }

    /** @return the port listened on @since 0.1.0 */
    public int port() {
        return server.getAddress().getPort();
    }

    /** @return {@code http://host:port/} @since 0.1.0 */
    public URI uri() {
        InetSocketAddress a = server.getAddress();
        String host = a.getAddress().getHostAddress();
        if (host.indexOf(':') >= 0) {
            host = "[" + host + "]";
        }
        return URI.create("http://" + host + ":" + a.getPort() + "/");
    }

    /** Stops listening, lets running requests finish (up to a second), and stops the workers. @since 0.1.0 */
    @Override
    public void close() {
        server.stop(1);
        executor.shutdown();
        try {
            if (!executor.awaitTermination(5, TimeUnit.SECONDS)) {
                executor.shutdownNow();
            }
        } catch (InterruptedException e) {
            executor.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }

    // --- routing ------------------------------------------------------------------------------

    private void handle(HttpExchange ex) {
        long started = System.nanoTime();
        int status = 200;
        Object body;
        try {
            body = route(ex);
        } catch (ApiError e) {
            status = e.status();
            if (e.allow() != null) {
                ex.getResponseHeaders().set("Allow", e.allow());
            }
            body = error(e.getMessage(), status);
        } catch (DatabaseDown e) {
            status = 503;
            log.warn("{} {}: database unavailable: {}", ex.getRequestMethod(), ex.getRequestURI().getRawPath(),
                e.getCause().toString());
            body = error("database unavailable", status);
        } catch (SQLException e) {
            status = 500;
            log.warn("{} {}: database error {}: {}", ex.getRequestMethod(), ex.getRequestURI().getRawPath(),
                e.getSQLState(), e.toString());
            body = error("database error (SQLSTATE " + e.getSQLState() + ")", status);
        } catch (RuntimeException e) {
            status = 500;
            log.warn("{} {}: {}", ex.getRequestMethod(), ex.getRequestURI().getRawPath(), e.toString(), e);
            body = error("internal error", status);
        }
        try {
            send(ex, status, body);
        } catch (IOException e) {
            log.debug("could not send {} to the client: {}", status, e.toString());
        } finally {
            ex.close();
        }
        log.debug("{} {} {} {} ms", ex.getRequestMethod(), ex.getRequestURI(), status,
            (System.nanoTime() - started) / 1_000_000);
    }

    private Object route(HttpExchange ex) throws SQLException, DatabaseDown {
        String path = ex.getRequestURI().getPath();
        String raw = ex.getRequestURI().getRawQuery();
        if (path.equals("/health")) {
            requireGet(ex);
            QueryParams.parse(raw, Set.of());
            return health();
        }
        if (path.equals("/prices/products")) {
            requireGet(ex);
            return list(QueryParams.parse(raw, LIST_PARAMS));
        }
        if (path.startsWith("/products/") && path.indexOf('/', "/products/".length()) < 0) {
            requireGet(ex);
            QueryParams.parse(raw, Set.of());
            return product(parseId(path.substring("/products/".length())));
        }
        throw ApiError.notFound("no such path: " + QueryParams.echo(path)
            + "; try /prices/products, /products/{id} or /health");
    }

    private static void requireGet(HttpExchange ex) {
        if (!ex.getRequestMethod().equals("GET")) {
            throw new ApiError(405, "method " + QueryParams.echo(ex.getRequestMethod()) + " is not allowed; use GET",
                "GET");
        }
    }

    static long parseId(String text) {
        if (text.isEmpty()) {
            throw ApiError.badRequest("product id is missing: use /products/{id}");
        }
        long id = -1;
        if (text.length() <= 19 && text.chars().allMatch(c -> c >= '0' && c <= '9')) {
            try {
                id = Long.parseLong(text);
            } catch (NumberFormatException e) {
                id = -1;
            }
        }
        if (id < 1) {
            throw ApiError.badRequest("product id must be a positive integer (was '" + QueryParams.echo(text) + "')");
        }
        return id;
    }

    // --- endpoints ----------------------------------------------------------------------------

    private Map<String, Object> health() throws DatabaseDown {
        try (Connection c = connect(); Statement st = c.createStatement()) {
            st.setQueryTimeout(QUERY_TIMEOUT_SECONDS);
            try (ResultSet rs = st.executeQuery("SELECT 1")) {
                rs.next();
            }
        } catch (SQLException e) {
            throw new DatabaseDown(e);
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("status", "ok");
        return m;
    }

    private Map<String, Object> list(QueryParams q) throws SQLException, DatabaseDown {
        int limit = q.intParam("limit", DEFAULT_LIMIT, 1, MAX_LIMIT);
        int offset = q.intParam("offset", 0, 0, Integer.MAX_VALUE);
        Optional<String> category = q.get("category").map(String::strip);
        if (category.isPresent() && category.get().isEmpty()) {
            throw ApiError.badRequest("category must not be empty; leave it out to list every category");
        }
        String sortKey = q.get("sort").orElse(null);
        String orderBy = sortKey == null ? "product_id" : SORTS.get(sortKey);
        if (orderBy == null) {
            throw ApiError.badRequest("sort must be one of price, -price, name, -name (was '"
                + QueryParams.echo(sortKey) + "')");
        }
        String where = category.isPresent() ? " WHERE lower(category) = lower(?)" : "";
        List<Map<String, Object>> items = new ArrayList<>();
        long total;
        try (Connection c = connect()) {
            try {
                // One snapshot for the page and the count, so total matches the items.
                c.setAutoCommit(false);
                c.setReadOnly(true);
                c.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
                try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM products" + where
                    + " ORDER BY " + orderBy + " LIMIT ? OFFSET ?")) {
                    ps.setQueryTimeout(QUERY_TIMEOUT_SECONDS);
                    int i = 1;
                    if (category.isPresent()) {
                        ps.setString(i++, category.get());
                    }
                    ps.setInt(i++, limit);
                    ps.setInt(i, offset);
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            items.add(item(rs));
                        }
                    }
                }
                try (PreparedStatement ps = c.prepareStatement("SELECT count(*) FROM products" + where)) {
                    ps.setQueryTimeout(QUERY_TIMEOUT_SECONDS);
                    if (category.isPresent()) {
                        ps.setString(1, category.get());
                    }
                    try (ResultSet rs = ps.executeQuery()) {
                        rs.next();
                        total = rs.getLong(1);
                    }
                }
                c.commit();
            } catch (SQLException e) {
                rollbackQuietly(c, e);
                throw downOrSame(e);
            }
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("items", items);
        m.put("limit", limit);
        m.put("offset", offset);
        m.put("total", total);
        return m;
    }

    private Map<String, Object> product(long id) throws SQLException, DatabaseDown {
        try (Connection c = connect();
             PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM products WHERE product_id = ?")) {
            ps.setQueryTimeout(QUERY_TIMEOUT_SECONDS);
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    throw ApiError.notFound("no product with id " + id);
                }
                return item(rs);
            }
        } catch (SQLException e) {
            throw downOrSame(e);
        }
    }

    private static Map<String, Object> item(ResultSet rs) throws SQLException {
        ResultSetMetaData md = rs.getMetaData();
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 1; i <= md.getColumnCount(); i++) {
            m.put(md.getColumnLabel(i), rs.getObject(i));
        }
        return m;
    }

    // --- database failures --------------------------------------------------------------------

    /** The database could not be reached: answered with 503. */
    private static final class DatabaseDown extends Exception {
        private static final long serialVersionUID = 1L;

        DatabaseDown(SQLException cause) {
            super(cause.getMessage(), cause, false, false);
        }
    }

    private Connection connect() throws DatabaseDown {
        try {
            return dataSource.getConnection();
        } catch (SQLException e) {
            throw new DatabaseDown(e);
        }
    }

    /**
     * SQLSTATE class 08 is a connection exception; 57P01-57P03 an administrator or crash shutdown;
     * 53300 too many connections. All mean the database cannot serve now, not that the request is
     * wrong.
     */
    static boolean meansDown(SQLException e) {
        String s = e.getSQLState();
        if (e instanceof SQLTransientConnectionException) {
            return true;
        }
        if (s == null) {
            return false;
        }
        return s.startsWith("08") || s.equals("57P01") || s.equals("57P02") || s.equals("57P03")
            || s.equals("53300");
    }

    private static SQLException downOrSame(SQLException e) throws DatabaseDown {
        if (meansDown(e)) {
            throw new DatabaseDown(e);
        }
        return e;
    }

    private static void rollbackQuietly(Connection c, SQLException failure) {
        try {
            c.rollback();
        } catch (SQLException e) {
            failure.addSuppressed(e);
        }
    }

    // --- responses ----------------------------------------------------------------------------

    private static Map<String, Object> error(String message, int status) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("error", message);
        m.put("status", status);
        return m;
    }

    private static void send(HttpExchange ex, int status, Object body) throws IOException {
        byte[] bytes = MAPPER.writeValueAsBytes(body);
        ex.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
        ex.getResponseHeaders().set("Cache-Control", "no-store");
        ex.getResponseHeaders().set("X-Content-Type-Options", "nosniff");
        ex.sendResponseHeaders(status, bytes.length);
        try (OutputStream os = ex.getResponseBody()) {
            os.write(bytes);
        }
    }

    @Override
    public String toString() {
        return "ProductsApi[" + uri() + "]";
    }
}
