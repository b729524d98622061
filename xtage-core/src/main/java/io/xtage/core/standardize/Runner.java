package io.xtage.core.standardize;

import io.xtage.core.Reject;
import io.xtage.core.RejectKind;
import io.xtage.core.SchemaException;
import io.xtage.core.XtageException;
import io.xtage.core.coerce.CoercionOptions;
import io.xtage.core.coerce.Coercers;
import io.xtage.core.coerce.DateShapeReport;
import io.xtage.core.internal.Gather;
import io.xtage.core.schema.ColumnType;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tech.tablesaw.api.DateColumn;
import tech.tablesaw.api.DateTimeColumn;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.NumericColumn;
import tech.tablesaw.api.ShortColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;
import tech.tablesaw.columns.dates.PackedLocalDate;
import tech.tablesaw.columns.datetimes.PackedLocalDateTime;

/** Runs a {@link StandardizationPlan} on bound tables with Tablesaw columns and hash joins. */
final class Runner {
    /** Keys shown in a report sample or an error. */
    static final int SAMPLE = 10;
    /** Size of the as-of join's table of recent answers. */
    private static final int MEMO_BITS = 12;
    private static final int MEMO = 1 << MEMO_BITS;

    private static final Logger log = LoggerFactory.getLogger(Runner.class);

    private final StandardizationPlan plan;
    private final String factName;
    private final List<Reject> rejects = new ArrayList<>();
    private final Map<String, List<DateShapeReport>> dateFormats = new LinkedHashMap<>();
    private final List<InputReport> inputReports = new ArrayList<>();
    private final List<JoinReport> joinReports = new ArrayList<>();
    private Frame acc;
    /** Per row of {@link #acc}, the 0-based fact row it came from; -1 for right-only rows. */
    private int[] factRow;

    private Runner(StandardizationPlan plan) {
        this.plan = plan;
        this.factName = plan.fact().name();
    }

    static StandardizeResult run(StandardizationPlan plan, Map<String, Table> tables) {
        Objects.requireNonNull(tables, "tables");
        List<String> names = plan.inputNames();
        List<String> missing = new ArrayList<>();
        for (String n : names) {
            if (tables.get(n) == null) {
                missing.add(n);
            }
        }
        if (!missing.isEmpty()) {
            throw new IllegalArgumentException("no table is bound to input(s) " + missing + "; the plan's inputs are "
                + names);
        }
        Set<String> unknown = new TreeSet<>(tables.keySet());
        unknown.removeAll(names);
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException("table(s) bound to " + unknown + ", which the plan does not use; its "
                + "inputs are " + names);
        }
        return new Runner(plan).execute(tables);
    }

    private StandardizeResult execute(Map<String, Table> tables) {
        long t0 = System.nanoTime();
        Inputs.Prepared fact = Inputs.prepare(plan.fact(), tables.get(factName), List.of(), true, rejects,
            dateFormats);
        inputReports.add(fact.report);
        acc = fact.frame;
        factRow = fact.rowNumbers;
        for (JoinSpec j : plan.joins()) {
            List<String> required = new ArrayList<>(j.rightKeys());
            required.addAll(j.byRight());
            Inputs.Prepared right = Inputs.prepare(j.input(), tables.get(j.input().name()), required, false, rejects,
                dateFormats);
            inputReports.add(right.report);
            JoinReport r = j.type() == JoinType.ASOF ? asOf(right.frame, j) : equi(right.frame, j);
            joinReports.add(r);
            if (log.isDebugEnabled()) {
                log.debug("join {}: {}", j.input().name(), r.toMap());
            }
        }
        for (InputReport r : inputReports) {
            if (r.valuesRejected() > 0) {
                log.warn("input '{}': {} values could not be cast or parsed and are missing (see rejects)", r.input(),
                    r.valuesRejected());
            }
        }
        Table table = Table.create(factName);
        Map<String, String> origins = new LinkedHashMap<>();
        for (int i = 0; i < acc.size(); i++) {
            Column<?> c = acc.cols.get(i);
            if (!acc.owned.get(i)) {
                c = c.copy();
            }
            c.setName(acc.names.get(i));
            table.addColumns(c);
            origins.put(acc.names.get(i), acc.originInputs.get(i) + "." + acc.originColumns.get(i));
        }
        log.debug("standardized {} inputs into {} rows x {} columns in {} ms", inputReports.size(), table.rowCount(),
            table.columnCount(), (System.nanoTime() - t0) / 1_000_000);
        return new StandardizeResult(table, inputReports, joinReports, rejects, dateFormats, origins);
    }

    // ---------------------------------------------------------------- equi-joins

    private JoinReport equi(Frame right, JoinSpec j) {
        String rn = j.input().name();
        Frame left = acc;
        int k = j.leftKeys().size();
        Column<?>[] lk = leftColumns(left, j.leftKeys(), rn);
        Column<?>[] rk = rightColumns(right, j.rightKeys(), rn);
        Keys.Domain[] dom = new Keys.Domain[k];
        for (int i = 0; i < k; i++) {
            dom[i] = domain(lk[i], rk[i], j.leftKeys().get(i), j.rightKeys().get(i), rn);
        }
        long rightRows = right.rows;
        Keys.Encoder enc = new Keys.Encoder(dom, right.rows);
        int[] rIds = enc.encode(readers(rk, dom), right.rows, true);
        Repeats rep = repeats(rIds, enc.size(), rk);

        Set<String> keyCols = new HashSet<>(j.rightKeys());
        Cardinality card = j.cardinality();
        if (card.isRightUnique()) {
            boolean aggregate = j.duplicates().kind() == DuplicatePolicy.Kind.AGGREGATE;
            if (rep.count > 0 && j.duplicates().kind() == DuplicatePolicy.Kind.FAIL) {
                throw cardinality(rn, "right", card, rep, j.rightKeys(), rightRows);
            }
            if (aggregate || rep.count > 0) {
                right = Duplicates.apply(right, rIds, enc.size(), j.duplicates(), keyCols, rn);
                rk = rightColumns(right, j.rightKeys(), rn);
                enc = new Keys.Encoder(dom, right.rows);
                rIds = enc.encode(readers(rk, dom), right.rows, true);
            }
        }
        if (card.isLeftUnique()) {
            Keys.Encoder le = new Keys.Encoder(dom, left.rows);
            int[] own = le.encode(readers(lk, dom), left.rows, true);
            Repeats lrep = repeats(own, le.size(), lk);
            if (lrep.count > 0) {
                throw cardinality(rn, "left", card, lrep, j.leftKeys(), left.rows);
            }
        }
        int[] lIds = enc.encode(readers(lk, dom), left.rows, false);
        JoinIndex ix = JoinIndex.equi(lIds, rIds, enc.size(), j.type(), rn);

        Frame out = new Frame(ix.rows);
        List<Column<?>> gathered = ix.leftIdentity ? left.cols : Gather.columns(left.cols, ix.leftIdx);
        for (int i = 0; i < left.size(); i++) {
            Column<?> c = gathered.get(i);
            boolean owned = left.owned.get(i);
            if (!ix.leftIdentity) {
                owned = true;
                int keyPos = j.leftKeys().indexOf(left.names.get(i));
                if (keyPos >= 0 && ix.unmatchedRight > 0) {
                    c = coalesceKey(c, rk[keyPos], ix, left.names.get(i), j.rightKeys().get(keyPos), rn);
                }
            }
            out.add(left.names.get(i), c, owned, left.originInputs.get(i), left.originColumns.get(i));
        }
        bring(out, left, right, keyCols, ix.rightIdx, j);
        List<String> sample = unmatched(lIds, lk, j);
        int[] newFactRow = ix.leftIdentity ? factRow : Gather.ints(factRow, ix.leftIdx);
        JoinReport report = new JoinReport(leftName(left, j.leftKeys()), rn, j.type(), left.rows, rightRows,
            ix.matchedLeft, sample, rep.count, rep.sample, ix.unmatchedRight, ix.rows);
        if (j.type() == JoinType.INNER && report.unmatchedLeftRows() > 0) {
            log.warn("inner join '{}' dropped {} of {} rows whose key has no match (sample {})", rn,
                report.unmatchedLeftRows(), left.rows, sample);
        }
        acc = out;
        factRow = newFactRow;
        return report;
    }

    /** Index arrays of an equi-join's output rows. */
    static final class JoinIndex {
        int[] leftIdx;
        int[] rightIdx;
        boolean leftIdentity;
        long matchedLeft;
        long unmatchedRight;
        int rows;

        static JoinIndex equi(int[] lIds, int[] rIds, int distinct, JoinType type, String rn) {
            JoinIndex ix = new JoinIndex();
            int[] counts = new int[distinct];
            for (int id : rIds) {
                if (id >= 0) {
                    counts[id]++;
                }
            }
            int[] start = new int[distinct + 1];
            for (int i = 0; i < distinct; i++) {
                start[i + 1] = start[i] + counts[i];
            }
            int[] order = new int[start[distinct]];
            int[] fill = start.clone();
            for (int r = 0; r < rIds.length; r++) {
                if (rIds[r] >= 0) {
                    order[fill[rIds[r]]++] = r;
                }
            }
            boolean[] used = type == JoinType.FULL ? new boolean[distinct] : null;
            long total = 0;
            long matched = 0;
            for (int id : lIds) {
                if (id >= 0) {
                    total += counts[id];
                    matched++;
                    if (used != null) {
                        used[id] = true;
                    }
                } else if (type != JoinType.INNER) {
                    total++;
                }
            }
            long unmatchedRight = 0;
            if (used != null) {
                for (int id : rIds) {
                    if (id < 0 || !used[id]) {
                        unmatchedRight++;
                    }
                }
            }
            long rows = total + unmatchedRight;
            if (rows > Integer.MAX_VALUE - 8) {
                throw new XtageException("join '" + rn + "' would produce " + rows + " rows, more than a table can "
                    + "hold; check the keys (see expect(...))");
            }
            ix.rows = (int) rows;
            ix.matchedLeft = matched;
            ix.unmatchedRight = unmatchedRight;
            ix.leftIdentity = unmatchedRight == 0 && rows == lIds.length
                && (type != JoinType.INNER || matched == lIds.length);
            int[] li = ix.leftIdentity ? null : new int[ix.rows];
            int[] ri = new int[ix.rows];
            int o = 0;
            for (int l = 0; l < lIds.length; l++) {
                int id = lIds[l];
                if (id >= 0) {
                    for (int p = start[id]; p < start[id + 1]; p++) {
                        if (li != null) {
                            li[o] = l;
                        }
                        ri[o++] = order[p];
                    }
                } else if (type != JoinType.INNER) {
                    if (li != null) {
                        li[o] = l;
                    }
                    ri[o++] = -1;
                }
            }
            if (used != null) {
                for (int r = 0; r < rIds.length; r++) {
                    if (rIds[r] < 0 || !used[rIds[r]]) {
                        li[o] = -1;
                        ri[o++] = r;
                    }
                }
            }
            ix.leftIdx = li;
            ix.rightIdx = ri;
            return ix;
        }
    }

    // ---------------------------------------------------------------- as-of join

    private JoinReport asOf(Frame right, JoinSpec j) {
        String rn = j.input().name();
        Frame left = acc;
        String lon = j.leftKeys().get(0);
        String ron = j.rightKeys().get(0);
        int nb = j.byLeft().size();
        Column<?>[] lb = leftColumns(left, j.byLeft(), rn);
        Column<?>[] rb = rightColumns(right, j.byRight(), rn);
        Column<?> lo = leftColumns(left, List.of(lon), rn)[0];
        Column<?> ro = rightColumns(right, List.of(ron), rn)[0];
        AsOfKind kind = asOfKind(lo, ro, lon, ron, rn);

        // the right key is (by..., on): it must be unique, or made unique by the policy
        Keys.Domain[] dom = new Keys.Domain[nb + 1];
        List<String> rightKeyNames = new ArrayList<>(j.byRight());
        rightKeyNames.add(ron);
        for (int i = 0; i < nb; i++) {
            dom[i] = domain(lb[i], rb[i], j.byLeft().get(i), j.byRight().get(i), rn);
        }
        dom[nb] = domain(lo, ro, lon, ron, rn);
        Column<?>[] rkey = concat(rb, ro);
        Keys.Encoder enc = new Keys.Encoder(dom, right.rows);
        int[] rIds = enc.encode(readers(rkey, dom), right.rows, true);
        Repeats rep = repeats(rIds, enc.size(), rkey);
        long rightRows = right.rows;
        Set<String> keyCols = new HashSet<>(rightKeyNames);
        boolean aggregate = j.duplicates().kind() == DuplicatePolicy.Kind.AGGREGATE;
        if (rep.count > 0 && j.duplicates().kind() == DuplicatePolicy.Kind.FAIL) {
            throw cardinality(rn, "right", Cardinality.MANY_TO_ONE, rep, rightKeyNames, rightRows);
        }
        if (aggregate || rep.count > 0) {
            right = Duplicates.apply(right, rIds, enc.size(), j.duplicates(), keyCols, rn);
            rb = rightColumns(right, j.byRight(), rn);
            ro = rightColumns(right, List.of(ron), rn)[0];
        }

        // groups of equal by values
        int[] rGroup;
        int[] lGroup;
        int groups;
        if (nb == 0) {
            rGroup = new int[right.rows];
            lGroup = new int[left.rows];
            groups = 1;
        } else {
            Keys.Domain[] byDom = java.util.Arrays.copyOf(dom, nb);
            Keys.Encoder ge = new Keys.Encoder(byDom, right.rows);
            rGroup = ge.encode(readers(rb, byDom), right.rows, true);
            lGroup = ge.encode(readers(lb, byDom), left.rows, false);
            groups = ge.size();
        }
        long[] rv = kind.orderKeys(ro);
        long[] lv = kind.orderKeys(lo);
        // right rows that can match, sorted by (group, key)
        int n = 0;
        int[] rows = new int[right.rows];
        for (int r = 0; r < right.rows; r++) {
            if (rGroup[r] >= 0 && rv[r] != Long.MIN_VALUE) {
                rows[n++] = r;
            }
        }
        rows = java.util.Arrays.copyOf(rows, n);
        sortByGroupThenKey(rows, rGroup, rv);
        int[] segStart = new int[groups + 1];
        for (int r : rows) {
            segStart[rGroup[r] + 1]++;
        }
        for (int g = 0; g < groups; g++) {
            segStart[g + 1] += segStart[g];
        }
        long[] sortedKeys = new long[n];
        for (int p = 0; p < n; p++) {
            sortedKeys[p] = rv[rows[p]];
        }
        double tol = j.tolerance().orElse(Double.NaN);
        int[] rightIdx = new int[left.rows];
        int[] lIds = new int[left.rows];
        long matched = 0;
        // Left keys repeat (dates, ids): remember recent answers, by (group, key), in a small table.
        int[] memoGroup = new int[MEMO];
        long[] memoKey = new long[MEMO];
        int[] memoHit = new int[MEMO];
        java.util.Arrays.fill(memoGroup, -1);
        for (int l = 0; l < left.rows; l++) {
            int g = lGroup[l];
            long key = lv[l];
            int hit = -1;
            int memo = (int) ((key * 0x9E3779B97F4A7C15L + g) >>> (64 - MEMO_BITS));
            if (g >= 0 && key != Long.MIN_VALUE && memoGroup[memo] == g && memoKey[memo] == key) {
                hit = memoHit[memo];
            } else if (g >= 0 && key != Long.MIN_VALUE) {
                int lo2 = segStart[g];
                int hi = segStart[g + 1] - 1;
                int found = -1;
                while (lo2 <= hi) {
                    int mid = (lo2 + hi) >>> 1;
                    if (sortedKeys[mid] <= key) {
                        found = mid;
                        lo2 = mid + 1;
                    } else {
                        hi = mid - 1;
                    }
                }
                if (found >= 0 && (Double.isNaN(tol) || kind.within(key, sortedKeys[found], tol))) {
                    hit = rows[found];
                }
                memoGroup[memo] = g;
                memoKey[memo] = key;
                memoHit[memo] = hit;
            }
            rightIdx[l] = hit;
            lIds[l] = hit;
            if (hit >= 0) {
                matched++;
            }
        }
        Frame out = new Frame(left.rows);
        for (int i = 0; i < left.size(); i++) {
            out.add(left.names.get(i), left.cols.get(i), left.owned.get(i), left.originInputs.get(i),
                left.originColumns.get(i));
        }
        bring(out, left, right, keyCols, rightIdx, j);
        Column<?>[] leftKeyCols = concat(lb, lo);
        List<String> sample = unmatched(lIds, leftKeyCols, j);
        List<String> leftKeyNames = new ArrayList<>(j.byLeft());
        leftKeyNames.add(lon);
        JoinReport report = new JoinReport(leftName(left, leftKeyNames), rn, JoinType.ASOF, left.rows, rightRows,
            matched, sample, rep.count, rep.sample, 0, left.rows);
        acc = out;
        return report;
    }

    /** How an as-of key is ordered and how far apart two keys are. */
    private enum AsOfKind {
        INTEGRAL, DOUBLE, DAYS, MILLIS;

        /** @return per row a key whose long order is the value order; Long.MIN_VALUE when missing */
        long[] orderKeys(Column<?> c) {
            int n = c.size();
            long[] out = new long[n];
            for (int i = 0; i < n; i++) {
                if (c.isMissing(i)) {
                    out[i] = Long.MIN_VALUE;
                    continue;
                }
                switch (this) {
                    case INTEGRAL:
                        out[i] = c instanceof LongColumn ? ((LongColumn) c).getLong(i)
                            : (long) ((NumericColumn<?>) c).getDouble(i);
                        break;
                    case DOUBLE:
                        out[i] = sortable(c instanceof LongColumn ? (double) ((LongColumn) c).getLong(i)
                            : ((NumericColumn<?>) c).getDouble(i));
                        break;
                    case DAYS:
                        out[i] = PackedLocalDate.toEpochDay(((DateColumn) c).getIntInternal(i));
                        break;
                    default: {
                        LocalDateTime t = PackedLocalDateTime.asLocalDateTime(((DateTimeColumn) c).getLongInternal(i));
                        out[i] = t.toEpochSecond(ZoneOffset.UTC) * 1000 + t.getNano() / 1_000_000;
                        break;
                    }
                }
            }
            return out;
        }

        boolean within(long leftKey, long rightKey, double tol) {
            if (this == DOUBLE) {
                return unsortable(leftKey) - unsortable(rightKey) <= tol;
            }
            long limit = (long) Math.floor(this == MILLIS ? tol * 1000 : tol);
            return Long.compareUnsigned(leftKey - rightKey, limit) <= 0;
        }

        static long sortable(double d) {
            long bits = Double.doubleToLongBits(d == 0.0 ? 0.0 : d);
            return bits ^ ((bits >> 63) & Long.MAX_VALUE);
        }

        static double unsortable(long s) {
            return Double.longBitsToDouble(s ^ ((s >> 63) & Long.MAX_VALUE));
        }
    }

    private static AsOfKind asOfKind(Column<?> lo, Column<?> ro, String lon, String ron, String rn) {
        ColumnType lt = Keys.typeOf(lo, "as-of join '" + rn + "': left key '" + lon + "'");
        ColumnType rt = Keys.typeOf(ro, "as-of join '" + rn + "': right key '" + ron + "'");
        boolean li = lt == ColumnType.INT || lt == ColumnType.LONG;
        boolean ri = rt == ColumnType.INT || rt == ColumnType.LONG;
        if (li && ri) {
            return AsOfKind.INTEGRAL;
        }
        if (lt.isNumeric() && rt.isNumeric()) {
            return AsOfKind.DOUBLE;
        }
        if (lt == rt && lt == ColumnType.LOCAL_DATE) {
            return AsOfKind.DAYS;
        }
        if (lt == rt && lt == ColumnType.LOCAL_DATE_TIME) {
            return AsOfKind.MILLIS;
        }
        throw new SchemaException("as-of join '" + rn + "': cannot order a " + lt + " key ('" + lon + "') against a "
            + rt + " key ('" + ron + "'); as-of keys are both numbers, both LOCAL_DATE or both LOCAL_DATE_TIME "
            + "(parse text with dates(...) first)");
    }

    /** Stable merge sort of row indexes by (group, key). */
    private static void sortByGroupThenKey(int[] rows, int[] group, long[] key) {
        int n = rows.length;
        int[] tmp = new int[n];
        for (int width = 1; width < n; width *= 2) {
            for (int lo = 0; lo < n - width; lo += 2 * width) {
                int mid = lo + width;
                int hi = Math.min(lo + 2 * width, n);
                int a = lo;
                int b = mid;
                int o = lo;
                while (a < mid && b < hi) {
                    int ra = rows[a];
                    int rb = rows[b];
                    int c = group[ra] != group[rb] ? Integer.compare(group[ra], group[rb]) : Long.compare(key[ra], key[rb]);
                    tmp[o++] = c <= 0 ? rows[a++] : rows[b++];
                }
                while (a < mid) {
                    tmp[o++] = rows[a++];
                }
                while (b < hi) {
                    tmp[o++] = rows[b++];
                }
                System.arraycopy(tmp, lo, rows, lo, hi - lo);
            }
        }
    }

    // ---------------------------------------------------------------- shared parts

    private static Column<?>[] concat(Column<?>[] a, Column<?> b) {
        Column<?>[] out = java.util.Arrays.copyOf(a, a.length + 1);
        out[a.length] = b;
        return out;
    }

    private Column<?>[] leftColumns(Frame left, List<String> names, String rn) {
        Column<?>[] out = new Column<?>[names.size()];
        for (int i = 0; i < out.length; i++) {
            int idx = left.index(names.get(i));
            if (idx < 0) {
                throw new SchemaException("join '" + rn + "': left key '" + names.get(i) + "' is not a column of the "
                    + "table built so far (was it left out by keep(...), or renamed by an alias?); its columns are "
                    + left.names);
            }
            out[i] = left.cols.get(idx);
        }
        return out;
    }

    private static Column<?>[] rightColumns(Frame right, List<String> names, String rn) {
        Column<?>[] out = new Column<?>[names.size()];
        for (int i = 0; i < out.length; i++) {
            int idx = right.index(names.get(i));
            if (idx < 0) {
                throw new SchemaException("join '" + rn + "': right key '" + names.get(i) + "' is not a column of input '"
                    + rn + "' (after its renames); its columns are " + right.names);
            }
            out[i] = right.cols.get(idx);
        }
        return out;
    }

    private static Keys.Domain domain(Column<?> l, Column<?> r, String ln, String rName, String rn) {
        String what = "join '" + rn + "': key " + ln + " = " + rName;
        return Keys.domain(Keys.typeOf(l, what), Keys.typeOf(r, what), what);
    }

    private static Keys.Reader[] readers(Column<?>[] cols, Keys.Domain[] dom) {
        Keys.Reader[] out = new Keys.Reader[cols.length];
        for (int i = 0; i < cols.length; i++) {
            out[i] = Keys.reader(cols[i], dom[i]);
        }
        return out;
    }

    /** Keys that occur more than once on one side. */
    private static final class Repeats {
        long count;
        final List<String> sample = new ArrayList<>();
        final List<Integer> sampleRows = new ArrayList<>();
    }

    private static Repeats repeats(int[] ids, int distinct, Column<?>[] cols) {
        int[] counts = new int[distinct];
        for (int id : ids) {
            if (id >= 0) {
                counts[id]++;
            }
        }
        Repeats rep = new Repeats();
        for (int c : counts) {
            if (c > 1) {
                rep.count++;
            }
        }
        if (rep.count > 0) {
            boolean[] seen = new boolean[distinct];
            for (int r = 0; r < ids.length && rep.sample.size() < SAMPLE; r++) {
                int id = ids[r];
                if (id >= 0 && counts[id] > 1 && !seen[id]) {
                    seen[id] = true;
                    rep.sample.add(Keys.render(cols, r));
                    rep.sampleRows.add(counts[id]);
                }
            }
        }
        return rep;
    }

    private static CardinalityException cardinality(String rn, String side, Cardinality card, Repeats rep,
                                                    List<String> keyNames, long rows) {
        StringBuilder keys = new StringBuilder();
        for (int i = 0; i < rep.sample.size(); i++) {
            keys.append(i == 0 ? "" : ", ").append(rep.sample.get(i)).append(" (").append(rep.sampleRows.get(i))
                .append(" rows)");
        }
        String fix = side.equals("right")
            ? "declare onDuplicateKeys(KEEP_FIRST | KEEP_LAST | aggregate(...)), or expect(...) a cardinality that "
                + "allows repeats"
            : "expect(...) a cardinality that allows repeated left keys";
        String msg = "join '" + rn + "' expects " + card + ", but " + rep.count + " " + side + " key(s) " + keyNames
            + " repeat among " + rows + " " + side + " rows: " + keys + (rep.count > rep.sample.size() ? ", ..." : "")
            + "; " + fix;
        return new CardinalityException(rn, side, card, rep.count, rep.sample, msg);
    }

    /** Adds the right input's brought columns to {@code out}, named by alias, as is, or with a prefix. */
    private static void bring(Frame out, Frame left, Frame right, Set<String> keyCols, int[] rightIdx, JoinSpec j) {
        String rn = j.input().name();
        Map<String, String> aliases = j.input().aliases();
        Set<String> taken = new HashSet<>(left.names);
        List<String> brought = new ArrayList<>();
        for (String n : right.names) {
            if (!keyCols.contains(n)) {
                brought.add(n);
            }
        }
        for (String a : aliases.keySet()) {
            if (!brought.contains(a)) {
                throw new SchemaException("join '" + rn + "': alias for column '" + a + "', but the join does not bring "
                    + "it" + (keyCols.contains(a) ? " (key columns are not brought; their values equal the left keys)"
                    : "") + "; it brings " + brought);
            }
        }
        String prefix = prefix(rn);
        List<String> names = new ArrayList<>();
        List<Integer> from = new ArrayList<>();
        for (int i = 0; i < right.size(); i++) {
            String c = right.names.get(i);
            if (keyCols.contains(c)) {
                continue;
            }
            String alias = aliases.get(c);
            String name;
            if (alias != null) {
                if (taken.contains(alias)) {
                    throw new SchemaException("join '" + rn + "': alias '" + alias + "' for column '" + c + "' is already "
                        + "a column of the table" + from(out, alias) + "; choose another alias");
                }
                name = alias;
            } else if (taken.contains(c)) {
                if (j.collisions() == CollisionPolicy.FAIL) {
                    throw new SchemaException("join '" + rn + "' brings column '" + c + "', which the table already has"
                        + from(out, c) + "; declare alias(\"" + c + "\", ...) or onCollision(CollisionPolicy.PREFIX)");
                }
                name = prefix + "_" + c;
                if (taken.contains(name)) {
                    throw new SchemaException("join '" + rn + "' brings column '" + c + "', which the table already has"
                        + from(out, c) + ", and its prefixed name '" + name + "' is taken too; declare alias(\"" + c
                        + "\", ...)");
                }
            } else {
                name = c;
            }
            taken.add(name);
            names.add(name);
            from.add(i);
        }
        List<Column<?>> sources = new ArrayList<>(from.size());
        for (int i : from) {
            sources.add(right.cols.get(i));
        }
        List<Column<?>> cols = Gather.columns(sources, rightIdx);
        for (int k = 0; k < from.size(); k++) {
            int i = from.get(k);
            out.add(names.get(k), cols.get(k), true, right.originInputs.get(i), right.originColumns.get(i));
        }
    }

    static String prefix(String inputName) {
        String p = io.xtage.core.schema.Naming.snakeCase(inputName);
        return p.isEmpty() ? inputName : p;
    }

    private static String from(Frame f, String name) {
        int i = f.index(name);
        return i < 0 ? "" : " (from " + f.originInputs.get(i) + "." + f.originColumns.get(i) + ")";
    }

    private static String leftName(Frame left, List<String> keys) {
        Set<String> inputs = new LinkedHashSet<>();
        for (String k : keys) {
            inputs.add(left.originInputs.get(left.index(k)));
        }
        return String.join("+", inputs);
    }

    /** Collects the sample of unmatched keys and, when asked, the rejects of unmatched left rows. */
    private List<String> unmatched(int[] lIds, Column<?>[] lk, JoinSpec j) {
        String rn = j.input().name();
        Set<String> sample = new LinkedHashSet<>();
        boolean dropped = j.type() == JoinType.INNER;
        String column = String.join(",", j.type() == JoinType.ASOF ? withBy(j) : j.leftKeys());
        for (int l = 0; l < lIds.length; l++) {
            if (lIds[l] >= 0) {
                continue;
            }
            if (sample.size() < SAMPLE || j.isRejectUnmatched()) {
                String key = Keys.render(lk, l);
                if (sample.size() < SAMPLE) {
                    sample.add(key);
                }
                if (j.isRejectUnmatched()) {
                    boolean isNull = false;
                    for (Column<?> c : lk) {
                        isNull |= c instanceof StringColumn ? ((StringColumn) c).get(l).isBlank() : c.isMissing(l);
                    }
                    String reason = (isNull ? "the key is missing, so it matches no row of '" + rn + "'"
                        : j.type() == JoinType.ASOF ? "no row of '" + rn + "' has a key at or before this one"
                        + (j.byLeft().isEmpty() ? "" : " in its " + j.byLeft() + " group")
                        + (j.tolerance().isPresent() ? " within tolerance " + j.tolerance().getAsDouble() : "")
                        : "no row of '" + rn + "' has this key") + " (" + j.type().jsonName() + " join"
                        + (dropped ? ", row dropped)" : ")");
                    long record = factRow[l] >= 0 ? factRow[l] + 1L : 0L;
                    rejects.add(Reject.builder(factName, record).column(column).rawValue(key).reason(reason)
                        .kind(RejectKind.CONSTRAINT).rowDropped(dropped).build());
                }
            }
        }
        return new ArrayList<>(sample);
    }

    private static List<String> withBy(JoinSpec j) {
        List<String> l = new ArrayList<>(j.byLeft());
        l.addAll(j.leftKeys());
        return l;
    }

    /**
     * A full join's left key column: right-only rows take the right key's value, converted to
     * the left key's type (an INT left key meeting a LONG right key becomes LONG).
     */
    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Column<?> coalesceKey(Column<?> gathered, Column<?> rightKey, JoinIndex ix, String leftName,
                                         String rightName, String rn) {
        Column out = gathered;
        ColumnType lt = Keys.typeOf(gathered, leftName);
        if ((gathered instanceof IntColumn || gathered instanceof ShortColumn) && rightKey instanceof LongColumn) {
            long[] v = new long[gathered.size()];
            for (int i = 0; i < v.length; i++) {
                v[i] = gathered.isMissing(i) ? Long.MIN_VALUE : (long) ((NumericColumn<?>) gathered).getDouble(i);
            }
            out = LongColumn.create(gathered.name(), v);
            lt = ColumnType.LONG;
        }
        for (int row = 0; row < ix.rows; row++) {
            int r = ix.rightIdx[row];
            if (ix.leftIdx[row] >= 0 || r < 0 || rightKey.isMissing(r)) {
                continue;
            }
            Object v = convert(rightKey, r, lt, out);
            if (v == null) {
                throw new SchemaException("full join '" + rn + "': right-only key '" + Keys.render(rightKey, r)
                    + "' of column '" + rightName + "' cannot be stored in the left key column '" + leftName + "' ("
                    + lt + "); cast one side so that both keys have the same type");
            }
            out.set(row, v);
        }
        return out;
    }

    /** @return the value of {@code c} at {@code r} in the type of {@code target}, or null if it does not fit */
    private static Object convert(Column<?> c, int r, ColumnType type, Column<?> target) {
        Object v = c.get(r);
        switch (type) {
            case LONG:
            case INT: {
                long x;
                if (c instanceof StringColumn) {
                    x = Keys.parseIntegral((String) v);
                    if (x == Keys.NO_CODE) {
                        return null;
                    }
                } else if (c instanceof LongColumn) {
                    x = (Long) v;
                } else if (c instanceof NumericColumn) {
                    double d = ((NumericColumn<?>) c).getDouble(r);
                    if (d != Math.rint(d) || Math.abs(d) >= 0x1p63) {
                        return null;
                    }
                    x = (long) d;
                } else {
                    return null;
                }
                if (target instanceof IntColumn) {
                    return x > Integer.MIN_VALUE && x <= Integer.MAX_VALUE ? (Object) (int) x : null;
                }
                if (target instanceof ShortColumn) {
                    return x > Short.MIN_VALUE && x <= Short.MAX_VALUE ? (Object) (short) x : null;
                }
                return x;
            }
            case DOUBLE: {
                double d;
                if (c instanceof StringColumn) {
                    try {
                        d = Coercers.parseDouble((String) v, CoercionOptions.DEFAULT);
                    } catch (XtageException e) {
                        return null;
                    }
                } else if (c instanceof NumericColumn) {
                    d = c instanceof LongColumn ? (double) (Long) v : ((NumericColumn<?>) c).getDouble(r);
                } else {
                    return null;
                }
                return target instanceof DoubleColumn ? (Object) d : (Object) (float) d;
            }
            case STRING:
                return String.valueOf(v);
            default:
                return Keys.typeOf(c, "") == type ? v : null;
        }
    }
}
