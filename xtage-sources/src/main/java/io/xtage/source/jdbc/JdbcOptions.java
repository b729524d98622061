package io.xtage.source.jdbc;

import io.xtage.core.RejectPolicy;
import java.time.Duration;
import java.util.Objects;

/**
 * How a {@link JdbcSource} reads: fetch size, query timeout, column naming, what to do with
 * columns whose SQL type has no column type, and the reject policy for values a column cannot
 * hold. Holds no connection, query or credential.
 *
 * <p>Immutable and thread-safe.
 *
 * <pre>{@code
 * JdbcOptions o = JdbcOptions.builder().queryTimeout(Duration.ofMinutes(5)).fetchSize(50_000).build();
 * }</pre>
 *
 * @since 0.1.0
 */
public final class JdbcOptions {
    /**
     * Rows per round trip: 10,000. Measured (docs/FIELD-NOTES): PgJDBC streams 1M rows in 1.5 s
     * with about 120 MB of heap at this size; with 0 it buffers the whole result first.
     */
    public static final int DEFAULT_FETCH_SIZE = 10_000;

    /** The options with every default: fetch size 10,000, no query timeout, snake_case names. */
    public static final JdbcOptions DEFAULTS = builder().build();

    private final int fetchSize;
    private final Duration queryTimeout;
    private final boolean snakeCaseNames;
    private final boolean unmappedAsText;
    private final RejectPolicy rejectPolicy;

    private JdbcOptions(Builder b) {
        this.fetchSize = b.fetchSize;
        this.queryTimeout = b.queryTimeout;
        this.snakeCaseNames = b.snakeCaseNames;
        this.unmappedAsText = b.unmappedAsText;
        this.rejectPolicy = b.rejectPolicy;
    }

    /** @return a builder with the defaults @since 0.1.0 */
    public static Builder builder() {
        return new Builder();
    }

    /** @return a builder holding these options @since 0.1.0 */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.fetchSize = fetchSize;
        b.queryTimeout = queryTimeout;
        b.snakeCaseNames = snakeCaseNames;
        b.unmappedAsText = unmappedAsText;
        b.rejectPolicy = rejectPolicy;
        return b;
    }

    /** @return rows fetched per round trip @since 0.1.0 */
    public int fetchSize() {
        return fetchSize;
    }

    /** @return the query timeout, {@link Duration#ZERO} for none; applied in whole seconds, rounded up @since 0.1.0 */
    public Duration queryTimeout() {
        return queryTimeout;
    }

    /** @return whether column names become snake_case ({@code OrderDate} to {@code order_date}) @since 0.1.0 */
    public boolean isSnakeCaseNames() {
        return snakeCaseNames;
    }

    /**
     * @return whether a column whose SQL type has no column type (bytea, interval, arrays, ...) is
     *     read as its text form; when false, such a column fails the read with a SchemaException
     * @since 0.1.0
     */
    public boolean isUnmappedAsText() {
        return unmappedAsText;
    }

    /** @return what a read does with a value its column cannot hold (NaN, infinity dates) @since 0.1.0 */
    public RejectPolicy rejectPolicy() {
        return rejectPolicy;
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof JdbcOptions)) {
            return false;
        }
        JdbcOptions x = (JdbcOptions) o;
        return fetchSize == x.fetchSize && queryTimeout.equals(x.queryTimeout) && snakeCaseNames == x.snakeCaseNames
            && unmappedAsText == x.unmappedAsText && rejectPolicy.equals(x.rejectPolicy);
    }

    @Override
    public int hashCode() {
        return Objects.hash(fetchSize, queryTimeout, snakeCaseNames, unmappedAsText, rejectPolicy);
    }

    @Override
    public String toString() {
        return "JdbcOptions[fetchSize=" + fetchSize
            + ", queryTimeout=" + (queryTimeout.isZero() ? "none" : queryTimeout)
            + ", snakeCaseNames=" + snakeCaseNames + ", unmappedAsText=" + unmappedAsText + ", rejectPolicy="
            + rejectPolicy.describe() + "]";
    }

    /**
     * Builds {@link JdbcOptions}. Not thread-safe.
     *
     * @since 0.1.0
     */
    public static final class Builder {
        private int fetchSize = DEFAULT_FETCH_SIZE;
        private Duration queryTimeout = Duration.ZERO;
        private boolean snakeCaseNames = true;
        private boolean unmappedAsText;
        private RejectPolicy rejectPolicy = RejectPolicy.lenient();

        private Builder() {
        }

        /**
         * @param rows rows per round trip, positive (0 would make PgJDBC buffer the whole result)
         * @return this
         * @since 0.1.0
         */
        public Builder fetchSize(int rows) {
            this.fetchSize = rows;
            return this;
        }

        /** @param timeout the query timeout, {@link Duration#ZERO} for none @return this @since 0.1.0 */
        public Builder queryTimeout(Duration timeout) {
            this.queryTimeout = Objects.requireNonNull(timeout, "timeout");
            return this;
        }

        /** @param on true (the default) for snake_case column names @return this @since 0.1.0 */
        public Builder snakeCaseNames(boolean on) {
            this.snakeCaseNames = on;
            return this;
        }

        /** @param on true to read unmappable columns as text instead of failing @return this @since 0.1.0 */
        public Builder unmappedAsText(boolean on) {
            this.unmappedAsText = on;
            return this;
        }

        /** @param policy the reject policy, lenient by default @return this @since 0.1.0 */
        public Builder rejectPolicy(RejectPolicy policy) {
            this.rejectPolicy = Objects.requireNonNull(policy, "policy");
            return this;
        }

        /**
         * @return the options
         * @throws IllegalArgumentException for a fetch size below 1 or a negative timeout
         * @since 0.1.0
         */
        public JdbcOptions build() {
            if (fetchSize < 1) {
                throw new IllegalArgumentException("fetchSize must be positive, was " + fetchSize
                    + " (0 would buffer the whole result); change JdbcOptions.Builder.fetchSize(int)");
            }
            if (queryTimeout.isNegative()) {
                throw new IllegalArgumentException("queryTimeout must not be negative, was " + queryTimeout
                    + "; change JdbcOptions.Builder.queryTimeout(Duration)");
            }
            return new JdbcOptions(this);
        }
    }
}
