package io.xtage.preprocess.user;

import io.xtage.preprocess.FittedStep;
import io.xtage.preprocess.StatelessStep;
import io.xtage.preprocess.Step;
import io.xtage.preprocess.StepReport;
import io.xtage.preprocess.StepType;
import io.xtage.preprocess.Transformed;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/** A user step, written as a user of the SPI would: negates one DOUBLE column. */
public final class Negate implements StatelessStep {
    private final String column;

    public Negate(String column) {
        this.column = column;
    }

    @Override
    public String type() {
        return "acme.negate";
    }

    @Override
    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("column", column);
        return m;
    }

    @Override
    public Transformed transform(Table table) {
        List<Column<?>> cols = new ArrayList<>();
        long changed = 0;
        for (Column<?> c : table.columns()) {
            if (c.name().equals(column)) {
                DoubleColumn d = (DoubleColumn) c;
                double[] v = new double[d.size()];
                for (int i = 0; i < v.length; i++) {
                    v[i] = -d.getDouble(i);
                    if (v[i] != d.getDouble(i) && !Double.isNaN(v[i])) {
                        changed++;
                    }
                }
                cols.add(DoubleColumn.create(column, v));
            } else {
                cols.add(c);
            }
        }
        return Transformed.of(Table.create(table.name(), cols),
            StepReport.builder(type()).rows(table.rowCount(), table.rowCount()).cellsChanged(column, changed).build());
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Negate && ((Negate) o).column.equals(column);
    }

    @Override
    public int hashCode() {
        return column.hashCode();
    }

    /** Its JSON type, found through META-INF/services. */
    public static final class Type implements StepType {
        @Override
        public String name() {
            return "acme.negate";
        }

        @Override
        public Step readStep(Map<String, Object> json) {
            return new Negate((String) json.get("column"));
        }

        @Override
        public FittedStep readFitted(Map<String, Object> json) {
            return new Negate((String) json.get("column"));
        }
    }
}
