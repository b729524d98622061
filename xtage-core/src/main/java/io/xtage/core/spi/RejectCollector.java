package io.xtage.core.spi;

import io.xtage.core.Reject;
import io.xtage.core.RejectPolicy;
import io.xtage.core.RejectedRecordException;
import io.xtage.core.TooManyRejectsException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * Collects the rejects of one read and applies its {@link RejectPolicy}. For source implementors.
 *
 * <p>Counts the rows that have at least one reject and the rows left out of the table (each
 * once, however many rejects it has). Not thread-safe: one per read.
 *
 * @since 0.1.0
 */
public final class RejectCollector {
    private final String source;
    private final RejectPolicy policy;
    private final List<Reject> rejects = new ArrayList<>();
    private final java.util.Set<Long> recordsWithReject = new java.util.HashSet<>();
    private final java.util.Set<Long> recordsDropped = new java.util.HashSet<>();
    private long rowsWithReject;
    private long rowsDropped;
    private long valuesRejected;

    /**
     * @param source the source name
     * @param policy the policy of this read
     * @since 0.1.0
     */
    public RejectCollector(String source, RejectPolicy policy) {
        this.source = Objects.requireNonNull(source, "source");
        this.policy = Objects.requireNonNull(policy, "policy");
    }

    /** @return the source name @since 0.1.0 */
    public String source() {
        return source;
    }

    /** @return the policy @since 0.1.0 */
    public RejectPolicy policy() {
        return policy;
    }

    /**
     * Records a reject.
     *
     * @param r the reject
     * @throws RejectedRecordException if the policy is strict
     * @throws TooManyRejectsException if the rows with a reject now pass the policy's limit
     * @since 0.1.0
     */
    public void add(Reject r) {
        if (policy.isStrict()) {
            throw new RejectedRecordException(r);
        }
        rejects.add(r);
        if (r.isRowDropped()) {
            if (recordsDropped.add(r.recordNumber())) {
                rowsDropped++;
            }
        } else {
            valuesRejected++;
        }
        if (recordsWithReject.add(r.recordNumber())) {
            rowsWithReject++;
            if (rowsWithReject > policy.maxRows()) {
                throw new TooManyRejectsException(source, policy.describe(), rowsWithReject, r.recordNumber(), rejects);
            }
        }
    }

    /**
     * Marks the earlier rejects of records that were left out after the fact (a required date
     * column fails only once its formats are inferred): their values were not replaced by missing
     * values, their whole record is gone. The records must already have a row-dropping reject.
     *
     * @param records record numbers left out
     */
    void markRowsDropped(java.util.Set<Long> records) {
        for (int i = 0; i < rejects.size(); i++) {
            Reject r = rejects.get(i);
            if (!r.isRowDropped() && records.contains(r.recordNumber())) {
                rejects.set(i, r.toBuilder().rowDropped(true).build());
                valuesRejected--;
            }
        }
    }

    /**
     * Checks the fraction limit once the read is over.
     *
     * @param recordsRead records read in all
     * @throws TooManyRejectsException if the share of rows with a reject passes the policy's limit
     * @since 0.1.0
     */
    public void finish(long recordsRead) {
        if (recordsRead > 0 && policy.maxFraction() < 1.0 && (double) rowsWithReject / recordsRead > policy.maxFraction()) {
            throw new TooManyRejectsException(source, policy.describe(), rowsWithReject, recordsRead, rejects);
        }
    }

    /** @return the rejects so far, unmodifiable @since 0.1.0 */
    public List<Reject> rejects() {
        return Collections.unmodifiableList(rejects);
    }

    /** @return rows left out of the table @since 0.1.0 */
    public long rowsDropped() {
        return rowsDropped;
    }

    /** @return values replaced by a missing value @since 0.1.0 */
    public long valuesRejected() {
        return valuesRejected;
    }

    /** @return rows with at least one reject @since 0.1.0 */
    public long rowsWithReject() {
        return rowsWithReject;
    }
}
