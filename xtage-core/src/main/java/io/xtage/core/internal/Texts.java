package io.xtage.core.internal;

/** Small text helpers shared by the modules. No compatibility promise. */
public final class Texts {
    /** Longest raw value kept in a reject or message, as Jackson's ErrorReportConfiguration does. */
    public static final int MAX_RAW = 256;

    private Texts() {
    }

    /**
     * Cuts a text to {@link #MAX_RAW} characters and says how much was cut.
     *
     * @param s the text, may be null
     * @return the text, or its first 256 characters and a marker
     */
    public static String truncate(CharSequence s) {
        if (s == null) {
            return null;
        }
        if (s.length() <= MAX_RAW) {
            return s.toString();
        }
        return s.subSequence(0, MAX_RAW) + "…[" + (s.length() - MAX_RAW) + " more chars]";
    }

    /**
     * Makes control characters visible, so a reason or raw value prints on one line.
     *
     * @param s the text
     * @return the text with control characters escaped
     */
    public static String printable(String s) {
        StringBuilder b = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isISOControl(c)) {
                if (b == null) {
                    b = new StringBuilder(s.length() + 8).append(s, 0, i);
                }
                b.append(String.format("\\u%04x", (int) c));
            } else if (b != null) {
                b.append(c);
            }
        }
        return b == null ? s : b.toString();
    }
}
