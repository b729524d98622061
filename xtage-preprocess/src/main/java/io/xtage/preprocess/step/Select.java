package io.xtage.preprocess.step;

import io.xtage.preprocess.ColumnSelector;
import io.xtage.preprocess.FittedStep;
import io.xtage.preprocess.Step;
import io.xtage.preprocess.StepReport;
import io.xtage.preprocess.Transformed;
import io.xtage.preprocess.internal.Params;
import io.xtage.preprocess.internal.Tables;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * Keeps only some columns ({@link #of(String...)}), in the order named, or removes some
 * ({@link #drop(String...)}). A selector is resolved at fit time, so a later transform keeps or
 * removes exactly the columns chosen then. Immutable and thread-safe.
 *
 * <pre>{@code
 * Select.of("transaction_id", "price", "quantity")
 * Select.of(ColumnSelector.numeric())
 * Select.drop("customer_name")
 * Select.drop(ColumnSelector.pattern(".*_imputed"))
 * }</pre>
 *
 * <p>JSON type names: {@code select} and {@code drop}.
 *
 * @since 0.1.0
 */
public final class Select implements Step {
    static final String SELECT = "select";
    static final String DROP = "drop";

    private final ColumnSelector columns;
    private final boolean drop;

    private Select(ColumnSelector columns, boolean drop) {
        this.columns = Objects.requireNonNull(columns, "columns");
        this.drop = drop;
    }

    /**
     * @param columns the columns to keep, in this order
     * @return the step
     * @since 0.1.0
     */
    public static Select of(String... columns) {
        return of(ColumnSelector.names(Support.names("Select.of", columns)));
    }

    /**
     * @param columns the columns to keep
     * @return the step
     * @since 0.1.0
     */
    public static Select of(ColumnSelector columns) {
        return new Select(columns, false);
    }

    /**
     * @param columns the columns to remove
     * @return the step
     * @since 0.1.0
     */
    public static Select drop(String... columns) {
        return drop(ColumnSelector.names(Support.names("Select.drop", columns)));
    }

    /**
     * @param columns the columns to remove
     * @return the step
     * @since 0.1.0
     */
    public static Select drop(ColumnSelector columns) {
        return new Select(columns, true);
    }

    @Override
    public String type() {
        return drop ? DROP : SELECT;
    }

    @Override
    public Map<String, Object> toMap() {
        Map<String, Object> m = Params.ordered();
        m.put("columns", columns.toJson());
        return m;
    }

    @Override
    public FittedStep fit(Table table) {
        return new Fitted(columns.resolve(table), drop);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Select && ((Select) o).columns.equals(columns) && ((Select) o).drop == drop;
    }

    @Override
    public int hashCode() {
        return Objects.hash(columns, drop);
    }

    @Override
    public String toString() {
        return (drop ? "Drop" : "Select") + columns;
    }

    /** Select or drop with its columns resolved. */
    static final class Fitted implements FittedStep {
        private final List<String> columns;
        private final boolean drop;

        Fitted(List<String> columns, boolean drop) {
            this.columns = List.copyOf(columns);
            this.drop = drop;
        }

        @Override
        public String type() {
            return drop ? DROP : SELECT;
        }

        @Override
        public Map<String, Object> toMap() {
            Map<String, Object> m = Params.ordered();
            m.put("columns", columns);
            return m;
        }

        @Override
        public Transformed transform(Table table) {
            int n = table.rowCount();
            String step = type();
            StepReport.Builder r = StepReport.builder(step).rows(n, n).param("columns", columns);
            List<Column<?>> out = new ArrayList<>();
            if (drop) {
                Set<String> gone = new HashSet<>(columns);
                for (String c : columns) {
                    Tables.column(table, c, step);
                }
                for (Column<?> c : table.columns()) {
                    if (gone.contains(c.name())) {
                        r.columnRemoved(c.name());
                    } else {
                        out.add(c);
                    }
                }
            } else {
                Set<String> kept = new HashSet<>(columns);
                for (String c : columns) {
                    out.add(Tables.column(table, c, step));
                }
                for (Column<?> c : table.columns()) {
                    if (!kept.contains(c.name())) {
                        r.columnRemoved(c.name());
                    }
                }
            }
            return Transformed.of(Tables.create(table.name(), out), r.build());
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Fitted && ((Fitted) o).columns.equals(columns) && ((Fitted) o).drop == drop;
        }

        @Override
        public int hashCode() {
            return Objects.hash(columns, drop);
        }

        @Override
        public String toString() {
            return type() + ".Fitted" + columns;
        }
    }

    static final class Type extends BuiltInType<Select> {
        private final boolean drop;

        Type(boolean drop) {
            super(drop ? DROP : SELECT);
            this.drop = drop;
        }

        @Override
        Select read(Params p) {
            return new Select(p.selector("columns"), drop);
        }

        @Override
        public FittedStep readFitted(Map<String, Object> json) {
            return Params.read(name(), json, p -> new Fitted(p.strings("columns"), drop));
        }
    }
}
