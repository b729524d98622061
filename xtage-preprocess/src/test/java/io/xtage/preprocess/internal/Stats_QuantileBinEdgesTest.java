package io.xtage.preprocess.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import io.xtage.preprocess.PreprocessException;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The quantile bin edges both engines fit. */
class Stats_QuantileBinEdgesTest {

    @Test
    void edgesAreStrictlyAscendingQuantilesWithAtLeastOneBin() {
        qt().withExamples(300).forAll(lists().of(integers().between(-5, 5)).ofSizeBetween(1, 60),
            integers().between(1, 8)).checkAssert((values, q) -> {
                double[] s = values.stream().mapToDouble(Integer::doubleValue).sorted().toArray();
                double[] at = new double[q + 1];
                for (int k = 0; k <= q; k++) {
                    at[k] = Stats.quantileOfSorted(s, (double) k / q);
                }
                List<Double> edges = Stats.quantileBinEdges(at, q, 0, "bin", "x");
                assertThat(edges.size()).isBetween(2, q + 1);
                assertThat(edges.get(0)).isEqualTo(s[0]);
                assertThat(edges.get(edges.size() - 1)).isEqualTo(s[s.length - 1]);
                for (int i = 1; i < edges.size() - 1; i++) {
                    assertThat(edges.get(i)).isGreaterThan(edges.get(i - 1));
                }
            });
    }

    @Test
    void allEqualValuesMakeOneBinOfTheValue() {
        assertThat(Stats.quantileBinEdges(new double[] {3, 3, 3}, 2, 0, "bin", "x")).containsExactly(3.0, 3.0);
    }

    @Test
    void labelsThatNoLongerFitFailNamingTheStepAndColumn() {
        assertThatThrownBy(() -> Stats.quantileBinEdges(new double[] {1, 1, 2}, 2, 2, "bin", "price"))
            .isInstanceOf(PreprocessException.class)
            .hasMessageContaining("price")
            .hasMessageContaining("only 1 distinct quantile bins of the 2 asked for");
    }
}
