package io.xtage.core.standardize;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalDouble;
import java.util.Set;

/**
 * One join of a standardization: the table built so far (left) joined with one input (right).
 *
 * <p>Equi-joins ({@link JoinType#LEFT}, {@link JoinType#INNER}, {@link JoinType#FULL}) match rows
 * whose key columns are all equal, pair by pair ({@link #leftKeys()} with {@link #rightKeys()}).
 * An as-of join ({@link JoinType#ASOF}) has exactly one key pair, compared with {@code <=}, and
 * optional {@link #byLeft()}/{@link #byRight()} columns that must be equal. Left key names are
 * columns of the table built so far (after earlier joins and aliases); right key names are
 * columns of the right input after its renames.
 *
 * <p>A join brings the right input's kept columns except its key and {@code by} columns, whose
 * values equal the left ones. Immutable and thread-safe.
 *
 * @since 0.1.0
 */
public final class JoinSpec {
    private final JoinType type;
    private final InputSpec input;
    private final List<String> leftKeys;
    private final List<String> rightKeys;
    private final List<String> byLeft;
    private final List<String> byRight;
    private final Double tolerance;
    private final Cardinality cardinality;
    private final DuplicatePolicy duplicates;
    private final CollisionPolicy collisions;
    private final boolean rejectUnmatched;

    private JoinSpec(Builder b, InputSpec input) {
        this.type = b.type;
        this.input = input;
        this.leftKeys = List.copyOf(b.leftKeys);
        this.rightKeys = List.copyOf(b.rightKeys);
        this.byLeft = List.copyOf(b.byLeft);
        this.byRight = List.copyOf(b.byRight);
        this.tolerance = b.tolerance;
        this.cardinality = b.cardinality == null ? Cardinality.MANY_TO_ONE : b.cardinality;
        this.duplicates = b.duplicates == null ? DuplicatePolicy.FAIL : b.duplicates;
        this.collisions = b.collisions == null ? CollisionPolicy.PREFIX : b.collisions;
        this.rejectUnmatched = b.rejectUnmatched;
    }

    static Builder builder(JoinType type, InputSpec.Builder input) {
        return new Builder(type, input);
    }

    /**
     * @return the join type
     * @since 0.1.0
     */
    public JoinType type() {
        return type;
    }

    /**
     * @return the right input and its transforms
     * @since 0.1.0
     */
    public InputSpec input() {
        return input;
    }

    /**
     * @return the left key columns (for an as-of join, the one as-of column)
     * @since 0.1.0
     */
    public List<String> leftKeys() {
        return leftKeys;
    }

    /**
     * @return the right key columns, pairing with {@link #leftKeys()} by position
     * @since 0.1.0
     */
    public List<String> rightKeys() {
        return rightKeys;
    }

    /**
     * @return the left {@code by} columns of an as-of join; empty otherwise
     * @since 0.1.0
     */
    public List<String> byLeft() {
        return byLeft;
    }

    /**
     * @return the right {@code by} columns of an as-of join
     * @since 0.1.0
     */
    public List<String> byRight() {
        return byRight;
    }

    /**
     * @return the largest allowed distance between the left key and the matched right key of an
     *     as-of join, in key units (days for LOCAL_DATE, seconds for LOCAL_DATE_TIME); empty for none
     * @since 0.1.0
     */
    public OptionalDouble tolerance() {
        return tolerance == null ? OptionalDouble.empty() : OptionalDouble.of(tolerance);
    }

    /**
     * @return the expected cardinality, checked at run time
     * @since 0.1.0
     */
    public Cardinality cardinality() {
        return cardinality;
    }

    /**
     * @return what is done with repeated right keys
     * @since 0.1.0
     */
    public DuplicatePolicy duplicates() {
        return duplicates;
    }

    /**
     * @return what is done when a brought column's name is taken
     * @since 0.1.0
     */
    public CollisionPolicy collisions() {
        return collisions;
    }

    /**
     * @return true when each unmatched left row also becomes a reject
     * @since 0.1.0
     */
    public boolean isRejectUnmatched() {
        return rejectUnmatched;
    }

    /**
     * @return the join as an ordered map for the JSON plan; every field is written
     * @since 0.1.0
     */
    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("type", type.jsonName());
        m.put("input", input.toMap());
        m.put("left_keys", new ArrayList<>(leftKeys));
        m.put("right_keys", new ArrayList<>(rightKeys));
        m.put("by_left", new ArrayList<>(byLeft));
        m.put("by_right", new ArrayList<>(byRight));
        m.put("tolerance", tolerance);
        m.put("cardinality", cardinality.jsonName());
        m.put("duplicates", duplicates.toMap());
        m.put("on_collision", collisions.jsonName());
        m.put("reject_unmatched", rejectUnmatched);
        return m;
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof JoinSpec)) {
            return false;
        }
        JoinSpec j = (JoinSpec) o;
        return type == j.type && input.equals(j.input) && leftKeys.equals(j.leftKeys) && rightKeys.equals(j.rightKeys)
            && byLeft.equals(j.byLeft) && byRight.equals(j.byRight) && Objects.equals(tolerance, j.tolerance)
            && cardinality == j.cardinality && duplicates.equals(j.duplicates) && collisions == j.collisions
            && rejectUnmatched == j.rejectUnmatched;
    }

    @Override
    public int hashCode() {
        return Objects.hash(type, input, leftKeys, rightKeys, byLeft, byRight, tolerance, cardinality, duplicates,
            collisions, rejectUnmatched);
    }

    @Override
    public String toString() {
        return "JoinSpec" + toMap();
    }

    /** Builds a {@link JoinSpec}; used by {@link Standardizer} and the plan reader. Not thread-safe. */
    static final class Builder {
        private final JoinType type;
        private final InputSpec.Builder input;
        private final List<String> leftKeys = new ArrayList<>();
        private final List<String> rightKeys = new ArrayList<>();
        private final List<String> byLeft = new ArrayList<>();
        private final List<String> byRight = new ArrayList<>();
        private Double tolerance;
        private Cardinality cardinality;
        private DuplicatePolicy duplicates;
        private CollisionPolicy collisions;
        private boolean rejectUnmatched;

        private Builder(JoinType type, InputSpec.Builder input) {
            this.type = Objects.requireNonNull(type, "type");
            this.input = Objects.requireNonNull(input, "input");
        }

        InputSpec.Builder input() {
            return input;
        }

        JoinType type() {
            return type;
        }

        Builder key(String left, String right) {
            leftKeys.add(requireName(left, "left key"));
            rightKeys.add(requireName(right, "right key"));
            return this;
        }

        Builder by(String left, String right) {
            if (type != JoinType.ASOF) {
                throw new IllegalStateException("join '" + input.name() + "': by(...) applies to as-of joins only; "
                    + "add the columns to on(...) for a " + type.jsonName() + " join");
            }
            byLeft.add(requireName(left, "left by column"));
            byRight.add(requireName(right, "right by column"));
            return this;
        }

        Builder tolerance(double t) {
            if (type != JoinType.ASOF) {
                throw new IllegalStateException("join '" + input.name() + "': tolerance(...) applies to as-of joins only");
            }
            if (!Double.isFinite(t) || t < 0) {
                throw new IllegalArgumentException("join '" + input.name() + "': tolerance must be a finite number >= 0, "
                    + "was " + t);
            }
            if (tolerance != null && tolerance != t) {
                throw new IllegalStateException("join '" + input.name() + "': tolerance is set twice (" + tolerance
                    + " and " + t + ")");
            }
            this.tolerance = t;
            return this;
        }

        Builder cardinality(Cardinality c) {
            Objects.requireNonNull(c, "cardinality");
            if (cardinality != null && cardinality != c) {
                throw new IllegalStateException("join '" + input.name() + "': expect(...) is declared twice ("
                    + cardinality + " and " + c + ")");
            }
            this.cardinality = c;
            return this;
        }

        Builder duplicates(DuplicatePolicy p) {
            Objects.requireNonNull(p, "policy");
            if (duplicates != null && !duplicates.equals(p)) {
                throw new IllegalStateException("join '" + input.name() + "': onDuplicateKeys(...) is declared twice ("
                    + duplicates + " and " + p + ")");
            }
            this.duplicates = p;
            return this;
        }

        Builder collisions(CollisionPolicy p) {
            Objects.requireNonNull(p, "policy");
            if (collisions != null && collisions != p) {
                throw new IllegalStateException("join '" + input.name() + "': onCollision(...) is declared twice");
            }
            this.collisions = p;
            return this;
        }

        Builder rejectUnmatched(boolean on) {
            this.rejectUnmatched = on;
            return this;
        }

        JoinSpec build() {
            String n = input.name();
            if (leftKeys.isEmpty()) {
                throw new IllegalStateException("join '" + n + "' has no keys; declare them with on(...) or onPair(...)");
            }
            if (type == JoinType.ASOF && leftKeys.size() != 1) {
                throw new IllegalStateException("as-of join '" + n + "' needs exactly one as-of key pair, has "
                    + leftKeys.size() + "; put the columns that must be equal in by(...)");
            }
            if (type == JoinType.ASOF && cardinality != null && cardinality != Cardinality.MANY_TO_ONE) {
                throw new IllegalStateException("as-of join '" + n + "' is many-to-one by construction; remove expect("
                    + cardinality + ")");
            }
            Cardinality c = cardinality == null ? Cardinality.MANY_TO_ONE : cardinality;
            if (duplicates != null && duplicates.kind() != DuplicatePolicy.Kind.FAIL && !c.isRightUnique()) {
                throw new IllegalStateException("join '" + n + "': onDuplicateKeys(" + duplicates.kind() + ") makes right "
                    + "keys unique, but expect(" + c + ") allows them to repeat; expect MANY_TO_ONE or ONE_TO_ONE");
            }
            requireDistinct(leftKeys, byLeft, "left");
            requireDistinct(rightKeys, byRight, "right");
            return new JoinSpec(this, input.build());
        }

        private void requireDistinct(List<String> keys, List<String> by, String side) {
            Set<String> seen = new HashSet<>();
            for (String k : keys) {
                if (!seen.add(k)) {
                    throw new IllegalArgumentException("join '" + input.name() + "': " + side + " key '" + k
                        + "' is listed twice");
                }
            }
            for (String k : by) {
                if (!seen.add(k)) {
                    throw new IllegalArgumentException("join '" + input.name() + "': " + side + " column '" + k
                        + "' is listed twice among the keys and by columns");
                }
            }
        }

        private String requireName(String s, String what) {
            Objects.requireNonNull(s, what);
            if (s.isEmpty()) {
                throw new IllegalArgumentException("join '" + input.name() + "': " + what + " must not be empty");
            }
            return s;
        }
    }
}
