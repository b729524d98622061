package io.xtage.core.standardize;

import io.xtage.core.report.Json;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import tech.tablesaw.api.Table;

/**
 * A whole standardization as data: the fact input, and the joins that add each other input,
 * in order, with every input's transforms. It holds no tables and no code, so it can be written
 * to JSON, read back, and run by another engine.
 *
 * <p>Tables are bound by input name when the plan runs. The plan read back from its JSON equals
 * the plan written, and gives the same result on the same tables. Immutable and thread-safe.
 *
 * <pre>{@code
 * StandardizationPlan plan = Standardizer.from("sales").snakeCase()
 *     .leftJoin("products").snakeCase().on("product_id")
 *     .build();
 * String json = plan.toJson();
 * StandardizeResult r = StandardizationPlan.fromJson(json)
 *     .run(Map.of("sales", sales, "products", products));
 * }</pre>
 *
 * @since 0.1.0
 */
public final class StandardizationPlan {
    private final InputSpec fact;
    private final List<JoinSpec> joins;

    StandardizationPlan(InputSpec fact, List<JoinSpec> joins) {
        this.fact = Objects.requireNonNull(fact, "fact");
        this.joins = List.copyOf(joins);
        Set<String> seen = new HashSet<>();
        for (String n : inputNames()) {
            if (!seen.add(n)) {
                throw new IllegalArgumentException("input name '" + n + "' is used twice; give each input its own name "
                    + "(the same table may be bound to two names)");
            }
        }
    }

    /**
     * @return the fact input: its rows are the rows of the result (before joins multiply or drop them)
     * @since 0.1.0
     */
    public InputSpec fact() {
        return fact;
    }

    /**
     * @return the joins, in the order they run
     * @since 0.1.0
     */
    public List<JoinSpec> joins() {
        return joins;
    }

    /**
     * @return every input's name, the fact's first, then in join order
     * @since 0.1.0
     */
    public List<String> inputNames() {
        List<String> out = new ArrayList<>();
        out.add(fact.name());
        for (JoinSpec j : joins) {
            out.add(j.input().name());
        }
        return out;
    }

    /**
     * The columns the plan reads from one input, to read no more than that (a projection, as a
     * SQL engine pushes one into its scans): the kept columns, the join keys, and the columns the
     * input's casts, dates and filters name, given by the names the input's table has before the
     * plan's explicit renames (after snake_case when the input is named in snake_case). Running
     * the plan on tables that hold just these columns gives the same table and join reports as
     * on the whole tables; only the rejects of the columns left out are not reported.
     *
     * @param input an input name of this plan
     * @return the columns, in a stable order; empty when the input keeps every column
     * @throws IllegalArgumentException if the plan has no such input
     * @since 0.1.0
     */
    public Optional<List<String>> columnsRead(String input) {
        InputSpec in = null;
        List<String> keys = new ArrayList<>();
        if (fact.name().equals(input)) {
            in = fact;
        }
        for (JoinSpec j : joins) {
            if (j.input().name().equals(input)) {
                in = j.input();
                keys.addAll(j.rightKeys());
                keys.addAll(j.byRight());
            }
        }
        if (in == null) {
            throw new IllegalArgumentException("the plan has no input '" + input + "'; its inputs: " + inputNames());
        }
        if (in.keep().isEmpty()) {
            return Optional.empty();
        }
        Set<String> used = new LinkedHashSet<>(in.keep());
        used.addAll(keys);
        used.addAll(in.casts().keySet());
        used.addAll(in.dates().keySet());
        for (RowFilter f : in.filters()) {
            used.add(f.column());
        }
        Map<String, String> original = new LinkedHashMap<>();
        in.renames().forEach((from, to) -> original.put(to, from));
        List<String> out = new ArrayList<>();
        for (String c : used) {
            out.add(original.getOrDefault(c, c));
        }
        return Optional.of(out);
    }

    /**
     * Runs the plan.
     *
     * @param tables one table per input name; the tables are not modified
     * @return the unified table and the reports
     * @throws IllegalArgumentException if an input has no table, or a table is bound to a name the plan does not use
     * @throws io.xtage.core.SchemaException if a named column is missing, key types cannot be compared, or a
     *     brought column's name is taken and the collision policy is FAIL
     * @throws CardinalityException if keys repeat where the declared cardinality forbids it
     * @throws io.xtage.core.XtageException if a join would produce more rows than a table can hold
     * @since 0.1.0
     */
    public StandardizeResult run(Map<String, Table> tables) {
        return Runner.run(this, tables);
    }

    /**
     * @return the plan as an ordered map of plain values; every field is written
     * @since 0.1.0
     */
    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("format", PlanReader.FORMAT);
        m.put("version", PlanReader.VERSION);
        m.put("fact", fact.toMap());
        List<Object> js = new ArrayList<>();
        joins.forEach(j -> js.add(j.toMap()));
        m.put("joins", js);
        return m;
    }

    /**
     * @return the plan as pretty-printed JSON
     * @since 0.1.0
     */
    public String toJson() {
        return Json.write(toMap());
    }

    /**
     * @param json a plan written by {@link #toJson()} (or by hand, in the same format)
     * @return the plan
     * @throws io.xtage.core.XtageException if the text is not JSON
     * @throws io.xtage.core.SchemaException if the plan is malformed, naming the path of the problem
     *     ({@code plan.joins[1].type})
     * @since 0.1.0
     */
    public static StandardizationPlan fromJson(String json) {
        return fromMap(Json.readMap(Objects.requireNonNull(json, "json")));
    }

    /**
     * @param map the map form of a plan, as {@link #toMap()} gives it
     * @return the plan
     * @throws io.xtage.core.SchemaException if the plan is malformed
     * @since 0.1.0
     */
    public static StandardizationPlan fromMap(Map<String, Object> map) {
        return PlanReader.read(Objects.requireNonNull(map, "map"));
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof StandardizationPlan)) {
            return false;
        }
        StandardizationPlan p = (StandardizationPlan) o;
        return fact.equals(p.fact) && joins.equals(p.joins);
    }

    @Override
    public int hashCode() {
        return Objects.hash(fact, joins);
    }

    @Override
    public String toString() {
        return "StandardizationPlan" + toMap();
    }
}
