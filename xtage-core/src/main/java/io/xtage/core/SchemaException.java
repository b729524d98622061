package io.xtage.core;

/**
 * A schema or plan cannot be applied: a missing or colliding column, a type that does not fit,
 * a plan that does not match the table.
 *
 * @since 0.1.0
 */
public class SchemaException extends XtageException {
    private static final long serialVersionUID = 1L;

    /**
     * @param message what is wrong, naming the columns involved
     * @since 0.1.0
     */
    public SchemaException(String message) {
        super(message);
    }

    /**
     * @param message what is wrong
     * @param cause the underlying exception
     * @since 0.1.0
     */
    public SchemaException(String message, Throwable cause) {
        super(message, cause);
    }
}
