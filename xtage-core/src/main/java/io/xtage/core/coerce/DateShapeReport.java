package io.xtage.core.coerce;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * What date inference decided for one shape of spelling in one column, and why.
 *
 * <p>For {@code 13/05/2022} and {@code 05/06/2022} in one column, the shape {@code NN/NN/YYYY}
 * gets the pattern {@code dd/MM/yyyy} with evidence 1 (13 cannot be a month) and ambiguous 1.
 * Immutable and thread-safe.
 *
 * @since 0.1.0
 */
public final class DateShapeReport {
    /** How the order was chosen. */
    public enum DecidedBy {
        /** Values whose day field is over 12 showed the order. */
        EVIDENCE,
        /** No value showed the order, or as many values showed each order; the declared default was used. */
        DEFAULT,
        /** The shape has one possible order (the year is first and no value says otherwise). */
        ONLY_ORDER
    }

    private final String shape;
    private final String pattern;
    private final long values;
    private final long evidence;
    private final long ambiguous;
    private final long contradicting;
    private final DecidedBy decidedBy;

    DateShapeReport(String shape, String pattern, long values, long evidence, long ambiguous, long contradicting,
                    DecidedBy decidedBy) {
        this.shape = shape;
        this.pattern = pattern;
        this.values = values;
        this.evidence = evidence;
        this.ambiguous = ambiguous;
        this.contradicting = contradicting;
        this.decidedBy = decidedBy;
    }

    /** @return the shape, such as {@code NN/NN/YYYY} (N: a 1 or 2 digit field) @since 0.1.0 */
    public String shape() {
        return shape;
    }

    /** @return the chosen pattern, such as {@code dd/MM/yyyy} @since 0.1.0 */
    public String pattern() {
        return pattern;
    }

    /** @return how many values had this shape @since 0.1.0 */
    public long values() {
        return values;
    }

    /** @return how many values proved the chosen order (a day field over 12) @since 0.1.0 */
    public long evidence() {
        return evidence;
    }

    /** @return how many values read as a different date in the other order @since 0.1.0 */
    public long ambiguous() {
        return ambiguous;
    }

    /** @return how many values proved the other order; they are rejected @since 0.1.0 */
    public long contradicting() {
        return contradicting;
    }

    /** @return how the order was chosen @since 0.1.0 */
    public DecidedBy decidedBy() {
        return decidedBy;
    }

    /** @return the report as an ordered map with snake_case keys @since 0.1.0 */
    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("pattern", pattern);
        m.put("shape", shape);
        m.put("values", values);
        m.put("evidence", evidence);
        m.put("ambiguous", ambiguous);
        m.put("contradicting", contradicting);
        m.put("decided_by", decidedBy.name().toLowerCase(java.util.Locale.ROOT));
        return m;
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof DateShapeReport)) {
            return false;
        }
        DateShapeReport r = (DateShapeReport) o;
        return shape.equals(r.shape) && pattern.equals(r.pattern) && values == r.values && evidence == r.evidence
            && ambiguous == r.ambiguous && contradicting == r.contradicting && decidedBy == r.decidedBy;
    }

    @Override
    public int hashCode() {
        return Objects.hash(shape, pattern, values, evidence, ambiguous, contradicting, decidedBy);
    }

    @Override
    public String toString() {
        return shape + " -> " + pattern + " (" + values + " values, evidence " + evidence + ", ambiguous " + ambiguous
            + ", contradicting " + contradicting + ", by " + decidedBy.name().toLowerCase(java.util.Locale.ROOT) + ")";
    }
}
