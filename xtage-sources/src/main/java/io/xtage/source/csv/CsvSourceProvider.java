package io.xtage.source.csv;

import io.xtage.core.RejectPolicy;
import io.xtage.core.Source;
import io.xtage.core.schema.ColumnSpec;
import io.xtage.core.schema.ColumnType;
import io.xtage.core.schema.Schema;
import io.xtage.core.spi.SourceProvider;
import java.net.URI;
import java.nio.charset.Charset;
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
                    o.header(bool(key, v));
                    break;
                case "snake_case":
                    o.snakeCaseHeaders(bool(key, v));
                    break;
                case "ignore_empty_lines":
                    o.ignoreEmptyLines(bool(key, v));
                    break;
                case "column_names":
                    o.columnNames(list(v));
                    break;
                case "missing":
                    o.missingTokens(list(v).toArray(new String[0]));
                    break;
                case "locale":
                    o.locale(Locale.forLanguageTag(v.strip()));
                    break;
                case "sample_rows":
                    o.sampleRows(positive(key, v));
                    break;
                case "max_record_chars":
                    o.maxRecordChars(positive(key, v));
                    break;
                case "reject_policy":
                    s.rejectPolicy(policy(v));
                    break;
                case "schema":
                    s.schema(schema(v));
                    break;
                default:
                    throw new IllegalArgumentException("unknown csv option '" + key + "'; known options: "
                        + String.join(", ", KEYS));
            }
        }
        return s.options(o.build()).build();
    }

    static Path toPath(URI uri) {
        if (uri.getScheme() == null) {
            return Path.of(uri.getPath());
        }
        if (!"file".equalsIgnoreCase(uri.getScheme())) {
            throw new IllegalArgumentException("the csv source reads files; " + uri.getScheme()
                + ": URIs need another source (http, jdbc)");
        }
        return Path.of(uri);
    }

    private static char character(String key, String v) {
        if (v.equals("\t") || v.equalsIgnoreCase("tab") || v.equals("\\t")) {
            return '\t';
        }
        if (v.isEmpty() || v.equalsIgnoreCase("none")) {
            return '\0';
        }
        if (v.length() != 1) {
            throw new IllegalArgumentException("option '" + key + "' must be one character, 'tab' or 'none' (was '"
                + v + "')");
        }
        return v.charAt(0);
    }

    private static boolean bool(String key, String v) {
        if (v.strip().equalsIgnoreCase("true")) {
            return true;
        }
        if (v.strip().equalsIgnoreCase("false")) {
            return false;
        }
        throw new IllegalArgumentException("option '" + key + "' must be true or false (was '" + v + "')");
    }

    private static int positive(String key, String v) {
        try {
            int n = Integer.parseInt(v.strip());
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

    static RejectPolicy policy(String v) {
        String p = v.strip().toLowerCase(Locale.ROOT);
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

    static Schema schema(String v) {
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
