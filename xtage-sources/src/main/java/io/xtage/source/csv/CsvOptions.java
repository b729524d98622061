package io.xtage.source.csv;

import io.xtage.core.coerce.CoercionOptions;
import io.xtage.core.schema.SchemaInference;
import io.xtage.source.internal.OptionChecks;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;

/**
 * How a CSV text is read: its dialect (delimiter, quote, escape), its encoding, where the column
 * names come from, how headers are named, how text becomes values, and the limits of a read.
 *
 * <p>Immutable and thread-safe; holds no input location (give that to {@link CsvSource}).
 * Accessors never return null. A character option set to {@code '\0'} is switched off.
 *
 * <pre>{@code
 * CsvOptions semicolons = CsvOptions.DEFAULT.toBuilder()
 *     .delimiter(';')
 *     .charset(StandardCharsets.ISO_8859_1)
 *     .missingTokens("NA", "n/a")
 *     .build();
 * }</pre>
 *
 * @since 0.1.0
 */
public final class CsvOptions {
    /**
     * Comma-separated, double quotes, no escape character, UTF-8, a header row whose names become
     * snake_case, empty lines skipped.
     *
     * @since 0.1.0
     */
    public static final CsvOptions DEFAULT = builder().build();

    /**
     * RFC 4180: as {@link #DEFAULT}, but an empty line is a record (of one empty field), as the RFC
     * says, instead of being skipped.
     *
     * @since 0.1.0
     */
    public static final CsvOptions RFC4180 = builder().ignoreEmptyLines(false).build();

    /**
     * Tab-separated values: as {@link #DEFAULT} with a tab as the delimiter.
     *
     * @since 0.1.0
     */
    public static final CsvOptions TSV = builder().delimiter('\t').build();

    /**
     * The longest record, in characters, read by default: 16 Mi characters. Far longer than any
     * real record, and short enough that an unclosed quote in a large file fails fast with a clear
     * message instead of exhausting memory.
     *
     * @since 0.1.0
     */
    public static final int DEFAULT_MAX_RECORD_CHARS = 1 << 24;

    private final char delimiter;
    private final char quote;
    private final char escape;
    private final Charset charset;
    private final boolean header;
    private final List<String> columnNames;
    private final boolean snakeCaseHeaders;
    private final boolean ignoreEmptyLines;
    private final CoercionOptions coercion;
    private final int sampleRows;
    private final int maxRecordChars;

    private CsvOptions(Builder b) {
        this.delimiter = b.delimiter;
        this.quote = b.quote;
        this.escape = b.escape;
        this.charset = b.charset;
        this.header = b.header;
        this.columnNames = List.copyOf(b.columnNames);
        this.snakeCaseHeaders = b.snakeCaseHeaders;
        this.ignoreEmptyLines = b.ignoreEmptyLines;
        this.coercion = b.coercion;
        this.sampleRows = b.sampleRows;
        this.maxRecordChars = b.maxRecordChars;
    }

    /** @return a builder with the defaults of {@link #DEFAULT} @since 0.1.0 */
    public static Builder builder() {
        return new Builder();
    }

    /** @return a builder holding these options @since 0.1.0 */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.delimiter = delimiter;
        b.quote = quote;
        b.escape = escape;
        b.charset = charset;
        b.header = header;
        b.columnNames.addAll(columnNames);
        b.snakeCaseHeaders = snakeCaseHeaders;
        b.ignoreEmptyLines = ignoreEmptyLines;
        b.coercion = coercion;
        b.sampleRows = sampleRows;
        b.maxRecordChars = maxRecordChars;
        return b;
    }

    /** @return the field delimiter @since 0.1.0 */
    public char delimiter() {
        return delimiter;
    }

    /** @return the quote character, or {@code '\0'} when quoting is off @since 0.1.0 */
    public char quote() {
        return quote;
    }

    /** @return the escape character, or {@code '\0'} for none @since 0.1.0 */
    public char escape() {
        return escape;
    }

    /** @return the text encoding; a byte order mark at the start is skipped @since 0.1.0 */
    public Charset charset() {
        return charset;
    }

    /** @return true when the first record is a header row @since 0.1.0 */
    public boolean hasHeader() {
        return header;
    }

    /**
     * @return the declared column names, used as given; empty to take them from the header row
     *     (or {@code column_1, column_2, ...} when there is none)
     * @since 0.1.0
     */
    public List<String> columnNames() {
        return columnNames;
    }

    /** @return true when header names become snake_case ({@code Transaction_ID} to {@code transaction_id}) @since 0.1.0 */
    public boolean isSnakeCaseHeaders() {
        return snakeCaseHeaders;
    }

    /** @return true when empty lines are skipped rather than read as records @since 0.1.0 */
    public boolean isIgnoreEmptyLines() {
        return ignoreEmptyLines;
    }

    /** @return how text becomes values: missing tokens, separators, boolean spellings @since 0.1.0 */
    public CoercionOptions coercion() {
        return coercion;
    }

    /** @return how many records are sampled to infer a schema when none is declared @since 0.1.0 */
    public int sampleRows() {
        return sampleRows;
    }

    /** @return the longest record, in characters, before the read fails @since 0.1.0 */
    public int maxRecordChars() {
        return maxRecordChars;
    }

    /** The Commons CSV format for this dialect; the header is read by xtage, not by Commons CSV. */
    CSVFormat csvFormat() {
        return CSVFormat.DEFAULT.builder()
            .setDelimiter(delimiter)
            .setQuote(quote == 0 ? null : quote)
            .setEscape(escape == 0 ? null : escape)
            .setIgnoreEmptyLines(ignoreEmptyLines)
            .setIgnoreSurroundingSpaces(false)
            .setTrim(false)
            .setNullString(null)
            .setCommentMarker(null)
            .get();
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof CsvOptions)) {
            return false;
        }
        CsvOptions c = (CsvOptions) o;
        return delimiter == c.delimiter && quote == c.quote && escape == c.escape && charset.equals(c.charset)
            && header == c.header && columnNames.equals(c.columnNames) && snakeCaseHeaders == c.snakeCaseHeaders
            && ignoreEmptyLines == c.ignoreEmptyLines && coercion.equals(c.coercion) && sampleRows == c.sampleRows
            && maxRecordChars == c.maxRecordChars;
    }

    @Override
    public int hashCode() {
        return Objects.hash(delimiter, quote, escape, charset, header, columnNames, snakeCaseHeaders, ignoreEmptyLines,
            coercion, sampleRows, maxRecordChars);
    }

    @Override
    public String toString() {
        return "CsvOptions[delimiter=" + show(delimiter) + ", quote=" + show(quote) + ", escape=" + show(escape)
            + ", charset=" + charset.name() + ", header=" + header
            + (columnNames.isEmpty() ? "" : ", columnNames=" + columnNames)
            + ", snakeCaseHeaders=" + snakeCaseHeaders + ", ignoreEmptyLines=" + ignoreEmptyLines
            + ", coercion=" + coercion + ", sampleRows=" + sampleRows + ", maxRecordChars=" + maxRecordChars + "]";
    }

    static String show(char c) {
        switch (c) {
            case 0:
                return "none";
            case '\t':
                return "'\\t'";
            case '\n':
                return "'\\n'";
            case '\r':
                return "'\\r'";
            default:
                return "'" + c + "'";
        }
    }

    /**
     * Builds {@link CsvOptions}. Not thread-safe.
     *
     * @since 0.1.0
     */
    public static final class Builder {
        private char delimiter = ',';
        private char quote = '"';
        private char escape;
        private Charset charset = StandardCharsets.UTF_8;
        private boolean header = true;
        private final List<String> columnNames = new ArrayList<>();
        private boolean snakeCaseHeaders = true;
        private boolean ignoreEmptyLines = true;
        private CoercionOptions coercion = CoercionOptions.DEFAULT;
        private int sampleRows = SchemaInference.DEFAULT_SAMPLE_ROWS;
        private int maxRecordChars = DEFAULT_MAX_RECORD_CHARS;

        private Builder() {
        }

        /** @param c the field delimiter, such as {@code ','}, {@code ';'} or {@code '\t'} @return this @since 0.1.0 */
        public Builder delimiter(char c) {
            this.delimiter = c;
            return this;
        }

        /** @param c the quote character, or {@code '\0'} to switch quoting off @return this @since 0.1.0 */
        public Builder quote(char c) {
            this.quote = c;
            return this;
        }

        /** @param c the escape character, or {@code '\0'} for none @return this @since 0.1.0 */
        public Builder escape(char c) {
            this.escape = c;
            return this;
        }

        /** @param cs the text encoding @return this @since 0.1.0 */
        public Builder charset(Charset cs) {
            this.charset = Objects.requireNonNull(cs, "charset");
            return this;
        }

        /** @param present true when the first record is a header row @return this @since 0.1.0 */
        public Builder header(boolean present) {
            this.header = present;
            return this;
        }

        /**
         * Declares the column names, used as given. With a header row present, the header is
         * skipped and must have as many columns; without one, every record is data.
         *
         * @param names the names in order; none to take them from the header
         * @return this
         * @since 0.1.0
         */
        public Builder columnNames(List<String> names) {
            columnNames.clear();
            for (String n : names) {
                columnNames.add(Objects.requireNonNull(n, "column name"));
            }
            return this;
        }

        /** @param names the names in order @return this @see #columnNames(List) @since 0.1.0 */
        public Builder columnNames(String... names) {
            return columnNames(List.of(names));
        }

        /** @param on true to turn header names into snake_case @return this @since 0.1.0 */
        public Builder snakeCaseHeaders(boolean on) {
            this.snakeCaseHeaders = on;
            return this;
        }

        /** @param on true to skip empty lines, false to read them as records @return this @since 0.1.0 */
        public Builder ignoreEmptyLines(boolean on) {
            this.ignoreEmptyLines = on;
            return this;
        }

        /** @param options how text becomes values @return this @since 0.1.0 */
        public Builder coercion(CoercionOptions options) {
            this.coercion = Objects.requireNonNull(options, "coercion");
            return this;
        }

        /**
         * Adds tokens read as missing, besides blank text; a shortcut for
         * {@code coercion(coercion().toBuilder().missingTokens(tokens).build())}.
         *
         * @param tokens texts read as missing, compared after trimming
         * @return this
         * @since 0.1.0
         */
        public Builder missingTokens(String... tokens) {
            this.coercion = coercion.toBuilder().missingTokens(tokens).build();
            return this;
        }

        /**
         * Takes the decimal and grouping separators of a locale; a shortcut for
         * {@code coercion(coercion().toBuilder().locale(locale).build())}.
         *
         * @param locale the locale, such as {@code Locale.GERMANY} for {@code 1.234,5}
         * @return this
         * @since 0.1.0
         */
        public Builder locale(Locale locale) {
            this.coercion = coercion.toBuilder().locale(locale).build();
            return this;
        }

        /** @param n records sampled to infer a schema, at least 1 @return this @since 0.1.0 */
        public Builder sampleRows(int n) {
            this.sampleRows = n;
            return this;
        }

        /** @param n the longest record in characters, at least 1 @return this @since 0.1.0 */
        public Builder maxRecordChars(int n) {
            this.maxRecordChars = n;
            return this;
        }

        /**
         * @return the options
         * @throws IllegalArgumentException if an option is out of range or two options conflict;
         *     the message names the option and how to fix it
         * @since 0.1.0
         */
        public CsvOptions build() {
            validate();
            return new CsvOptions(this);
        }

        private void validate() {
            if (delimiter == 0 || isLineBreak(delimiter)) {
                throw new IllegalArgumentException("delimiter must be a character other than a line break or '\\0' (was "
                    + show(delimiter) + "); change CsvOptions.Builder.delimiter(char)");
            }
            if (isLineBreak(quote)) {
                throw new IllegalArgumentException("quote must not be a line break (was " + show(quote)
                    + "); change CsvOptions.Builder.quote(char), or '\\0' to switch quoting off");
            }
            if (isLineBreak(escape)) {
                throw new IllegalArgumentException("escape must not be a line break (was " + show(escape)
                    + "); change CsvOptions.Builder.escape(char), or '\\0' for none");
            }
            if (quote != 0 && quote == delimiter) {
                throw new IllegalArgumentException("quote and delimiter must differ (both " + show(quote)
                    + "); change CsvOptions.Builder.quote(char)");
            }
            if (escape != 0 && escape == delimiter) {
                throw new IllegalArgumentException("escape and delimiter must differ (both " + show(escape)
                    + "); change CsvOptions.Builder.escape(char)");
            }
            if (escape != 0 && escape == quote) {
                throw new IllegalArgumentException("escape and quote must differ (both " + show(escape)
                    + "); a doubled quote already escapes a quote, so set CsvOptions.Builder.escape('\\0')");
            }
            Set<String> seen = new HashSet<>();
            for (int i = 0; i < columnNames.size(); i++) {
                String n = columnNames.get(i);
                if (n.isBlank()) {
                    throw new IllegalArgumentException("columnNames has a blank name at position " + (i + 1)
                        + "; change CsvOptions.Builder.columnNames");
                }
                if (!seen.add(n)) {
                    throw new IllegalArgumentException("columnNames has '" + n
                        + "' twice; change CsvOptions.Builder.columnNames");
                }
            }
            OptionChecks.atLeastOne("sampleRows", sampleRows, "CsvOptions.Builder.sampleRows(int)");
            OptionChecks.atLeastOne("maxRecordChars", maxRecordChars, "CsvOptions.Builder.maxRecordChars(int)");
        }

        private static boolean isLineBreak(char c) {
            return c == '\n' || c == '\r';
        }
    }
}
