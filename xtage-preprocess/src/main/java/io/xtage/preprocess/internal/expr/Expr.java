package io.xtage.preprocess.internal.expr;

import io.xtage.preprocess.ExpressionException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import tech.tablesaw.api.Table;

/**
 * A parsed expression: {@link #parse(String)} checks the syntax; {@link #bind(Table, String)}
 * checks names and types against a table and gives something to evaluate. Immutable. Internal.
 */
public final class Expr {
    private final String text;
    private final Node root;

    private Expr(String text, Node root) {
        this.text = text;
        this.root = root;
    }

    /**
     * @param text the expression
     * @return the parsed expression
     * @throws ExpressionException on a syntax error, with its position
     */
    public static Expr parse(String text) {
        Objects.requireNonNull(text, "expression");
        return new Expr(text, Parser.parse(text));
    }

    /** @return the text as given */
    public String text() {
        return text;
    }

    /** @return the names of the columns the expression reads, in order of first use */
    public List<String> columns() {
        Set<String> out = new LinkedHashSet<>();
        collect(root, out);
        return List.copyOf(out);
    }

    private static void collect(Node n, Set<String> out) {
        if (n instanceof Node.ColRef) {
            out.add(((Node.ColRef) n).name());
        } else if (n instanceof Node.Unary) {
            collect(((Node.Unary) n).operand(), out);
        } else if (n instanceof Node.Binary) {
            collect(((Node.Binary) n).left(), out);
            collect(((Node.Binary) n).right(), out);
        } else if (n instanceof Node.IsNull) {
            collect(((Node.IsNull) n).operand(), out);
        } else if (n instanceof Node.InList) {
            collect(((Node.InList) n).operand(), out);
        } else if (n instanceof Node.Call) {
            for (Node a : ((Node.Call) n).args()) {
                collect(a, out);
            }
        }
    }

    /**
     * @param table the table whose columns the expression reads
     * @param step the step's name, for data errors during evaluation
     * @return the type-checked expression, bound to {@code table}
     * @throws ExpressionException on an unknown column or a type error, with its position
     */
    public Bound bind(Table table, String step) {
        Compiler.Ev ev = new Compiler(text, table, step).compile(root);
        return new Bound(ev);
    }

    /** A type-checked expression bound to a table. */
    public static final class Bound {
        private final Compiler.Ev ev;

        private Bound(Compiler.Ev ev) {
            this.ev = ev;
        }

        /** @return the result type; NULL for an expression that is always null */
        public ExprType type() {
            return ev.type();
        }

        /** @return the value of every row */
        public Vec eval() {
            return ev.eval();
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Expr && ((Expr) o).text.equals(text);
    }

    @Override
    public int hashCode() {
        return text.hashCode();
    }

    @Override
    public String toString() {
        return text;
    }
}
