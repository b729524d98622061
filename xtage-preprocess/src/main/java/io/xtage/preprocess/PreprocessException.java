package io.xtage.preprocess;

import io.xtage.core.XtageException;
import java.util.Objects;
import java.util.Optional;

/**
 * The data does not allow a step to fit or transform: a column with no value to learn from,
 * an unseen category under {@link UnseenPolicy#ERROR}, an invalid value under a strict cast, an
 * integer overflow. Missing or mistyped columns are {@link io.xtage.core.SchemaException}s
 * instead.
 *
 * @since 0.1.0
 */
public class PreprocessException extends XtageException {
    private static final long serialVersionUID = 1L;

    private final String step;
    private final String column;

    /**
     * @param step the step's type name
     * @param column the column involved, or null
     * @param message what is wrong and how to fix it
     * @since 0.1.0
     */
    public PreprocessException(String step, String column, String message) {
        super(step + (column == null ? "" : ", column '" + column + "'") + ": " + message);
        this.step = Objects.requireNonNull(step, "step");
        this.column = column;
    }

    /**
     * @return the step's type name
     * @since 0.1.0
     */
    public String step() {
        return step;
    }

    /**
     * @return the column involved, when there is one
     * @since 0.1.0
     */
    public Optional<String> column() {
        return Optional.ofNullable(column);
    }
}
