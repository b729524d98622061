package io.xtage.preprocess.step;

import io.xtage.core.internal.StringColumns;
import io.xtage.core.schema.ColumnType;
import io.xtage.preprocess.FittedStep;
import io.xtage.preprocess.PreprocessException;
import io.xtage.preprocess.Step;
import io.xtage.preprocess.StepReport;
import io.xtage.preprocess.Transformed;
import io.xtage.preprocess.internal.Params;
import io.xtage.preprocess.internal.Stats;
import io.xtage.preprocess.internal.Tables;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * Puts the values of a numeric column into labelled bins, written to a STRING column.
 *
 * <p>Fixed bins are intervals in the usual notation, each with its own closed or open ends, so
 * mixed rules such as {@code [0,18) [18,30] (30,50] (50,100]} are written as they are said.
 * {@link #edges(String, double...)} makes pandas-{@code cut}-style right-closed bins from edges
 * ({@link #closedLeft()} for left-closed ones).
 * {@link #quantiles(String, int)} fits the edges on the data: {@code n} bins of about equal
 * counts, the first closed on both ends and the others right-closed (pandas {@code qcut});
 * equal edges are merged. Bins must not overlap. A value in no bin (or missing) gives a missing
 * label, counted in the report as {@code out_of_range} (or {@code missing}). The output goes to
 * {@code <column>_bin} unless {@link #into(String)} names it; naming the input column replaces
 * it. Immutable and thread-safe.
 *
 * <pre>{@code
 * Bin.of("age").into("age_group")
 *     .bin("[0,18)", "<18").bin("[18,30]", "18-30").bin("(30,50]", "31-50").bin("(50,100]", ">50")
 * Bin.edges("price", 0, 10, 100, 1000).labels("cheap", "mid", "dear")
 * Bin.quantiles("income", 4)
 * }</pre>
 *
 * <p>JSON type name: {@code bin}.
 *
 * @since 0.1.0
 */
public final class Bin implements Step {
    static final String TYPE = "bin";

    private final String column;
    private final String output;
    private final List<Interval> intervals;
    private final List<String> labels;
    private final int quantiles;

    private Bin(String column, String output, List<Interval> intervals, List<String> labels, int quantiles) {
        Support.requireName("Bin column", column);
        this.column = column;
        this.output = output;
        this.intervals = List.copyOf(intervals);
        this.labels = List.copyOf(labels);
        this.quantiles = quantiles;
        if (output != null && output.isEmpty()) {
            throw new IllegalArgumentException("Bin.into: the output column name must not be empty");
        }
        if (quantiles == 0) {
            if (this.labels.size() != this.intervals.size()) {
                throw new IllegalArgumentException("Bin: " + this.intervals.size() + " bins but " + this.labels.size()
                    + " labels; give one label per bin");
            }
            checkOverlap(this.intervals);
        } else if (!this.labels.isEmpty() && this.labels.size() != quantiles) {
            throw new IllegalArgumentException("Bin.quantiles: " + quantiles + " bins but " + this.labels.size()
                + " labels; give one label per bin");
        }
    }

    private static void checkOverlap(List<Interval> list) {
        List<Interval> sorted = new ArrayList<>(list);
        sorted.sort(Comparator.comparingDouble((Interval i) -> i.lo).thenComparing(i -> !i.loClosed));
        for (int i = 1; i < sorted.size(); i++) {
            Interval p = sorted.get(i - 1);
            Interval q = sorted.get(i);
            if (p.hi > q.lo || (p.hi == q.lo && p.hiClosed && q.loClosed)) {
                throw new IllegalArgumentException("Bin: bins " + p + " and " + q + " overlap; every value must fall in "
                    + "at most one bin");
            }
        }
    }

    /**
     * @param column a numeric column
     * @return a step with no bins yet; add them with {@link #bin(String, String)}
     * @since 0.1.0
     */
    public static Bin of(String column) {
        return new Bin(column, null, List.of(), List.of(), 0);
    }

    /**
     * @param column a numeric column
     * @param edges increasing edges; bin i is {@code (edges[i], edges[i+1]]}
     * @return a step with one right-closed bin per pair of edges, labelled with the interval
     *     text (such as {@code (0,10]}) until {@link #labels(String...)} names them
     * @throws IllegalArgumentException if fewer than two edges or they do not increase
     * @since 0.1.0
     */
    public static Bin edges(String column, double... edges) {
        Objects.requireNonNull(edges, "edges");
        if (edges.length < 2) {
            throw new IllegalArgumentException("Bin.edges: give at least two edges");
        }
        List<Interval> list = new ArrayList<>();
        List<String> labels = new ArrayList<>();
        for (int i = 1; i < edges.length; i++) {
            if (!(edges[i] > edges[i - 1])) {
                throw new IllegalArgumentException("Bin.edges: edges must increase, but " + edges[i - 1] + " is followed by "
                    + edges[i]);
            }
            Interval iv = new Interval(edges[i - 1], false, edges[i], true);
            list.add(iv);
            labels.add(iv.toString());
        }
        return new Bin(column, null, list, labels, 0);
    }

    /**
     * @param column a numeric column
     * @param n the number of bins, at least 2
     * @return a step fitting {@code n} quantile bins, labelled {@code q1}..{@code qn} until
     *     {@link #labels(String...)} names them
     * @throws IllegalArgumentException if n &lt; 2
     * @since 0.1.0
     */
    public static Bin quantiles(String column, int n) {
        if (n < 2) {
            throw new IllegalArgumentException("Bin.quantiles: need at least 2 bins, got " + n);
        }
        return new Bin(column, null, List.of(), List.of(), n);
    }

    /**
     * @param interval such as {@code [0,18)}, {@code (50,100]}, {@code (,0)} or {@code [100,inf)}
     * @param label the label of values in it
     * @return a copy with this bin added
     * @throws IllegalArgumentException if the interval cannot be read, is empty, or overlaps
     *     another bin
     * @throws IllegalStateException on quantile bins
     * @since 0.1.0
     */
    public Bin bin(String interval, String label) {
        if (quantiles > 0) {
            throw new IllegalStateException("Bin.bin: quantile bins are fitted; name them with labels(...)");
        }
        Objects.requireNonNull(label, "label");
        List<Interval> iv = new ArrayList<>(intervals);
        iv.add(Interval.parse(interval));
        List<String> ls = new ArrayList<>(labels);
        ls.add(label);
        return new Bin(column, output, iv, ls, 0);
    }

    /**
     * Makes right-closed bins {@code (a,b]} left-closed {@code [a,b)}, as pandas
     * {@code cut(..., right=False)}: for bins made by {@link #edges(String, double...)}. Labels
     * that were the interval text follow the change.
     *
     * @return a copy with every bin closed on the left and open on the right
     * @throws IllegalStateException unless every bin is of the form {@code (a,b]}
     * @since 0.1.0
     */
    public Bin closedLeft() {
        if (quantiles > 0 || intervals.isEmpty()) {
            throw new IllegalStateException("Bin.closedLeft applies to bins made by Bin.edges(...)");
        }
        List<Interval> iv = new ArrayList<>();
        List<String> ls = new ArrayList<>();
        for (int i = 0; i < intervals.size(); i++) {
            Interval old = intervals.get(i);
            if (old.loClosed || !old.hiClosed) {
                throw new IllegalStateException("Bin.closedLeft: bin " + old + " is not of the form (a,b]");
            }
            Interval now = new Interval(old.lo, true, old.hi, false);
            iv.add(now);
            ls.add(labels.get(i).equals(old.toString()) ? now.toString() : labels.get(i));
        }
        return new Bin(column, output, iv, ls, 0);
    }

    /**
     * @param names one label per bin, in bin order
     * @return a copy with these labels
     * @throws IllegalArgumentException if the count differs from the number of bins
     * @since 0.1.0
     */
    public Bin labels(String... names) {
        Objects.requireNonNull(names, "names");
        return new Bin(column, output, intervals, List.of(names), quantiles);
    }

    /**
     * @param output the output column; the input column's name replaces it
     * @return a copy writing there
     * @since 0.1.0
     */
    public Bin into(String output) {
        Support.requireName("Bin.into", output);
        return new Bin(column, output, intervals, labels, quantiles);
    }

    /**
     * @return the output column's name
     * @since 0.1.0
     */
    public String output() {
        return output == null ? column + "_bin" : output;
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public Map<String, Object> toMap() {
        Map<String, Object> m = Params.ordered();
        m.put("column", column);
        m.put("output", output());
        if (quantiles > 0) {
            m.put("quantiles", quantiles);
            m.put("labels", labels.isEmpty() ? null : labels);
        } else {
            m.put("bins", binsJson(intervals, labels));
        }
        return m;
    }

    private static List<Object> binsJson(List<Interval> intervals, List<String> labels) {
        List<Object> bins = new ArrayList<>();
        for (int i = 0; i < intervals.size(); i++) {
            Map<String, Object> b = Params.ordered();
            b.put("interval", intervals.get(i).toString());
            b.put("label", labels.get(i));
            bins.add(b);
        }
        return bins;
    }

    @Override
    public FittedStep fit(Table table) {
        Column<?> c = Tables.numeric(table, column, TYPE);
        ColumnType t = Tables.type(c, TYPE);
        if (!output().equals(column)) {
            Tables.requireAbsent(table, output(), TYPE);
        }
        if (quantiles == 0) {
            if (intervals.isEmpty()) {
                throw new IllegalStateException("Bin on '" + column + "' has no bins; add them with bin(interval, label)");
            }
            return new Fitted(column, output(), t, intervals, labels, quantiles, this.labels);
        }
        double[] s = Stats.sorted(Tables.presentDoubles(c));
        if (s.length == 0) {
            throw new PreprocessException(TYPE, column, "no value to fit quantile bins on: all " + c.size()
                + " values are missing at fit time");
        }
        double[] at = new double[quantiles + 1];
        for (int i = 0; i <= quantiles; i++) {
            at[i] = Stats.quantileOfSorted(s, (double) i / quantiles);
        }
        List<Double> edges = Stats.quantileBinEdges(at, quantiles, labels.size(), TYPE, column);
        int bins = edges.size() - 1;
        List<Interval> iv = new ArrayList<>();
        List<String> ls = new ArrayList<>();
        for (int i = 0; i < bins; i++) {
            iv.add(new Interval(edges.get(i), i == 0, edges.get(i + 1), true));
            ls.add(labels.isEmpty() ? "q" + (i + 1) : labels.get(i));
        }
        return new Fitted(column, output(), t, iv, ls, quantiles, labels);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Bin && ((Bin) o).toMap().equals(toMap());
    }

    @Override
    public int hashCode() {
        return toMap().hashCode();
    }

    @Override
    public String toString() {
        return "Bin" + toMap();
    }

    /** A numeric interval with open or closed ends. */
    static final class Interval {
        private static final String NUM = "\\s*([-+]?(?:inf|Infinity|\\d+(?:\\.\\d*)?(?:[eE][-+]?\\d+)?|\\.\\d+"
            + "(?:[eE][-+]?\\d+)?)?)\\s*";
        private static final Pattern FORM = Pattern.compile("\\s*([\\[(])" + NUM + "," + NUM + "([\\])])\\s*");

        final double lo;
        final boolean loClosed;
        final double hi;
        final boolean hiClosed;

        Interval(double lo, boolean loClosed, double hi, boolean hiClosed) {
            this.lo = lo;
            this.loClosed = loClosed && !Double.isInfinite(lo);
            this.hi = hi;
            this.hiClosed = hiClosed && !Double.isInfinite(hi);
            if (lo > hi || (lo == hi && !(this.loClosed && this.hiClosed))) {
                throw new IllegalArgumentException("Bin: interval " + this + " is empty");
            }
        }

        static Interval parse(String text) {
            Objects.requireNonNull(text, "interval");
            Matcher m = FORM.matcher(text);
            if (!m.matches()) {
                throw new IllegalArgumentException("Bin: cannot read interval '" + text + "'; write it as [a,b), (a,b], "
                    + "[a,b] or (a,b), with an empty end or inf for no bound, such as (,0) or [100,inf)");
            }
            double lo = bound(m.group(2), Double.NEGATIVE_INFINITY);
            double hi = bound(m.group(3), Double.POSITIVE_INFINITY);
            return new Interval(lo, m.group(1).equals("["), hi, m.group(4).equals("]"));
        }

        private static double bound(String s, double none) {
            if (s == null || s.isEmpty()) {
                return none;
            }
            String t = s.replace("Infinity", "inf");
            if (t.equals("inf") || t.equals("+inf")) {
                return Double.POSITIVE_INFINITY;
            }
            if (t.equals("-inf")) {
                return Double.NEGATIVE_INFINITY;
            }
            return Double.parseDouble(s);
        }

        boolean contains(double v) {
            return (loClosed ? v >= lo : v > lo) && (hiClosed ? v <= hi : v < hi);
        }

        private static String show(double d) {
            if (Double.isInfinite(d)) {
                return d > 0 ? "inf" : "-inf";
            }
            if (d == Math.rint(d) && Math.abs(d) < 1e15) {
                return Long.toString((long) d);
            }
            return Double.toString(d);
        }

        @Override
        public String toString() {
            return (loClosed ? "[" : "(") + show(lo) + "," + show(hi) + (hiClosed ? "]" : ")");
        }
    }

    /** Bin with its intervals fixed or fitted. */
    static final class Fitted extends ValueFitted {
        private final String column;
        private final String output;
        private final ColumnType type;
        private final List<Interval> intervals;
        private final List<String> labels;
        private final int quantiles;
        private final List<String> quantileLabels;

        Fitted(String column, String output, ColumnType type, List<Interval> intervals, List<String> labels,
               int quantiles, List<String> quantileLabels) {
            super(TYPE);
            this.column = column;
            this.output = output;
            this.type = type;
            this.intervals = List.copyOf(intervals);
            this.labels = List.copyOf(labels);
            this.quantiles = quantiles;
            this.quantileLabels = List.copyOf(quantileLabels);
        }

        @Override
        public Map<String, Object> toMap() {
            Map<String, Object> m = Params.ordered();
            m.put("column", column);
            m.put("output", output);
            if (quantiles > 0) {
                m.put("quantiles", quantiles);
                m.put("labels", quantileLabels.isEmpty() ? null : quantileLabels);
            }
            m.put("column_type", type.name());
            m.put(quantiles > 0 ? "fitted_bins" : "bins", binsJson(intervals, labels));
            return m;
        }

        @Override
        public Transformed transform(Table table) {
            int n = table.rowCount();
            Column<?> c = Support.fittedColumn(table, column, type, TYPE);
            if (!output.equals(column)) {
                Tables.requireAbsent(table, output, TYPE);
            }
            double[] v = Tables.doubles(c);
            int k = intervals.size();
            Interval[] iv = intervals.toArray(new Interval[0]);
            String[] ls = labels.toArray(new String[0]);
            StringColumns.Builder labelsOut = new StringColumns.Builder(n);
            // the builder's code of each label (index k: no label), given at its first row
            int[] codes = new int[k + 1];
            java.util.Arrays.fill(codes, -1);
            long missing = 0;
            long outOfRange = 0;
            for (int i = 0; i < n; i++) {
                double x = v[i];
                int bin = k;
                if (Double.isNaN(x)) {
                    missing++;
                } else {
                    for (int j = 0; j < k; j++) {
                        if (iv[j].contains(x)) {
                            bin = j;
                            break;
                        }
                    }
                    if (bin == k || ls[bin].isEmpty()) {
                        outOfRange++;
                    }
                }
                if (codes[bin] < 0) {
                    codes[bin] = labelsOut.appendText(bin == k ? "" : ls[bin]);
                } else {
                    labelsOut.appendCode(codes[bin]);
                }
            }
            StringColumn out = labelsOut.build(output);
            Edit edit = new Edit(table, TYPE);
            StepReport.Builder r = StepReport.builder(TYPE).rows(n, n);
            if (output.equals(column)) {
                edit.replace(column, out);
                r.columnRetyped(column, type.name(), ColumnType.STRING.name()).cellsChanged(column, n - missing);
            } else {
                edit.append(out);
                r.columnAdded(output);
            }
            r.param("column", column).param("bins", binsJson(intervals, labels)).detail("missing", missing)
                .detail("out_of_range", outOfRange);
            return Transformed.of(edit.build(), r.build());
        }
    }

    static final class Type extends BuiltInType<Bin> {
        Type() {
            super(TYPE);
        }

        @SuppressWarnings("unchecked")
        private static void readBins(Params p, String key, List<Interval> iv, List<String> ls) {
            for (Object o : p.list(key)) {
                if (!(o instanceof Map)) {
                    throw p.error("each of '" + key + "' must be an object with interval and label");
                }
                Params.read(TYPE, (Map<String, Object>) o, b -> {
                    iv.add(p.valid(() -> Interval.parse(b.string("interval"))));
                    return ls.add(b.string("label"));
                });
            }
        }

        @Override
        Bin read(Params p) {
            String column = p.string("column");
            String output = p.string("output");
            return p.valid(() -> {
                Bin b;
                if (p.has("quantiles")) {
                    b = quantiles(column, p.integer("quantiles"));
                    List<String> labels = p.optStrings("labels");
                    if (labels != null) {
                        b = b.labels(labels.toArray(new String[0]));
                    }
                } else {
                    List<Interval> iv = new ArrayList<>();
                    List<String> ls = new ArrayList<>();
                    readBins(p, "bins", iv, ls);
                    b = new Bin(column, null, iv, ls, 0);
                }
                return b.into(output);
            });
        }

        @Override
        public FittedStep readFitted(Map<String, Object> json) {
            return Params.read(TYPE, json, p -> {
                ColumnType t = p.enumValue("column_type", ColumnType.class);
                String column = p.string("column");
                String output = p.string("output");
                int q = p.has("quantiles") ? p.integer("quantiles") : 0;
                List<String> ql = p.optStrings("labels");
                List<Interval> iv = new ArrayList<>();
                List<String> ls = new ArrayList<>();
                readBins(p, q > 0 ? "fitted_bins" : "bins", iv, ls);
                p.done();
                if (iv.size() != ls.size() || iv.isEmpty()) {
                    throw p.error("needs one label per bin and at least one bin");
                }
                return new Fitted(column, output, t, iv, ls, q, ql == null ? List.of() : ql);
            });
        }
    }
}
