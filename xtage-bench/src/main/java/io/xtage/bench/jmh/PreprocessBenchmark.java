package io.xtage.bench.jmh;

import io.xtage.preprocess.step.Impute;
import io.xtage.preprocess.step.OneHot;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import tech.tablesaw.api.BooleanColumn;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.NumericColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * Two preprocessing steps on a 1,000,000-row table ({@code amount} DOUBLE with 5% missing,
 * {@code category} text of 5 levels with 2% missing), each fitted and applied to the same table:
 * <ul>
 *   <li>median imputation of {@code amount}: xtage's {@code Impute.median} vs Tablesaw's
 *       {@code median()} and {@code setMissingTo} on a copy vs copy, sort and pick by hand;</li>
 *   <li>one-hot encoding of {@code category} into 0/1 columns: xtage's {@code OneHot} vs a loop
 *       over the rows with a level-to-index map vs Tablesaw's {@code getDummies()} (boolean
 *       columns, no names or report).</li>
 * </ul>
 * The alternatives return a new table that reuses the untouched columns, the least work possible.
 *
 * <pre>java -jar xtage-bench/target/xtage-bench.jar PreprocessBenchmark</pre>
 *
 * @since 0.1.0
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgs = {"-Xmx2g", "-XX:+UseParallelGC"})
public class PreprocessBenchmark {

    static final int ROWS = 1_000_000;
    private static final String[] CATEGORIES = {"Books", "Clothing", "Electronics", "Furniture", "Toys"};

    private Table table;

    /** @since 0.1.0 */
    @Setup
    public void setUp() {
        SplittableRandom r = new SplittableRandom(11);
        DoubleColumn amount = DoubleColumn.create("amount", ROWS);
        StringColumn category = StringColumn.create("category", ROWS);
        for (int i = 0; i < ROWS; i++) {
            if (r.nextInt(20) != 0) {
                amount.set(i, r.nextLong(1, 100_000) / 100.0);
            }
            if (r.nextInt(50) != 0) {
                category.set(i, CATEGORIES[r.nextInt(CATEGORIES.length)]);
            }
        }
        table = Table.create("t", amount, category);
        double expected = sortPickMedian(table.doubleColumn("amount"));
        double tablesaw = table.doubleColumn("amount").median();
        if (expected != tablesaw) {
            throw new IllegalStateException("medians disagree: " + expected + " vs " + tablesaw);
        }
        // the contenders must compute the same thing
        same(xtageMedianImpute(), sortPickMedianImpute());
        same(xtageOneHot(), loopOneHot());
    }

    private static void same(Table a, Table b) {
        if (!a.columnNames().equals(b.columnNames())) {
            throw new IllegalStateException("columns differ: " + a.columnNames() + " vs " + b.columnNames());
        }
        for (Column<?> c : a.columns()) {
            if (c instanceof NumericColumn) {
                double x = ((NumericColumn<?>) c).sum();
                double y = ((NumericColumn<?>) b.column(c.name())).sum();
                if (Math.abs(x - y) > 1e-9 * Math.abs(y) || c.countMissing() != b.column(c.name()).countMissing()) {
                    throw new IllegalStateException("column " + c.name() + " differs: sum " + x + " vs " + y);
                }
            }
        }
    }

    private Table replacing(String name, Column<?>... replacements) {
        Table out = Table.create(table.name());
        for (Column<?> c : table.columns()) {
            if (c.name().equals(name)) {
                out.addColumns(replacements);
            } else {
                out.addColumns(c);
            }
        }
        return out;
    }

    /** @return the imputed table @since 0.1.0 */
    @Benchmark
    public Table xtageMedianImpute() {
        return Impute.median("amount").fit(table).transform(table).table();
    }

    /** @return the imputed table @since 0.1.0 */
    @Benchmark
    public Table tablesawMedianImpute() {
        DoubleColumn amount = table.doubleColumn("amount");
        double median = amount.median();
        DoubleColumn filled = amount.copy();
        filled.setMissingTo(median);
        return replacing("amount", filled);
    }

    /** @return the imputed table @since 0.1.0 */
    @Benchmark
    public Table sortPickMedianImpute() {
        DoubleColumn amount = table.doubleColumn("amount");
        double median = sortPickMedian(amount);
        double[] v = amount.asDoubleArray();
        for (int i = 0; i < v.length; i++) {
            if (Double.isNaN(v[i])) {
                v[i] = median;
            }
        }
        return replacing("amount", DoubleColumn.create("amount", v));
    }

    private static double sortPickMedian(DoubleColumn c) {
        double[] v = c.removeMissing().asDoubleArray();
        Arrays.sort(v);
        int n = v.length;
        return n % 2 == 1 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
    }

    /** @return the encoded table @since 0.1.0 */
    @Benchmark
    public Table xtageOneHot() {
        return OneHot.of("category").fit(table).transform(table).table();
    }

    /** @return the encoded table @since 0.1.0 */
    @Benchmark
    public Table loopOneHot() {
        StringColumn category = table.stringColumn("category");
        TreeSet<String> levels = new TreeSet<>();
        for (int i = 0; i < category.size(); i++) {
            if (!category.isMissing(i)) {
                levels.add(category.get(i));
            }
        }
        Map<String, Integer> index = new HashMap<>();
        List<String> names = new ArrayList<>(levels);
        int[][] cols = new int[names.size()][category.size()];
        for (int k = 0; k < names.size(); k++) {
            index.put(names.get(k), k);
        }
        for (int i = 0; i < category.size(); i++) {
            Integer k = category.isMissing(i) ? null : index.get(category.get(i));
            if (k != null) {
                cols[k][i] = 1;
            }
        }
        IntColumn[] out = new IntColumn[names.size()];
        for (int k = 0; k < out.length; k++) {
            out[k] = IntColumn.create("category_" + names.get(k).toLowerCase(Locale.ROOT), cols[k]);
        }
        return replacing("category", out);
    }

    /** @return the encoded table @since 0.1.0 */
    @Benchmark
    public Table tablesawGetDummies() {
        List<BooleanColumn> dummies = table.stringColumn("category").getDummies();
        return replacing("category", dummies.toArray(new Column<?>[0]));
    }
}
