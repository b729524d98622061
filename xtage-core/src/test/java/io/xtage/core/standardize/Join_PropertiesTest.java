package io.xtage.core.standardize;

import static io.xtage.core.standardize.Tables.values;
import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.booleans;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import tech.tablesaw.api.DateColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * Every join type agrees with a naive nested-loop reference on random tables, missing and
 * repeated keys included, whatever the types the keys are stored as.
 */
class Join_PropertiesTest {
    /** How the key is stored on the left and on the right. */
    enum Storage { LONG_LONG, INT_LONG, TEXT_LONG, TEXT_TEXT, DOUBLE_LONG, DATE_DATE, COMPOSITE }

    /** -1 is a missing key; a small range makes matches and repeats common. */
    private static final Gen<List<Integer>> KEYS = lists().of(integers().between(-1, 5)).ofSizeBetween(0, 12);
    private static final Gen<Storage> STORAGE = integers().between(0, Storage.values().length - 1)
        .map(i -> Storage.values()[i]);

    @Test
    void leftJoinAgreesWithNestedLoop() {
        check(JoinType.LEFT);
    }

    @Test
    void innerJoinAgreesWithNestedLoop() {
        check(JoinType.INNER);
    }

    @Test
    void fullJoinAgreesWithNestedLoop() {
        check(JoinType.FULL);
    }

    private void check(JoinType type) {
        qt().withExamples(400).forAll(KEYS, KEYS, STORAGE).checkAssert((lk, rk, storage) -> {
            Table left = side("left", "lv", lk, storage, true);
            Table right = side("right", "rv", rk, storage, false);
            Standardizer s = Standardizer.from("left", left);
            s = type == JoinType.LEFT ? s.leftJoin("right", right)
                : type == JoinType.INNER ? s.innerJoin("right", right) : s.fullJoin("right", right);
            s = storage == Storage.COMPOSITE ? s.on("k", "k2") : s.on("k");
            StandardizeResult r = s.expect(Cardinality.MANY_TO_MANY).run();

            List<List<Object>> expected = new ArrayList<>();
            boolean[] rightUsed = new boolean[rk.size()];
            long matched = 0;
            for (int l = 0; l < lk.size(); l++) {
                boolean any = false;
                for (int q = 0; q < rk.size(); q++) {
                    if (equal(lk.get(l), rk.get(q), storage)) {
                        expected.add(Arrays.asList((long) l, (long) q));
                        any = true;
                        rightUsed[q] = true;
                    }
                }
                if (any) {
                    matched++;
                } else if (type != JoinType.INNER) {
                    expected.add(Arrays.asList((long) l, null));
                }
            }
            if (type == JoinType.FULL) {
                for (int q = 0; q < rk.size(); q++) {
                    if (!rightUsed[q]) {
                        expected.add(Arrays.asList(null, (long) q));
                    }
                }
            }
            List<List<Object>> actual = new ArrayList<>();
            List<Object> lv = values(r.table(), "lv");
            List<Object> rv = values(r.table(), "rv");
            for (int i = 0; i < lv.size(); i++) {
                actual.add(Arrays.asList(lv.get(i), rv.get(i)));
            }
            assertThat(actual).isEqualTo(expected);

            JoinReport rep = r.joinReports().get(0);
            assertThat(rep.leftRows()).isEqualTo(lk.size());
            assertThat(rep.rightRows()).isEqualTo(rk.size());
            assertThat(rep.matchedLeftRows()).isEqualTo(matched);
            assertThat(rep.unmatchedLeftRows()).isEqualTo(lk.size() - matched);
            assertThat(rep.outputRows()).isEqualTo(expected.size()).isEqualTo(r.table().rowCount());
            assertThat(rep.rightDuplicateKeys()).isEqualTo(repeatedKeys(rk, storage));
        });
    }

    private static boolean equal(Integer a, Integer b, Storage storage) {
        if (storage == Storage.COMPOSITE) {
            // -1 gives a missing first part, 5 a missing second part: neither ever matches
            return a >= 0 && a < 5 && a.equals(b);
        }
        return a >= 0 && a.equals(b);
    }

    private static long repeatedKeys(List<Integer> keys, Storage storage) {
        Map<Integer, Integer> counts = new HashMap<>();
        for (Integer k : keys) {
            if (equal(k, k, storage)) {
                counts.merge(k, 1, Integer::sum);
            }
        }
        return counts.values().stream().filter(c -> c > 1).count();
    }

    private static Table side(String name, String payload, List<Integer> keys, Storage storage, boolean isLeft) {
        int n = keys.size();
        Long[] ids = new Long[n];
        for (int i = 0; i < n; i++) {
            ids[i] = (long) i;
        }
        List<Column<?>> cols = new ArrayList<>();
        cols.add(Tables.longs(payload, ids));
        if (storage == Storage.COMPOSITE) {
            // (k, k2) = (v % 2, text of v / 2), with a missing part for -1 and 5
            Long[] k = new Long[n];
            String[] k2 = new String[n];
            for (int i = 0; i < n; i++) {
                int v = keys.get(i);
                k[i] = v < 0 ? null : (long) (v % 2);
                k2[i] = v == 5 ? (i % 2 == 0 ? "" : "  ") : v < 0 ? "0" : pad(v / 2, i);
            }
            cols.add(Tables.longs("k", k));
            cols.add(Tables.strings("k2", k2));
            return Tables.table(name, cols.toArray(new Column<?>[0]));
        }
        String kind = keyKind(storage, isLeft);
        switch (kind) {
            case "long": {
                Long[] k = new Long[n];
                for (int i = 0; i < n; i++) {
                    k[i] = keys.get(i) < 0 ? null : (long) keys.get(i);
                }
                cols.add(Tables.longs("k", k));
                break;
            }
            case "int": {
                Integer[] k = new Integer[n];
                for (int i = 0; i < n; i++) {
                    k[i] = keys.get(i) < 0 ? null : keys.get(i);
                }
                cols.add(Tables.ints("k", k));
                break;
            }
            case "double": {
                Double[] k = new Double[n];
                for (int i = 0; i < n; i++) {
                    k[i] = keys.get(i) < 0 ? null : (double) keys.get(i);
                }
                cols.add(Tables.doubles("k", k));
                break;
            }
            case "date": {
                DateColumn k = DateColumn.create("k");
                for (Integer v : keys) {
                    if (v < 0) {
                        k.appendMissing();
                    } else {
                        k.append(LocalDate.of(2022, 1, 1).plusDays(v));
                    }
                }
                cols.add(k);
                break;
            }
            default: {
                String[] k = new String[n];
                for (int i = 0; i < n; i++) {
                    k[i] = keys.get(i) < 0 ? (i % 2 == 0 ? "" : "   ") : pad(keys.get(i), i);
                }
                cols.add(Tables.strings("k", k));
                break;
            }
        }
        return Tables.table(name, cols.toArray(new Column<?>[0]));
    }

    private static String keyKind(Storage s, boolean isLeft) {
        switch (s) {
            case LONG_LONG:
                return "long";
            case INT_LONG:
                return isLeft ? "int" : "long";
            case TEXT_LONG:
                return isLeft ? "text" : "long";
            case TEXT_TEXT:
                return "text";
            case DOUBLE_LONG:
                return isLeft ? "double" : "long";
            default:
                return "date";
        }
    }

    /** The number as text, with spaces around it on some rows. */
    private static String pad(int v, int row) {
        return (row % 3 == 1 ? " " : "") + v + (row % 2 == 1 ? "  " : "");
    }

    // ---------------------------------------------------------------- as-of

    /** -1 is a missing key; otherwise key = v % 12 and by group = v / 12 (0, 1, or 2 = missing group). */
    private static final Gen<List<Integer>> ASOF_ROWS = lists().of(integers().between(-1, 35)).ofSizeBetween(0, 14);

    @Test
    void asOfJoinAgreesWithNestedLoop() {
        qt().withExamples(500).forAll(ASOF_ROWS, ASOF_ROWS, booleans().all(), integers().between(-1, 4))
            .checkAssert((lrows, rrows, useBy, tol) -> {
                Table left = asOfSide("left", "lv", "k", lrows);
                Table right = asOfSide("right", "rv", "k2", rrows);
                Standardizer s = Standardizer.from("left", left)
                    .asOfJoin("right", right).onPair("k", "k2").keep("rv")
                    .onDuplicateKeys(DuplicatePolicy.KEEP_LAST);
                if (useBy) {
                    s = s.by("g");
                }
                if (tol >= 0) {
                    s = s.tolerance(tol);
                }
                StandardizeResult r = s.run();

                List<Object> expected = new ArrayList<>();
                for (Integer lv : lrows) {
                    Integer best = null;
                    for (int q = 0; q < rrows.size(); q++) {
                        int rv = rrows.get(q);
                        if (lv < 0 || rv < 0) {
                            continue;
                        }
                        if (useBy && (group(lv) == null || !Objects.equals(group(lv), group(rv)))) {
                            continue;
                        }
                        int lkey = lv % 12;
                        int rkey = rv % 12;
                        if (rkey > lkey || (tol >= 0 && lkey - rkey > tol)) {
                            continue;
                        }
                        if (best == null || rkey >= rrows.get(best) % 12) {
                            best = q; // ties: the last row, as KEEP_LAST keeps
                        }
                    }
                    expected.add(best == null ? null : (long) best);
                }
                assertThat(values(r.table(), "rv")).isEqualTo(expected);
                JoinReport rep = r.joinReports().get(0);
                long matched = expected.stream().filter(Objects::nonNull).count();
                assertThat(rep.matchedLeftRows()).isEqualTo(matched);
                assertThat(rep.outputRows()).isEqualTo(lrows.size());
            });
    }

    private static Integer group(int v) {
        int g = v / 12;
        return g == 2 ? null : g;
    }

    private static Table asOfSide(String name, String payload, String key, List<Integer> rows) {
        int n = rows.size();
        Long[] ids = new Long[n];
        Long[] k = new Long[n];
        String[] g = new String[n];
        for (int i = 0; i < n; i++) {
            int v = rows.get(i);
            ids[i] = (long) i;
            k[i] = v < 0 ? null : (long) (v % 12);
            Integer grp = v < 0 ? Integer.valueOf(0) : group(v);
            g[i] = grp == null ? "" : grp == 0 ? "EUR" : "USD";
        }
        return Tables.table(name, Tables.longs(payload, ids), Tables.longs(key, k), Tables.strings("g", g));
    }
}
