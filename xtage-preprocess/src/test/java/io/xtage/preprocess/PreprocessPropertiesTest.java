package io.xtage.preprocess;

import static io.xtage.preprocess.TestTables.render;
import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.arbitrary;
import static org.quicktheories.generators.SourceDSL.doubles;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import io.xtage.preprocess.internal.Tables;
import io.xtage.preprocess.step.Derive;
import io.xtage.preprocess.step.DropDuplicates;
import io.xtage.preprocess.step.Filter;
import io.xtage.preprocess.step.Impute;
import io.xtage.preprocess.step.NormalizeText;
import io.xtage.preprocess.step.OneHot;
import io.xtage.preprocess.step.Outliers;
import io.xtage.preprocess.step.Scale;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/** The invariants of the preprocessor, over generated tables (QuickTheories, shrinking, reproducible seed). */
class PreprocessPropertiesTest {

    /** One generated row: x (small domain, so duplicates happen), q, cat; empty for missing. */
    record Row(Optional<Double> x, Optional<Long> q, Optional<String> cat) {
    }

    private static Gen<Row> rows() {
        Gen<Optional<Double>> x = integers().between(-20, 40).map(i -> i / 4.0).toOptionals(20);
        Gen<Optional<Long>> q = integers().between(-3, 9).map(Integer::longValue).toOptionals(15);
        Gen<Optional<String>> cat = arbitrary().pick("a", "b", "B", "c ", "Unknown").toOptionals(20);
        return x.zip(q, cat, Row::new);
    }

    private static Gen<List<Row>> tables(int min, int max) {
        return lists().of(rows()).ofSizeBetween(min, max);
    }

    static Table table(List<Row> rows) {
        double[] x = new double[rows.size()];
        long[] q = new long[rows.size()];
        StringColumn cat = StringColumn.create("cat");
        for (int i = 0; i < rows.size(); i++) {
            Row r = rows.get(i);
            x[i] = r.x().orElse(Double.NaN);
            q[i] = r.q().orElse(Long.MIN_VALUE);
            cat.append(r.cat().orElse(""));
        }
        return Table.create("t", DoubleColumn.create("x", x), LongColumn.create("q", q), cat);
    }

    private static List<Row> concat(List<Row> a, List<Row> b) {
        List<Row> out = new ArrayList<>(a);
        out.addAll(b);
        return out;
    }

    /** A chain of per-row steps after fitting: each output row depends only on its input row. */
    static DataPreprocessor rowWisePlan() {
        return DataPreprocessor.builder()
            .step(NormalizeText.of("cat").trim().missingTokens("Unknown").lowerCase())
            .step(Impute.median("x").ifAllMissing(0.0).indicator())
            .step(Impute.mostFrequent("cat").ifAllMissing("a"))
            .step(OneHot.of("cat").unseen(UnseenPolicy.MAP_TO_OTHER).keepSource())
            .step(Derive.of("y", "x * 2 + coalesce(q, 0)"))
            .step(Scale.standard("x").into("x_z"))
            .step(Filter.dropWhere("q < 0"))
            .build();
    }

    private static Table lastRows(Table t, int k) {
        int[] rows = new int[k];
        for (int i = 0; i < k; i++) {
            rows[i] = t.rowCount() - k + i;
        }
        return Tables.take(t, rows);
    }

    @Test
    void transformNeverRefits_outputOnBIsTheSameWhetherOrNotBWasPartOfTheFitData() {
        qt().forAll(tables(1, 25), tables(0, 10)).checkAssert((a, b) -> {
            Table tb = table(b);
            Table tab = table(concat(a, b));

            // fitted on A, which does not contain B
            FittedPreprocessor onA = rowWisePlan().fit(table(a));
            Table alone = onA.transform(tb).table();
            Table within = onA.transform(tab).table();
            assertThat(render(lastRows(within, alone.rowCount()))).isEqualTo(render(alone));

            // fitted on A + B, which contains B: transforming B alone gives B's rows of the fit data's output
            FittedPreprocessor onAb = rowWisePlan().fit(tab);
            Table bAlone = onAb.transform(tb).table();
            Table fitOutput = onAb.transform(tab).table();
            assertThat(render(lastRows(fitOutput, bAlone.rowCount()))).isEqualTo(render(bAlone));

            // and transforming other data in between changes nothing
            onA.transform(tab);
            assertThat(render(onA.transform(tb).table())).isEqualTo(render(alone));
        });
    }

    @Test
    void dropDuplicatesTwice_equalsDropDuplicatesOnce() {
        qt().forAll(tables(0, 40)).checkAssert(rows -> {
            Table t = table(rows);
            for (DropDuplicates d : List.of(DropDuplicates.allColumns(), DropDuplicates.on("cat", "q"),
                DropDuplicates.on("x").keepLast())) {
                Table once = d.transform(t).table();
                Table twice = d.transform(once).table();
                assertThat(render(twice)).isEqualTo(render(once));
            }
        });
    }

    @Test
    void imputation_leavesNoMissingValue_whenTheFitDataHadOne() {
        qt().forAll(tables(1, 30), tables(0, 15))
            .assuming((a, b) -> a.stream().anyMatch(r -> r.x().isPresent()) && a.stream().anyMatch(r -> r.q().isPresent())
                && a.stream().anyMatch(r -> r.cat().isPresent()))
            .checkAssert((a, b) -> {
                for (Step s : List.of(Impute.median("x", "q"), Impute.mean("x", "q"), Impute.mostFrequent("x", "q", "cat"))) {
                    FittedStep f = s.fit(table(a));
                    for (Table t : List.of(table(a), table(b))) {
                        Table out = f.transform(t).table();
                        for (String c : Impute.class.cast(s).columns().resolve(out)) {
                            assertThat(Tables.countMissing(out.column(c))).as(c).isZero();
                        }
                    }
                }
            });
    }

    @Test
    void standardScaling_givesTheFitDataMeanZeroAndStdOne() {
        Gen<List<Double>> values = lists().of(doubles().between(-1e6, 1e6)).ofSizeBetween(2, 60);
        qt().forAll(values).assuming(v -> v.stream().distinct().count() > 1).checkAssert(v -> {
            Table t = Table.create("t", DoubleColumn.create("x", v.stream().mapToDouble(Double::doubleValue).toArray()));
            Table out = Scale.standard("x").fit(t).transform(t).table();
            double[] z = Tables.doubles(out.column("x"));
            double mean = 0;
            for (double d : z) {
                mean += d;
            }
            mean /= z.length;
            double var = 0;
            for (double d : z) {
                var += (d - mean) * (d - mean);
            }
            double std = Math.sqrt(var / z.length);
            assertThat(Math.abs(mean)).isLessThanOrEqualTo(1e-9);
            assertThat(Math.abs(std - 1)).isLessThanOrEqualTo(1e-9);
        });
    }

    @Test
    void jsonRoundTripOfAFittedPreprocessor_givesIdenticalOutput() {
        qt().forAll(tables(1, 25), tables(0, 15)).checkAssert((a, b) -> {
            List<Step> steps = new ArrayList<>(rowWisePlan().steps());
            // quantiles fitted before the filter, which may remove every row
            steps.add(steps.size() - 1, Outliers.clipQuantiles(0.1, 0.9, "y"));
            steps.add(DropDuplicates.allColumns());
            DataPreprocessor plan = DataPreprocessor.builder().steps(steps).build();
            FittedPreprocessor fitted = plan.fit(table(a));
            String json = fitted.toJson();
            FittedPreprocessor back = FittedPreprocessor.fromJson(json);
            assertThat(back.toJson()).isEqualTo(json);
            assertThat(render(back.transform(table(b)).table())).isEqualTo(render(fitted.transform(table(b)).table()));
            assertThat(render(back.transform(table(a)).table())).isEqualTo(render(fitted.transform(table(a)).table()));
        });
    }

    @Test
    void rowAccounting_rowsOutPlusRowsEachStepRemovedEqualsRowsIn() {
        DataPreprocessor plan = DataPreprocessor.builder()
            .step(DropDuplicates.allColumns())
            .step(Impute.median("x").ifAllMissing(0.0))
            .step(Outliers.removeIqr(0.5, "x"))
            .step(Filter.dropWhere("q < 0 or cat = 'B'"))
            .step(DropDuplicates.on("cat"))
            .build();
        qt().forAll(tables(1, 40)).checkAssert(rows -> {
            Table t = table(rows);
            PreprocessResult r = plan.fitTransform(t);
            PreprocessReport rep = r.report();
            assertThat(rep.rowsIn()).isEqualTo(t.rowCount());
            assertThat(rep.rowsOut()).isEqualTo(r.table().rowCount());
            assertThat(rep.rowsOut() + rep.rowsRemoved()).isEqualTo(rep.rowsIn());
            long rowsIn = t.rowCount();
            for (StepReport s : rep.steps()) {
                assertThat(s.rowsIn()).isEqualTo(rowsIn);
                assertThat(s.rowsOut() + s.rowsRemoved()).isEqualTo(s.rowsIn());
                rowsIn = s.rowsOut();
            }
            assertThat(rowsIn).isEqualTo(r.table().rowCount());
        });
    }
}
