package io.xtage.preprocess.step;

import io.xtage.core.SchemaException;
import io.xtage.core.internal.StringColumns;
import io.xtage.core.schema.ColumnType;
import io.xtage.preprocess.ColumnSelector;
import io.xtage.preprocess.FittedStep;
import io.xtage.preprocess.PreprocessException;
import io.xtage.preprocess.Step;
import io.xtage.preprocess.StepReport;
import io.xtage.preprocess.Transformed;
import io.xtage.preprocess.UnseenPolicy;
import io.xtage.preprocess.internal.Params;
import io.xtage.preprocess.internal.Stats;
import io.xtage.preprocess.internal.Tables;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * One-hot encodes text columns: one 0/1 INT column per level learned at fit time.
 *
 * <p><b>Names.</b> The column for level {@code v} of column {@code c} is
 * {@code c + "_" + v.toLowerCase(Locale.ROOT)}: {@code category_books}. Levels are in
 * Unicode code-point order, so the output columns are too. With {@link #ignoreCase()}, values
 * are lower-cased before levels are learned and matched ({@code Books} and {@code books} are
 * one level); without it, two levels that differ only in case are an error at fit time, because
 * their columns would have the same name.
 *
 * <p><b>Unseen values.</b> A value not seen at fit time follows the {@link UnseenPolicy}:
 * {@code ERROR} (the default) throws; {@code IGNORE} leaves all the row's columns 0;
 * {@code MAP_TO_OTHER} sets an extra column {@code c_other}. The report counts them.
 *
 * <p><b>Cap.</b> {@link #maxLevels(int)} keeps the most frequent levels (ties to the smaller in
 * code-point order); values of the other fitted levels are "infrequent": they go to
 * {@code c_other} under {@code MAP_TO_OTHER} and to all zeros otherwise, never to an error.
 *
 * <p>Missing values give all zeros. The source column is removed unless {@link #keepSource()};
 * the new columns go after the last column unless {@link #inPlace()} puts them where the source
 * column was. Immutable and thread-safe.
 *
 * <pre>{@code
 * OneHot.of("category").ignoreCase()                       // category_books, category_toys, ...
 * OneHot.of("city").maxLevels(20).unseen(UnseenPolicy.MAP_TO_OTHER)
 * }</pre>
 *
 * <p>JSON type name: {@code one_hot}.
 *
 * @since 0.1.0
 */
public final class OneHot implements Step {
    static final String TYPE = "one_hot";
    private static final Logger log = LoggerFactory.getLogger(OneHot.class);

    private final ColumnSelector columns;
    private final boolean ignoreCase;
    private final UnseenPolicy unseen;
    private final int maxLevels;
    private final boolean keepSource;
    private final boolean inPlace;

    private OneHot(ColumnSelector columns, boolean ignoreCase, UnseenPolicy unseen, int maxLevels, boolean keepSource,
                   boolean inPlace) {
        this.columns = Objects.requireNonNull(columns, "columns");
        this.ignoreCase = ignoreCase;
        this.unseen = Objects.requireNonNull(unseen, "unseen");
        this.maxLevels = maxLevels;
        this.keepSource = keepSource;
        this.inPlace = inPlace;
        if (maxLevels < 0) {
            throw new IllegalArgumentException("OneHot.maxLevels must be >= 1, got " + maxLevels);
        }
    }

    /**
     * @param columns text columns
     * @return the step
     * @since 0.1.0
     */
    public static OneHot of(String... columns) {
        return of(ColumnSelector.names(Support.names("OneHot.of", columns)));
    }

    /**
     * @param columns a selector of text columns
     * @return the step
     * @since 0.1.0
     */
    public static OneHot of(ColumnSelector columns) {
        return new OneHot(columns, false, UnseenPolicy.ERROR, 0, false, false);
    }

    /**
     * @return a copy that lower-cases values before learning and matching levels
     * @since 0.1.0
     */
    public OneHot ignoreCase() {
        return new OneHot(columns, true, unseen, maxLevels, keepSource, inPlace);
    }

    /**
     * @param policy what an unseen value does
     * @return a copy with that policy
     * @since 0.1.0
     */
    public OneHot unseen(UnseenPolicy policy) {
        return new OneHot(columns, ignoreCase, policy, maxLevels, keepSource, inPlace);
    }

    /**
     * @param max the most levels per column
     * @return a copy keeping only the {@code max} most frequent levels
     * @throws IllegalArgumentException if max &lt; 1
     * @since 0.1.0
     */
    public OneHot maxLevels(int max) {
        if (max < 1) {
            throw new IllegalArgumentException("OneHot.maxLevels must be >= 1, got " + max);
        }
        return new OneHot(columns, ignoreCase, unseen, max, keepSource, inPlace);
    }

    /**
     * @return a copy that keeps the source column
     * @since 0.1.0
     */
    public OneHot keepSource() {
        return new OneHot(columns, ignoreCase, unseen, maxLevels, true, inPlace);
    }

    /**
     * @return a copy that puts the new columns where the source column is
     * @since 0.1.0
     */
    public OneHot inPlace() {
        return new OneHot(columns, ignoreCase, unseen, maxLevels, keepSource, true);
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public Map<String, Object> toMap() {
        Map<String, Object> m = Params.ordered();
        m.put("columns", columns.toJson());
        writeOptions(m);
        return m;
    }

    private void writeOptions(Map<String, Object> m) {
        m.put("ignore_case", ignoreCase);
        m.put("unseen", unseen.name());
        m.put("max_levels", maxLevels == 0 ? null : maxLevels);
        m.put("keep_source", keepSource);
        m.put("in_place", inPlace);
    }

    private String key(String v) {
        return ignoreCase ? v.toLowerCase(Locale.ROOT) : v;
    }

    static String columnName(String column, String level) {
        return column + "_" + level.toLowerCase(Locale.ROOT);
    }

    @Override
    public FittedStep fit(Table table) {
        List<Levels> all = new ArrayList<>();
        Set<String> outputs = new HashSet<>();
        List<String> names = columns.resolve(table);
        for (String name : names) {
            Column<?> c = Tables.column(table, name, TYPE);
            if (Tables.typeOrNull(c) != ColumnType.STRING) {
                throw new SchemaException(TYPE + ": column '" + name + "' must be STRING but is " + Tables.type(c, TYPE)
                    + "; cast it first");
            }
            StringColumn s = (StringColumn) c;
            Map<String, int[]> counts = new HashMap<>();
            for (Map.Entry<String, Integer> e : StringColumns.counts(s).entrySet()) {
                if (!e.getKey().isEmpty()) {
                    counts.computeIfAbsent(key(e.getKey()), x -> new int[1])[0] += e.getValue();
                }
            }
            List<String> levels = new ArrayList<>(counts.keySet());
            List<String> infrequent = new ArrayList<>();
            if (maxLevels > 0 && levels.size() > maxLevels) {
                levels.sort((a, b) -> {
                    int d = Integer.compare(counts.get(b)[0], counts.get(a)[0]);
                    return d != 0 ? d : Stats.compareCodePoints(a, b);
                });
                infrequent.addAll(levels.subList(maxLevels, levels.size()));
                levels = new ArrayList<>(levels.subList(0, maxLevels));
            }
            levels.sort(Stats::compareCodePoints);
            infrequent.sort(Stats::compareCodePoints);
            Levels lv = new Levels(name, levels, infrequent);
            Map<String, String> byName = new HashMap<>();
            for (String l : levels) {
                String out = columnName(name, l);
                String clash = byName.put(out, l);
                if (clash != null) {
                    throw new PreprocessException(TYPE, name, "levels '" + clash + "' and '" + l + "' would both be "
                        + "column '" + out + "'; use OneHot.ignoreCase() to treat them as one level");
                }
            }
            for (String out : lv.outputs(unseen)) {
                if (!outputs.add(out) || (Tables.has(table, out) && !(out.equals(name) && !keepSource))) {
                    throw new SchemaException(TYPE + ": output column '" + out + "' of '" + name
                        + "' already exists; rename or drop it first");
                }
            }
            all.add(lv);
        }
        return new Fitted(this, all);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof OneHot && ((OneHot) o).toMap().equals(toMap());
    }

    @Override
    public int hashCode() {
        return toMap().hashCode();
    }

    @Override
    public String toString() {
        return "OneHot" + toMap();
    }

    /** One column's learned levels. */
    static final class Levels extends FittedColumn {
        final List<String> levels;
        final List<String> infrequent;

        Levels(String column, List<String> levels, List<String> infrequent) {
            super(column);
            this.levels = List.copyOf(levels);
            this.infrequent = List.copyOf(infrequent);
        }

        List<String> outputs(UnseenPolicy policy) {
            List<String> out = new ArrayList<>();
            for (String l : levels) {
                out.add(columnName(column, l));
            }
            if (policy == UnseenPolicy.MAP_TO_OTHER) {
                out.add(column + "_other");
            }
            return out;
        }

        @Override
        Map<String, Object> toMap() {
            Map<String, Object> m = Params.ordered();
            m.put("levels", levels);
            if (!infrequent.isEmpty()) {
                m.put("infrequent", infrequent);
            }
            return m;
        }

        static Levels read(String column, Params l) {
            List<String> levels = l.strings("levels");
            List<String> inf = l.optStrings("infrequent");
            return new Levels(column, levels, inf == null ? List.of() : inf);
        }
    }

    /** OneHot with its levels learned. */
    static final class Fitted extends ColumnsFitted<OneHot, Levels> {
        Fitted(OneHot step, List<Levels> levels) {
            super(step, levels);
        }

        /** @return the level's index, -1 for missing, -2 unseen at fit time, -3 infrequent */
        private int level(String v, Map<String, Integer> index, Set<String> infrequent) {
            if (v.isEmpty()) {
                return -1;
            }
            String key = step.key(v);
            Integer idx = index.get(key);
            return idx != null ? idx : (infrequent.contains(key) ? -3 : -2);
        }

        @Override
        public Transformed transform(Table table) {
            int n = table.rowCount();
            Edit edit = new Edit(table, TYPE);
            StepReport.Builder r = StepReport.builder(TYPE).rows(n, n).param("columns", fitted());
            Map<String, Object> counts = Params.ordered();
            for (Levels lv : columns) {
                StringColumn s = (StringColumn) Support.fittedColumn(table, lv.column, ColumnType.STRING, TYPE);
                for (String out : lv.outputs(step.unseen)) {
                    if (Tables.has(table, out) && !(out.equals(lv.column) && !step.keepSource)) {
                        throw new SchemaException(TYPE + ": output column '" + out + "' already exists");
                    }
                }
                int k = lv.levels.size();
                Map<String, Integer> index = new HashMap<>();
                for (int j = 0; j < k; j++) {
                    index.put(lv.levels.get(j), j);
                }
                Set<String> infrequent = new HashSet<>(lv.infrequent);
                boolean other = step.unseen == UnseenPolicy.MAP_TO_OTHER;
                int[][] cols = new int[k + (other ? 1 : 0)][n];
                Map<String, Integer> cache = new HashMap<>();
                long missing = 0;
                long unseenCount = 0;
                long infrequentCount = 0;
                Set<String> unseenValues = new TreeSet<>();
                // the column's output index per distinct value, through its dictionary when it has one
                StringColumns.Reader values = StringColumns.reader(s);
                int[] byKey = new int[values.keys()];
                Arrays.fill(byKey, Integer.MIN_VALUE);
                for (int i = 0; i < n; i++) {
                    int key = values.key(i);
                    String v = null;
                    int j;
                    if (key >= 0 && byKey[key] != Integer.MIN_VALUE) {
                        j = byKey[key];
                    } else {
                        v = key >= 0 ? values.text(key) : s.get(i);
                        Integer cached = cache.get(v);
                        if (cached == null) {
                            cached = level(v, index, infrequent);
                            cache.put(v, cached);
                        }
                        j = cached;
                        if (key >= 0) {
                            byKey[key] = j;
                        }
                    }
                    if (j >= 0) {
                        cols[j][i] = 1;
                    } else if (j == -1) {
                        missing++;
                    } else {
                        if (j == -2) {
                            unseenCount++;
                            if (unseenValues.size() < 5) {
                                unseenValues.add(v != null ? v : values.text(key));
                            }
                        } else {
                            infrequentCount++;
                        }
                        if (other) {
                            cols[k][i] = 1;
                        }
                    }
                }
                if (unseenCount > 0) {
                    if (step.unseen == UnseenPolicy.ERROR) {
                        throw new PreprocessException(TYPE, lv.column, unseenCount + " values not seen at fit time, such as "
                            + unseenValues + "; choose OneHot.unseen(UnseenPolicy.IGNORE) or MAP_TO_OTHER, or refit");
                    }
                    log.warn("one_hot: {} values of '{}' not seen at fit time ({}), policy {}", unseenCount, lv.column,
                        unseenValues, step.unseen);
                }
                List<Column<?>> added = new ArrayList<>();
                List<String> outs = lv.outputs(step.unseen);
                for (int j = 0; j < outs.size(); j++) {
                    added.add(IntColumn.create(outs.get(j), cols[j]));
                    r.columnAdded(outs.get(j));
                }
                if (!step.keepSource) {
                    edit.remove(lv.column);
                    r.columnRemoved(lv.column);
                }
                for (Column<?> c : added) {
                    if (step.inPlace) {
                        edit.insertAfter(lv.column, c);
                    } else {
                        edit.append(c);
                    }
                }
                Map<String, Object> cm = Params.ordered();
                cm.put("missing", missing);
                cm.put("unseen", unseenCount);
                cm.put("infrequent", infrequentCount);
                counts.put(lv.column, cm);
            }
            r.detail("counts", counts).param("unseen", step.unseen.name());
            return Transformed.of(edit.build(), r.build());
        }
    }

    static final class Type extends BuiltInType<OneHot> {
        Type() {
            super(TYPE);
        }

        @Override
        OneHot read(Params p) {
            OneHot o = of(p.selector("columns"));
            if (p.bool("ignore_case", false)) {
                o = o.ignoreCase();
            }
            if (p.has("unseen")) {
                o = o.unseen(p.enumValue("unseen", UnseenPolicy.class));
            }
            Integer max = p.optInteger("max_levels");
            if (max != null) {
                OneHot withoutMax = o;
                o = p.valid(() -> withoutMax.maxLevels(max));
            }
            if (p.bool("keep_source", false)) {
                o = o.keepSource();
            }
            if (p.bool("in_place", false)) {
                o = o.inPlace();
            }
            return o;
        }

        @Override
        public FittedStep readFitted(Map<String, Object> json) {
            return readColumns(json, Levels::read, Fitted::new);
        }
    }
}
