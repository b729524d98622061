package io.xtage.examples.serve;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** A strictly parsed query string: known names only, each at most once. */
final class QueryParams {
    /** Longest parameter value echoed back in an error message. */
    private static final int MAX_ECHO = 64;

    private final Map<String, String> values;

    private QueryParams(Map<String, String> values) {
        this.values = values;
    }

    /**
     * @param rawQuery the raw (still percent-encoded) query, or null
     * @param known the parameter names this endpoint takes
     * @throws ApiError 400 for a malformed escape, an unknown name or a repeated one
     */
    static QueryParams parse(String rawQuery, Set<String> known) {
        Map<String, String> values = new LinkedHashMap<>();
        if (rawQuery != null && !rawQuery.isEmpty()) {
            for (String part : rawQuery.split("&")) {
                if (part.isEmpty()) {
                    continue;
                }
                int eq = part.indexOf('=');
                String name = decode(eq < 0 ? part : part.substring(0, eq));
                String value = eq < 0 ? "" : decode(part.substring(eq + 1));
                if (!known.contains(name)) {
                    throw ApiError.badRequest("unknown parameter '" + echo(name) + "'; known: " + String.join(", ",
                        known));
                }
                if (values.put(name, value) != null) {
                    throw ApiError.badRequest("parameter '" + name + "' is given more than once");
                }
            }
        }
        return new QueryParams(values);
    }

    private static String decode(String s) {
        try {
            return URLDecoder.decode(s, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw ApiError.badRequest("malformed query string: " + e.getMessage());
        }
    }

    Optional<String> get(String name) {
        return Optional.ofNullable(values.get(name));
    }

    /**
     * @return the parameter as an int in [min, max], or the default when absent
     * @throws ApiError 400 when it is not an integer in range
     */
    int intParam(String name, int defaultValue, int min, int max) {
        String raw = values.get(name);
        if (raw == null) {
            return defaultValue;
        }
        long v;
        try {
            v = Long.parseLong(raw.strip());
        } catch (NumberFormatException e) {
            v = Long.MIN_VALUE;
        }
        if (v < min || v > max) {
            throw ApiError.badRequest(name + " must be an integer from " + min + " to " + max + " (was '" + echo(raw)
                + "')");
        }
        return (int) v;
    }

    /** @return the text cut to a length fit for an error message */
    static String echo(String s) {
        return s.length() <= MAX_ECHO ? s : s.substring(0, MAX_ECHO) + "...";
    }
}
