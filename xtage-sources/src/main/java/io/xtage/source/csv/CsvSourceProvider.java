package io.xtage.source.csv;

import io.xtage.core.Source;
import io.xtage.core.spi.SourceProvider;
import io.xtage.source.internal.FileSources;
import io.xtage.source.internal.ProviderOptions;
import java.net.URI;
import java.nio.charset.Charset;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * Finds {@link CsvSource}s for {@code Sources.forUri}: kind {@code csv}, for {@code file:} URIs
 * and relative paths ending in {@code .csv}, {@code .tsv}, {@code .csv.gz} or {@code .tsv.gz}
 * ({@code .tsv} defaults to a tab delimiter). Stateless.
 *
 * <p>Options (all strings; unknown keys are an error):
 * <ul>
 *   <li>{@code delimiter}, {@code quote}, {@code escape}: one character, {@code tab}, or {@code none}
 *   <li>{@code encoding}: a charset name, such as {@code ISO-8859-1}
 *   <li>{@code header}, {@code snake_case}, {@code ignore_empty_lines}: {@code true} or {@code false}
 *   <li>{@code column_names}: comma-separated names, used as given
 *   <li>{@code missing}: comma-separated tokens read as missing, such as {@code NA,n/a}
 *   <li>{@code locale}: a language tag whose number separators apply, such as {@code de-DE}
 *   <li>{@code sample_rows}, {@code max_record_chars}: positive integers
 *   <li>{@code reject_policy}: {@code lenient}, {@code strict}, {@code max_rows(N)} or {@code max_fraction(F)}
 *   <li>{@code schema}: comma-separated {@code name:TYPE} or {@code name:LOCAL_DATE:pattern|pattern}
 * </ul>
 *
 * <pre>{@code
 * Source s = Sources.forUri(URI.create("file:///data/sales.csv"), Map.of("delimiter", ";", "missing", "NA"));
 * }</pre>
 *
 * @since 0.1.0
 */
public final class CsvSourceProvider implements SourceProvider {
    private static final List<String> EXTENSIONS = List.of(".csv", ".tsv", ".csv.gz", ".tsv.gz");
    private static final Set<String> KEYS = new TreeSet<>(Arrays.asList("delimiter", "quote", "escape", "encoding",
        "header", "snake_case", "ignore_empty_lines", "column_names", "missing", "locale", "sample_rows",
        "max_record_chars", "reject_policy", "schema"));

    /** For {@link java.util.ServiceLoader}. @since 0.1.0 */
    public CsvSourceProvider() {
    }

    /** @return {@code csv} @since 0.1.0 */
    @Override
    public String kind() {
        return "csv";
    }

    /**
     * @param uri a URI
     * @return true for a {@code file:} URI or a relative path whose name ends in a CSV extension
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
        CsvOptions.Builder o = (lower.endsWith(".tsv") || lower.endsWith(".tsv.gz") ? CsvOptions.TSV
            : CsvOptions.DEFAULT).toBuilder();
        CsvSource.Builder s = CsvSource.builder().path(path);
        for (Map.Entry<String, String> e : options.entrySet()) {
            String key = e.getKey();
            String v = Objects.requireNonNull(e.getValue(), key);
            switch (key) {
                case "delimiter":
                    o.delimiter(character(key, v));
                    break;
                case "quote":
                    o.quote(character(key, v));
                    break;
                case "escape":
                    o.escape(character(key, v));
                    break;
                case "encoding":
                    try {
                        o.charset(Charset.forName(v.strip()));
                    } catch (IllegalArgumentException ex) {
                        throw new IllegalArgumentException("option 'encoding': unknown charset '" + v
                            + "'; use a name such as UTF-8 or ISO-8859-1", ex);
                    }
                    break;
                case "header":
                    o.header(ProviderOptions.bool(key, v));
                    break;
                case "snake_case":
                    o.snakeCaseHeaders(ProviderOptions.bool(key, v));
                    break;
                case "ignore_empty_lines":
                    o.ignoreEmptyLines(ProviderOptions.bool(key, v));
                    break;
                case "column_names":
                    o.columnNames(ProviderOptions.list(v));
                    break;
                case "missing":
                    o.missingTokens(ProviderOptions.list(v).toArray(new String[0]));
                    break;
                case "locale":
                    o.locale(ProviderOptions.locale(v));
                    break;
                case "sample_rows":
                    o.sampleRows(ProviderOptions.positive(key, v));
                    break;
                case "max_record_chars":
                    o.maxRecordChars(ProviderOptions.positive(key, v));
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
        return s.options(o.build()).build();
    }

    private static char character(String key, String v) {
        if (v.equals("\t") || v.equalsIgnoreCase("tab") || v.equals("\\t")) {
            return '\t';
        }
        if (v.isEmpty() || v.equalsIgnoreCase("none")) {
            return '\0';
        }
        if (v.length() != 1) {
            throw ProviderOptions.invalid(key, "one character, 'tab' or 'none'", v);
        }
        return v.charAt(0);
    }
}
