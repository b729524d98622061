package io.xtage.preprocess.step;

import io.xtage.preprocess.ExpressionException;
import io.xtage.preprocess.FittedStep;
import io.xtage.preprocess.StatelessStep;
import io.xtage.preprocess.StepReport;
import io.xtage.preprocess.Transformed;
import io.xtage.preprocess.internal.Params;
import io.xtage.preprocess.internal.Tables;
import io.xtage.preprocess.internal.expr.Expr;
import io.xtage.preprocess.internal.expr.ExprType;
import io.xtage.preprocess.internal.expr.Vec;
import java.util.Map;
import java.util.Objects;
import tech.tablesaw.api.Table;

/**
 * Removes the rows for which a condition holds ({@link #dropWhere(String)}), or keeps only
 * those ({@link #keepWhere(String)}). The condition is an expression (see
 * docs/preprocessing.md) with SQL's three-valued logic: a comparison with a missing value is
 * neither true nor false, so {@code dropWhere("price < 0")} keeps rows with a missing price and
 * {@code keepWhere("price >= 0")} drops them. The report counts such rows under
 * {@code null_conditions}. Stateless; immutable and thread-safe.
 *
 * <pre>{@code
 * Filter.dropWhere("price < 0 or quantity < 0")
 * Filter.keepWhere("category in ('Books', 'Toys') and age is not null")
 * }</pre>
 *
 * <p>JSON type name: {@code filter}.
 *
 * @since 0.1.0
 */
public final class Filter implements StatelessStep {
    static final String TYPE = "filter";

    private final Expr condition;
    private final boolean drop;

    private Filter(String condition, boolean drop) {
        this.condition = Expr.parse(condition);
        this.drop = drop;
    }

    /**
     * @param condition an expression that is true for the rows to remove
     * @return the step
     * @throws ExpressionException on a syntax error, with its position
     * @since 0.1.0
     */
    public static Filter dropWhere(String condition) {
        return new Filter(condition, true);
    }

    /**
     * @param condition an expression that is true for the rows to keep (false and missing are
     *     removed)
     * @return the step
     * @throws ExpressionException on a syntax error, with its position
     * @since 0.1.0
     */
    public static Filter keepWhere(String condition) {
        return new Filter(condition, false);
    }

    /**
     * @return the condition's text
     * @since 0.1.0
     */
    public String condition() {
        return condition.text();
    }

    /**
     * @return true for {@link #dropWhere(String)}, false for {@link #keepWhere(String)}
     * @since 0.1.0
     */
    public boolean isDrop() {
        return drop;
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public boolean removesRows() {
        return true;
    }

    /**
     * Checks the condition's column names and types against {@code table}.
     *
     * @throws ExpressionException on an unknown column or a type error
     */
    @Override
    public FittedStep fit(Table table) {
        Objects.requireNonNull(table, "table");
        bind(table);
        return this;
    }

    private Expr.Bound bind(Table table) {
        Expr.Bound b = condition.bind(table, TYPE);
        if (b.type() != ExprType.BOOLEAN && b.type() != ExprType.NULL) {
            throw new ExpressionException(condition.text(), 0, "a filter needs a true/false condition but this one "
                + "gives " + b.type());
        }
        return b;
    }

    @Override
    public Map<String, Object> toMap() {
        Map<String, Object> m = Params.ordered();
        m.put(drop ? "drop_where" : "keep_where", condition.text());
        return m;
    }

    @Override
    public Transformed transform(Table table) {
        int n = table.rowCount();
        Expr.Bound b = bind(table);
        Vec v = b.eval();
        int[] keep = new int[n];
        int k = 0;
        long nulls = 0;
        for (int i = 0; i < n; i++) {
            boolean missing = v.isMissing(i);
            if (missing) {
                nulls++;
            }
            boolean t = !missing && v.booleans()[i] == Vec.TRUE;
            if (t != drop) {
                keep[k++] = i;
            }
        }
        Table out = Tables.take(table, java.util.Arrays.copyOf(keep, k));
        StepReport.Builder r = StepReport.builder(TYPE).rows(n, k).params(toMap())
            .detail("null_conditions", nulls);
        if (k < n) {
            r.removalReason(drop ? "matches " + condition.text() : "does not match " + condition.text());
        }
        return Transformed.of(out, r.build());
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Filter && ((Filter) o).condition.equals(condition) && ((Filter) o).drop == drop;
    }

    @Override
    public int hashCode() {
        return Objects.hash(condition, drop);
    }

    @Override
    public String toString() {
        return "Filter" + toMap();
    }

    static final class Type extends BuiltInType.Stateless<Filter> {
        Type() {
            super(TYPE);
        }

        @Override
        Filter read(Params p) {
            String d = p.optString("drop_where");
            String k = p.optString("keep_where");
            // unknown fields are reported before a missing condition
            p.done();
            if ((d == null) == (k == null)) {
                throw p.error("give exactly one of 'drop_where' and 'keep_where'");
            }
            return d != null ? dropWhere(d) : keepWhere(k);
        }
    }
}
