package io.xtage.sink.csv;

import java.util.Objects;

/**
 * How {@link CsvSink} writes CSV: delimiter, quote, line ending, header, the text of a missing
 * value, and the spreadsheet formula guard.
 *
 * <p>Quoting follows RFC 4180 and is minimal: a field is quoted only when it contains the
 * delimiter, the quote, CR or LF, starts or ends with a space, or equals a non-empty
 * {@link #nullToken() missing-value token}; a quote inside a quoted field is doubled.
 *
 * <p>Immutable and thread-safe. Presets: {@link #DEFAULT} ({@code ,} {@code "} {@code \n},
 * header, missing as an empty field: what pandas and DuckDB write) and {@link #RFC4180} (the
 * same with {@code \r\n} line endings, as RFC 4180 specifies).
 *
 * <pre>{@code
 * CsvSinkOptions semicolons = CsvSinkOptions.DEFAULT.toBuilder().delimiter(';').nullToken("NA").build();
 * CsvSinkOptions guarded = CsvSinkOptions.builder().formulaGuard(true).build();
 * }</pre>
 *
 * @since 0.1.0
 */
public final class CsvSinkOptions {

    /** {@code ,} {@code "} {@code \n}, a header, missing as an empty field, no formula guard. @since 0.1.0 */
    public static final CsvSinkOptions DEFAULT = builder().build();

    /** As {@link #DEFAULT} with {@code \r\n} line endings. @since 0.1.0 */
    public static final CsvSinkOptions RFC4180 = builder().recordSeparator("\r\n").build();

    private final char delimiter;
    private final char quote;
    private final String recordSeparator;
    private final boolean header;
    private final String nullToken;
    private final boolean formulaGuard;

    private CsvSinkOptions(Builder b) {
        this.delimiter = b.delimiter;
        this.quote = b.quote;
        this.recordSeparator = b.recordSeparator;
        this.header = b.header;
        this.nullToken = b.nullToken;
        this.formulaGuard = b.formulaGuard;
    }

    /** @return a builder with the {@link #DEFAULT} settings @since 0.1.0 */
    public static Builder builder() {
        return new Builder();
    }

    /** @return a builder starting from these settings @since 0.1.0 */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.delimiter = delimiter;
        b.quote = quote;
        b.recordSeparator = recordSeparator;
        b.header = header;
        b.nullToken = nullToken;
        b.formulaGuard = formulaGuard;
        return b;
    }

    /** @return the field delimiter, {@code ,} by default @since 0.1.0 */
    public char delimiter() {
        return delimiter;
    }

    /** @return the quote character, {@code "} by default @since 0.1.0 */
    public char quote() {
        return quote;
    }

    /** @return the line ending written after every record, {@code \n} by default @since 0.1.0 */
    public String recordSeparator() {
        return recordSeparator;
    }

    /** @return whether the first line holds the column names; true by default @since 0.1.0 */
    public boolean hasHeader() {
        return header;
    }

    /** @return the text written for a missing value, empty by default; never null @since 0.1.0 */
    public String nullToken() {
        return nullToken;
    }

    /**
     * @return whether a text cell starting with {@code =}, {@code +}, {@code -}, {@code @},
     *     tab or CR gets a leading {@code '} so spreadsheets do not run it as a formula; false
     *     by default. Applies to STRING columns only, never to numbers or the header.
     * @since 0.1.0
     */
    public boolean isFormulaGuard() {
        return formulaGuard;
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof CsvSinkOptions)) {
            return false;
        }
        CsvSinkOptions x = (CsvSinkOptions) o;
        return delimiter == x.delimiter && quote == x.quote && recordSeparator.equals(x.recordSeparator)
            && header == x.header && nullToken.equals(x.nullToken) && formulaGuard == x.formulaGuard;
    }

    @Override
    public int hashCode() {
        return Objects.hash(delimiter, quote, recordSeparator, header, nullToken, formulaGuard);
    }

    @Override
    public String toString() {
        return "CsvSinkOptions[delimiter=" + printable(String.valueOf(delimiter)) + ", quote=" + quote
            + ", recordSeparator=" + printable(recordSeparator) + ", header=" + header + ", nullToken='" + nullToken
            + "', formulaGuard=" + formulaGuard + "]";
    }

    private static String printable(String s) {
        return s.replace("\r", "\\r").replace("\n", "\\n").replace("\t", "\\t");
    }

    /**
     * Builds {@link CsvSinkOptions}. Not thread-safe.
     *
     * @since 0.1.0
     */
    public static final class Builder {
        private char delimiter = ',';
        private char quote = '"';
        private String recordSeparator = "\n";
        private boolean header = true;
        private String nullToken = "";
        private boolean formulaGuard;

        private Builder() {
        }

        /** @param delimiter the field delimiter @return this @since 0.1.0 */
        public Builder delimiter(char delimiter) {
            this.delimiter = delimiter;
            return this;
        }

        /** @param quote the quote character @return this @since 0.1.0 */
        public Builder quote(char quote) {
            this.quote = quote;
            return this;
        }

        /** @param recordSeparator {@code \n} or {@code \r\n} @return this @since 0.1.0 */
        public Builder recordSeparator(String recordSeparator) {
            this.recordSeparator = Objects.requireNonNull(recordSeparator, "recordSeparator");
            return this;
        }

        /** @param header whether to write the column names first @return this @since 0.1.0 */
        public Builder header(boolean header) {
            this.header = header;
            return this;
        }

        /** @param nullToken the text of a missing value, such as {@code NA}; empty for an empty field @return this @since 0.1.0 */
        public Builder nullToken(String nullToken) {
            this.nullToken = Objects.requireNonNull(nullToken, "nullToken");
            return this;
        }

        /** @param formulaGuard whether to guard text cells against formula injection @return this @since 0.1.0 */
        public Builder formulaGuard(boolean formulaGuard) {
            this.formulaGuard = formulaGuard;
            return this;
        }

        /**
         * @return the options
         * @throws IllegalArgumentException if delimiter and quote are equal or a line break, the
         *     record separator is not {@code \n}, {@code \r\n} or {@code \r}, or the missing-value
         *     token contains the delimiter, the quote, CR or LF
         * @since 0.1.0
         */
        public CsvSinkOptions build() {
            validate();
            return new CsvSinkOptions(this);
        }

        private void validate() {
            if (delimiter == quote) {
                throw new IllegalArgumentException("quote and delimiter must differ (both '" + quote
                    + "'); change CsvSinkOptions.Builder.quote(char) or delimiter(char)");
            }
            if (isLineBreak(delimiter) || isLineBreak(quote)) {
                throw new IllegalArgumentException("delimiter and quote must not be CR or LF; change "
                    + "CsvSinkOptions.Builder.delimiter(char) or quote(char)");
            }
            if (!recordSeparator.equals("\n") && !recordSeparator.equals("\r\n") && !recordSeparator.equals("\r")) {
                throw new IllegalArgumentException("recordSeparator must be \\n, \\r\\n or \\r (was '"
                    + printable(recordSeparator) + "'); change CsvSinkOptions.Builder.recordSeparator(String)");
            }
            for (int i = 0; i < nullToken.length(); i++) {
                char c = nullToken.charAt(i);
                if (c == delimiter || c == quote || isLineBreak(c)) {
                    throw new IllegalArgumentException("nullToken '" + printable(nullToken)
                        + "' must not contain the delimiter, the quote, CR or LF; change "
                        + "CsvSinkOptions.Builder.nullToken(String)");
                }
            }
            if (!nullToken.equals(nullToken.strip())) {
                throw new IllegalArgumentException("nullToken '" + nullToken
                    + "' must not start or end with a space (readers trim it); change "
                    + "CsvSinkOptions.Builder.nullToken(String)");
            }
        }

        private static boolean isLineBreak(char c) {
            return c == '\r' || c == '\n';
        }
    }
}
