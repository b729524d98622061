package io.xtage.core;

import java.util.Objects;

/**
 * A strict read met a value or record it could not use.
 *
 * @since 0.1.0
 */
public class RejectedRecordException extends XtageException {
    private static final long serialVersionUID = 1L;

    private final transient Reject reject;

    /**
     * @param reject the reject that failed the read
     * @since 0.1.0
     */
    public RejectedRecordException(Reject reject) {
        super(Objects.requireNonNull(reject, "reject").message());
        this.reject = reject;
    }

    /** @return the reject, with its source, record, column, raw value and reason @since 0.1.0 */
    public Reject reject() {
        return reject;
    }
}
