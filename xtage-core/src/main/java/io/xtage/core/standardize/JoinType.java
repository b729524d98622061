package io.xtage.core.standardize;

import java.util.Locale;

/**
 * How a join keeps rows that find no partner.
 *
 * @since 0.1.0
 */
public enum JoinType {
    /** Every left row is kept; a left row with no match gets missing values on the right. */
    LEFT,
    /** Only left rows with a match are kept; the others are dropped (and counted). */
    INNER,
    /** Every left row and every right row is kept; right rows with no match are appended. */
    FULL,
    /**
     * Every left row is kept and gets at most one right row: the one with the latest key that is
     * not after the left key, within the same {@code by} group and tolerance.
     */
    ASOF;

    /**
     * @return the plan's spelling: {@code left}, {@code inner}, {@code full} or {@code asof}
     * @since 0.1.0
     */
    public String jsonName() {
        return name().toLowerCase(Locale.ROOT);
    }

    static JoinType fromJson(String s) {
        for (JoinType t : values()) {
            if (t.jsonName().equals(s)) {
                return t;
            }
        }
        return null;
    }
}
