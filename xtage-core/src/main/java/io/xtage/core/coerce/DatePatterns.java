package io.xtage.core.coerce;

import io.xtage.core.CoercionException;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.ResolverStyle;
import java.time.temporal.TemporalAccessor;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Declared date or date-time patterns ({@link DateTimeFormatter} syntax), tried in order.
 *
 * <p>Parsing is strict: {@code 2024-02-30} is rejected, not moved to the 29th. Patterns made only
 * of {@code yyyy}, {@code MM}/{@code M}, {@code dd}/{@code d} and one separator are parsed by hand,
 * without a formatter per value. Month and day names ({@code MMM}, {@code EEE}) are read in
 * English whatever the JVM's default locale, so that a plan reads the same text the same way on
 * every machine. Immutable and thread-safe.
 *
 * @since 0.1.0
 */
public final class DatePatterns {
    private final List<String> patterns;
    private final Object[] parsers; // DateShape.Fixed or DateTimeFormatter

    private DatePatterns(List<String> patterns) {
        if (patterns.isEmpty()) {
            throw new IllegalArgumentException("at least one date pattern is needed");
        }
        this.patterns = List.copyOf(patterns);
        List<Object> p = new ArrayList<>();
        for (String s : this.patterns) {
            Objects.requireNonNull(s, "pattern");
            if (s.isBlank()) {
                throw new IllegalArgumentException("invalid date pattern '" + s + "': it is blank; give a "
                    + "DateTimeFormatter pattern such as yyyy-MM-dd");
            }
            DateTimeFormatter formatter;
            try {
                // compiled even when the hand-written parser is used, so that both accept the same patterns
                formatter = DateTimeFormatter.ofPattern(prolepticYear(s), Locale.ENGLISH)
                    .withResolverStyle(ResolverStyle.STRICT);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("invalid date pattern '" + s + "': " + e.getMessage(), e);
            }
            DateShape.Fixed fixed = DateShape.Fixed.compile(s);
            p.add(fixed != null ? fixed : formatter);
        }
        this.parsers = p.toArray();
    }

    /**
     * STRICT resolving needs 'u' (proleptic year) where users write 'y' (year of era, which
     * STRICT cannot resolve without an era). Letters inside quoted literals stay as they are.
     */
    static String prolepticYear(String pattern) {
        StringBuilder b = new StringBuilder(pattern.length());
        boolean quoted = false;
        for (int i = 0; i < pattern.length(); i++) {
            char c = pattern.charAt(i);
            if (c == '\'') {
                quoted = !quoted;
            }
            b.append(c == 'y' && !quoted ? 'u' : c);
        }
        return b.toString();
    }

    /**
     * @param patterns the patterns, tried in order
     * @return the compiled patterns
     * @throws IllegalArgumentException if a pattern is invalid or blank, or none is given
     * @since 0.1.0
     */
    public static DatePatterns of(List<String> patterns) {
        return new DatePatterns(Objects.requireNonNull(patterns, "patterns"));
    }

    /**
     * @param patterns the patterns, tried in order
     * @return the compiled patterns
     * @throws IllegalArgumentException if a pattern is invalid or blank, or none is given
     * @since 0.1.0
     */
    public static DatePatterns of(String... patterns) {
        return new DatePatterns(List.of(patterns));
    }

    /** @return the patterns @since 0.1.0 */
    public List<String> patterns() {
        return patterns;
    }

    /**
     * @param text the text
     * @return the date as Tablesaw's packed int
     * @throws CoercionException if no pattern fits
     * @since 0.1.0
     */
    public int parsePackedDate(CharSequence text) {
        String trimmed = null;
        for (Object p : parsers) {
            if (p instanceof DateShape.Fixed) {
                int v = ((DateShape.Fixed) p).tryParse(text);
                if (v != DateShape.NO_MATCH) {
                    return v;
                }
            } else {
                if (trimmed == null) {
                    trimmed = text.toString().strip();
                }
                try {
                    return DateShape.pack(LocalDate.parse(trimmed, (DateTimeFormatter) p));
                } catch (DateTimeException e) {
                    // next pattern
                }
            }
        }
        throw new CoercionException(text.toString(), "LOCAL_DATE", "expected " + describe());
    }

    /**
     * @param text the text
     * @return the date
     * @throws CoercionException if no pattern fits
     * @since 0.1.0
     */
    public LocalDate parseDate(CharSequence text) {
        return DateShape.unpack(parsePackedDate(text));
    }

    /**
     * @param text the text; a pattern without a time of day gives midnight
     * @return the date-time
     * @throws CoercionException if no pattern fits
     * @since 0.1.0
     */
    public LocalDateTime parseDateTime(CharSequence text) {
        String trimmed = text.toString().strip();
        for (Object p : parsers) {
            if (p instanceof DateTimeFormatter) {
                try {
                    // a pattern without a time of day gives midnight, as the hand-written patterns do
                    TemporalAccessor t = ((DateTimeFormatter) p).parseBest(trimmed, LocalDateTime::from,
                        LocalDate::from);
                    return t instanceof LocalDateTime ? (LocalDateTime) t : ((LocalDate) t).atStartOfDay();
                } catch (DateTimeException e) {
                    // next pattern
                }
            } else {
                int v = ((DateShape.Fixed) p).tryParse(text);
                if (v != DateShape.NO_MATCH) {
                    return DateShape.unpack(v).atStartOfDay();
                }
            }
        }
        throw new CoercionException(text.toString(), "LOCAL_DATE_TIME", "expected " + describe());
    }

    private String describe() {
        return patterns.size() == 1 ? patterns.get(0) : "one of " + patterns;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof DatePatterns && ((DatePatterns) o).patterns.equals(patterns);
    }

    @Override
    public int hashCode() {
        return patterns.hashCode();
    }

    @Override
    public String toString() {
        return "DatePatterns" + patterns;
    }
}
