package io.xtage.source.json;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.core.StreamReadConstraints;
import io.xtage.core.coerce.CoercionOptions;
import io.xtage.core.schema.SchemaInference;
import io.xtage.source.internal.OptionChecks;
import java.util.Locale;
import java.util.Objects;

/**
 * How a JSON input is read: where its records are (layout and JSON Pointer), how field names
 * become column names, how text becomes values, and the limits that keep a hostile or broken
 * input from exhausting the stack or memory.
 *
 * <p>Immutable and thread-safe; holds no input location (give that to {@link JsonSource}).
 * Accessors never return null. JSON is read as UTF-8 (RFC 8259); UTF-16 and UTF-32 are detected
 * in the {@link JsonLayout#ARRAY} layout.
 *
 * <pre>{@code
 * JsonOptions items = JsonOptions.DEFAULT.toBuilder()
 *     .pointer("/data/items")
 *     .missingTokens("Unknown")
 *     .build();
 * }</pre>
 *
 * @since 0.1.0
 */
public final class JsonOptions {
    /**
     * Layout {@link JsonLayout#AUTO}, no pointer, snake_case names, depth 100, no document size
     * limit, Jackson's string limit, 64 MiB lines.
     *
     * @since 0.1.0
     */
    public static final JsonOptions DEFAULT = builder().build();

    /**
     * Newline-delimited JSON: as {@link #DEFAULT} with layout {@link JsonLayout#NDJSON}.
     *
     * @since 0.1.0
     */
    public static final JsonOptions NDJSON = builder().layout(JsonLayout.NDJSON).build();

    /**
     * Deepest nesting read by default. Records are flat or shallow; 100 levels is far more than
     * real data needs, and a deeper input is an error instead of a deep recursion.
     *
     * @since 0.1.0
     */
    public static final int DEFAULT_MAX_NESTING_DEPTH = 100;

    /**
     * Upper bound for {@link Builder#maxNestingDepth(int)}: the generator that writes nested
     * arrays back as text allows 1000 levels (Jackson's StreamWriteConstraints default).
     *
     * @since 0.1.0
     */
    public static final int MAX_NESTING_DEPTH_LIMIT = 1000;

    /**
     * Longest NDJSON line read by default, 64 MiB: far longer than a real record, short enough
     * that a file without line breaks fails fast instead of exhausting memory.
     *
     * @since 0.1.0
     */
    public static final int DEFAULT_MAX_LINE_LENGTH = 1 << 26;

    private final String pointer;
    private final JsonLayout layout;
    private final boolean snakeCaseNames;
    private final CoercionOptions coercion;
    private final int sampleRecords;
    private final int maxNestingDepth;
    private final long maxDocumentLength;
    private final int maxStringLength;
    private final int maxLineLength;

    private JsonOptions(Builder b) {
        this.pointer = b.pointer;
        this.layout = b.layout;
        this.snakeCaseNames = b.snakeCaseNames;
        this.coercion = b.coercion;
        this.sampleRecords = b.sampleRecords;
        this.maxNestingDepth = b.maxNestingDepth;
        this.maxDocumentLength = b.maxDocumentLength;
        this.maxStringLength = b.maxStringLength;
        this.maxLineLength = b.maxLineLength;
    }

    /** @return a builder with the defaults of {@link #DEFAULT} @since 0.1.0 */
    public static Builder builder() {
        return new Builder();
    }

    /** @return a builder holding these options @since 0.1.0 */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.pointer = pointer;
        b.layout = layout;
        b.snakeCaseNames = snakeCaseNames;
        b.coercion = coercion;
        b.sampleRecords = sampleRecords;
        b.maxNestingDepth = maxNestingDepth;
        b.maxDocumentLength = maxDocumentLength;
        b.maxStringLength = maxStringLength;
        b.maxLineLength = maxLineLength;
        return b;
    }

    /** @return the JSON Pointer (RFC 6901) to the array of records; empty for the top level @since 0.1.0 */
    public String pointer() {
        return pointer;
    }

    /** @return the layout @since 0.1.0 */
    public JsonLayout layout() {
        return layout;
    }

    /**
     * @return true when field paths become snake_case column names ({@code customer.firstName} to
     *     {@code customer_first_name}); false to join the keys with {@code _} as they are
     * @since 0.1.0
     */
    public boolean isSnakeCaseNames() {
        return snakeCaseNames;
    }

    /** @return how text becomes values: missing tokens, separators, boolean spellings @since 0.1.0 */
    public CoercionOptions coercion() {
        return coercion;
    }

    /** @return how many records are sampled to infer a schema when none is declared @since 0.1.0 */
    public int sampleRecords() {
        return sampleRecords;
    }

    /** @return the deepest nesting of arrays and objects allowed @since 0.1.0 */
    public int maxNestingDepth() {
        return maxNestingDepth;
    }

    /** @return the longest document in bytes, or -1 for no limit (for NDJSON, per line) @since 0.1.0 */
    public long maxDocumentLength() {
        return maxDocumentLength;
    }

    /** @return the longest string value or field name, in characters @since 0.1.0 */
    public int maxStringLength() {
        return maxStringLength;
    }

    /** @return the longest NDJSON line in bytes; a longer line is a reject @since 0.1.0 */
    public int maxLineLength() {
        return maxLineLength;
    }

    /** Jackson's limits for these options. */
    StreamReadConstraints constraints() {
        return StreamReadConstraints.builder()
            .maxNestingDepth(maxNestingDepth)
            .maxDocumentLength(maxDocumentLength)
            .maxStringLength(maxStringLength)
            .build();
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof JsonOptions)) {
            return false;
        }
        JsonOptions j = (JsonOptions) o;
        return pointer.equals(j.pointer) && layout == j.layout && snakeCaseNames == j.snakeCaseNames
            && coercion.equals(j.coercion) && sampleRecords == j.sampleRecords && maxNestingDepth == j.maxNestingDepth
            && maxDocumentLength == j.maxDocumentLength && maxStringLength == j.maxStringLength
            && maxLineLength == j.maxLineLength;
    }

    @Override
    public int hashCode() {
        return Objects.hash(pointer, layout, snakeCaseNames, coercion, sampleRecords, maxNestingDepth,
            maxDocumentLength, maxStringLength, maxLineLength);
    }

    @Override
    public String toString() {
        return "JsonOptions[layout=" + layout + (pointer.isEmpty() ? "" : ", pointer=" + pointer)
            + ", snakeCaseNames=" + snakeCaseNames + ", coercion=" + coercion + ", sampleRecords=" + sampleRecords
            + ", maxNestingDepth=" + maxNestingDepth + ", maxDocumentLength=" + maxDocumentLength
            + ", maxStringLength=" + maxStringLength + ", maxLineLength=" + maxLineLength + "]";
    }

    /**
     * Builds {@link JsonOptions}. Not thread-safe.
     *
     * @since 0.1.0
     */
    public static final class Builder {
        private String pointer = "";
        private JsonLayout layout = JsonLayout.AUTO;
        private boolean snakeCaseNames = true;
        private CoercionOptions coercion = CoercionOptions.DEFAULT;
        private int sampleRecords = SchemaInference.DEFAULT_SAMPLE_ROWS;
        private int maxNestingDepth = DEFAULT_MAX_NESTING_DEPTH;
        private long maxDocumentLength = -1;
        private int maxStringLength = StreamReadConstraints.DEFAULT_MAX_STRING_LEN;
        private int maxLineLength = DEFAULT_MAX_LINE_LENGTH;

        private Builder() {
        }

        /**
         * @param p a JSON Pointer (RFC 6901) such as {@code /data/items} to the array of records;
         *     empty for the top level
         * @return this
         * @since 0.1.0
         */
        public Builder pointer(String p) {
            this.pointer = Objects.requireNonNull(p, "pointer");
            return this;
        }

        /** @param l the layout @return this @since 0.1.0 */
        public Builder layout(JsonLayout l) {
            this.layout = Objects.requireNonNull(l, "layout");
            return this;
        }

        /** @param on true to make column names snake_case @return this @since 0.1.0 */
        public Builder snakeCaseNames(boolean on) {
            this.snakeCaseNames = on;
            return this;
        }

        /** @param options how text becomes values @return this @since 0.1.0 */
        public Builder coercion(CoercionOptions options) {
            this.coercion = Objects.requireNonNull(options, "coercion");
            return this;
        }

        /**
         * Adds tokens read as missing, besides blank text and JSON {@code null}.
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
         * Takes the decimal and grouping separators of a locale, for numbers written as strings.
         *
         * @param locale the locale
         * @return this
         * @since 0.1.0
         */
        public Builder locale(Locale locale) {
            this.coercion = coercion.toBuilder().locale(locale).build();
            return this;
        }

        /** @param n records sampled to infer a schema, at least 1 @return this @since 0.1.0 */
        public Builder sampleRecords(int n) {
            this.sampleRecords = n;
            return this;
        }

        /** @param n deepest nesting allowed, 1 to {@value JsonOptions#MAX_NESTING_DEPTH_LIMIT} @return this @since 0.1.0 */
        public Builder maxNestingDepth(int n) {
            this.maxNestingDepth = n;
            return this;
        }

        /** @param n longest document in bytes, or -1 for no limit @return this @since 0.1.0 */
        public Builder maxDocumentLength(long n) {
            this.maxDocumentLength = n;
            return this;
        }

        /** @param n longest string value in characters, at least 1 @return this @since 0.1.0 */
        public Builder maxStringLength(int n) {
            this.maxStringLength = n;
            return this;
        }

        /** @param n longest NDJSON line in bytes, at least 1 @return this @since 0.1.0 */
        public Builder maxLineLength(int n) {
            this.maxLineLength = n;
            return this;
        }

        /**
         * @return the options
         * @throws IllegalArgumentException if an option is out of range, the pointer is not a JSON
         *     Pointer, or a pointer is given for NDJSON; the message names the option and the fix
         * @since 0.1.0
         */
        public JsonOptions build() {
            validate();
            return new JsonOptions(this);
        }

        private void validate() {
            if (!pointer.isEmpty()) {
                try {
                    JsonPointer.compile(pointer);
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException("pointer '" + pointer + "' is not a JSON Pointer: it must be "
                        + "empty or start with '/', as in /data/items; change JsonOptions.Builder.pointer(String)", e);
                }
                if (layout == JsonLayout.NDJSON) {
                    throw new IllegalArgumentException("pointer '" + pointer + "' cannot apply to layout NDJSON, "
                        + "whose records are its lines; remove JsonOptions.Builder.pointer or use layout ARRAY");
                }
            }
            OptionChecks.atLeastOne("sampleRecords", sampleRecords, "JsonOptions.Builder.sampleRecords(int)");
            if (maxNestingDepth < 1 || maxNestingDepth > MAX_NESTING_DEPTH_LIMIT) {
                throw new IllegalArgumentException("maxNestingDepth must be between 1 and " + MAX_NESTING_DEPTH_LIMIT
                    + " (was " + maxNestingDepth + "); change JsonOptions.Builder.maxNestingDepth(int)");
            }
            if (maxDocumentLength == 0 || maxDocumentLength < -1) {
                throw new IllegalArgumentException("maxDocumentLength must be positive, or -1 for no limit (was "
                    + maxDocumentLength + "); change JsonOptions.Builder.maxDocumentLength(long)");
            }
            OptionChecks.atLeastOne("maxStringLength", maxStringLength, "JsonOptions.Builder.maxStringLength(int)");
            OptionChecks.atLeastOne("maxLineLength", maxLineLength, "JsonOptions.Builder.maxLineLength(int)");
        }
    }
}
