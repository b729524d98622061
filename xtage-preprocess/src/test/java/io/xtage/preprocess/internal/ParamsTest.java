package io.xtage.preprocess.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.doubles;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import io.xtage.core.XtageException;
import io.xtage.core.report.Json;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

class ParamsTest {

    /** What a step might learn per column. */
    record Learned(String column, double center, double scale) {
        Map<String, Object> toMap() {
            Map<String, Object> m = Params.ordered();
            m.put("center", Params.num(center));
            m.put("scale", Params.num(scale));
            return m;
        }

        static Learned read(String column, Params f) {
            return new Learned(column, f.dbl("center"), f.dbl("scale"));
        }
    }

    private static Gen<Double> anyDouble() {
        return doubles().any().mix(integers().between(0, 3).map(i -> new double[] {Double.NaN,
            Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, -0.0}[i]), 20);
    }

    private static Gen<List<Learned>> learned() {
        return lists().of(anyDouble().zip(anyDouble(), (a, b) -> new double[] {a, b})).ofSizeBetween(0, 8).map(l -> {
            List<Learned> out = new ArrayList<>();
            // names in an order that is neither sorted nor hash order, so the test sees order kept
            for (int i = 0; i < l.size(); i++) {
                out.add(new Learned("c" + ((i * 7) % 11), l.get(i)[0], l.get(i)[1]));
            }
            return out;
        });
    }

    private static Map<String, Object> write(List<Learned> cols) {
        Map<String, Object> fitted = Params.ordered();
        cols.forEach(c -> fitted.put(c.column(), c.toMap()));
        Map<String, Object> step = Params.ordered();
        step.put("method", "X");
        step.put("fitted", fitted);
        return step;
    }

    private static List<Learned> read(Map<String, Object> json) {
        return Params.read("s", json, p -> {
            p.string("method");
            return p.perColumn(p.map("fitted"), Learned::read);
        });
    }

    @Test
    void perColumn_readsBackWhatWasWritten_inOrder_throughJsonText() {
        qt().forAll(learned()).checkAssert(cols -> {
            List<Learned> back = read(Json.readMap(Json.write(write(cols))));
            assertThat(back).hasSameSizeAs(cols);
            for (int i = 0; i < cols.size(); i++) {
                assertThat(back.get(i).column()).isEqualTo(cols.get(i).column());
                // bit for bit: NaN, the infinities and -0.0 included
                assertThat(Double.doubleToRawLongBits(back.get(i).center()))
                    .isEqualTo(Double.doubleToRawLongBits(cols.get(i).center()));
                assertThat(Double.doubleToRawLongBits(back.get(i).scale()))
                    .isEqualTo(Double.doubleToRawLongBits(cols.get(i).scale()));
            }
        });
    }

    @Test
    void perColumn_anUnknownFieldOfAColumn_isAnErrorNamingIt() {
        Map<String, Object> json = write(List.of(new Learned("a", 1, 2)));
        @SuppressWarnings("unchecked")
        Map<String, Object> a = (Map<String, Object>) ((Map<String, Object>) json.get("fitted")).get("a");
        a.put("sacle", 3);
        assertThatThrownBy(() -> read(json)).isInstanceOf(XtageException.class)
            .hasMessageContaining("step 's' in JSON").hasMessageContaining("sacle");
    }

    @Test
    void perColumn_aColumnThatIsNotAnObject_isAnErrorNamingTheColumn() {
        Map<String, Object> json = write(List.of());
        Map<String, Object> fitted = Params.ordered();
        fitted.put("a", 1.5);
        json.put("fitted", fitted);
        assertThatThrownBy(() -> read(json)).isInstanceOf(XtageException.class)
            .hasMessageContaining("fitted column 'a' must be an object");
    }

    @Test
    void read_anUnusedFieldOfTheStep_isAnError() {
        Map<String, Object> json = write(List.of());
        json.put("extra", true);
        assertThatThrownBy(() -> read(json)).isInstanceOf(XtageException.class).hasMessageContaining("extra");
    }

    @Test
    void valid_turnsAFactorysCheckIntoAnErrorNamingTheStep() {
        Params p = Params.of("scale", Map.of());
        assertThatThrownBy(() -> p.valid(() -> {
            throw new IllegalStateException("Scale: both into and suffix");
        })).isInstanceOf(XtageException.class).hasMessage("step 'scale' in JSON: Scale: both into and suffix");
        assertThat(p.valid(() -> 42)).isEqualTo(42);
    }

    @Test
    void optStrings_absentOrNull_isNull_andCountsAsUsed() {
        Map<String, Object> m = Params.ordered();
        m.put("labels", null);
        Params p = Params.of("bin", m);
        assertThat(p.optStrings("labels")).isNull();
        assertThat(p.optStrings("other")).isNull();
        p.done();
        assertThat(Params.of("bin", Map.of("labels", List.of("a", "b"))).optStrings("labels")).containsExactly("a", "b");
    }
}
