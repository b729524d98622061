package io.xtage.core.schema;

import io.xtage.core.SchemaException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns headers into snake_case names: {@code Transaction_ID} to {@code transaction_id},
 * {@code customerName} to {@code customer_name}, {@code Date Joined} to {@code date_joined},
 * {@code " Stock-Available "} to {@code stock_available}.
 *
 * <p>Rules: a word starts at a lower-to-upper change ({@code customerName}), at the last capital
 * of a run of capitals followed by a small letter ({@code HTTPServer} to {@code http_server}),
 * and after any character that is not a letter or digit; words are lower-cased and joined with
 * one underscore, with none at either end. The conversion is idempotent. Stateless and
 * thread-safe.
 *
 * @since 0.1.0
 */
public final class Naming {
    private Naming() {
    }

    /**
     * @param header any text
     * @return its snake_case form; empty when the text has no letter or digit
     * @since 0.1.0
     */
    public static String snakeCase(String header) {
        int[] cps = header.codePoints().toArray();
        StringBuilder out = new StringBuilder(header.length() + 4);
        boolean pendingSep = false;
        for (int i = 0; i < cps.length; i++) {
            int c = cps[i];
            if (!Character.isLetterOrDigit(c)) {
                pendingSep = true;
                continue;
            }
            if (Character.isUpperCase(c) && i > 0) {
                int prev = cps[i - 1];
                boolean next = i + 1 < cps.length && Character.isLowerCase(cps[i + 1]);
                if (Character.isLowerCase(prev) || Character.isDigit(prev) || (Character.isUpperCase(prev) && next)) {
                    pendingSep = true;
                }
            }
            int lower = Character.toLowerCase(c);
            // A code point whose lower case is still a capital (or not a letter) would split again on a
            // second pass; treat it as a separator so that snakeCase(snakeCase(x)) == snakeCase(x).
            if (!isStable(lower)) {
                pendingSep = true;
                continue;
            }
            if (pendingSep && out.length() > 0) {
                out.append('_');
            }
            pendingSep = false;
            out.appendCodePoint(lower);
        }
        return out.toString();
    }

    private static boolean isStable(int c) {
        return Character.isLetterOrDigit(c) && !Character.isUpperCase(c) && Character.toLowerCase(c) == c
            && !Character.isTitleCase(c);
    }

    /**
     * Converts a whole header row. A header with no letter or digit becomes {@code column_<n>}
     * (1-based position).
     *
     * @param headers the headers in order
     * @return the snake_case names in the same order
     * @throws SchemaException if two headers give the same name, naming both originals
     * @since 0.1.0
     */
    public static List<String> snakeCaseAll(List<String> headers) {
        List<String> out = new ArrayList<>(headers.size());
        Map<String, Integer> seen = new HashMap<>();
        for (int i = 0; i < headers.size(); i++) {
            String h = headers.get(i) == null ? "" : headers.get(i);
            String s = snakeCase(h);
            if (s.isEmpty()) {
                s = "column_" + (i + 1);
            }
            Integer prev = seen.putIfAbsent(s, i);
            if (prev != null) {
                throw new SchemaException("headers '" + headers.get(prev) + "' (column " + (prev + 1) + ") and '" + h
                    + "' (column " + (i + 1) + ") both become '" + s + "' in snake_case; rename one of them");
            }
            out.add(s);
        }
        return out;
    }
}
