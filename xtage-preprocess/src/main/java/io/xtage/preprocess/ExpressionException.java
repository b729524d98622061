package io.xtage.preprocess;

import io.xtage.core.XtageException;
import java.util.Objects;

/**
 * An expression ({@code price < 0 or quantity < 0}) has a syntax error or a type error. The
 * exception names the position in the text: {@link #position()} is 0-based, and the message
 * repeats the expression with a caret under that position.
 *
 * @since 0.1.0
 */
public class ExpressionException extends XtageException {
    private static final long serialVersionUID = 1L;

    private final String expression;
    private final int position;
    private final String reason;

    /**
     * @param expression the whole expression text
     * @param position 0-based offset of the problem in {@code expression}
     * @param reason what is wrong, for example {@code expected ')' but found end of expression}
     * @since 0.1.0
     */
    public ExpressionException(String expression, int position, String reason) {
        super(format(expression, position, reason));
        this.expression = Objects.requireNonNull(expression, "expression");
        this.position = position;
        this.reason = Objects.requireNonNull(reason, "reason");
    }

    private static String format(String expression, int position, String reason) {
        String oneLine = expression.replace('\n', ' ').replace('\r', ' ').replace('\t', ' ');
        return reason + " at position " + position + " of expression:\n  " + oneLine + "\n  "
            + " ".repeat(Math.max(0, Math.min(position, oneLine.length()))) + "^";
    }

    /**
     * @return the expression text
     * @since 0.1.0
     */
    public String expression() {
        return expression;
    }

    /**
     * @return the 0-based offset of the problem in {@link #expression()}
     * @since 0.1.0
     */
    public int position() {
        return position;
    }

    /**
     * @return what is wrong, without the position
     * @since 0.1.0
     */
    public String reason() {
        return reason;
    }
}
