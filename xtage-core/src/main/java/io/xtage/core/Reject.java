package io.xtage.core;

import io.xtage.core.internal.Texts;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * One value or record that could not be used, and why.
 *
 * <p>A reject either keeps its record, with the value replaced by a missing value
 * ({@link #isRowDropped()} false), or removes the whole record from the result
 * ({@link #isRowDropped()} true). For every read,
 * {@code recordsRead == table.rowCount() + (records with a row-dropping reject)}.
 *
 * <p>Immutable and thread-safe. Accessors never return null.
 *
 * <pre>{@code
 * Reject r = Reject.builder("sales_data.csv", 12).lineNumber(13).column("price")
 *     .rawValue("abc").reason("cannot parse 'abc' as DOUBLE").kind(RejectKind.TYPE).build();
 * r.message(); // sales_data.csv record 12 (line 13), column 'price': cannot parse 'abc' as DOUBLE
 * }</pre>
 *
 * @since 0.1.0
 */
public final class Reject {
    private final String source;
    private final long recordNumber;
    private final long lineNumber;
    private final long columnNumber;
    private final String column;
    private final String rawValue;
    private final String reason;
    private final RejectKind kind;
    private final boolean rowDropped;

    private Reject(Builder b) {
        this.source = b.source;
        this.recordNumber = b.recordNumber;
        this.lineNumber = b.lineNumber;
        this.columnNumber = b.columnNumber;
        this.column = b.column;
        this.rawValue = b.rawValue == null ? "" : Texts.truncate(b.rawValue);
        this.reason = Objects.requireNonNull(b.reason, "reason");
        this.kind = Objects.requireNonNull(b.kind, "kind");
        this.rowDropped = b.rowDropped;
    }

    private Reject(Reject r, long recordNumber) {
        this.source = r.source;
        this.recordNumber = recordNumber;
        this.lineNumber = r.lineNumber;
        this.columnNumber = r.columnNumber;
        this.column = r.column;
        this.rawValue = r.rawValue;
        this.reason = r.reason;
        this.kind = r.kind;
        this.rowDropped = r.rowDropped;
    }

    /**
     * The same reject with another record number, for a source that concatenates several reads
     * (the pages of an HTTP source) and numbers their records on.
     *
     * @param newRecordNumber the 1-based record number in the whole read
     * @return the reject renumbered
     * @throws IllegalArgumentException if the number is negative
     * @since 0.1.0
     */
    public Reject withRecordNumber(long newRecordNumber) {
        if (newRecordNumber < 0) {
            throw new IllegalArgumentException("recordNumber must be >= 0, was " + newRecordNumber);
        }
        return new Reject(this, newRecordNumber);
    }

    /**
     * Starts a reject.
     *
     * @param source the source name (a path, a URL without credentials, a table)
     * @param recordNumber 1-based number of the record, not counting a header
     * @return a builder
     * @since 0.1.0
     */
    public static Builder builder(String source, long recordNumber) {
        return new Builder(source, recordNumber);
    }

    /**
     * A builder holding this reject's fields, to make a changed copy.
     *
     * @return a new builder
     * @since 0.1.0
     */
    public Builder toBuilder() {
        Builder b = new Builder(source, recordNumber);
        b.lineNumber = lineNumber;
        b.columnNumber = columnNumber;
        b.column = column;
        b.rawValue = rawValue;
        b.reason = reason;
        b.kind = kind;
        b.rowDropped = rowDropped;
        return b;
    }

    /** @return the source name @since 0.1.0 */
    public String source() {
        return source;
    }

    /** @return the 1-based record number, header excluded @since 0.1.0 */
    public long recordNumber() {
        return recordNumber;
    }

    /** @return the physical line where the record starts, for text sources @since 0.1.0 */
    public OptionalLong lineNumber() {
        return lineNumber < 0 ? OptionalLong.empty() : OptionalLong.of(lineNumber);
    }

    /** @return the column within the line, for JSON sources @since 0.1.0 */
    public OptionalLong columnNumber() {
        return columnNumber < 0 ? OptionalLong.empty() : OptionalLong.of(columnNumber);
    }

    /** @return the column name; empty for a whole-record problem @since 0.1.0 */
    public Optional<String> column() {
        return Optional.ofNullable(column);
    }

    /** @return the raw text, cut to 256 characters plus a marker; empty when there was none @since 0.1.0 */
    public String rawValue() {
        return rawValue;
    }

    /** @return why, as a phrase such as {@code cannot parse 'abc' as DOUBLE} @since 0.1.0 */
    public String reason() {
        return reason;
    }

    /** @return the kind of problem @since 0.1.0 */
    public RejectKind kind() {
        return kind;
    }

    /** @return true when the whole record was left out of the result @since 0.1.0 */
    public boolean isRowDropped() {
        return rowDropped;
    }

    /**
     * The reject as one line, in the template every xtage message uses:
     * {@code <source> record <n> (line <l>), column '<c>': <reason>}.
     *
     * @return the message
     * @since 0.1.0
     */
    public String message() {
        StringBuilder b = new StringBuilder(source).append(" record ").append(recordNumber);
        if (lineNumber >= 0) {
            b.append(" (line ").append(lineNumber);
            if (columnNumber >= 0) {
                b.append(", column ").append(columnNumber);
            }
            b.append(')');
        }
        if (column != null) {
            b.append(", column '").append(column).append('\'');
        }
        return b.append(": ").append(Texts.printable(reason)).toString();
    }

    /**
     * The reject as an ordered map with snake_case keys, for reports and JSON.
     *
     * @return a new map
     * @since 0.1.0
     */
    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("source", source);
        m.put("record", recordNumber);
        if (lineNumber >= 0) {
            m.put("line", lineNumber);
        }
        m.put("column", column == null ? "" : column);
        m.put("value", rawValue);
        m.put("reason", reason);
        m.put("kind", kind.name());
        m.put("row_dropped", rowDropped);
        return m;
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof Reject)) {
            return false;
        }
        Reject r = (Reject) o;
        return recordNumber == r.recordNumber && lineNumber == r.lineNumber && columnNumber == r.columnNumber
            && rowDropped == r.rowDropped && source.equals(r.source) && Objects.equals(column, r.column)
            && rawValue.equals(r.rawValue) && reason.equals(r.reason) && kind == r.kind;
    }

    @Override
    public int hashCode() {
        return Objects.hash(source, recordNumber, lineNumber, column, rawValue, reason, kind, rowDropped);
    }

    @Override
    public String toString() {
        return "Reject[" + message() + ", kind=" + kind + (rowDropped ? ", row dropped" : "") + "]";
    }

    /**
     * Builds a {@link Reject}. Not thread-safe.
     *
     * @since 0.1.0
     */
    public static final class Builder {
        private final String source;
        private final long recordNumber;
        private long lineNumber = -1;
        private long columnNumber = -1;
        private String column;
        private String rawValue;
        private String reason;
        private RejectKind kind = RejectKind.TYPE;
        private boolean rowDropped;

        private Builder(String source, long recordNumber) {
            this.source = Objects.requireNonNull(source, "source");
            if (recordNumber < 0) {
                throw new IllegalArgumentException("recordNumber must be >= 0, was " + recordNumber);
            }
            this.recordNumber = recordNumber;
        }

        /** @param line physical line where the record starts (1-based) @return this @since 0.1.0 */
        public Builder lineNumber(long line) {
            this.lineNumber = line;
            return this;
        }

        /** @param col column within the line (1-based), for JSON @return this @since 0.1.0 */
        public Builder columnNumber(long col) {
            this.columnNumber = col;
            return this;
        }

        /** @param name the column's name, or null for a whole-record problem @return this @since 0.1.0 */
        public Builder column(String name) {
            this.column = name;
            return this;
        }

        /** @param raw the raw text; truncated on build @return this @since 0.1.0 */
        public Builder rawValue(CharSequence raw) {
            this.rawValue = raw == null ? null : raw.toString();
            return this;
        }

        /** @param why the reason, as a phrase @return this @since 0.1.0 */
        public Builder reason(String why) {
            this.reason = why;
            return this;
        }

        /** @param k the kind of problem @return this @since 0.1.0 */
        public Builder kind(RejectKind k) {
            this.kind = k;
            return this;
        }

        /** @param dropped whether the whole record is left out @return this @since 0.1.0 */
        public Builder rowDropped(boolean dropped) {
            this.rowDropped = dropped;
            return this;
        }

        /**
         * @return the reject
         * @throws NullPointerException if no reason was given
         * @since 0.1.0
         */
        public Reject build() {
            return new Reject(this);
        }
    }
}
