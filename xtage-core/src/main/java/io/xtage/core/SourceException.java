package io.xtage.core;

import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * A source could not be opened, read or connected to.
 *
 * <p>Carries the source's {@link #sourceName() name} (never with credentials) and, where the
 * transport gives one, a machine-readable {@link #httpStatus()} or {@link #sqlState()}.
 *
 * @since 0.1.0
 */
public class SourceException extends XtageException {
    private static final long serialVersionUID = 1L;

    private final String sourceName;
    private final int httpStatus;
    private final String sqlState;

    /**
     * @param sourceName the source's name, without secrets
     * @param message what went wrong; the source name is prefixed to it
     * @param cause the underlying exception, or null
     * @since 0.1.0
     */
    public SourceException(String sourceName, String message, Throwable cause) {
        this(sourceName, message, cause, -1, null);
    }

    private SourceException(String sourceName, String message, Throwable cause, int httpStatus, String sqlState) {
        super(Objects.requireNonNull(sourceName, "sourceName") + ": " + message, cause);
        this.sourceName = sourceName;
        this.httpStatus = httpStatus;
        this.sqlState = sqlState;
    }

    /**
     * An HTTP exchange that ended with an error status.
     *
     * @param sourceName the source's name (a URL without credentials)
     * @param status the HTTP status
     * @param message what went wrong, with secrets already redacted
     * @return the exception
     * @since 0.1.0
     */
    public static SourceException http(String sourceName, int status, String message) {
        return new SourceException(sourceName, message, null, status, null);
    }

    /**
     * A database error.
     *
     * @param sourceName the source's name
     * @param sqlState the SQLSTATE, or null
     * @param message what went wrong, with secrets already redacted
     * @param cause the SQLException
     * @return the exception
     * @since 0.1.0
     */
    public static SourceException sql(String sourceName, String sqlState, String message, Throwable cause) {
        return new SourceException(sourceName, message, cause, -1, sqlState);
    }

    /**
     * @return the name of the source that failed, never null
     * @since 0.1.0
     */
    public String sourceName() {
        return sourceName;
    }

    /**
     * @return the HTTP status that ended the exchange, if there was one
     * @since 0.1.0
     */
    public OptionalInt httpStatus() {
        return httpStatus < 0 ? OptionalInt.empty() : OptionalInt.of(httpStatus);
    }

    /**
     * @return the SQLSTATE of the database error, if there was one
     * @since 0.1.0
     */
    public Optional<String> sqlState() {
        return Optional.ofNullable(sqlState);
    }
}
