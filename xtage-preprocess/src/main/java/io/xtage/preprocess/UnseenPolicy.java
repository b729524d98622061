package io.xtage.preprocess;

/**
 * What a fitted step does with a value it did not see at fit time (a new category level). The
 * count of such values is always in the {@link StepReport} details.
 *
 * @since 0.1.0
 */
public enum UnseenPolicy {
    /** Throw a {@link PreprocessException} naming the column and the first unseen value. */
    ERROR,
    /** Ignore the value: for one-hot encoding, all of the row's indicator columns are 0. */
    IGNORE,
    /** Count the value under a separate {@code other} output (for one-hot, {@code <column>_other}). */
    MAP_TO_OTHER
}
