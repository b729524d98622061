package io.xtage.core.standardize;

import io.xtage.core.coerce.DateInference;
import io.xtage.core.coerce.DateOrder;
import io.xtage.core.coerce.DatePatterns;
import io.xtage.core.schema.ColumnType;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * How one text column of an input becomes dates: with declared patterns tried in order
 * ({@link DatePatterns}, strict), or with the formats inferred per shape of spelling from the
 * column's own values ({@link DateInference}), whose decisions are reported in
 * {@link StandardizeResult#dateFormats()}.
 *
 * <p>A non-blank value that does not parse becomes a missing value and a
 * {@link io.xtage.core.Reject} of kind {@code TYPE}. Immutable and thread-safe.
 *
 * <pre>{@code
 * DateSpec.patterns(DatePatterns.of("yyyy-MM-dd", "dd/MM/yyyy", "MM-dd-yyyy"))
 * DateSpec.inferred(DateOrder.MONTH_FIRST)   // per shape; the order where no value decides it
 * }</pre>
 *
 * @since 0.1.0
 */
public final class DateSpec {
    private final ColumnType type;
    private final DatePatterns patterns;
    private final DateOrder defaultOrder;

    private DateSpec(ColumnType type, DatePatterns patterns, DateOrder defaultOrder) {
        this.type = Objects.requireNonNull(type, "type");
        if (type != ColumnType.LOCAL_DATE && type != ColumnType.LOCAL_DATE_TIME) {
            throw new IllegalArgumentException("a date column is LOCAL_DATE or LOCAL_DATE_TIME, not " + type);
        }
        this.patterns = patterns;
        this.defaultOrder = defaultOrder;
    }

    /**
     * @param patterns declared patterns, tried in order
     * @return dates (LOCAL_DATE) parsed with these patterns
     * @since 0.1.0
     */
    public static DateSpec patterns(DatePatterns patterns) {
        return new DateSpec(ColumnType.LOCAL_DATE, Objects.requireNonNull(patterns, "patterns"), null);
    }

    /**
     * @param defaultOrder the day/month order for a shape no value decides
     * @return dates (LOCAL_DATE) with formats inferred per shape
     * @since 0.1.0
     */
    public static DateSpec inferred(DateOrder defaultOrder) {
        return new DateSpec(ColumnType.LOCAL_DATE, null, Objects.requireNonNull(defaultOrder, "defaultOrder"));
    }

    /**
     * @return the same parsing, producing LOCAL_DATE_TIME values (a date alone is midnight)
     * @since 0.1.0
     */
    public DateSpec asDateTime() {
        return new DateSpec(ColumnType.LOCAL_DATE_TIME, patterns, defaultOrder);
    }

    /**
     * @return LOCAL_DATE or LOCAL_DATE_TIME
     * @since 0.1.0
     */
    public ColumnType type() {
        return type;
    }

    /**
     * @return the declared patterns; empty when inferred
     * @since 0.1.0
     */
    public Optional<DatePatterns> patterns() {
        return Optional.ofNullable(patterns);
    }

    /**
     * @return the default order for inference; empty when patterns are declared
     * @since 0.1.0
     */
    public Optional<DateOrder> inferDefaultOrder() {
        return Optional.ofNullable(defaultOrder);
    }

    /**
     * @return true when the formats are inferred
     * @since 0.1.0
     */
    public boolean isInferred() {
        return patterns == null;
    }

    /**
     * @return the spec as an ordered map for the JSON plan
     * @since 0.1.0
     */
    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("type", type.name());
        if (patterns != null) {
            m.put("patterns", patterns.patterns());
        } else {
            m.put("infer", defaultOrder.name().toLowerCase(Locale.ROOT));
        }
        return m;
    }

    static DateSpec of(ColumnType type, DatePatterns patterns, DateOrder order) {
        return new DateSpec(type, patterns, order);
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof DateSpec)) {
            return false;
        }
        DateSpec d = (DateSpec) o;
        return type == d.type && Objects.equals(patterns, d.patterns) && defaultOrder == d.defaultOrder;
    }

    @Override
    public int hashCode() {
        return Objects.hash(type, patterns, defaultOrder);
    }

    @Override
    public String toString() {
        return "DateSpec" + toMap();
    }
}
