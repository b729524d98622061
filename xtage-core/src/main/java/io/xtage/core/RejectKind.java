package io.xtage.core;

/**
 * What kind of problem a {@link Reject} records, for grouping.
 *
 * @since 0.1.0
 */
public enum RejectKind {
    /** The text could not be read at all: a broken quote, invalid encoding, malformed JSON. */
    PARSE,
    /** A value did not fit its column's type. */
    TYPE,
    /** A record had the wrong shape: too few or too many fields, not an object. */
    SHAPE,
    /** A value broke a declared constraint: a required value is missing, a key did not match. */
    CONSTRAINT
}
