package io.xtage.source.json;

import io.xtage.core.Source;
import io.xtage.core.spi.SourceProvider;
import io.xtage.source.internal.FileSources;
import io.xtage.source.internal.ProviderOptions;
import java.net.URI;
import java.nio.file.Path;
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
        return FileSources.isFileWithExtension(uri, EXTENSIONS);
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
        Path path = ProviderOptions.toPath(kind(), uri);
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
                        throw ProviderOptions.invalid(key, "auto, array or ndjson", v, ex);
                    }
                    break;
                case "snake_case":
                    o.snakeCaseNames(ProviderOptions.bool(key, v));
                    break;
                case "missing":
                    o.missingTokens(ProviderOptions.list(v).toArray(new String[0]));
                    break;
                case "locale":
                    o.locale(ProviderOptions.locale(v));
                    break;
                case "sample_records":
                    o.sampleRecords(ProviderOptions.positive(key, v));
                    break;
                case "max_nesting_depth":
                    o.maxNestingDepth(ProviderOptions.positive(key, v));
                    break;
                case "max_document_length":
                    try {
                        o.maxDocumentLength(Long.parseLong(v));
                    } catch (NumberFormatException ex) {
                        throw ProviderOptions.invalid(key, "a number of bytes or -1", v, ex);
                    }
                    break;
                case "max_string_length":
                    o.maxStringLength(ProviderOptions.positive(key, v));
                    break;
                case "max_line_length":
                    o.maxLineLength(ProviderOptions.positive(key, v));
                    break;
                case "reject_policy":
                    s.rejectPolicy(ProviderOptions.rejectPolicy(v));
                    break;
                case "schema":
                    s.schema(ProviderOptions.schema(v));
                    break;
                default:
                    throw ProviderOptions.unknown(kind(), key, KEYS);
            }
        }
        if (lines && pointerSet && !layoutSet) {
            o.layout(JsonLayout.ARRAY); // a pointer into a .ndjson file means the caller knows it is one document
        }
        return s.options(o.build()).build();
    }
}
