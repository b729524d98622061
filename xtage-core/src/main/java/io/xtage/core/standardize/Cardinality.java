package io.xtage.core.standardize;

import java.util.Locale;

/**
 * The declared relationship between the left and the right keys of a join, checked when it runs.
 *
 * <p>{@code MANY_TO_ONE} (the default) says the right side is a lookup: its keys are unique, so
 * no left row is multiplied. A side declared "one" whose keys repeat fails the join with a
 * {@link CardinalityException} naming the repeated keys, unless a {@link DuplicatePolicy}
 * resolves right-side repeats first.
 *
 * @since 0.1.0
 */
public enum Cardinality {
    /** Left keys unique and right keys unique. */
    ONE_TO_ONE(true, true),
    /** Right keys unique: a lookup. The default. */
    MANY_TO_ONE(false, true),
    /** Left keys unique; a left row may match several right rows. */
    ONE_TO_MANY(true, false),
    /** Nothing is checked; rows multiply on repeated keys. */
    MANY_TO_MANY(false, false);

    private final boolean leftUnique;
    private final boolean rightUnique;

    Cardinality(boolean leftUnique, boolean rightUnique) {
        this.leftUnique = leftUnique;
        this.rightUnique = rightUnique;
    }

    /**
     * @return true when each non-missing left key may occur only once
     * @since 0.1.0
     */
    public boolean isLeftUnique() {
        return leftUnique;
    }

    /**
     * @return true when each non-missing right key may occur only once
     * @since 0.1.0
     */
    public boolean isRightUnique() {
        return rightUnique;
    }

    /**
     * @return the plan's spelling, such as {@code many_to_one}
     * @since 0.1.0
     */
    public String jsonName() {
        return name().toLowerCase(Locale.ROOT);
    }

    static Cardinality fromJson(String s) {
        for (Cardinality c : values()) {
            if (c.jsonName().equals(s)) {
                return c;
            }
        }
        return null;
    }
}
