package io.xtage.sink;

import io.xtage.core.XtageException;
import java.util.Objects;
import java.util.Optional;

/**
 * A sink could not write: the file could not be created or moved into place, the database
 * refused a statement, or a value cannot be stored there.
 *
 * <p>Carries the sink's {@link #sinkName() name} (never with credentials) and, for database
 * errors, the {@link #sqlState() SQLSTATE}. The underlying {@code IOException} or
 * {@code SQLException} is the cause.
 *
 * @since 0.1.0
 */
public class SinkException extends XtageException {
    private static final long serialVersionUID = 1L;

    private final String sinkName;
    private final String sqlState;

    /**
     * @param sinkName the sink's name, without secrets
     * @param message what went wrong; the sink name is prefixed to it
     * @param cause the underlying exception, or null
     * @since 0.1.0
     */
    public SinkException(String sinkName, String message, Throwable cause) {
        this(sinkName, message, cause, null);
    }

    private SinkException(String sinkName, String message, Throwable cause, String sqlState) {
        super(Objects.requireNonNull(sinkName, "sinkName") + ": " + message, cause);
        this.sinkName = sinkName;
        this.sqlState = sqlState;
    }

    /**
     * A database error.
     *
     * @param sinkName the sink's name
     * @param sqlState the SQLSTATE, or null
     * @param message what went wrong, without secrets
     * @param cause the SQLException, or null
     * @return the exception
     * @since 0.1.0
     */
    public static SinkException sql(String sinkName, String sqlState, String message, Throwable cause) {
        return new SinkException(sinkName, message, cause, sqlState);
    }

    /** @return the name of the sink that failed, never null @since 0.1.0 */
    public String sinkName() {
        return sinkName;
    }

    /** @return the SQLSTATE of the database error, if there was one @since 0.1.0 */
    public Optional<String> sqlState() {
        return Optional.ofNullable(sqlState);
    }
}
