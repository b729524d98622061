package io.xtage.core;

import java.util.Objects;

/**
 * What a read does with a value or record it cannot use.
 *
 * <ul>
 *   <li>{@link #lenient()}: keep going; the value becomes missing (or the record is left out) and
 *       a {@link Reject} records it.
 *   <li>{@link #strict()}: fail at the first, with a {@link RejectedRecordException} that carries
 *       the same details.
 *   <li>{@link #maxRows(long)} and {@link #maxFraction(double)}: lenient up to a limit, then fail
 *       with a {@link TooManyRejectsException}.
 * </ul>
 *
 * <p>Immutable and thread-safe.
 *
 * @since 0.1.0
 */
public final class RejectPolicy {
    private static final RejectPolicy LENIENT = new RejectPolicy(Long.MAX_VALUE, 1.0, false);
    private static final RejectPolicy STRICT = new RejectPolicy(0, 0.0, true);

    private final long maxRows;
    private final double maxFraction;
    private final boolean strict;

    private RejectPolicy(long maxRows, double maxFraction, boolean strict) {
        this.maxRows = maxRows;
        this.maxFraction = maxFraction;
        this.strict = strict;
    }

    /** @return the policy that collects every reject and never fails @since 0.1.0 */
    public static RejectPolicy lenient() {
        return LENIENT;
    }

    /** @return the policy that fails at the first reject @since 0.1.0 */
    public static RejectPolicy strict() {
        return STRICT;
    }

    /**
     * @param max the most rows with a reject that are tolerated
     * @return a policy that fails once more than {@code max} rows have a reject
     * @throws IllegalArgumentException if max is negative
     * @since 0.1.0
     */
    public static RejectPolicy maxRows(long max) {
        if (max < 0) {
            throw new IllegalArgumentException("RejectPolicy.maxRows must be >= 0, was " + max);
        }
        return new RejectPolicy(max, 1.0, false);
    }

    /**
     * @param fraction the largest tolerated share of rows with a reject, checked when the read ends
     * @return a policy that fails when more than that share of the records read has a reject
     * @throws IllegalArgumentException unless 0 &lt;= fraction &lt;= 1
     * @since 0.1.0
     */
    public static RejectPolicy maxFraction(double fraction) {
        if (!(fraction >= 0 && fraction <= 1)) {
            throw new IllegalArgumentException("RejectPolicy.maxFraction must be in [0, 1], was " + fraction);
        }
        return new RejectPolicy(Long.MAX_VALUE, fraction, false);
    }

    /** @return true when the first reject fails the read @since 0.1.0 */
    public boolean isStrict() {
        return strict;
    }

    /** @return the most rows with a reject that are tolerated @since 0.1.0 */
    public long maxRows() {
        return maxRows;
    }

    /** @return the largest tolerated share of rows with a reject @since 0.1.0 */
    public double maxFraction() {
        return maxFraction;
    }

    /** @return a short description for reports, such as {@code lenient} or {@code max_rows(100)} @since 0.1.0 */
    public String describe() {
        if (strict) {
            return "strict";
        }
        if (maxRows != Long.MAX_VALUE) {
            return "max_rows(" + maxRows + ")";
        }
        if (maxFraction < 1.0) {
            return "max_fraction(" + maxFraction + ")";
        }
        return "lenient";
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RejectPolicy && ((RejectPolicy) o).maxRows == maxRows
            && Double.compare(((RejectPolicy) o).maxFraction, maxFraction) == 0 && ((RejectPolicy) o).strict == strict;
    }

    @Override
    public int hashCode() {
        return Objects.hash(maxRows, maxFraction, strict);
    }

    @Override
    public String toString() {
        return "RejectPolicy[" + describe() + "]";
    }
}
