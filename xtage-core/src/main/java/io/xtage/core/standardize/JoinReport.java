package io.xtage.core.standardize;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What one join did: rows in on each side, left rows matched and unmatched (with a sample of
 * their keys), right keys that repeat, and rows out.
 *
 * <p>The counts reconcile. For a left or as-of join,
 * {@code outputRows == leftRows + (extra rows from left rows matching several right rows)}, so
 * {@code outputRows == leftRows} exactly when no left row was multiplied; for an inner join the
 * unmatched left rows are the rows dropped; a full join also appends
 * {@link #unmatchedRightRows()}. Immutable and thread-safe.
 *
 * @since 0.1.0
 */
public final class JoinReport {
    private final String left;
    private final String right;
    private final JoinType type;
    private final long leftRows;
    private final long rightRows;
    private final long matchedLeftRows;
    private final long unmatchedLeftRows;
    private final List<String> unmatchedKeySample;
    private final long rightDuplicateKeys;
    private final List<String> rightDuplicateKeySample;
    private final long unmatchedRightRows;
    private final long outputRows;

    JoinReport(String left, String right, JoinType type, long leftRows, long rightRows, long matchedLeftRows,
               List<String> unmatchedKeySample, long rightDuplicateKeys, List<String> rightDuplicateKeySample,
               long unmatchedRightRows, long outputRows) {
        this.left = Objects.requireNonNull(left, "left");
        this.right = Objects.requireNonNull(right, "right");
        this.type = Objects.requireNonNull(type, "type");
        this.leftRows = leftRows;
        this.rightRows = rightRows;
        this.matchedLeftRows = matchedLeftRows;
        this.unmatchedLeftRows = leftRows - matchedLeftRows;
        this.unmatchedKeySample = List.copyOf(unmatchedKeySample);
        this.rightDuplicateKeys = rightDuplicateKeys;
        this.rightDuplicateKeySample = List.copyOf(rightDuplicateKeySample);
        this.unmatchedRightRows = unmatchedRightRows;
        this.outputRows = outputRows;
    }

    /**
     * @return the input(s) the left key columns came from: the fact input, or the input an earlier
     *     join brought the key from ({@code transactions} for a {@code customer_id} lookup)
     * @since 0.1.0
     */
    public String left() {
        return left;
    }

    /**
     * @return the right input's name
     * @since 0.1.0
     */
    public String right() {
        return right;
    }

    /**
     * @return the join type
     * @since 0.1.0
     */
    public JoinType type() {
        return type;
    }

    /**
     * @return rows of the table built so far, entering the join
     * @since 0.1.0
     */
    public long leftRows() {
        return leftRows;
    }

    /**
     * @return rows of the right input after its filters, before any duplicate policy
     * @since 0.1.0
     */
    public long rightRows() {
        return rightRows;
    }

    /**
     * @return left rows that found at least one right row
     * @since 0.1.0
     */
    public long matchedLeftRows() {
        return matchedLeftRows;
    }

    /**
     * @return left rows that found none, missing keys included
     * @since 0.1.0
     */
    public long unmatchedLeftRows() {
        return unmatchedLeftRows;
    }

    /**
     * @return up to 10 distinct keys of unmatched left rows, in row order, as
     *     text ({@code null} for a missing key, {@code (a, b)} for a composite key)
     * @since 0.1.0
     */
    public List<String> unmatchedKeySample() {
        return unmatchedKeySample;
    }

    /**
     * @return how many distinct right keys occur more than once, before the duplicate policy
     * @since 0.1.0
     */
    public long rightDuplicateKeys() {
        return rightDuplicateKeys;
    }

    /**
     * @return up to 10 of the repeated right keys, in row order
     * @since 0.1.0
     */
    public List<String> rightDuplicateKeySample() {
        return rightDuplicateKeySample;
    }

    /**
     * @return right rows that matched no left row and were appended (full joins); 0 otherwise
     * @since 0.1.0
     */
    public long unmatchedRightRows() {
        return unmatchedRightRows;
    }

    /**
     * @return rows of the table after the join
     * @since 0.1.0
     */
    public long outputRows() {
        return outputRows;
    }

    /**
     * @return the report as an ordered map with the keys {@code left}, {@code right}, {@code type},
     *     {@code left_rows}, {@code right_rows}, {@code matched_left_rows},
     *     {@code unmatched_left_rows}, {@code unmatched_key_sample}, {@code right_duplicate_keys}
     *     and {@code output_rows}
     * @since 0.1.0
     */
    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("left", left);
        m.put("right", right);
        m.put("type", type.jsonName());
        m.put("left_rows", leftRows);
        m.put("right_rows", rightRows);
        m.put("matched_left_rows", matchedLeftRows);
        m.put("unmatched_left_rows", unmatchedLeftRows);
        m.put("unmatched_key_sample", unmatchedKeySample);
        m.put("right_duplicate_keys", rightDuplicateKeys);
        m.put("output_rows", outputRows);
        return m;
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof JoinReport)) {
            return false;
        }
        JoinReport r = (JoinReport) o;
        return toMap().equals(r.toMap()) && rightDuplicateKeySample.equals(r.rightDuplicateKeySample)
            && unmatchedRightRows == r.unmatchedRightRows;
    }

    @Override
    public int hashCode() {
        return toMap().hashCode();
    }

    @Override
    public String toString() {
        return "JoinReport" + toMap();
    }
}
