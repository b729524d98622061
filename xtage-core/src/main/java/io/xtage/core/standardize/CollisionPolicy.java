package io.xtage.core.standardize;

import java.util.Locale;

/**
 * What a join does when a column it brings has the name of a column already in the table, and
 * no alias was declared for it. Never a silent {@code _x}/{@code _y}.
 *
 * @since 0.1.0
 */
public enum CollisionPolicy {
    /**
     * The brought column is renamed to the right input's name in snake_case, an underscore and
     * its own name: {@code products} brings {@code price} as {@code products_price}. The default.
     */
    PREFIX,
    /** The run fails with a {@link io.xtage.core.SchemaException} naming both columns. */
    FAIL;

    /**
     * @return the plan's spelling: {@code prefix} or {@code fail}
     * @since 0.1.0
     */
    public String jsonName() {
        return name().toLowerCase(Locale.ROOT);
    }

    static CollisionPolicy fromJson(String s) {
        for (CollisionPolicy c : values()) {
            if (c.jsonName().equals(s)) {
                return c;
            }
        }
        return null;
    }
}
