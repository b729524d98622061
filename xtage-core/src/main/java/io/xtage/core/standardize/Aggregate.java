package io.xtage.core.standardize;

import java.util.Locale;

/**
 * An aggregate function that collapses the rows of a repeated key into one, before a join
 * (see {@link DuplicatePolicy#aggregate(Aggregate)}). Missing values are ignored, as in SQL; a
 * group whose values are all missing gives a missing value (and {@code 0} for {@link #COUNT}).
 *
 * @since 0.1.0
 */
public enum Aggregate {
    /** The arithmetic mean of a numeric column, as DOUBLE; values are summed in row order. */
    MEAN,
    /** The smallest value of a numeric, date, date-time or text column, in its own type. */
    MIN,
    /** The largest value of a numeric, date, date-time or text column, in its own type. */
    MAX,
    /** The sum of a numeric column: LONG for INT and LONG columns (overflow fails), DOUBLE for DOUBLE. */
    SUM,
    /** The number of non-missing values of any column, as LONG. */
    COUNT;

    /**
     * @return the plan's spelling, such as {@code mean}
     * @since 0.1.0
     */
    public String jsonName() {
        return name().toLowerCase(Locale.ROOT);
    }

    static Aggregate fromJson(String s) {
        for (Aggregate a : values()) {
            if (a.jsonName().equals(s)) {
                return a;
            }
        }
        return null;
    }
}
