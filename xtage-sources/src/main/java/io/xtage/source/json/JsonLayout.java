package io.xtage.source.json;

/**
 * How records are laid out in a JSON input.
 *
 * @since 0.1.0
 */
public enum JsonLayout {
    /**
     * Decided by the first bytes: an opening bracket is {@link #ARRAY}; an object that ends on the
     * first line, followed by a value on a later line, is {@link #NDJSON}; a pointer means
     * {@link #ARRAY}. A lone top-level object is an error that names the arrays inside it.
     */
    AUTO,
    /** One JSON document holding an array of objects: at the top, or where the pointer says. */
    ARRAY,
    /**
     * Newline-delimited JSON (JSON Lines): one object per line. A line that is not valid JSON is a
     * {@link io.xtage.core.RejectKind#PARSE PARSE} reject and the read goes on with the next line.
     */
    NDJSON
}
