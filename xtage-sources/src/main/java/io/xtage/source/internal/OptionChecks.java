package io.xtage.source.internal;

/**
 * Range checks that the sources' options builders share, so the same rule fails with the same
 * message: {@code <option> must be at least 1 (was <n>); change <setter>}.
 *
 * <p>Stateless. Internal: used across the source packages, no compatibility promise.
 */
public final class OptionChecks {
    private OptionChecks() {
    }

    /**
     * @param option the builder property, such as {@code sampleRows}
     * @param value its value
     * @param setter the setter that fixes it, such as {@code CsvOptions.Builder.sampleRows(int)}
     * @throws IllegalArgumentException if the value is below 1
     */
    public static void atLeastOne(String option, int value, String setter) {
        if (value < 1) {
            throw new IllegalArgumentException(option + " must be at least 1 (was " + value + "); change " + setter);
        }
    }
}
