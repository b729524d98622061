package io.xtage.source.internal;

import io.xtage.core.RejectPolicy;
import io.xtage.core.schema.ColumnSpec;
import io.xtage.core.schema.ColumnType;
import io.xtage.core.schema.Schema;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Locale;

/**
 * Parses the string options that {@code Sources.forUri} hands to the source providers (csv, json,
 * http, jdbc), so every provider spells a value, and refuses a bad one, the same way. Values are
 * read after stripping surrounding white space; every error is an {@link IllegalArgumentException}
 * whose message follows one template, {@code option '<key>' must be <what> (was '<value>')}, with
 * the value as given.
 *
 * <p>{@link #rejectPolicy(String)} reads back what {@link RejectPolicy#describe()} writes: for
 * every policy {@code p}, {@code rejectPolicy(p.describe())} equals {@code p}, so the policy named
 * in a report can be given again as an option.
 *
 * <p>Stateless. Internal: used across the source packages, no compatibility promise.
 */
public final class ProviderOptions {
    private static final String DURATION = "a duration such as 300ms, 10s, 2m or PT10S";

    private ProviderOptions() {
    }

    /**
     * @param key the option
     * @param expected what a valid value looks like, such as {@code true or false}
     * @param value the value as given
     * @return the exception to throw, in the template every provider uses
     */
    public static IllegalArgumentException invalid(String key, String expected, String value) {
        return invalid(key, expected, value, null);
    }

    /**
     * @param key the option
     * @param expected what a valid value looks like
     * @param value the value as given
     * @param cause why the parse failed, or null
     * @return the exception to throw, in the template every provider uses
     */
    public static IllegalArgumentException invalid(String key, String expected, String value, Throwable cause) {
        return new IllegalArgumentException("option '" + key + "' must be " + expected + " (was '" + value + "')",
            cause);
    }

    /**
     * @param kind the provider's kind, such as {@code csv}
     * @param key the option that is not known
     * @param known the options the provider knows
     * @return the exception to throw, listing the known options in order
     */
    public static IllegalArgumentException unknown(String kind, String key, Collection<String> known) {
        return new IllegalArgumentException("unknown " + kind + " option '" + key + "'; known options: "
            + String.join(", ", known));
    }

    /**
     * @param kind the provider's kind, such as {@code csv}, for the message
     * @param uri a {@code file:} URI, or one without a scheme (a relative path)
     * @return the path
     * @throws IllegalArgumentException for any other scheme
     */
    public static Path toPath(String kind, URI uri) {
        if (uri.getScheme() == null) {
            return Path.of(uri.getPath());
        }
        if (!"file".equalsIgnoreCase(uri.getScheme())) {
            throw new IllegalArgumentException("the " + kind + " source reads files; " + uri.getScheme()
                + ": URIs need another source (http, jdbc)");
        }
        return Path.of(uri);
    }

    /**
     * @param key the option, for the message
     * @param value {@code true} or {@code false}, in any case
     * @return the boolean
     * @throws IllegalArgumentException for anything else
     */
    public static boolean bool(String key, String value) {
        String v = value.strip();
        if (v.equalsIgnoreCase("true")) {
            return true;
        }
        if (v.equalsIgnoreCase("false")) {
            return false;
        }
        throw invalid(key, "true or false", value);
    }

    /**
     * @param key the option, for the message
     * @param value a decimal integer
     * @return the integer
     * @throws IllegalArgumentException if the value is not an int
     */
    public static int integer(String key, String value) {
        try {
            return Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            throw invalid(key, "an integer", value, e);
        }
    }

    /**
     * @param key the option, for the message
     * @param value a decimal integer above zero
     * @return the integer
     * @throws IllegalArgumentException if the value is not an int above zero
     */
    public static int positive(String key, String value) {
        try {
            int n = Integer.parseInt(value.strip());
            if (n > 0) {
                return n;
            }
        } catch (NumberFormatException e) {
            // fall through to the message below
        }
        throw invalid(key, "a positive integer", value);
    }

    /**
     * @param key the option, for the message
     * @param value {@code 300ms}, {@code 10s}, {@code 2m} or ISO-8601 such as {@code PT10S}, in any case
     * @return the duration
     * @throws IllegalArgumentException for anything else
     */
    public static Duration duration(String key, String value) {
        String v = value.strip().toLowerCase(Locale.ROOT);
        try {
            if (v.startsWith("p")) {
                return Duration.parse(v.toUpperCase(Locale.ROOT));
            }
            if (v.endsWith("ms")) {
                return Duration.ofMillis(Long.parseLong(v.substring(0, v.length() - 2).strip()));
            }
            if (v.endsWith("s")) {
                return Duration.ofSeconds(Long.parseLong(v.substring(0, v.length() - 1).strip()));
            }
            if (v.endsWith("m")) {
                return Duration.ofMinutes(Long.parseLong(v.substring(0, v.length() - 1).strip()));
            }
        } catch (NumberFormatException | DateTimeParseException e) {
            throw invalid(key, DURATION, value, e);
        }
        throw invalid(key, DURATION, value);
    }

    /**
     * @param value comma-separated items
     * @return the items, stripped, without blank ones
     */
    public static List<String> list(String value) {
        List<String> out = new ArrayList<>();
        for (String p : value.split(",", -1)) {
            if (!p.isBlank()) {
                out.add(p.strip());
            }
        }
        return out;
    }

    /**
     * @param value a language tag such as {@code de-DE}
     * @return the locale
     */
    public static Locale locale(String value) {
        return Locale.forLanguageTag(value.strip());
    }

    /**
     * @param value {@code lenient}, {@code strict}, {@code max_rows(N)} or {@code max_fraction(F)},
     *     in any case: what {@link RejectPolicy#describe()} writes
     * @return the policy
     * @throws IllegalArgumentException for anything else, or a limit out of range
     */
    public static RejectPolicy rejectPolicy(String value) {
        String p = value.strip().toLowerCase(Locale.ROOT);
        try {
            if (p.equals("lenient")) {
                return RejectPolicy.lenient();
            }
            if (p.equals("strict")) {
                return RejectPolicy.strict();
            }
            if (p.startsWith("max_rows(") && p.endsWith(")")) {
                return RejectPolicy.maxRows(Long.parseLong(p.substring(9, p.length() - 1).strip()));
            }
            if (p.startsWith("max_fraction(") && p.endsWith(")")) {
                return RejectPolicy.maxFraction(Double.parseDouble(p.substring(13, p.length() - 1).strip()));
            }
        } catch (NumberFormatException e) {
            // fall through to the message below
        }
        throw invalid("reject_policy", "lenient, strict, max_rows(N) or max_fraction(F)", value);
    }

    /**
     * @param value comma-separated {@code name:TYPE} or {@code name:TYPE:pattern|pattern}; names
     *     are stripped, types are {@link ColumnType} names in any case
     * @return the schema, columns in the order given
     * @throws IllegalArgumentException for an item that is not {@code name:TYPE}, an unknown type,
     *     or patterns on a type that takes none
     */
    public static Schema schema(String value) {
        List<ColumnSpec> cols = new ArrayList<>();
        for (String part : list(value)) {
            String[] f = part.split(":", 3);
            if (f.length < 2 || f[0].isBlank()) {
                throw new IllegalArgumentException("option 'schema': '" + part + "' is not name:TYPE");
            }
            ColumnType type;
            try {
                type = ColumnType.valueOf(f[1].strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("option 'schema': unknown type '" + f[1] + "' for column '" + f[0]
                    + "'; types: " + Arrays.toString(ColumnType.values()), e);
            }
            ColumnSpec c = ColumnSpec.of(f[0].strip(), type);
            if (f.length == 3) {
                c = c.withFormats(Arrays.asList(f[2].split("\\|")));
            }
            cols.add(c);
        }
        return Schema.of(cols);
    }
}
