package io.xtage.core.coerce;

import java.text.DecimalFormatSymbols;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * How text becomes values: which tokens mean "missing", the decimal and grouping separators,
 * the spellings of true and false, and the day/month order assumed for a date shape that has
 * no evidence either way.
 *
 * <p>Empty or blank text is always missing. Immutable and thread-safe.
 *
 * <pre>{@code
 * CoercionOptions german = CoercionOptions.DEFAULT.toBuilder()
 *     .locale(Locale.GERMANY)          // 1.234,5
 *     .missingTokens("NA", "null", "Unknown")
 *     .build();
 * }</pre>
 *
 * @since 0.1.0
 */
public final class CoercionOptions {
    /** No missing tokens, {@code .} as the decimal point, no grouping, month-first by default. */
    public static final CoercionOptions DEFAULT = builder().build();

    private final Set<String> missingTokens;
    private final char decimalSeparator;
    private final char groupingSeparator;
    private final Set<String> trueTokens;
    private final Set<String> falseTokens;
    private final DateOrder defaultDateOrder;

    private CoercionOptions(Builder b) {
        this.missingTokens = Set.copyOf(b.missingTokens);
        this.decimalSeparator = b.decimalSeparator;
        this.groupingSeparator = b.groupingSeparator;
        this.trueTokens = Set.copyOf(b.trueTokens);
        this.falseTokens = Set.copyOf(b.falseTokens);
        this.defaultDateOrder = b.defaultDateOrder;
    }

    /** @return a builder with the defaults @since 0.1.0 */
    public static Builder builder() {
        return new Builder();
    }

    /** @return a builder holding these options @since 0.1.0 */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.missingTokens.clear();
        b.missingTokens.addAll(missingTokens);
        b.decimalSeparator = decimalSeparator;
        b.groupingSeparator = groupingSeparator;
        b.trueTokens.clear();
        b.trueTokens.addAll(trueTokens);
        b.falseTokens.clear();
        b.falseTokens.addAll(falseTokens);
        b.defaultDateOrder = defaultDateOrder;
        return b;
    }

    /**
     * @param text a raw value, may be null
     * @return true when the text is null, blank, or (after trimming) a declared missing token
     * @since 0.1.0
     */
    public boolean isMissing(CharSequence text) {
        if (text == null) {
            return true;
        }
        int n = text.length();
        if (n > 0 && missingTokens.isEmpty()) {
            // a visible ASCII first char is no whitespace: the usual case, decided at once
            char c0 = text.charAt(0);
            if (c0 > ' ' && c0 < 0x7f) {
                return false;
            }
        }
        int i = 0;
        while (i < n && Character.isWhitespace(text.charAt(i))) {
            i++;
        }
        if (i == n) {
            return true;
        }
        if (missingTokens.isEmpty()) {
            return false;
        }
        return missingTokens.contains(text.toString().strip());
    }

    /** @return tokens read as missing, besides blank text @since 0.1.0 */
    public Set<String> missingTokens() {
        return missingTokens;
    }

    /** @return the decimal separator @since 0.1.0 */
    public char decimalSeparator() {
        return decimalSeparator;
    }

    /** @return the grouping separator, or {@code '\0'} for none @since 0.1.0 */
    public char groupingSeparator() {
        return groupingSeparator;
    }

    /** @return lower-case spellings of true @since 0.1.0 */
    public Set<String> trueTokens() {
        return trueTokens;
    }

    /** @return lower-case spellings of false @since 0.1.0 */
    public Set<String> falseTokens() {
        return falseTokens;
    }

    /** @return the order assumed for a day/month date shape with no evidence @since 0.1.0 */
    public DateOrder defaultDateOrder() {
        return defaultDateOrder;
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof CoercionOptions)) {
            return false;
        }
        CoercionOptions c = (CoercionOptions) o;
        return missingTokens.equals(c.missingTokens) && decimalSeparator == c.decimalSeparator
            && groupingSeparator == c.groupingSeparator && trueTokens.equals(c.trueTokens)
            && falseTokens.equals(c.falseTokens) && defaultDateOrder == c.defaultDateOrder;
    }

    @Override
    public int hashCode() {
        return Objects.hash(missingTokens, decimalSeparator, groupingSeparator, trueTokens, falseTokens,
            defaultDateOrder);
    }

    @Override
    public String toString() {
        return "CoercionOptions[missingTokens=" + new TreeSet<>(missingTokens) + ", decimal='" + decimalSeparator
            + "', grouping=" + (groupingSeparator == 0 ? "none" : "'" + groupingSeparator + "'")
            + ", defaultDateOrder=" + defaultDateOrder + "]";
    }

    private static boolean isSeparator(char c) {
        return c != 0 && !Character.isDigit(c) && "+-eE".indexOf(c) < 0;
    }

    /**
     * Builds {@link CoercionOptions}. Not thread-safe.
     *
     * @since 0.1.0
     */
    public static final class Builder {
        private final Set<String> missingTokens = new TreeSet<>();
        private char decimalSeparator = '.';
        private char groupingSeparator;
        private final Set<String> trueTokens = new TreeSet<>(Set.of("true", "t", "yes", "y"));
        private final Set<String> falseTokens = new TreeSet<>(Set.of("false", "f", "no", "n"));
        private DateOrder defaultDateOrder = DateOrder.MONTH_FIRST;

        private Builder() {
        }

        /** @param tokens texts read as missing, compared after trimming @return this @since 0.1.0 */
        public Builder missingTokens(String... tokens) {
            for (String t : tokens) {
                missingTokens.add(Objects.requireNonNull(t, "token").strip());
            }
            return this;
        }

        /** @param tokens texts read as missing @return this @since 0.1.0 */
        public Builder missingTokens(java.util.Collection<String> tokens) {
            return missingTokens(tokens.toArray(new String[0]));
        }

        /** @param c the decimal separator @return this @since 0.1.0 */
        public Builder decimalSeparator(char c) {
            this.decimalSeparator = c;
            return this;
        }

        /** @param c the grouping separator, {@code '\0'} for none @return this @since 0.1.0 */
        public Builder groupingSeparator(char c) {
            this.groupingSeparator = c;
            return this;
        }

        /**
         * Takes the decimal and grouping separators of a locale ({@code 1.234,5} for GERMANY).
         *
         * @param locale the locale
         * @return this
         * @since 0.1.0
         */
        public Builder locale(Locale locale) {
            DecimalFormatSymbols s = DecimalFormatSymbols.getInstance(Objects.requireNonNull(locale, "locale"));
            this.decimalSeparator = s.getDecimalSeparator();
            this.groupingSeparator = s.getGroupingSeparator();
            return this;
        }

        /** @param t spellings of true (case-insensitive) @param f spellings of false @return this @since 0.1.0 */
        public Builder booleanTokens(java.util.Collection<String> t, java.util.Collection<String> f) {
            trueTokens.clear();
            falseTokens.clear();
            t.forEach(x -> trueTokens.add(x.toLowerCase(Locale.ROOT)));
            f.forEach(x -> falseTokens.add(x.toLowerCase(Locale.ROOT)));
            return this;
        }

        /** @param order the order for a day/month shape with no evidence @return this @since 0.1.0 */
        public Builder defaultDateOrder(DateOrder order) {
            this.defaultDateOrder = Objects.requireNonNull(order, "order");
            return this;
        }

        /**
         * @return the options
         * @throws IllegalArgumentException if the decimal and grouping separators are equal, a
         *     separator is a digit, a sign or an exponent letter, or a spelling means both true and false
         * @since 0.1.0
         */
        public CoercionOptions build() {
            if (decimalSeparator == groupingSeparator) {
                throw new IllegalArgumentException("decimal and grouping separators must differ (both '"
                    + decimalSeparator + "'); change CoercionOptions.Builder.groupingSeparator(char)");
            }
            if (!isSeparator(decimalSeparator) || (groupingSeparator != 0 && !isSeparator(groupingSeparator))) {
                throw new IllegalArgumentException("a separator must not be a digit, a sign or an exponent letter "
                    + "(decimal '" + decimalSeparator + "', grouping '" + groupingSeparator + "'); change "
                    + "CoercionOptions.Builder.decimalSeparator(char) or groupingSeparator(char)");
            }
            for (String t : trueTokens) {
                if (falseTokens.contains(t)) {
                    throw new IllegalArgumentException("'" + t + "' is both a true and a false token; change "
                        + "CoercionOptions.Builder.booleanTokens");
                }
            }
            return new CoercionOptions(this);
        }
    }
}
