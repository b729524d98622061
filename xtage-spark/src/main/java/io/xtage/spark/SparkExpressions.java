package io.xtage.spark;

import static org.apache.spark.sql.functions.abs;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.datediff;
import static org.apache.spark.sql.functions.dayofmonth;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.month;
import static org.apache.spark.sql.functions.nanvl;
import static org.apache.spark.sql.functions.not;
import static org.apache.spark.sql.functions.raise_error;
import static org.apache.spark.sql.functions.try_add;
import static org.apache.spark.sql.functions.try_multiply;
import static org.apache.spark.sql.functions.try_subtract;
import static org.apache.spark.sql.functions.weekday;
import static org.apache.spark.sql.functions.when;
import static org.apache.spark.sql.functions.year;

import io.xtage.core.XtageException;
import io.xtage.preprocess.internal.expr.Expr;
import io.xtage.preprocess.internal.expr.ExprType;
import io.xtage.preprocess.internal.expr.Node;
import java.lang.reflect.Field;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import tech.tablesaw.columns.dates.PackedLocalDate;

/**
 * Translates an xtage preprocessing expression ({@code quantity * price},
 * {@code price < 0 or quantity < 0}) into a Spark Column, node by node from the expression's
 * parsed tree, with the one-machine evaluator's types and missing values.
 *
 * <p>The expression is first bound by the one-machine compiler to an empty table of the same
 * schema, so names, types and errors are the Tablesaw engine's. The translation then follows the
 * same typing: INT columns widen to LONG; integer {@code + - *} give LONG and fail on overflow
 * (Spark's {@code raise_error}, when the rows are computed); anything with a DOUBLE, and every
 * {@code /}, gives DOUBLE; a division or remainder by zero is missing, and so is a NaN result
 * (Tablesaw's missing double); a text compared with a date is a date literal; logic is
 * three-valued, as in SQL. Missing values are Spark nulls: the preprocessor turns empty text and
 * NaN into null before the first step.
 */
final class SparkExpressions {
    private SparkExpressions() {
    }

    /** A translated expression and its type in the one-machine typing. */
    static final class Typed {
        final Column column;
        final ExprType type;

        Typed(Column column, ExprType type) {
            this.column = column;
            this.type = type;
        }
    }

    /**
     * @param text the expression
     * @param schema the Dataset's schema the expression reads
     * @param step the step's name, for messages
     * @return the Column and its type (NULL for an expression that is always null)
     * @throws io.xtage.preprocess.ExpressionException as the one-machine engine throws it
     */
    static Typed translate(String text, StructType schema, String step) {
        Expr e = Expr.parse(text);
        // names, types and their errors exactly as the one-machine engine
        ExprType bound = e.bind(SparkStepSupport.schemaTable(schema), step).type();
        Node root;
        try {
            Field f = Expr.class.getDeclaredField("root");
            f.setAccessible(true);
            root = (Node) f.get(e);
        } catch (ReflectiveOperationException | RuntimeException ex) {
            throw new XtageException("cannot read the parsed form of expression '" + text + "': " + ex, ex);
        }
        Typed t = new Translator(text, schema, step).node(root);
        if (t.type != bound) {
            throw new IllegalStateException("expression '" + text + "': the Spark translation has type " + t.type
                + " but the one-machine engine's " + bound);
        }
        return t;
    }

    /** @return the Spark type a derived column of this type is stored as, or null for NULL */
    static DataType sparkType(ExprType t) {
        switch (t) {
            case LONG:
                return DataTypes.LongType;
            case DOUBLE:
                return DataTypes.DoubleType;
            case STRING:
                return DataTypes.StringType;
            case BOOLEAN:
                return DataTypes.BooleanType;
            case DATE:
                return DataTypes.DateType;
            case DATETIME:
                return DataTypes.TimestampNTZType;
            default:
                return null;
        }
    }

    private static final class Translator {
        private final String text;
        private final StructType schema;
        private final String step;

        Translator(String text, StructType schema, String step) {
            this.text = text;
            this.schema = schema;
            this.step = step;
        }

        Typed node(Node n) {
            if (n instanceof Node.Lit) {
                return literal((Node.Lit) n);
            }
            if (n instanceof Node.ColRef) {
                return column((Node.ColRef) n);
            }
            if (n instanceof Node.Unary) {
                return unary((Node.Unary) n);
            }
            if (n instanceof Node.Binary) {
                Node.Binary b = (Node.Binary) n;
                switch (b.op()) {
                    case "and":
                    case "or":
                        return logical(b);
                    case "+":
                    case "-":
                    case "*":
                    case "/":
                    case "%":
                        return arithmetic(b);
                    default:
                        return comparison(b);
                }
            }
            if (n instanceof Node.IsNull) {
                Node.IsNull i = (Node.IsNull) n;
                Typed x = node(i.operand());
                if (x.type == ExprType.NULL) {
                    return new Typed(lit(!i.negated()), ExprType.BOOLEAN);
                }
                return new Typed(i.negated() ? x.column.isNotNull() : x.column.isNull(), ExprType.BOOLEAN);
            }
            if (n instanceof Node.InList) {
                return inList((Node.InList) n);
            }
            if (n instanceof Node.Call) {
                return call((Node.Call) n);
            }
            throw new XtageException("expression '" + text + "': the Spark engine cannot translate "
                + n.getClass().getSimpleName());
        }

        private Typed literal(Node.Lit lit) {
            Object v = lit.value();
            switch (lit.type()) {
                case LONG:
                    return new Typed(lit((Long) v), ExprType.LONG);
                case DOUBLE:
                    return new Typed(lit((Double) v), ExprType.DOUBLE);
                case STRING:
                    // the empty text is missing, as in Tablesaw
                    return new Typed(((String) v).isEmpty() ? lit(null).cast(DataTypes.StringType) : lit(v),
                        ExprType.STRING);
                case BOOLEAN:
                    return new Typed(lit(v), ExprType.BOOLEAN);
                case DATE:
                    return new Typed(lit(PackedLocalDate.asLocalDate((Integer) v)), ExprType.DATE);
                default:
                    return new Typed(lit(null), ExprType.NULL);
            }
        }

        private Typed column(Node.ColRef ref) {
            StructField f = null;
            for (StructField x : schema.fields()) {
                if (x.name().equals(ref.name())) {
                    f = x;
                    break;
                }
            }
            if (f == null) {
                throw new IllegalStateException("expression '" + text + "': no column '" + ref.name() + "'");
            }
            Column c = col(SparkSources.quote(ref.name()));
            DataType t = f.dataType();
            if (t.equals(DataTypes.IntegerType) || t.equals(DataTypes.LongType)) {
                return new Typed(c.cast(DataTypes.LongType), ExprType.LONG);
            }
            if (t.equals(DataTypes.DoubleType)) {
                return new Typed(nanToNull(c), ExprType.DOUBLE);
            }
            if (t.equals(DataTypes.StringType)) {
                return new Typed(when(c.notEqual(""), c), ExprType.STRING);
            }
            if (t.equals(DataTypes.BooleanType)) {
                return new Typed(c, ExprType.BOOLEAN);
            }
            if (t.equals(DataTypes.DateType)) {
                return new Typed(c, ExprType.DATE);
            }
            if (t.equals(DataTypes.TimestampNTZType)) {
                return new Typed(c, ExprType.DATETIME);
            }
            throw new XtageException("expression '" + text + "': column '" + ref.name() + "' has Spark type "
                + t.simpleString() + ", which expressions do not support");
        }

        /** NULL to a typed null, LONG to DOUBLE, DATETIME to DATE; the one-machine coercions. */
        private Typed coerce(Typed e, ExprType t) {
            if (e.type == t) {
                return e;
            }
            if (e.type == ExprType.NULL) {
                return new Typed(lit(null).cast(sparkType(t)), t);
            }
            if (e.type == ExprType.LONG && t == ExprType.DOUBLE) {
                return new Typed(e.column.cast(DataTypes.DoubleType), t);
            }
            if (e.type == ExprType.DATETIME && t == ExprType.DATE) {
                return new Typed(e.column.cast(DataTypes.DateType), t);
            }
            throw new IllegalStateException("expression '" + text + "': cannot coerce " + e.type + " to " + t);
        }

        /** A text literal compared with a date is a date literal (validated by the binder). */
        private Node dateLiteralOr(Node node, ExprType other) {
            if (other == ExprType.DATE && node instanceof Node.Lit && ((Node.Lit) node).type() == ExprType.STRING) {
                Node.Lit l = (Node.Lit) node;
                LocalDate d = LocalDate.parse((String) l.value());
                return new Node.Lit(l.pos(), ExprType.DATE, PackedLocalDate.pack(d));
            }
            return node;
        }

        private Typed unary(Node.Unary u) {
            Typed x = node(u.operand());
            switch (u.op()) {
                case "not":
                    return new Typed(not(coerce(x, ExprType.BOOLEAN).column), ExprType.BOOLEAN);
                case "-":
                    if (x.type == ExprType.DOUBLE) {
                        return new Typed(x.column.unary_$minus(), ExprType.DOUBLE);
                    }
                    return new Typed(coerce(x, ExprType.LONG).column.unary_$minus(), ExprType.LONG);
                default:
                    throw new XtageException("expression '" + text + "': the Spark engine does not support unary "
                        + u.op());
            }
        }

        private Typed logical(Node.Binary b) {
            Column l = coerce(node(b.left()), ExprType.BOOLEAN).column;
            Column r = coerce(node(b.right()), ExprType.BOOLEAN).column;
            // Spark's and/or are SQL's three-valued logic, as the one-machine evaluator's
            return new Typed(b.op().equals("and") ? l.and(r) : l.or(r), ExprType.BOOLEAN);
        }

        private Typed arithmetic(Node.Binary b) {
            Typed l = node(b.left());
            Typed r = node(b.right());
            String op = b.op();
            boolean dbl = l.type == ExprType.DOUBLE || r.type == ExprType.DOUBLE || op.equals("/");
            if (dbl) {
                Column x = coerce(l, ExprType.DOUBLE).column;
                Column y = coerce(r, ExprType.DOUBLE).column;
                Column out;
                switch (op) {
                    case "+":
                        out = x.plus(y);
                        break;
                    case "-":
                        out = x.minus(y);
                        break;
                    case "*":
                        out = x.multiply(y);
                        break;
                    case "/":
                        out = when(y.notEqual(0.0), x.divide(y));
                        break;
                    default:
                        out = when(y.notEqual(0.0), x.mod(y));
                        break;
                }
                return new Typed(nanToNull(out), ExprType.DOUBLE);
            }
            Column x = coerce(l, ExprType.LONG).column;
            Column y = coerce(r, ExprType.LONG).column;
            if (op.equals("%")) {
                return new Typed(when(y.notEqual(0L), x.mod(y)), ExprType.LONG);
            }
            Column exact;
            Column plain;
            switch (op) {
                case "+":
                    exact = try_add(x, y);
                    plain = x.plus(y);
                    break;
                case "-":
                    exact = try_subtract(x, y);
                    plain = x.minus(y);
                    break;
                default:
                    exact = try_multiply(x, y);
                    plain = x.multiply(y);
                    break;
            }
            // Long.MIN_VALUE is the one-machine engine's missing LONG, so it overflows there too
            Column overflow = x.isNotNull().and(y.isNotNull()).and(exact.isNull().or(exact.equalTo(Long.MIN_VALUE)));
            Column message = org.apache.spark.sql.functions.concat(lit(step + ": integer overflow in "),
                x.cast(DataTypes.StringType), lit(" " + op + " "), y.cast(DataTypes.StringType),
                lit(" (position " + b.pos() + " of '" + text + "'); multiply by 1.0 to compute in DOUBLE"));
            return new Typed(when(overflow, raise_error(message).cast(DataTypes.LongType)).otherwise(plain),
                ExprType.LONG);
        }

        private Typed comparison(Node.Binary b) {
            Typed l0 = node(b.left());
            Typed r0 = node(b.right());
            Node ln = dateLiteralOr(b.left(), r0.type);
            Node rn = dateLiteralOr(b.right(), l0.type);
            Typed l = ln == b.left() ? l0 : node(ln);
            Typed r = rn == b.right() ? r0 : node(rn);
            if (l.type == ExprType.NULL || r.type == ExprType.NULL) {
                return new Typed(lit(null).cast(DataTypes.BooleanType), ExprType.BOOLEAN);
            }
            ExprType common;
            if (l.type.equals(ExprType.LONG) && r.type.equals(ExprType.LONG)) {
                common = ExprType.LONG;
            } else if (isNumeric(l.type) && isNumeric(r.type)) {
                common = ExprType.DOUBLE;
            } else {
                common = l.type;
            }
            Column x = coerce(l, common).column;
            Column y = coerce(r, common).column;
            Column out;
            // Spark orders text by UTF-8 bytes, which is code-point order, as the one-machine engine
            switch (b.op()) {
                case "=":
                    out = x.equalTo(y);
                    break;
                case "!=":
                    out = x.notEqual(y);
                    break;
                case "<":
                    out = x.lt(y);
                    break;
                case "<=":
                    out = x.leq(y);
                    break;
                case ">":
                    out = x.gt(y);
                    break;
                case ">=":
                    out = x.geq(y);
                    break;
                default:
                    throw new XtageException("expression '" + text + "': the Spark engine does not support operator "
                        + b.op());
            }
            return new Typed(out, ExprType.BOOLEAN);
        }

        private Typed inList(Node.InList in) {
            Typed x = node(in.operand());
            ExprType t = x.type;
            if (t == ExprType.NULL) {
                return new Typed(lit(null).cast(DataTypes.BooleanType), ExprType.BOOLEAN);
            }
            Set<Object> values = new LinkedHashSet<>();
            for (Node.Lit l0 : in.values()) {
                Node.Lit v = (Node.Lit) dateLiteralOr(l0, t);
                switch (t) {
                    case LONG:
                        if (v.type() == ExprType.LONG) {
                            values.add(v.value());
                        } else {
                            double d = (Double) v.value();
                            if (d == Math.rint(d) && Math.abs(d) < 9.2e18) {
                                values.add((long) d);
                            }
                        }
                        break;
                    case DOUBLE: {
                        double d = v.type() == ExprType.LONG ? (double) (Long) v.value() : (Double) v.value();
                        values.add(d == 0.0 ? 0.0 : d);
                        break;
                    }
                    case DATE:
                        values.add(PackedLocalDate.asLocalDate((Integer) v.value()));
                        break;
                    default:
                        values.add(v.value());
                        break;
                }
            }
            Column operand = x.column;
            if (t == ExprType.DOUBLE) {
                // 0.0 and -0.0 are one value, as in the one-machine engine
                operand = when(operand.equalTo(0.0), lit(0.0)).otherwise(operand);
            }
            Column isIn;
            if (values.isEmpty()) {
                isIn = when(operand.isNotNull(), lit(false));
            } else {
                List<Column> lits = new ArrayList<>();
                for (Object v : values) {
                    lits.add(lit(v));
                }
                isIn = operand.isin(lits.toArray());
            }
            return new Typed(in.negated() ? not(isIn) : isIn, ExprType.BOOLEAN);
        }

        private Typed call(Node.Call c) {
            List<Node> args = c.args();
            switch (c.fn()) {
                case "coalesce": {
                    List<Typed> typed = new ArrayList<>();
                    ExprType t = ExprType.NULL;
                    for (Node a : args) {
                        Typed e = node(a);
                        typed.add(e);
                        if (e.type == ExprType.NULL) {
                            continue;
                        }
                        if (t == ExprType.NULL) {
                            t = e.type;
                        } else if (isNumeric(t) && isNumeric(e.type)) {
                            t = t == ExprType.DOUBLE || e.type == ExprType.DOUBLE ? ExprType.DOUBLE : ExprType.LONG;
                        }
                    }
                    if (t == ExprType.NULL) {
                        return new Typed(lit(null), ExprType.NULL);
                    }
                    List<Column> cols = new ArrayList<>();
                    for (Typed e : typed) {
                        cols.add(coerce(e, t).column);
                    }
                    return new Typed(org.apache.spark.sql.functions.coalesce(cols.toArray(new Column[0])), t);
                }
                case "year":
                    return new Typed(year(dateArg(args.get(0))).cast(DataTypes.LongType), ExprType.LONG);
                case "month":
                    return new Typed(month(dateArg(args.get(0))).cast(DataTypes.LongType), ExprType.LONG);
                case "day":
                    return new Typed(dayofmonth(dateArg(args.get(0))).cast(DataTypes.LongType), ExprType.LONG);
                case "day_of_week":
                    // ISO: Monday 1 .. Sunday 7; Spark's weekday is Monday 0 .. Sunday 6
                    return new Typed(weekday(dateArg(args.get(0))).plus(1).cast(DataTypes.LongType), ExprType.LONG);
                case "days_between":
                    return new Typed(datediff(dateArg(args.get(1)), dateArg(args.get(0))).cast(DataTypes.LongType),
                        ExprType.LONG);
                case "abs": {
                    Typed x = node(args.get(0));
                    if (x.type == ExprType.DOUBLE) {
                        return new Typed(abs(x.column), ExprType.DOUBLE);
                    }
                    return new Typed(abs(coerce(x, ExprType.LONG).column), ExprType.LONG);
                }
                default:
                    throw new XtageException("expression '" + text + "': the Spark engine does not support function "
                        + c.fn());
            }
        }

        private Column dateArg(Node arg) {
            return coerce(node(dateLiteralOr(arg, ExprType.DATE)), ExprType.DATE).column;
        }
    }

    private static boolean isNumeric(ExprType t) {
        return t == ExprType.LONG || t == ExprType.DOUBLE;
    }

    /** @return the column with NaN (Tablesaw's missing double) as null */
    static Column nanToNull(Column c) {
        return nanvl(c, lit(null).cast(DataTypes.DoubleType));
    }
}
