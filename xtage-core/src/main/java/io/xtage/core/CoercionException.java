package io.xtage.core;

import io.xtage.core.internal.Texts;
import java.util.Objects;

/**
 * A text could not be turned into a value of the expected type.
 *
 * <p>Thrown by the coercers in {@code io.xtage.core.coerce}, which know the value but not where
 * it came from; a source turns it into a {@link Reject} that names the source, record and column.
 *
 * @since 0.1.0
 */
public class CoercionException extends XtageException {
    private static final long serialVersionUID = 1L;

    private final String rawValue;
    private final String expected;

    /**
     * @param rawValue the text that did not fit (truncated in the message)
     * @param expected what was expected, such as {@code DOUBLE} or {@code date dd/MM/yyyy}
     * @param detail why, or null
     * @since 0.1.0
     */
    public CoercionException(String rawValue, String expected, String detail) {
        super(reason(rawValue, expected, detail));
        this.rawValue = Texts.truncate(Objects.requireNonNull(rawValue, "rawValue"));
        this.expected = Objects.requireNonNull(expected, "expected");
    }

    static String reason(String raw, String expected, String detail) {
        String base = "cannot parse '" + Texts.truncate(raw) + "' as " + expected;
        return detail == null ? base : base + " (" + detail + ")";
    }

    /**
     * @return the offending text, truncated to 256 characters plus a marker
     * @since 0.1.0
     */
    public String rawValue() {
        return rawValue;
    }

    /**
     * @return what was expected, such as {@code DOUBLE}
     * @since 0.1.0
     */
    public String expected() {
        return expected;
    }

    /**
     * @return the reason as a phrase, the same text as {@link #getMessage()}
     * @since 0.1.0
     */
    public String reason() {
        return getMessage();
    }
}
