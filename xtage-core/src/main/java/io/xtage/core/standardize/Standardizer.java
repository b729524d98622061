package io.xtage.core.standardize;

import io.xtage.core.coerce.DateOrder;
import io.xtage.core.coerce.DatePatterns;
import io.xtage.core.schema.ColumnType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import tech.tablesaw.api.Table;

/**
 * Builds a {@link StandardizationPlan} fluently: start from a fact table, describe its transforms,
 * then add each lookup with a join and describe its transforms and the join. Transform calls
 * ({@link #snakeCase()}, {@link #cast}, {@link #dates}, {@link #where}, {@link #keep},
 * {@link #alias}) apply to the input added last; join calls ({@link #on}, {@link #expect},
 * {@link #onDuplicateKeys}, ...) to the join added last.
 *
 * <pre>{@code
 * StandardizeResult r = Standardizer.from("sales", sales).snakeCase()
 *         .dates("transaction_date", DatePatterns.of("yyyy-MM-dd", "dd/MM/yyyy", "MM-dd-yyyy"))
 *     .leftJoin("products", products).snakeCase().on("product_id")
 *         .keep("product_name", "category", "price").alias("price", "list_price")
 *     .asOfJoin("rates", rates).snakeCase().onPair("transaction_date", "date")
 *         .dates("date", DateSpec.patterns(DatePatterns.of("yyyy-MM-dd")))
 *         .where(RowFilter.eq("currency_code", "EUR"), RowFilter.gt("exchange_rate", 0))
 *         .keep("exchange_rate").onDuplicateKeys(DuplicatePolicy.aggregate(Aggregate.MEAN))
 *     .run();
 * }</pre>
 *
 * <p>A join expects {@link Cardinality#MANY_TO_ONE} unless told otherwise, fails on repeated
 * right keys unless a {@link DuplicatePolicy} is declared, and prefixes a brought column whose
 * name is taken with the right input's name. Not thread-safe; the plan it builds is immutable.
 *
 * @since 0.1.0
 */
public final class Standardizer {
    private final InputSpec.Builder fact;
    private final List<JoinSpec.Builder> joins = new ArrayList<>();
    private final Map<String, Table> tables = new LinkedHashMap<>();
    private InputSpec.Builder current;
    private JoinSpec.Builder currentJoin;

    private Standardizer(String name, Table table) {
        this.fact = InputSpec.builder(name);
        this.current = fact;
        if (table != null) {
            tables.put(name, table);
        }
    }

    /**
     * Starts from a fact table, which is bound to the plan's fact input.
     *
     * @param name the input's name
     * @param fact the table; not modified
     * @return a builder
     * @since 0.1.0
     */
    public static Standardizer from(String name, Table fact) {
        return new Standardizer(name, Objects.requireNonNull(fact, "fact"));
    }

    /**
     * Starts a plan whose tables are bound later, with {@link StandardizationPlan#run(Map)}.
     *
     * @param name the fact input's name
     * @return a builder
     * @since 0.1.0
     */
    public static Standardizer from(String name) {
        return new Standardizer(name, null);
    }

    // ---------------------------------------------------------------- joins

    /**
     * Adds a lookup with a left join: every row of the table so far is kept.
     *
     * @param name the lookup input's name
     * @param table its table; not modified
     * @return this
     * @throws IllegalArgumentException if the name is already used
     * @since 0.1.0
     */
    public Standardizer leftJoin(String name, Table table) {
        return join(JoinType.LEFT, name, Objects.requireNonNull(table, "table"));
    }

    /**
     * @param name the lookup input's name, bound at run time
     * @return this
     * @since 0.1.0
     */
    public Standardizer leftJoin(String name) {
        return join(JoinType.LEFT, name, null);
    }

    /**
     * Adds a lookup with an inner join: rows of the table so far whose key has no match are
     * dropped and counted (and rejected, with {@link #rejectUnmatched()}).
     *
     * @param name the lookup input's name
     * @param table its table; not modified
     * @return this
     * @since 0.1.0
     */
    public Standardizer innerJoin(String name, Table table) {
        return join(JoinType.INNER, name, Objects.requireNonNull(table, "table"));
    }

    /**
     * @param name the lookup input's name, bound at run time
     * @return this
     * @since 0.1.0
     */
    public Standardizer innerJoin(String name) {
        return join(JoinType.INNER, name, null);
    }

    /**
     * Adds an input with a full join: right rows with no match are appended, their left key
     * columns filled from the right keys.
     *
     * @param name the input's name
     * @param table its table; not modified
     * @return this
     * @since 0.1.0
     */
    public Standardizer fullJoin(String name, Table table) {
        return join(JoinType.FULL, name, Objects.requireNonNull(table, "table"));
    }

    /**
     * @param name the input's name, bound at run time
     * @return this
     * @since 0.1.0
     */
    public Standardizer fullJoin(String name) {
        return join(JoinType.FULL, name, null);
    }

    /**
     * Adds an input with an as-of join: each left row gets the right row with the latest key at
     * or before its own ({@link #onPair} or {@link #on} names the one key), within its
     * {@link #by} group and {@link #tolerance}. Inputs need not be sorted.
     *
     * @param name the input's name
     * @param table its table; not modified
     * @return this
     * @since 0.1.0
     */
    public Standardizer asOfJoin(String name, Table table) {
        return join(JoinType.ASOF, name, Objects.requireNonNull(table, "table"));
    }

    /**
     * @param name the input's name, bound at run time
     * @return this
     * @since 0.1.0
     */
    public Standardizer asOfJoin(String name) {
        return join(JoinType.ASOF, name, null);
    }

    private Standardizer join(JoinType type, String name, Table table) {
        Objects.requireNonNull(name, "name");
        if (name.equals(fact.name()) || joins.stream().anyMatch(j -> j.input().name().equals(name))) {
            throw new IllegalArgumentException("input name '" + name + "' is already used; give each input its own name");
        }
        InputSpec.Builder in = InputSpec.builder(name);
        JoinSpec.Builder j = JoinSpec.builder(type, in);
        joins.add(j);
        current = in;
        currentJoin = j;
        if (table != null) {
            tables.put(name, table);
        }
        return this;
    }

    // ---------------------------------------------------------------- per input

    /**
     * Renames every column of the current input to snake_case ({@code Transaction_ID} to
     * {@code transaction_id}) before anything else; explicit renames apply over it.
     *
     * @return this
     * @since 0.1.0
     */
    public Standardizer snakeCase() {
        current.snakeCase(true);
        return this;
    }

    /**
     * @param from a column name of the current input's table, as it is there
     * @param to the new name
     * @return this
     * @throws IllegalStateException if the column is already renamed to another name
     * @since 0.1.0
     */
    public Standardizer rename(String from, String to) {
        current.rename(from, to);
        return this;
    }

    /**
     * @param renames original name to new name
     * @return this
     * @since 0.1.0
     */
    public Standardizer rename(Map<String, String> renames) {
        Objects.requireNonNull(renames, "renames").forEach(current::rename);
        return this;
    }

    /**
     * Converts a column of the current input to a type. Text is parsed (blank is missing; dates
     * as ISO {@code yyyy-MM-dd}); numbers convert when the value fits exactly. A value that does
     * not convert becomes missing and a reject.
     *
     * @param column the column (after renames)
     * @param type the type
     * @return this
     * @throws IllegalStateException if the column is already cast to another type or parsed as dates
     * @since 0.1.0
     */
    public Standardizer cast(String column, ColumnType type) {
        current.cast(column, type);
        return this;
    }

    /**
     * Parses a text column of the current input as LOCAL_DATE with declared patterns, tried in order.
     *
     * @param column the column (after renames)
     * @param patterns the patterns
     * @return this
     * @since 0.1.0
     */
    public Standardizer dates(String column, DatePatterns patterns) {
        current.dates(column, DateSpec.patterns(patterns));
        return this;
    }

    /**
     * Parses a text column of the current input as LOCAL_DATE with formats inferred per shape of
     * spelling; the decisions are in {@link StandardizeResult#dateFormats()}.
     *
     * @param column the column (after renames)
     * @param defaultOrder the day/month order for a shape that no value decides
     * @return this
     * @since 0.1.0
     */
    public Standardizer dates(String column, DateOrder defaultOrder) {
        current.dates(column, DateSpec.inferred(defaultOrder));
        return this;
    }

    /**
     * @param column the column (after renames)
     * @param spec how its text becomes dates or date-times
     * @return this
     * @since 0.1.0
     */
    public Standardizer dates(String column, DateSpec spec) {
        current.dates(column, spec);
        return this;
    }

    /**
     * Keeps only the rows of the current input that pass every filter; the rest are counted in
     * its {@link InputReport}.
     *
     * @param filters the filters
     * @return this
     * @since 0.1.0
     */
    public Standardizer where(RowFilter... filters) {
        for (RowFilter f : filters) {
            current.filter(f);
        }
        return this;
    }

    /**
     * Keeps these columns of the current input, in this order. For a lookup, these are the
     * columns the join brings (its key columns are kept for the join and never brought).
     *
     * @param columns the columns (after renames)
     * @return this
     * @throws IllegalStateException if called twice for one input
     * @since 0.1.0
     */
    public Standardizer keep(String... columns) {
        current.keep(Arrays.asList(columns));
        return this;
    }

    /**
     * Names a column of the current input in the result: a lookup's brought column, or a fact
     * column. An alias that is already taken fails the run.
     *
     * @param column the column (after renames)
     * @param alias its name in the result
     * @return this
     * @since 0.1.0
     */
    public Standardizer alias(String column, String alias) {
        current.alias(column, alias);
        return this;
    }

    // ---------------------------------------------------------------- per join

    /**
     * Joins on columns of the same name on both sides (several for a composite key); for an
     * as-of join, names its one as-of column.
     *
     * @param keys the key columns
     * @return this
     * @throws IllegalStateException if the current input is the fact
     * @since 0.1.0
     */
    public Standardizer on(String... keys) {
        JoinSpec.Builder j = requireJoin("on");
        if (keys.length == 0) {
            throw new IllegalArgumentException("on(...) needs at least one key");
        }
        for (String k : keys) {
            j.key(k, k);
        }
        return this;
    }

    /**
     * Adds a key pair with different names on each side; call again for a composite key.
     *
     * @param leftKey a column of the table so far
     * @param rightKey a column of the current input (after renames)
     * @return this
     * @since 0.1.0
     */
    public Standardizer onPair(String leftKey, String rightKey) {
        requireJoin("onPair").key(leftKey, rightKey);
        return this;
    }

    /**
     * For an as-of join: columns that must be equal (such as a currency), same-named on both sides.
     *
     * @param columns the columns
     * @return this
     * @throws IllegalStateException if the current join is not an as-of join
     * @since 0.1.0
     */
    public Standardizer by(String... columns) {
        JoinSpec.Builder j = requireJoin("by");
        for (String c : columns) {
            j.by(c, c);
        }
        return this;
    }

    /**
     * For an as-of join: a pair of columns, with different names, that must be equal.
     *
     * @param leftColumn a column of the table so far
     * @param rightColumn a column of the current input
     * @return this
     * @since 0.1.0
     */
    public Standardizer byPair(String leftColumn, String rightColumn) {
        requireJoin("byPair").by(leftColumn, rightColumn);
        return this;
    }

    /**
     * For an as-of join: the largest distance from the left key back to the matched right key,
     * in key units: days for LOCAL_DATE, seconds for LOCAL_DATE_TIME. Farther rows do not match.
     *
     * @param tolerance a finite number {@code >= 0}
     * @return this
     * @since 0.1.0
     */
    public Standardizer tolerance(double tolerance) {
        requireJoin("tolerance").tolerance(tolerance);
        return this;
    }

    /**
     * Declares the current join's cardinality, checked at run time (default MANY_TO_ONE).
     *
     * @param cardinality the expected cardinality
     * @return this
     * @since 0.1.0
     */
    public Standardizer expect(Cardinality cardinality) {
        requireJoin("expect").cardinality(cardinality);
        return this;
    }

    /**
     * Declares what the current join does with repeated right keys (default FAIL).
     *
     * @param policy the policy
     * @return this
     * @since 0.1.0
     */
    public Standardizer onDuplicateKeys(DuplicatePolicy policy) {
        requireJoin("onDuplicateKeys").duplicates(policy);
        return this;
    }

    /**
     * Declares what the current join does when a brought column's name is taken (default PREFIX).
     *
     * @param policy the policy
     * @return this
     * @since 0.1.0
     */
    public Standardizer onCollision(CollisionPolicy policy) {
        requireJoin("onCollision").collisions(policy);
        return this;
    }

    /**
     * Also reports each left row of the current join that finds no match as a reject (kind
     * CONSTRAINT; marked row-dropped for inner joins).
     *
     * @return this
     * @since 0.1.0
     */
    public Standardizer rejectUnmatched() {
        requireJoin("rejectUnmatched").rejectUnmatched(true);
        return this;
    }

    private JoinSpec.Builder requireJoin(String method) {
        if (currentJoin == null) {
            throw new IllegalStateException(method + "(...) describes a join; call it after leftJoin, innerJoin, "
                + "fullJoin or asOfJoin");
        }
        return currentJoin;
    }

    // ---------------------------------------------------------------- finish

    /**
     * @return the plan
     * @throws IllegalStateException if a join has no keys or its settings contradict each other
     * @throws IllegalArgumentException if two columns are renamed or aliased to one name
     * @since 0.1.0
     */
    public StandardizationPlan build() {
        InputSpec f = fact.build();
        List<JoinSpec> js = new ArrayList<>();
        for (JoinSpec.Builder j : joins) {
            js.add(j.build());
        }
        return new StandardizationPlan(f, js);
    }

    /**
     * Builds the plan and runs it on the tables given to this builder.
     *
     * @return the result
     * @throws IllegalStateException if an input was added without a table
     * @throws io.xtage.core.SchemaException if a named column is missing or key types cannot be compared
     * @throws CardinalityException if keys repeat where the declared cardinality forbids it
     * @since 0.1.0
     */
    public StandardizeResult run() {
        StandardizationPlan plan = build();
        List<String> unbound = new ArrayList<>(plan.inputNames());
        unbound.removeAll(tables.keySet());
        if (!unbound.isEmpty()) {
            throw new IllegalStateException("input(s) " + unbound + " were added without a table; use build().run(Map)");
        }
        return plan.run(tables);
    }
}
