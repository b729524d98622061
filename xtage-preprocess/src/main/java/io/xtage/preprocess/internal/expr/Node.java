package io.xtage.preprocess.internal.expr;

import java.util.List;

/** The parse tree of an expression; every node carries its 0-based position in the text. Internal. */
public interface Node {
    int pos();

    /** A literal: Long, Double, String, Boolean, a packed LocalDate (Integer) for DATE, or null. */
    record Lit(int pos, ExprType type, Object value) implements Node {
    }

    /** A column reference. */
    record ColRef(int pos, String name) implements Node {
    }

    /** {@code -x} or {@code not x}. */
    record Unary(int pos, String op, Node operand) implements Node {
    }

    /** Arithmetic, comparison, and/or; {@code pos} is the operator's. */
    record Binary(int pos, String op, Node left, Node right) implements Node {
    }

    /** {@code x is [not] null}. */
    record IsNull(int pos, Node operand, boolean negated) implements Node {
    }

    /** {@code x [not] in (literal, ...)}. */
    record InList(int pos, Node operand, List<Lit> values, boolean negated) implements Node {
    }

    /** A function call. */
    record Call(int pos, String fn, List<Node> args) implements Node {
    }
}
