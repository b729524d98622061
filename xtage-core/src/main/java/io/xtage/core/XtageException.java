package io.xtage.core;

/**
 * The root of every exception that xtage throws for a problem with data, a source or a plan.
 *
 * <p>Unchecked, because results flow through fluent chains and lambdas. Programming errors (a
 * null argument, a bad option) are reported with the JDK's {@code NullPointerException},
 * {@code IllegalArgumentException} and {@code IllegalStateException} instead.
 *
 * @since 0.1.0
 */
public class XtageException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /**
     * @param message what went wrong, naming the source, record and column where known
     * @since 0.1.0
     */
    public XtageException(String message) {
        super(message);
    }

    /**
     * @param message what went wrong
     * @param cause the underlying exception, kept as the cause
     * @since 0.1.0
     */
    public XtageException(String message, Throwable cause) {
        super(message, cause);
    }
}
