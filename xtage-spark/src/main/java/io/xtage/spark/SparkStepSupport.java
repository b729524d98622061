package io.xtage.spark;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.not;
import static org.apache.spark.sql.functions.when;

import io.xtage.core.schema.ColumnType;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import tech.tablesaw.api.InstantColumn;
import tech.tablesaw.api.Table;

/**
 * What the Spark preprocessor's steps share: the empty Tablesaw table of a Dataset's schema (so
 * that selectors, type checks, expression binding and output layouts are the one-machine
 * engine's own), missing values, and exact order statistics.
 */
final class SparkStepSupport {
    private SparkStepSupport() {
    }

    /**
     * An empty Tablesaw table with the Dataset's column names and types, in order. A Spark type
     * with no xtage counterpart becomes a column of a Tablesaw type xtage does not use (so type
     * selectors skip it and a step that needs it fails naming it).
     */
    static Table schemaTable(StructType schema) {
        List<tech.tablesaw.columns.Column<?>> cols = new ArrayList<>();
        for (StructField f : schema.fields()) {
            tech.tablesaw.columns.Column<?> c = SparkTables.emptyColumn(f.name(), f.dataType());
            cols.add(c != null ? c : InstantColumn.create(f.name()));
        }
        return Table.create("spark", cols);
    }

    /** @return the xtage type of a Spark type, or null */
    static ColumnType xtageType(DataType t) {
        for (ColumnType c : ColumnType.values()) {
            if (SparkSources.sparkType(c).equals(t)) {
                return c;
            }
        }
        return null;
    }

    static Column q(String name) {
        return col(SparkSources.quote(name));
    }

    /**
     * Missing values as the one-machine engine sees them: empty text is missing in Tablesaw, NaN
     * is its missing double. Turning both into null once, before the first step, lets every step
     * test {@code isNull} only.
     */
    static Dataset<Row> canonical(Dataset<Row> d) {
        List<Column> sel = new ArrayList<>();
        boolean changed = false;
        for (StructField f : d.schema().fields()) {
            Column c = q(f.name());
            if (f.dataType().equals(DataTypes.StringType)) {
                sel.add(when(c.notEqual(""), c).as(f.name()));
                changed = true;
            } else if (f.dataType().equals(DataTypes.DoubleType)) {
                sel.add(SparkExpressions.nanToNull(c).as(f.name()));
                changed = true;
            } else {
                sel.add(c);
            }
        }
        return changed ? d.select(sel.toArray(new Column[0])) : d;
    }

    /**
     * Puts the Dataset into the layout the one-machine engine's step gives: its columns, in its
     * order. A column whose Spark type differs from the layout's is a bug of this engine, not of
     * the data, and fails.
     */
    static Dataset<Row> conform(Dataset<Row> d, Table layout, int i, String type) {
        Map<String, DataType> have = new HashMap<>();
        for (StructField f : d.schema().fields()) {
            have.put(f.name(), f.dataType());
        }
        List<Column> sel = new ArrayList<>();
        for (tech.tablesaw.columns.Column<?> c : layout.columns()) {
            DataType want = SparkTables.sparkType(c);
            DataType got = have.get(c.name());
            if (got == null) {
                throw new IllegalStateException("step " + i + " (" + type + "): the Spark engine did not make column '"
                    + c.name() + "'");
            }
            if (!got.equals(want)) {
                throw new IllegalStateException("step " + i + " (" + type + "): the Spark engine made column '"
                    + c.name() + "' " + got.simpleString() + " instead of " + want.simpleString());
            }
            sel.add(q(c.name()));
        }
        return d.select(sel.toArray(new Column[0]));
    }

    /** Appends or replaces columns by name; the layout is set afterwards by {@link #conform}. */
    static Dataset<Row> with(Dataset<Row> d, Map<String, Column> columns) {
        List<Column> sel = new ArrayList<>();
        Set<String> done = new HashSet<>();
        for (String c : d.columns()) {
            Column r = columns.get(c);
            sel.add(r != null ? r.as(c) : q(c));
            done.add(c);
        }
        for (Map.Entry<String, Column> e : columns.entrySet()) {
            if (!done.contains(e.getKey())) {
                sel.add(e.getValue().as(e.getKey()));
            }
        }
        return d.select(sel.toArray(new Column[0]));
    }

    /** A typed literal for a value in its one-machine Java form (Long, Double, String, ...). */
    static Column typedLit(Object v, DataType t) {
        return lit(v).cast(t);
    }

    /** The values present in a numeric column, as doubles, with their count. */
    static final class Sorted {
        final Dataset<Row> values;
        final long n;

        private Sorted(Dataset<Row> values, long n) {
            this.values = values;
            this.n = n;
        }

        /**
         * @param ranks 0-based ranks in sort order, each below {@link #n}
         * @return the value at each rank (as sorting all values would put it), found by one
         *     distributed sort, exactly
         */
        Map<Long, Double> at(Set<Long> ranks) {
            Set<Long> wanted = new HashSet<>(ranks);
            List<scala.Tuple2<Row, Long>> picked = values.orderBy(col("v").asc()).javaRDD().zipWithIndex()
                .filter(t -> wanted.contains(t._2())).collect();
            Map<Long, Double> out = new HashMap<>();
            for (scala.Tuple2<Row, Long> t : picked) {
                out.put(t._2(), t._1().getDouble(0));
            }
            return out;
        }

        /** @return the one-machine engine's quantiles (Stats.quantileOfSorted) of these values */
        double[] quantiles(double... qs) {
            return quantiles(Set.of(), qs);
        }

        /** @return the quantiles of {@code qs}, then the median, from one sort */
        double[] quantilesAndMedian(double... qs) {
            long mlo = (n - 1) / 2;
            long mhi = n / 2;
            Map<Long, Double> v = new HashMap<>();
            double[] q = quantiles(new HashSet<>(List.of(mlo, mhi)), v, qs);
            double[] out = java.util.Arrays.copyOf(q, qs.length + 1);
            out[qs.length] = mlo == mhi ? v.get(mlo) : (v.get(mlo) + v.get(mhi)) / 2.0;
            return out;
        }

        private double[] quantiles(Set<Long> extra, double... qs) {
            return quantiles(extra, new HashMap<>(), qs);
        }

        private double[] quantiles(Set<Long> extra, Map<Long, Double> v, double... qs) {
            Set<Long> ranks = new HashSet<>(extra);
            for (double q : qs) {
                double pos = q * (n - 1);
                long lo = (long) Math.floor(pos);
                ranks.add(lo);
                ranks.add(Math.min(lo + 1, n - 1));
            }
            v.putAll(at(ranks));
            double[] out = new double[qs.length];
            for (int k = 0; k < qs.length; k++) {
                // Stats.quantileOfSorted: linear interpolation, NumPy's lerp
                double pos = qs[k] * (n - 1);
                long lo = (long) Math.floor(pos);
                long hi = Math.min(lo + 1, n - 1);
                double t = pos - lo;
                double a = v.get(lo);
                double b = v.get(hi);
                double diff = b - a;
                out[k] = t >= 0.5 ? b - diff * (1 - t) : a + diff * t;
            }
            return out;
        }

        /** @return the median: the middle value, or the mean of the two middle values */
        double median() {
            long lo = (n - 1) / 2;
            long hi = n / 2;
            Map<Long, Double> v = at(new HashSet<>(List.of(lo, hi)));
            return lo == hi ? v.get(lo) : (v.get(lo) + v.get(hi)) / 2.0;
        }
    }

    /** @return the present (non-null, non-NaN) values of a numeric column, as doubles */
    static Sorted sorted(Dataset<Row> d, String column) {
        Dataset<Row> v = d.select(q(column).cast(DataTypes.DoubleType).as("v"))
            .where(col("v").isNotNull().and(not(col("v").isNaN())));
        return new Sorted(v, v.count());
    }
}
