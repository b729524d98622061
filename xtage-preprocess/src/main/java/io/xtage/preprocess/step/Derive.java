package io.xtage.preprocess.step;

import io.xtage.core.SchemaException;
import io.xtage.core.schema.ColumnType;
import io.xtage.preprocess.ExpressionException;
import io.xtage.preprocess.FittedStep;
import io.xtage.preprocess.Step;
import io.xtage.preprocess.StepReport;
import io.xtage.preprocess.Transformed;
import io.xtage.preprocess.internal.Params;
import io.xtage.preprocess.internal.Tables;
import io.xtage.preprocess.internal.Values;
import io.xtage.preprocess.internal.expr.Expr;
import io.xtage.preprocess.internal.expr.ExprType;
import io.xtage.preprocess.internal.expr.Vec;
import java.util.Map;
import java.util.Objects;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * Computes a column from an expression (see docs/preprocessing.md for the grammar):
 * arithmetic on numeric columns, comparisons, {@code coalesce}, date parts ({@code year},
 * {@code month}, {@code day}, {@code day_of_week}) and date differences
 * ({@code days_between}). Integer arithmetic gives LONG, anything with a DOUBLE or a division
 * gives DOUBLE; a missing operand gives a missing result, and so does a division by zero.
 *
 * <p>The result type is fixed at fit time; a transform whose columns give another type is an
 * error. A new column goes after the last column; an existing column of the same name is
 * replaced in place. Immutable and thread-safe.
 *
 * <pre>{@code
 * Derive.of("total", "quantity * price")
 * Derive.of("total_eur", "total * eur_rate")
 * Derive.of("days_to_buy", "days_between(date_joined, transaction_date)")
 * Derive.of("price", "coalesce(price, list_price)")
 * }</pre>
 *
 * <p>JSON type name: {@code derive}.
 *
 * @since 0.1.0
 */
public final class Derive implements Step {
    static final String TYPE = "derive";

    private final String column;
    private final Expr expression;

    private Derive(String column, String expression) {
        Support.requireName("Derive column", column);
        this.column = column;
        this.expression = Expr.parse(expression);
    }

    /**
     * @param column the column to write
     * @param expression the expression
     * @return the step
     * @throws ExpressionException on a syntax error, with its position
     * @since 0.1.0
     */
    public static Derive of(String column, String expression) {
        return new Derive(column, expression);
    }

    /**
     * @return the column written
     * @since 0.1.0
     */
    public String column() {
        return column;
    }

    /**
     * @return the expression's text
     * @since 0.1.0
     */
    public String expression() {
        return expression.text();
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public Map<String, Object> toMap() {
        Map<String, Object> m = Params.ordered();
        m.put("column", column);
        m.put("expression", expression.text());
        return m;
    }

    static ColumnType columnType(ExprType t) {
        switch (t) {
            case LONG:
                return ColumnType.LONG;
            case DOUBLE:
                return ColumnType.DOUBLE;
            case STRING:
                return ColumnType.STRING;
            case BOOLEAN:
                return ColumnType.BOOLEAN;
            case DATE:
                return ColumnType.LOCAL_DATE;
            case DATETIME:
                return ColumnType.LOCAL_DATE_TIME;
            default:
                return null;
        }
    }

    /**
     * @throws ExpressionException on an unknown column or a type error, or an expression that is
     *     always null
     */
    @Override
    public FittedStep fit(Table table) {
        Expr.Bound b = expression.bind(table, TYPE);
        ColumnType t = columnType(b.type());
        if (t == null) {
            throw new ExpressionException(expression.text(), 0, "the expression is always null, so it has no type; "
                + "use coalesce(null, 0.0) or similar to give one");
        }
        return new Fitted(column, expression, t);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Derive && ((Derive) o).toMap().equals(toMap());
    }

    @Override
    public int hashCode() {
        return Objects.hash(column, expression);
    }

    @Override
    public String toString() {
        return "Derive" + toMap();
    }

    /** Derive with its result type fixed. */
    static final class Fitted extends ValueFitted {
        private final String column;
        private final Expr expression;
        private final ColumnType resultType;

        Fitted(String column, Expr expression, ColumnType resultType) {
            super(TYPE);
            this.column = column;
            this.expression = expression;
            this.resultType = resultType;
        }

        @Override
        public Map<String, Object> toMap() {
            Map<String, Object> m = Params.ordered();
            m.put("column", column);
            m.put("expression", expression.text());
            m.put("result_type", resultType.name());
            return m;
        }

        @Override
        public Transformed transform(Table table) {
            int n = table.rowCount();
            Expr.Bound b = expression.bind(table, TYPE);
            ColumnType t = columnType(b.type());
            if (t != resultType) {
                throw new SchemaException(TYPE + ": '" + expression.text() + "' gave " + resultType + " at fit time but "
                    + (t == null ? "always null" : t) + " now; the input columns changed type");
            }
            Vec v = b.eval();
            Column<?> out = v.toColumn(column);
            Edit edit = new Edit(table, TYPE);
            StepReport.Builder r = StepReport.builder(TYPE).rows(n, n).params(toMap());
            int idx = Tables.index(table, column);
            if (idx >= 0) {
                Column<?> old = table.column(idx);
                ColumnType oldType = Tables.type(old, TYPE);
                edit.replace(column, out);
                if (oldType != t) {
                    r.columnRetyped(column, oldType.name(), t.name());
                }
                long changed = 0;
                for (int i = 0; i < n; i++) {
                    if (!Values.same(Values.valueAt(old, i), Values.valueAt(out, i))) {
                        changed++;
                    }
                }
                r.cellsChanged(column, changed);
            } else {
                edit.append(out);
                r.columnAdded(column);
            }
            long missing = 0;
            for (int i = 0; i < n; i++) {
                if (v.isMissing(i)) {
                    missing++;
                }
            }
            r.detail("missing", missing);
            return Transformed.of(edit.build(), r.build());
        }
    }

    static final class Type extends BuiltInType<Derive> {
        Type() {
            super(TYPE);
        }

        @Override
        Derive read(Params p) {
            return of(p.string("column"), p.string("expression"));
        }

        @Override
        public FittedStep readFitted(Map<String, Object> json) {
            return Params.read(TYPE, json, p -> new Fitted(p.string("column"), Expr.parse(p.string("expression")),
                p.enumValue("result_type", ColumnType.class)));
        }
    }
}
