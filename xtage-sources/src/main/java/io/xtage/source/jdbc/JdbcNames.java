package io.xtage.source.jdbc;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.sql.DataSource;

/** Source names without credentials, and the secrets a JDBC URL holds. */
final class JdbcNames {
    private JdbcNames() {
    }

    /**
     * @param jdbcUrl such as {@code jdbc:postgresql://db:5432/shop?user=x&password=y}
     * @return {@code postgresql://db:5432/shop}: no {@code jdbc:}, user info, parameters or fragment
     */
    static String fromUrl(String jdbcUrl) {
        String u = jdbcUrl.regionMatches(true, 0, "jdbc:", 0, 5) ? jdbcUrl.substring(5) : jdbcUrl;
        int cut = indexOfAny(u, '?', '#', ';');
        if (cut >= 0) {
            u = u.substring(0, cut);
        }
        int slashes = u.indexOf("//");
        if (slashes >= 0) {
            int end = u.indexOf('/', slashes + 2);
            String authority = end < 0 ? u.substring(slashes + 2) : u.substring(slashes + 2, end);
            int at = authority.lastIndexOf('@');
            if (at >= 0) {
                u = u.substring(0, slashes + 2) + authority.substring(at + 1) + (end < 0 ? "" : u.substring(end));
            }
        }
        return u;
    }

    /**
     * The URL of a DataSource that tells it through a public {@code getUrl()}, {@code getURL()} or
     * {@code getJdbcUrl()} (PgJDBC's and HikariCP's do), made into a name; otherwise a name from
     * its class. Never connects.
     */
    static String fromDataSource(DataSource ds) {
        if (ds instanceof DriverManagerDataSource) {
            return fromUrl(((DriverManagerDataSource) ds).url());
        }
        for (String getter : new String[] {"getUrl", "getURL", "getJdbcUrl"}) {
            try {
                Method m = ds.getClass().getMethod(getter);
                if (m.getReturnType() == String.class && Modifier.isPublic(m.getDeclaringClass().getModifiers())) {
                    Object url = m.invoke(ds);
                    if (url instanceof String && ((String) url).toLowerCase(Locale.ROOT).startsWith("jdbc:")) {
                        return fromUrl((String) url);
                    }
                }
            } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
                // not this getter; try the next
            }
        }
        return "datasource:" + ds.getClass().getSimpleName();
    }

    /** @return the values of {@code password=} parameters and of user info in a JDBC URL */
    static List<String> secrets(String jdbcUrl) {
        List<String> out = new ArrayList<>();
        String lower = jdbcUrl.toLowerCase(Locale.ROOT);
        int i = 0;
        while ((i = lower.indexOf("password=", i)) >= 0) {
            int start = i + "password=".length();
            int end = indexOfAny(jdbcUrl.substring(start), '&', ';', '#');
            out.add(end < 0 ? jdbcUrl.substring(start) : jdbcUrl.substring(start, start + end));
            i = start;
        }
        int slashes = jdbcUrl.indexOf("//");
        if (slashes >= 0) {
            int end = indexOfAny(jdbcUrl.substring(slashes + 2), '/', '?');
            String rest = jdbcUrl.substring(slashes + 2);
            String authority = end < 0 ? rest : rest.substring(0, end);
            int at = authority.lastIndexOf('@');
            if (at >= 0) {
                String info = authority.substring(0, at);
                out.add(info);
                int colon = info.indexOf(':');
                if (colon >= 0) {
                    out.add(info.substring(colon + 1));
                }
            }
        }
        return out;
    }

    private static int indexOfAny(String s, char... cs) {
        int best = -1;
        for (char c : cs) {
            int i = s.indexOf(c);
            if (i >= 0 && (best < 0 || i < best)) {
                best = i;
            }
        }
        return best;
    }
}
