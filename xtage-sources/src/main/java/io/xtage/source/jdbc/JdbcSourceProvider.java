package io.xtage.source.jdbc;

import io.xtage.core.SecretSupplier;
import io.xtage.core.Source;
import io.xtage.core.spi.SourceProvider;
import io.xtage.source.internal.ProviderOptions;
import java.net.URI;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * Makes {@link JdbcSource}s for {@code jdbc:postgresql:} URIs; kind {@code jdbc}.
 *
 * <table>
 *   <caption>Options</caption>
 *   <tr><th>option</th><th>value</th></tr>
 *   <tr><td>user</td><td>the database user</td></tr>
 *   <tr><td>password_env / password_file</td><td>the password from an environment variable / a file</td></tr>
 *   <tr><td>table</td><td>{@code name} or {@code schema.name} (split at the first dot), read whole</td></tr>
 *   <tr><td>schema</td><td>the schema, when the table's name itself has a dot</td></tr>
 *   <tr><td>query</td><td>a query without parameters (use the builder for parameters)</td></tr>
 *   <tr><td>fetch_size, query_timeout</td><td>an integer; a duration ({@code 30s}, {@code 500ms},
 *       {@code 2m}, {@code PT30S})</td></tr>
 *   <tr><td>snake_case, unmapped_as_text</td><td>true or false</td></tr>
 * </table>
 *
 * <p>Exactly one of table and query. Stateless; has a public no-arg constructor for
 * {@link java.util.ServiceLoader}.
 *
 * @since 0.1.0
 */
public final class JdbcSourceProvider implements SourceProvider {
    private static final Set<String> KEYS = Set.of("user", "password_env", "password_file", "table", "schema", "query",
        "fetch_size", "query_timeout", "snake_case", "unmapped_as_text");

    /** Public no-arg constructor for {@link java.util.ServiceLoader}. @since 0.1.0 */
    public JdbcSourceProvider() {
    }

    /** @return {@code jdbc} @since 0.1.0 */
    @Override
    public String kind() {
        return "jdbc";
    }

    /** @return true for {@code jdbc:postgresql:} URIs @since 0.1.0 */
    @Override
    public boolean supports(URI uri) {
        return uri.toString().regionMatches(true, 0, "jdbc:postgresql:", 0, "jdbc:postgresql:".length());
    }

    /**
     * {@inheritDoc}
     *
     * @throws IllegalArgumentException for an unknown option, a bad value, or not exactly one of
     *     table and query
     * @since 0.1.0
     */
    @Override
    public Source create(URI uri, Map<String, String> options) {
        Objects.requireNonNull(uri, "uri");
        Set<String> unknown = new TreeSet<>(options.keySet());
        unknown.removeAll(KEYS);
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException("unknown jdbc source option(s) " + unknown + "; known: "
                + new TreeSet<>(KEYS));
        }
        JdbcSource.Builder b = JdbcSource.builder().url(uri.toString());
        if (options.containsKey("user")) {
            b.user(options.get("user"));
        }
        if (options.containsKey("password_env") && options.containsKey("password_file")) {
            throw new IllegalArgumentException("options password_env and password_file both set; keep one");
        }
        if (options.containsKey("password_env")) {
            b.passwordEnv(options.get("password_env"));
        }
        if (options.containsKey("password_file")) {
            b.password(SecretSupplier.file(Path.of(options.get("password_file"))));
        }
        String table = options.get("table");
        String query = options.get("query");
        if ((table == null) == (query == null)) {
            throw new IllegalArgumentException("give exactly one of the options table and query");
        }
        if (query != null) {
            if (options.containsKey("schema")) {
                throw new IllegalArgumentException("option schema goes with table, not query");
            }
            b.query(query);
        } else if (options.containsKey("schema")) {
            b.table(options.get("schema"), table);
        } else {
            int dot = table.indexOf('.');
            if (dot < 0) {
                b.table(table);
            } else {
                b.table(table.substring(0, dot), table.substring(dot + 1));
            }
        }
        JdbcOptions.Builder o = JdbcOptions.builder();
        if (options.containsKey("fetch_size")) {
            o.fetchSize(ProviderOptions.integer("fetch_size", options.get("fetch_size")));
        }
        if (options.containsKey("query_timeout")) {
            o.queryTimeout(ProviderOptions.duration("query_timeout", options.get("query_timeout")));
        }
        if (options.containsKey("snake_case")) {
            o.snakeCaseNames(ProviderOptions.bool("snake_case", options.get("snake_case")));
        }
        if (options.containsKey("unmapped_as_text")) {
            o.unmappedAsText(ProviderOptions.bool("unmapped_as_text", options.get("unmapped_as_text")));
        }
        return b.options(o.build()).build();
    }
}
