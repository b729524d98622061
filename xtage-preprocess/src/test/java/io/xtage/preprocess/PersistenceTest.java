package io.xtage.preprocess;

import static io.xtage.preprocess.TestTables.d;
import static io.xtage.preprocess.TestTables.table;
import static io.xtage.preprocess.TestTables.values;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.xtage.core.XtageException;
import io.xtage.preprocess.step.BuiltInSteps;
import io.xtage.preprocess.step.Impute;
import io.xtage.preprocess.step.Scale;
import io.xtage.preprocess.user.Negate;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.Table;

class PersistenceTest {

    private static Table t() {
        return table(d("x", 1.0, null, 0.1 + 0.2, 1e-300, 123456789.123456789));
    }

    @Test
    void userStep_registeredThroughServiceLoader_roundTrips() {
        DataPreprocessor plan = DataPreprocessor.builder().step(new Negate("x")).step(Impute.median("x")).build();
        String json = plan.toJson();
        assertThat(json).contains("\"type\" : \"acme.negate\"");
        DataPreprocessor back = DataPreprocessor.fromJson(json);
        assertThat(back).isEqualTo(plan);
        FittedPreprocessor fitted = FittedPreprocessor.fromJson(plan.fit(t()).toJson());
        assertThat(values(fitted.transform(t()).table(), "x").get(0)).isEqualTo(-1.0);
    }

    @Test
    void userStep_canBeAddedExplicitly() {
        StepRegistry r = StepRegistry.builtIn().with(new Negate.Type());
        assertThat(r.names()).contains("acme.negate", "impute", "one_hot");
        String json = DataPreprocessor.builder().step(new Negate("x")).build().toJson();
        assertThat(DataPreprocessor.fromJson(json, r).steps()).containsExactly(new Negate("x"));
    }

    @Test
    void builtInRegistry_doesNotKnowUserSteps_andSaysWhichItKnows() {
        String json = DataPreprocessor.builder().step(new Negate("x")).build().toJson();
        assertThatThrownBy(() -> DataPreprocessor.fromJson(json, StepRegistry.builtIn()))
            .isInstanceOf(XtageException.class).hasMessageContaining("unknown step type 'acme.negate'")
            .hasMessageContaining("impute");
    }

    @Test
    void twoTypesWithOneName_areRejected() {
        assertThatThrownBy(() -> StepRegistry.builtIn().with(new Negate.Type()).with(new Negate.Type()))
            .isInstanceOf(IllegalStateException.class).hasMessageContaining("acme.negate");
    }

    @Test
    void everyBuiltInType_isRegistered() {
        assertThat(StepRegistry.builtIn().names()).containsExactlyInAnyOrder("aggregate", "bin", "cast", "derive",
            "drop", "drop_duplicates", "filter", "impute", "normalize_text", "one_hot", "outliers", "rename", "scale",
            "select");
        assertThat(BuiltInSteps.types()).hasSize(14);
    }

    @Test
    void fittedDoubles_areWrittenAtFullPrecision() {
        FittedPreprocessor f = DataPreprocessor.builder().step(Scale.standard("x")).build().fit(t());
        FittedPreprocessor back = FittedPreprocessor.fromJson(f.toJson());
        assertThat(back).isEqualTo(f);
        assertThat(TestTables.render(back.transform(t()).table())).isEqualTo(TestTables.render(f.transform(t()).table()));
    }

    @Test
    void misspeltField_isAnErrorNamingIt() {
        String json = DataPreprocessor.builder().step(Impute.median("x")).build().toJson()
            .replace("\"strategy\"", "\"stratgy\"");
        assertThatThrownBy(() -> DataPreprocessor.fromJson(json)).isInstanceOf(XtageException.class)
            .hasMessageContaining("strategy");
    }

    @Test
    void badEnumValue_listsTheChoices() {
        String json = DataPreprocessor.builder().step(Impute.median("x")).build().toJson()
            .replace("\"MEDIAN\"", "\"MODE\"");
        assertThatThrownBy(() -> DataPreprocessor.fromJson(json)).isInstanceOf(XtageException.class)
            .hasMessageContaining("MOST_FREQUENT");
    }

    @Test
    void planJson_isNotAFittedPreprocessor() {
        String json = DataPreprocessor.builder().step(Impute.median("x")).build().toJson();
        assertThatThrownBy(() -> FittedPreprocessor.fromJson(json)).isInstanceOf(XtageException.class)
            .hasMessageContaining("DataPreprocessor.fromJson");
    }

    @Test
    void invalidJson_isAnXtageException() {
        assertThatThrownBy(() -> DataPreprocessor.fromJson("{\"format\": ")).isInstanceOf(XtageException.class);
    }

    @Test
    void stepMapWithATypeKey_isRejected() {
        Step bad = new Step() {
            @Override
            public String type() {
                return "bad";
            }

            @Override
            public Map<String, Object> toMap() {
                return Map.of("type", "x");
            }

            @Override
            public FittedStep fit(Table table) {
                throw new UnsupportedOperationException();
            }
        };
        assertThatThrownBy(() -> DataPreprocessor.builder().step(bad).build().toJson())
            .isInstanceOf(IllegalStateException.class).hasMessageContaining("'type'");
    }
}
