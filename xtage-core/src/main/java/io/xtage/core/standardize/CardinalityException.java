package io.xtage.core.standardize;

import io.xtage.core.XtageException;
import java.util.List;

/**
 * A join's keys repeat on a side its declared {@link Cardinality} says is unique, and no
 * {@link DuplicatePolicy} resolved them. Names the join, the side and the repeated keys.
 *
 * @since 0.1.0
 */
public final class CardinalityException extends XtageException {
    private static final long serialVersionUID = 1L;

    /** The right input's name. */
    private final String join;
    /** {@code left} or {@code right}. */
    private final String side;
    /** The declared cardinality. */
    private final Cardinality expected;
    /** How many distinct keys repeat. */
    private final long repeatedKeys;
    /** The first repeated keys, as text. */
    private final List<String> repeatedKeySample;

    /**
     * For engines that run a plan elsewhere (Spark) and must fail as the one-machine engine does.
     *
     * @param join the right input's name, which names the join
     * @param side {@code left} or {@code right}
     * @param expected the declared cardinality
     * @param repeatedKeys how many distinct keys repeat
     * @param repeatedKeySample the first repeated keys, in row order, as text
     * @param message the message, naming the join, the side, the keys and the fix
     * @since 0.1.0
     */
    public CardinalityException(String join, String side, Cardinality expected, long repeatedKeys,
                                List<String> repeatedKeySample, String message) {
        super(message);
        this.join = join;
        this.side = side;
        this.expected = expected;
        this.repeatedKeys = repeatedKeys;
        this.repeatedKeySample = List.copyOf(repeatedKeySample);
    }

    /**
     * @return the right input's name, which names the join
     * @since 0.1.0
     */
    public String join() {
        return join;
    }

    /**
     * @return {@code left} or {@code right}
     * @since 0.1.0
     */
    public String side() {
        return side;
    }

    /**
     * @return the declared cardinality
     * @since 0.1.0
     */
    public Cardinality expected() {
        return expected;
    }

    /**
     * @return how many distinct keys repeat
     * @since 0.1.0
     */
    public long repeatedKeys() {
        return repeatedKeys;
    }

    /**
     * @return the first repeated keys, in row order, as text
     * @since 0.1.0
     */
    public List<String> repeatedKeySample() {
        return repeatedKeySample;
    }
}
