package io.xtage.core.internal;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Removes secrets from text and exception chains before they reach a message or a log line.
 * No compatibility promise.
 */
public final class Secrets {
    /** What replaces a secret. */
    public static final String REDACTED = "[redacted]";

    /** Secrets shorter than this are not searched for: a 1-character "secret" would mangle every message. */
    private static final int MIN_SECRET_LENGTH = 4;

    /** {@code Bearer <token>} anywhere (an echoed Authorization header). */
    private static final Pattern BEARER = Pattern.compile("(?i)(bearer\\s+)[^\\s\"'<>,;]+");

    /** {@code password=...} in a JDBC URL, a connection string or a form body. */
    private static final Pattern PASSWORD_PARAM = Pattern.compile("(?i)(password\\s*[=:]\\s*)[^\\s&;,\"')]+");

    private Secrets() {
    }

    /**
     * @param text any text, may be null
     * @param secrets literal secrets to remove; nulls and short ones are ignored
     * @return the text with every secret, every {@code Bearer x} and every {@code password=x}
     *     replaced by {@link #REDACTED}
     */
    public static String redact(String text, Collection<String> secrets) {
        if (text == null) {
            return null;
        }
        String out = text;
        List<String> sorted = new ArrayList<>();
        for (String s : secrets) {
            if (s != null && s.length() >= MIN_SECRET_LENGTH) {
                sorted.add(s);
            }
        }
        // Longest first, so a secret that contains another is removed whole.
        sorted.sort(Comparator.comparingInt(String::length).reversed());
        for (String s : sorted) {
            out = out.replace(s, REDACTED);
        }
        out = BEARER.matcher(out).replaceAll("$1" + Matcher.quoteReplacement(REDACTED));
        return PASSWORD_PARAM.matcher(out).replaceAll("$1" + Matcher.quoteReplacement(REDACTED));
    }

    /**
     * Returns an exception chain safe to keep as a cause: the same exception when no message in
     * its chain (causes and suppressed) holds a secret, otherwise a copy whose messages are
     * redacted, with the original class name in the message and the original stack traces.
     *
     * @param t an exception, may be null
     * @param secrets literal secrets
     * @return an exception without the secrets, or null
     */
    public static Throwable sanitize(Throwable t, Collection<String> secrets) {
        if (t == null || isClean(t, secrets, new IdentityHashMap<>())) {
            return t;
        }
        return copy(t, secrets, new IdentityHashMap<>());
    }

    private static boolean isClean(Throwable t, Collection<String> secrets, Map<Throwable, Boolean> seen) {
        if (t == null || seen.put(t, Boolean.TRUE) != null) {
            return true;
        }
        String m = t.getMessage();
        if (m != null && !m.equals(redact(m, secrets))) {
            return false;
        }
        for (Throwable s : t.getSuppressed()) {
            if (!isClean(s, secrets, seen)) {
                return false;
            }
        }
        return isClean(t.getCause(), secrets, seen);
    }

    private static Throwable copy(Throwable t, Collection<String> secrets, Map<Throwable, Throwable> seen) {
        Throwable done = seen.get(t);
        if (done != null) {
            return done;
        }
        Redacted r = new Redacted(t.getClass().getName() + ": " + redact(String.valueOf(t.getMessage()), secrets));
        seen.put(t, r);
        r.setStackTrace(t.getStackTrace());
        if (t.getCause() != null && t.getCause() != t) {
            r.initCause(copy(t.getCause(), secrets, seen));
        }
        for (Throwable s : t.getSuppressed()) {
            r.addSuppressed(copy(s, secrets, seen));
        }
        return r;
    }

    /** Stands in for an exception whose message held a secret. */
    static final class Redacted extends Exception {
        private static final long serialVersionUID = 1L;

        Redacted(String message) {
            super(message);
        }

        @Override
        public String toString() {
            return getMessage();
        }
    }
}
