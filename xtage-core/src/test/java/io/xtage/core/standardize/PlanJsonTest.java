package io.xtage.core.standardize;

import static io.xtage.core.standardize.Tables.doubles;
import static io.xtage.core.standardize.Tables.longs;
import static io.xtage.core.standardize.Tables.rows;
import static io.xtage.core.standardize.Tables.strings;
import static io.xtage.core.standardize.Tables.table;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.xtage.core.SchemaException;
import io.xtage.core.XtageException;
import io.xtage.core.coerce.DateOrder;
import io.xtage.core.coerce.DatePatterns;
import io.xtage.core.report.Json;
import io.xtage.core.schema.ColumnType;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.Table;

/** A plan is written to JSON and read back unchanged; a malformed plan names the path of the problem. */
class PlanJsonTest {
    /** A plan that sets every field to something other than its default. */
    static StandardizationPlan everything() {
        return Standardizer.from("sales").snakeCase().rename("Amount", "price")
                .cast("id", ColumnType.LONG).cast("flag", ColumnType.BOOLEAN)
                .dates("day", DatePatterns.of("yyyy-MM-dd", "dd/MM/yyyy"))
                .dates("joined", DateOrder.DAY_FIRST)
                .dates("at", DateSpec.inferred(DateOrder.MONTH_FIRST).asDateTime())
                .where(RowFilter.gt("price", 0.5), RowFilter.ne("id", 7), RowFilter.eq("flag", true),
                    RowFilter.ge("day", LocalDate.parse("2022-01-01")), RowFilter.isNull("note"))
                .keep("id", "price", "day").alias("price", "sale_price")
            .innerJoin("products").onPair("id", "product_id").onPair("day", "valid_from")
                .expect(Cardinality.ONE_TO_ONE).onCollision(CollisionPolicy.FAIL).rejectUnmatched()
            .fullJoin("others").on("id").expect(Cardinality.MANY_TO_MANY)
            .leftJoin("tags").on("id").onDuplicateKeys(DuplicatePolicy.KEEP_LAST)
            .asOfJoin("rates").onPair("day", "date").byPair("cur", "currency").tolerance(3.5)
                .onDuplicateKeys(DuplicatePolicy.aggregate(Map.of("rate", Aggregate.MEAN)))
            .build();
    }

    @Test
    void planReadBackFromItsJsonEqualsThePlan() {
        StandardizationPlan plan = everything();
        StandardizationPlan back = StandardizationPlan.fromJson(plan.toJson());
        assertThat(back).isEqualTo(plan).hasSameHashCodeAs(plan);
        assertThat(back.toJson()).isEqualTo(plan.toJson());
    }

    @Test
    void jsonUsesTheDocumentedSpellings() {
        Map<String, Object> m = Json.readMap(everything().toJson());
        assertThat(m).containsEntry("format", "xtage.standardization").containsEntry("version", 1);
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> joins = (List<Map<String, Object>>) m.get("joins");
        assertThat(joins).extracting(j -> j.get("type")).containsExactly("inner", "full", "left", "asof");
        assertThat(joins.get(0)).containsEntry("left_keys", List.of("id", "day"))
            .containsEntry("right_keys", List.of("product_id", "valid_from"))
            .containsEntry("cardinality", "one_to_one").containsEntry("on_collision", "fail")
            .containsEntry("reject_unmatched", true);
        assertThat(joins.get(2)).containsEntry("duplicates", Map.of("policy", "keep_last"));
        assertThat(joins.get(3)).containsEntry("by_left", List.of("cur")).containsEntry("by_right", List.of("currency"))
            .containsEntry("tolerance", 3.5)
            .containsEntry("duplicates", Map.of("policy", "aggregate", "functions", Map.of("rate", "mean")));
        @SuppressWarnings("unchecked")
        Map<String, Object> fact = (Map<String, Object>) m.get("fact");
        assertThat(fact).containsEntry("naming", "snake_case").containsEntry("rename", Map.of("Amount", "price"))
            .containsEntry("casts", Map.of("id", "LONG", "flag", "BOOLEAN"))
            .containsEntry("keep", List.of("id", "price", "day")).containsEntry("aliases", Map.of("price", "sale_price"));
        assertThat(fact.get("dates")).isEqualTo(Map.of(
            "day", Map.of("type", "LOCAL_DATE", "patterns", List.of("yyyy-MM-dd", "dd/MM/yyyy")),
            "joined", Map.of("type", "LOCAL_DATE", "infer", "day_first"),
            "at", Map.of("type", "LOCAL_DATE_TIME", "infer", "month_first")));
        assertThat(fact.get("filters")).isEqualTo(List.of(
            Map.of("column", "price", "op", "gt", "value", 0.5),
            Map.of("column", "id", "op", "ne", "value", 7),
            Map.of("column", "flag", "op", "eq", "value", true),
            Map.of("column", "day", "op", "ge", "value", "2022-01-01"),
            Map.of("column", "note", "op", "is_null")));
    }

    @Test
    void handWrittenPlanMayLeaveOutDefaults() {
        String json = "{\"format\": \"xtage.standardization\", \"version\": 1,\n"
            + " \"fact\": {\"name\": \"sales\"},\n"
            + " \"joins\": [{\"type\": \"left\", \"input\": {\"name\": \"products\", \"keep\": [\"name\"]},\n"
            + "             \"left_keys\": [\"product_id\"], \"right_keys\": [\"id\"]}]}";
        StandardizationPlan plan = StandardizationPlan.fromJson(json);
        assertThat(plan).isEqualTo(Standardizer.from("sales").leftJoin("products").onPair("product_id", "id")
            .keep("name").build());
        JoinSpec j = plan.joins().get(0);
        assertThat(j.cardinality()).isEqualTo(Cardinality.MANY_TO_ONE);
        assertThat(j.duplicates()).isEqualTo(DuplicatePolicy.FAIL);
        assertThat(j.collisions()).isEqualTo(CollisionPolicy.PREFIX);

        Table sales = table("sales", longs("product_id", 1L, 2L));
        Table products = table("products", longs("id", 1L), strings("name", "a"), doubles("price", 1.0));
        assertThat(rows(plan.run(Map.of("sales", sales, "products", products)).table()))
            .containsExactly(Tables.row(1L, "a"), Tables.row(2L, null));
    }

    @Test
    void unknownFieldIsNamedWithItsPath() {
        String json = everything().toJson().replace("\"keep\" : [ \"id\"", "\"kept\" : [ \"id\"");
        assertThatThrownBy(() -> StandardizationPlan.fromJson(json))
            .isInstanceOf(SchemaException.class)
            .hasMessageContaining("plan.fact: unknown field(s) [kept]");
    }

    @Test
    void badEnumValueIsNamedWithItsPath() {
        String json = everything().toJson().replace("\"type\" : \"full\"", "\"type\" : \"outer\"");
        assertThatThrownBy(() -> StandardizationPlan.fromJson(json))
            .isInstanceOf(SchemaException.class)
            .hasMessageContaining("plan.joins[1].type: expected one of [left, inner, full, asof], was 'outer'");
    }

    @Test
    void badTypeNameIsNamedWithItsPath() {
        String json = everything().toJson().replace("\"id\" : \"LONG\"", "\"id\" : \"BIGINT\"");
        assertThatThrownBy(() -> StandardizationPlan.fromJson(json))
            .isInstanceOf(SchemaException.class)
            .hasMessageContaining("plan.fact.casts.id")
            .hasMessageContaining("'BIGINT'");
    }

    @Test
    void contradictorySettingsAreRejectedWithThePath() {
        String json = everything().toJson().replaceFirst("\"cardinality\" : \"many_to_one\",\n(\\s+)\"duplicates\" : "
            + "\\{\n(\\s+)\"policy\" : \"keep_last\"", "\"cardinality\" : \"many_to_many\",\n$1\"duplicates\" : {\n"
            + "$2\"policy\" : \"keep_last\"");
        assertThat(json).contains("many_to_many\",\n    \"duplicates\" : {\n      \"policy\" : \"keep_last\"");
        assertThatThrownBy(() -> StandardizationPlan.fromJson(json))
            .isInstanceOf(SchemaException.class)
            .hasMessageContaining("plan.joins[2]")
            .hasMessageContaining("KEEP_LAST");
    }

    @Test
    void otherVersionsAndFormatsAreRefused() {
        String json = everything().toJson();
        assertThatThrownBy(() -> StandardizationPlan.fromJson(json.replace("\"version\" : 1", "\"version\" : 2")))
            .isInstanceOf(SchemaException.class).hasMessageContaining("plan.version");
        assertThatThrownBy(() -> StandardizationPlan.fromJson(json.replace("xtage.standardization", "other")))
            .isInstanceOf(SchemaException.class).hasMessageContaining("plan.format");
    }

    @Test
    void textThatIsNotJsonIsAnXtageException() {
        assertThatThrownBy(() -> StandardizationPlan.fromJson("{\"format\": "))
            .isInstanceOf(XtageException.class);
    }

    @Test
    void missingRequiredFieldIsNamed() {
        assertThatThrownBy(() -> StandardizationPlan.fromJson("{\"format\": \"xtage.standardization\", \"version\": 1}"))
            .isInstanceOf(SchemaException.class).hasMessageContaining("plan.fact: is required");
    }

    @Test
    void filterValueMustSuitItsOperator() {
        String json = "{\"format\": \"xtage.standardization\", \"version\": 1, \"fact\": {\"name\": \"s\", "
            + "\"filters\": [{\"column\": \"x\", \"op\": \"gt\"}]}}";
        assertThatThrownBy(() -> StandardizationPlan.fromJson(json))
            .isInstanceOf(SchemaException.class).hasMessageContaining("plan.fact.filters[0].value");
    }
}
