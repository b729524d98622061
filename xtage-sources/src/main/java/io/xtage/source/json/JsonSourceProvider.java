package io.xtage.source.json;

import io.xtage.core.RejectPolicy;
import io.xtage.core.Source;
import io.xtage.core.schema.ColumnSpec;
import io.xtage.core.schema.ColumnType;
import io.xtage.core.schema.Schema;
import io.xtage.core.spi.SourceProvider;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * Finds {@link JsonSource}s for {@code Sources.forUri}: kind {@code json}, for {@code file:} URIs
 * and relative paths ending in {@code .json}, {@code .ndjson} or {@code .jsonl} (optionally
 * followed by {@code .gz}); {@code .ndjson} and {@code .jsonl} default to layout NDJSON. Stateless.
 *
 * <p>Options (all strings; unknown keys are an error):
 * <ul>
 *   <li>{@code pointer}: a JSON Pointer to the array of records, such as {@code /data/items}
 *   <li>{@code layout}: {@code auto}, {@code array} or {@code ndjson}
 *   <li>{@code snake_case}: {@code true} or {@code false}
 *   <li>{@code missing}: comma-separated tokens read as missing, such as {@code Unknown,N/A}
 *   <li>{@code locale}: a language tag whose number separators apply, such as {@code de-DE}
 *   <li>{@code sample_records}, {@code max_nesting_depth}, {@code max_string_length},
 *       {@code max_line_length}: positive integers; {@code max_document_length}: bytes, or -1
 *   <li>{@code reject_policy}: {@code lenient}, {@code strict}, {@code max_rows(N)} or {@code max_fraction(F)}
 *   <li>{@code schema}: comma-separated {@code name:TYPE} or {@code name:LOCAL_DATE:pattern|pattern}
 * </ul>
 *
 * <pre>{@code
 * Source s = Sources.forUri(URI.create("file:///data/orders.json"), Map.of("pointer", "/data/items"));
 * }</pre>
 *
 * @since 0.1.0
 */
public final class JsonSourceProvider implements SourceProvider {
    private static final List<String> EXTENSIONS = List.of(".json", ".ndjson", ".jsonl", ".json.gz", ".ndjson.gz",
        ".jsonl.gz");
    private static final Set<String> KEYS = new TreeSet<>(Arrays.asList("pointer", "layout", "snake_case", "missing",
        "locale", "sample_records", "max_nesting_depth", "max_document_length", "max_string_length", "max_line_length",
        "reject_policy", "schema"));

    /** For {@link java.util.ServiceLoader}. @since 0.1.0 */
    public JsonSourceProvider() {
    }

    /** @return {@code json} @since 0.1.0 */
    @Override
    public String kind() {
        return "json";
    }

    /**
     * @param uri a URI
     * @return true for a {@code file:} URI or a relative path whose name ends in a JSON extension
     * @since 0.1.0
     */
    @Override
    public boolean supports(URI uri) {
        if (uri == null || (uri.getScheme() != null && !"file".equalsIgnoreCase(uri.getScheme()))) {
            return false;
        }
        String p = uri.getPath();
        if (p == null) {
            return false;
        }
        String lower = p.toLowerCase(Locale.ROOT);
        return EXTENSIONS.stream().anyMatch(lower::endsWith);
    }

    /**
     * @param uri a {@code file:} URI or a relative path
     * @param options the string options listed in the class comment
     * @return the source, named by the path
     * @throws IllegalArgumentException for an unknown option, a bad value or a URI that is not a file
     * @since 0.1.0
     */
    @Override
    public Source create(URI uri, Map<String, String> options) {
        Objects.requireNonNull(uri, "uri");
        Objects.requireNonNull(options, "options");
        Path path = toPath(uri);
        String lower = path.toString().toLowerCase(Locale.ROOT);
        boolean lines = lower.endsWith(".ndjson") || lower.endsWith(".jsonl") || lower.endsWith(".ndjson.gz")
            || lower.endsWith(".jsonl.gz");
        JsonOptions.Builder o = (lines ? JsonOptions.NDJSON : JsonOptions.DEFAULT).toBuilder();
        JsonSource.Builder s = JsonSource.builder().path(path);
        boolean pointerSet = false;
        boolean layoutSet = false;
        for (Map.Entry<String, String> e : options.entrySet()) {
            String key = e.getKey();
            String v = Objects.requireNonNull(e.getValue(), key).strip();
            switch (key) {
                case "pointer":
                    o.pointer(v);
                    pointerSet = !v.isEmpty();
                    break;
                case "layout":
                    try {
                        o.layout(JsonLayout.valueOf(v.toUpperCase(Locale.ROOT)));
                        layoutSet = true;
                    } catch (IllegalArgumentException ex) {
                        throw new IllegalArgumentException("option 'layout' must be auto, array or ndjson (was '" + v
                            + "')", ex);
                    }
                    break;
                case "snake_case":
                    o.snakeCaseNames(bool(key, v));
                    break;
                case "missing":
                    o.missingTokens(list(v).toArray(new String[0]));
                    break;
                case "locale":
                    o.locale(Locale.forLanguageTag(v));
                    break;
                case "sample_records":
                    o.sampleRecords(positive(key, v));
                    break;
                case "max_nesting_depth":
                    o.maxNestingDepth(positive(key, v));
                    break;
                case "max_document_length":
                    try {
                        o.maxDocumentLength(Long.parseLong(v));
                    } catch (NumberFormatException ex) {
                        throw new IllegalArgumentException("option 'max_document_length' must be a number of bytes or "
                            + "-1 (was '" + v + "')", ex);
                    }
                    break;
                case "max_string_length":
                    o.maxStringLength(positive(key, v));
                    break;
                case "max_line_length":
                    o.maxLineLength(positive(key, v));
                    break;
                case "reject_policy":
                    s.rejectPolicy(policy(v));
                    break;
                case "schema":
                    s.schema(schema(v));
                    break;
                default:
                    throw new IllegalArgumentException("unknown json option '" + key + "'; known options: "
                        + String.join(", ", KEYS));
            }
        }
        if (lines && pointerSet && !layoutSet) {
            o.layout(JsonLayout.ARRAY); // a pointer into a .ndjson file means the caller knows it is one document
        }
        return s.options(o.build()).build();
    }

    private static Path toPath(URI uri) {
        if (uri.getScheme() == null) {
            return Path.of(uri.getPath());
        }
        if (!"file".equalsIgnoreCase(uri.getScheme())) {
            throw new IllegalArgumentException("the json source reads files; " + uri.getScheme()
                + ": URIs need another source (http)");
        }
        return Path.of(uri);
    }

    private static boolean bool(String key, String v) {
        if (v.equalsIgnoreCase("true")) {
            return true;
        }
        if (v.equalsIgnoreCase("false")) {
            return false;
        }
        throw new IllegalArgumentException("option '" + key + "' must be true or false (was '" + v + "')");
    }

    private static int positive(String key, String v) {
        try {
            int n = Integer.parseInt(v);
            if (n > 0) {
                return n;
            }
        } catch (NumberFormatException e) {
            // fall through to the message below
        }
        throw new IllegalArgumentException("option '" + key + "' must be a positive integer (was '" + v + "')");
    }

    private static List<String> list(String v) {
        List<String> out = new ArrayList<>();
        for (String p : v.split(",", -1)) {
            if (!p.isBlank()) {
                out.add(p.strip());
            }
        }
        return out;
    }

    private static RejectPolicy policy(String v) {
        String p = v.toLowerCase(Locale.ROOT);
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
        throw new IllegalArgumentException("option 'reject_policy' must be lenient, strict, max_rows(N) or "
            + "max_fraction(F) (was '" + v + "')");
    }

    private static Schema schema(String v) {
        List<ColumnSpec> cols = new ArrayList<>();
        for (String part : list(v)) {
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
