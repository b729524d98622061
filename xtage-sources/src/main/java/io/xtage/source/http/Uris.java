package io.xtage.source.http;

import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/** URI helpers: names without secrets, and query parameters set for pagination. */
final class Uris {
    /** Query parameters whose values are secrets, lower case; see also {@link #isSecretParam}. */
    private static final Set<String> SECRET_PARAMS = Set.of("token", "access_token", "id_token", "refresh_token",
        "api_key", "apikey", "api-key", "key", "secret", "client_secret", "password", "passwd", "pwd", "sig",
        "signature", "auth", "authorization", "session", "sessionid", "code", "x-amz-signature", "x-amz-credential",
        "x-amz-security-token");

    private Uris() {
    }

    static boolean isSecretParam(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        return SECRET_PARAMS.contains(n) || n.endsWith("token") || n.endsWith("secret") || n.endsWith("password")
            || n.endsWith("_key") || n.endsWith("apikey");
    }

    /**
     * @param uri a URI
     * @return the URI for humans: no user info, no fragment, no secret query parameter
     */
    static String name(URI uri) {
        StringBuilder b = new StringBuilder();
        if (uri.getScheme() != null) {
            b.append(uri.getScheme()).append("://");
        }
        if (uri.getHost() != null) {
            b.append(uri.getHost());
            if (uri.getPort() >= 0) {
                b.append(':').append(uri.getPort());
            }
        }
        b.append(uri.getRawPath() == null ? "" : uri.getRawPath());
        List<String> kept = new ArrayList<>();
        for (String[] p : params(uri)) {
            if (!isSecretParam(decode(p[0]))) {
                kept.add(p[1] == null ? p[0] : p[0] + "=" + p[1]);
            }
        }
        if (!kept.isEmpty()) {
            b.append('?').append(String.join("&", kept));
        }
        return b.toString();
    }

    /** @return the secret parts of a URI: user info and the values of secret query parameters */
    static List<String> secrets(URI uri) {
        List<String> out = new ArrayList<>();
        if (uri.getRawUserInfo() != null) {
            out.add(uri.getRawUserInfo());
            out.add(uri.getUserInfo());
            int colon = uri.getUserInfo().indexOf(':');
            if (colon >= 0) {
                out.add(uri.getUserInfo().substring(colon + 1));
            }
        }
        for (String[] p : params(uri)) {
            if (p[1] != null && isSecretParam(decode(p[0]))) {
                out.add(p[1]);
                out.add(decode(p[1]));
            }
        }
        return out;
    }

    /** @return the raw name and raw value (null when there is no '=') of each query parameter */
    static List<String[]> params(URI uri) {
        List<String[]> out = new ArrayList<>();
        String q = uri.getRawQuery();
        if (q == null || q.isEmpty()) {
            return out;
        }
        for (String part : q.split("&")) {
            if (part.isEmpty()) {
                continue;
            }
            int eq = part.indexOf('=');
            out.add(eq < 0 ? new String[] {part, null} : new String[] {part.substring(0, eq), part.substring(eq + 1)});
        }
        return out;
    }

    /** @return the decoded value of the first parameter of that name */
    static Optional<String> param(URI uri, String name) {
        for (String[] p : params(uri)) {
            if (decode(p[0]).equals(name)) {
                return Optional.of(p[1] == null ? "" : decode(p[1]));
            }
        }
        return Optional.empty();
    }

    /**
     * @param uri a URI
     * @param name a parameter name
     * @param value its value, not encoded
     * @return the URI with that parameter set (replacing every one of the same name, in place of the first)
     */
    static URI withParam(URI uri, String name, String value) {
        String encoded = URLEncoder.encode(name, StandardCharsets.UTF_8) + "="
            + URLEncoder.encode(value, StandardCharsets.UTF_8);
        List<String> parts = new ArrayList<>();
        boolean done = false;
        for (String[] p : params(uri)) {
            if (decode(p[0]).equals(name)) {
                if (!done) {
                    parts.add(encoded);
                    done = true;
                }
            } else {
                parts.add(p[1] == null ? p[0] : p[0] + "=" + p[1]);
            }
        }
        if (!done) {
            parts.add(encoded);
        }
        StringBuilder b = new StringBuilder();
        b.append(uri.getScheme()).append("://").append(uri.getRawAuthority());
        b.append(uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath());
        b.append('?').append(String.join("&", parts));
        return URI.create(b.toString());
    }

    static boolean sameOrigin(URI a, URI b) {
        return a.getScheme().equalsIgnoreCase(b.getScheme()) && a.getHost() != null
            && a.getHost().equalsIgnoreCase(b.getHost()) && port(a) == port(b);
    }

    private static int port(URI u) {
        if (u.getPort() >= 0) {
            return u.getPort();
        }
        return "https".equalsIgnoreCase(u.getScheme()) ? 443 : 80;
    }

    private static String decode(String s) {
        try {
            return URLDecoder.decode(s, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return s;
        }
    }
}
