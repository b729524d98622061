package io.xtage.bench;

import java.io.IOException;
import java.math.BigDecimal;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Compares two W1 outputs, row order ignored: the Java twin of
 * {@code shared/bench/reference/compare_outputs.py}, so that the harness needs no Python.
 *
 * <pre>java -cp xtage-bench/target/xtage-bench.jar io.xtage.bench.W1Compare A.csv B.csv</pre>
 *
 * <p>Both files are sorted by {@code transaction_id} (ties broken by the whole row), then checked:
 * row count; column names and order; {@code sum(total)} and {@code sum(total_eur)} (relative
 * 1e-9); missing values per column; counts per {@code age_group}; and every cell of the columns
 * both files have, numbers within {@code |a - b| <= 1e-9 + 1e-9 * |b|} (numpy's {@code isclose}),
 * text exactly, two missing cells being equal. A column is compared as numbers when every
 * non-empty cell of it, in both files, is a number. Prints one {@code ok} or {@code DIFF} line
 * per check and exits 0 when all agree, 1 when any differs, 2 when a file cannot be read.
 *
 * @since 0.1.0
 */
public final class W1Compare {

    static final double RTOL = 1e-9;
    static final double ATOL = 1e-9;
    static final double SUM_RTOL = 1e-9;
    private static final String KEY = "transaction_id";

    private W1Compare() {
    }

    /**
     * @param args A.csv B.csv
     * @since 0.1.0
     */
    public static void main(String[] args) {
        if (args.length != 2) {
            System.err.println("usage: W1Compare A.csv B.csv");
            System.exit(2);
        }
        int rc;
        try {
            rc = compare(Path.of(args[0]), Path.of(args[1]), System.out);
        } catch (IOException | IllegalArgumentException e) {
            System.err.println("W1Compare: " + e.getMessage());
            rc = 2;
        }
        System.exit(rc);
    }

    /**
     * @return 0 when the two files agree, 1 when they differ
     * @throws IOException if a file cannot be read or is not CSV
     * @throws IllegalArgumentException if a file has no {@code transaction_id} column or ragged rows
     */
    static int compare(Path aPath, Path bPath, PrintStream out) throws IOException {
        long t0 = System.nanoTime();
        LoadedCsv.Shape sa = LoadedCsv.scan(aPath);
        LoadedCsv.Shape sb = LoadedCsv.scan(bPath);
        // a column is held as numbers only when it reads as numbers in both files
        Map<String, Boolean> numeric = new HashMap<>();
        for (int i = 0; i < sa.columns.size(); i++) {
            int j = sb.columns.indexOf(sa.columns.get(i));
            numeric.put(sa.columns.get(i), sa.numeric[i] && (j < 0 || sb.numeric[j]));
        }
        for (int j = 0; j < sb.columns.size(); j++) {
            numeric.putIfAbsent(sb.columns.get(j), sb.numeric[j]);
        }
        Map<String, LoadedCsv.Dictionary> dictionaries = new HashMap<>();
        LoadedCsv a = LoadedCsv.load(aPath, sa, numeric, dictionaries);
        LoadedCsv b = LoadedCsv.load(bPath, sb, numeric, dictionaries);
        int[] oa = sortedOrder(a);
        int[] ob = sortedOrder(b);
        System.err.printf("W1Compare: read and sorted %,d + %,d rows in %.1f s%n", a.rows, b.rows,
            (System.nanoTime() - t0) / 1e9);

        Report r = new Report(out);
        r.check("rows", a.rows, b.rows);
        r.check("columns", a.columns, b.columns);
        for (String c : List.of("total", "total_eur")) {
            double x = sum(a, c);
            double y = sum(b, c);
            boolean same = Double.isNaN(x) && Double.isNaN(y)
                || Math.abs(x - y) <= SUM_RTOL * Math.max(Math.abs(x), Math.abs(y));
            r.line(same, "sum(" + c + ")", plain(x), plain(y));
        }
        r.check("missing", missing(a), missing(b));
        r.check("age_group", counts(a, "age_group"), counts(b, "age_group"));

        if (a.rows != b.rows) {
            out.println("DIFF cells            not compared: the row counts differ");
            return 1;
        }
        int badColumns = 0;
        for (int ca = 0; ca < a.columns.size(); ca++) {
            int cb = b.indexOf(a.columns.get(ca));
            if (cb < 0) {
                continue;
            }
            if (!compareColumn(a, ca, oa, b, cb, ob, out)) {
                badColumns++;
            }
        }
        r.line(badColumns == 0, "cells", badColumns == 0 ? "all cells agree" : badColumns + " columns differ", "");
        return r.failed ? 1 : 0;
    }

    private static boolean compareColumn(LoadedCsv a, int ca, int[] oa, LoadedCsv b, int cb, int[] ob, PrintStream out) {
        boolean numbers = a.isNumeric(ca) && b.isNumeric(cb);
        long differ = 0;
        int first = -1;
        for (int k = 0; k < oa.length; k++) {
            int i = oa[k];
            int j = ob[k];
            boolean same;
            if (numbers) {
                same = close(a.number(ca, i), b.number(cb, j));
            } else if (!a.isNumeric(ca) && !b.isNumeric(cb)) {
                same = a.code(ca, i) == b.code(cb, j); // shared dictionary
            } else {
                same = Objects.equals(a.isMissing(ca, i) ? null : a.show(ca, i), b.isMissing(cb, j) ? null : b.show(cb, j));
            }
            if (!same) {
                differ++;
                if (first < 0) {
                    first = k;
                }
            }
        }
        if (differ > 0) {
            int kid = a.indexOf(KEY);
            out.printf("DIFF column %s: %d cells differ, e.g. tid=%s: %s vs %s%n", a.columns.get(ca), differ,
                a.show(kid, oa[first]), a.show(ca, oa[first]), b.show(cb, ob[first]));
        }
        return differ == 0;
    }

    private static String plain(double x) {
        return Double.isFinite(x) ? BigDecimal.valueOf(x).toPlainString() : Double.toString(x);
    }

    /** numpy.isclose(x, y, rtol, atol, equal_nan=True). */
    static boolean close(double x, double y) {
        if (Double.isNaN(x) || Double.isNaN(y)) {
            return Double.isNaN(x) && Double.isNaN(y);
        }
        if (x == y) {
            return true; // equal infinities
        }
        return Math.abs(x - y) <= ATOL + RTOL * Math.abs(y);
    }

    /** Kahan sum of the non-missing numbers (pandas' sum skips NaN); NaN if the column is absent or text. */
    static double sum(LoadedCsv t, String column) {
        int c = t.indexOf(column);
        if (c < 0 || !t.isNumeric(c)) {
            return Double.NaN;
        }
        double s = 0;
        double comp = 0;
        for (int i = 0; i < t.rows; i++) {
            double v = t.number(c, i);
            if (!Double.isNaN(v)) {
                double y = v - comp;
                double z = s + y;
                comp = (z - s) - y;
                s = z;
            }
        }
        return s;
    }

    /** @return column name to its number of missing cells, for the columns that have any */
    static Map<String, Long> missing(LoadedCsv t) {
        Map<String, Long> m = new LinkedHashMap<>();
        for (int c = 0; c < t.columns.size(); c++) {
            long n = 0;
            for (int i = 0; i < t.rows; i++) {
                if (t.isMissing(c, i)) {
                    n++;
                }
            }
            if (n > 0) {
                m.put(t.columns.get(c), n);
            }
        }
        return m;
    }

    /** @return value to count, missing as {@code <missing>}; null if the column is absent */
    static Map<String, Long> counts(LoadedCsv t, String column) {
        int c = t.indexOf(column);
        if (c < 0) {
            return null;
        }
        Map<String, Long> m = new TreeMap<>();
        for (int i = 0; i < t.rows; i++) {
            String v = t.isMissing(c, i) ? "<missing>" : t.isNumeric(c) ? Double.toString(t.number(c, i)) : t.text(c, i);
            m.merge(v, 1L, Long::sum);
        }
        return m;
    }

    /**
     * Row positions in order of transaction_id, then of the whole row (so that rows repeating an
     * id line up the same way in both files).
     */
    static int[] sortedOrder(LoadedCsv t) {
        int kid = t.indexOf(KEY);
        if (kid < 0) {
            throw new IllegalArgumentException(t.path + " has no column " + KEY + "; columns: " + t.columns);
        }
        Comparator<Integer> byRow = rowComparator(t, kid);
        int n = t.rows;
        boolean packable = t.isNumeric(kid);
        for (int i = 0; packable && i < n; i++) {
            double id = t.number(kid, i);
            packable = id >= 0 && id < (1L << 31) && id == Math.rint(id);
        }
        int[] order = new int[n];
        if (!packable) {
            Integer[] boxed = new Integer[n];
            for (int i = 0; i < n; i++) {
                boxed[i] = i;
            }
            Arrays.sort(boxed, byRow);
            for (int i = 0; i < n; i++) {
                order[i] = boxed[i];
            }
            return order;
        }
        // common case: a primitive sort on (id << 32 | position), then ties by the whole row
        long[] keys = new long[n];
        for (int i = 0; i < n; i++) {
            keys[i] = ((long) t.number(kid, i) << 32) | i;
        }
        Arrays.sort(keys);
        for (int i = 0; i < n; i++) {
            order[i] = (int) keys[i];
        }
        int start = 0;
        while (start < n) {
            int end = start + 1;
            while (end < n && (keys[end] >>> 32) == (keys[start] >>> 32)) {
                end++;
            }
            if (end - start > 1) {
                List<Integer> run = new ArrayList<>(end - start);
                for (int k = start; k < end; k++) {
                    run.add(order[k]);
                }
                run.sort(byRow);
                for (int k = start; k < end; k++) {
                    order[k] = run.get(k - start);
                }
            }
            start = end;
        }
        return order;
    }

    private static Comparator<Integer> rowComparator(LoadedCsv t, int kid) {
        return (x, y) -> {
            int c = compareCell(t, kid, x, y);
            for (int col = 0; c == 0 && col < t.columns.size(); col++) {
                c = compareCell(t, col, x, y);
            }
            return c;
        };
    }

    private static int compareCell(LoadedCsv t, int col, int x, int y) {
        if (t.isNumeric(col)) {
            return Double.compare(t.number(col, x), t.number(col, y)); // NaN (missing) last
        }
        String a = t.text(col, x);
        String b = t.text(col, y);
        if (a == null || b == null) {
            return a == null ? (b == null ? 0 : 1) : -1; // missing last
        }
        return a.compareTo(b);
    }

    /** Prints aligned ok / DIFF lines and remembers whether any differed. */
    private static final class Report {
        private final PrintStream out;
        boolean failed;

        Report(PrintStream out) {
            this.out = out;
        }

        void check(String name, Object a, Object b) {
            line(Objects.equals(a, b), name, a, b);
        }

        void line(boolean ok, String name, Object a, Object b) {
            failed |= !ok;
            String flag = ok ? "ok" : "DIFF";
            if ("".equals(b) || Objects.equals(a, b)) {
                out.printf("%-4s %-16s %s%n", flag, name, a);
            } else {
                out.printf("%-4s %-16s A=%s  B=%s%n", flag, name, a, b);
            }
        }
    }
}
