package io.xtage.preprocess.internal.expr;

/** The value types of expressions. Integers are 64-bit; INT columns widen to LONG. Internal. */
public enum ExprType {
    LONG, DOUBLE, STRING, BOOLEAN, DATE, DATETIME, NULL;

    boolean isNumeric() {
        return this == LONG || this == DOUBLE;
    }
}
