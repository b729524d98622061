package io.xtage.spark;

import static org.apache.spark.sql.functions.abs;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.datediff;
import static org.apache.spark.sql.functions.dayofmonth;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.month;
import static org.apache.spark.sql.functions.not;
import static org.apache.spark.sql.functions.weekday;
import static org.apache.spark.sql.functions.year;

import io.xtage.core.XtageException;
import io.xtage.preprocess.internal.expr.Expr;
import io.xtage.preprocess.internal.expr.Node;
import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Column;

/**
 * Translates an xtage preprocessing expression ({@code quantity * price},
 * {@code price < 0 or quantity < 0}) into a Spark Column, node by node from the expression's
 * parsed tree: missing values propagate and logic is three-valued, as in SQL and in the
 * one-machine evaluator.
 */
final class SparkExpressions {
    private SparkExpressions() {
    }

    static Column translate(String text) {
        Expr e = Expr.parse(text);
        Node root;
        try {
            Field f = Expr.class.getDeclaredField("root");
            f.setAccessible(true);
            root = (Node) f.get(e);
        } catch (ReflectiveOperationException | RuntimeException ex) {
            throw new XtageException("cannot read the parsed form of expression '" + text + "': " + ex, ex);
        }
        return node(root, text);
    }

    private static Column node(Node n, String text) {
        if (n instanceof Node.Lit) {
            Object v = ((Node.Lit) n).value();
            if (v instanceof java.time.LocalDate) {
                return lit(java.sql.Date.valueOf((java.time.LocalDate) v));
            }
            if (v instanceof Integer && ((Node.Lit) n).type().name().equals("DATE")) {
                throw unsupported(text, "packed date literals");
            }
            return lit(v);
        }
        if (n instanceof Node.ColRef) {
            return col(SparkSources.quote(((Node.ColRef) n).name()));
        }
        if (n instanceof Node.Unary) {
            Node.Unary u = (Node.Unary) n;
            Column c = node(u.operand(), text);
            switch (u.op()) {
                case "-":
                    return c.unary_$minus();
                case "not":
                    return not(c);
                default:
                    throw unsupported(text, "unary " + u.op());
            }
        }
        if (n instanceof Node.Binary) {
            Node.Binary b = (Node.Binary) n;
            Column l = node(b.left(), text);
            Column r = node(b.right(), text);
            switch (b.op()) {
                case "and":
                    return l.and(r);
                case "or":
                    return l.or(r);
                case "+":
                    return l.plus(r);
                case "-":
                    return l.minus(r);
                case "*":
                    return l.multiply(r);
                case "/":
                    return l.cast("double").divide(r.cast("double"));
                case "%":
                    return l.mod(r);
                case "=":
                    return l.equalTo(r);
                case "!=":
                    return l.notEqual(r);
                case "<":
                    return l.lt(r);
                case "<=":
                    return l.leq(r);
                case ">":
                    return l.gt(r);
                case ">=":
                    return l.geq(r);
                default:
                    throw unsupported(text, "operator " + b.op());
            }
        }
        if (n instanceof Node.IsNull) {
            Node.IsNull i = (Node.IsNull) n;
            Column c = node(i.operand(), text);
            return i.negated() ? c.isNotNull() : c.isNull();
        }
        if (n instanceof Node.InList) {
            Node.InList i = (Node.InList) n;
            List<Object> vals = new ArrayList<>();
            for (Node.Lit v : i.values()) {
                vals.add(v.value());
            }
            Column in = node(i.operand(), text).isin(vals.toArray());
            return i.negated() ? not(in) : in;
        }
        if (n instanceof Node.Call) {
            Node.Call c = (Node.Call) n;
            List<Column> args = new ArrayList<>();
            for (Node a : c.args()) {
                args.add(node(a, text));
            }
            switch (c.fn()) {
                case "coalesce":
                    return org.apache.spark.sql.functions.coalesce(args.toArray(new Column[0]));
                case "year":
                    return year(args.get(0));
                case "month":
                    return month(args.get(0));
                case "day":
                    return dayofmonth(args.get(0));
                case "day_of_week":
                    return weekday(args.get(0)).plus(1);
                case "days_between":
                    return datediff(args.get(1), args.get(0));
                case "abs":
                    return abs(args.get(0));
                default:
                    throw unsupported(text, "function " + c.fn());
            }
        }
        throw unsupported(text, n.getClass().getSimpleName());
    }

    private static XtageException unsupported(String text, String what) {
        return new XtageException("expression '" + text + "': the Spark engine does not support " + what + " yet");
    }
}
