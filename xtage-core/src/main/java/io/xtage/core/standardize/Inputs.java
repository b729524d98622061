package io.xtage.core.standardize;

import io.xtage.core.Reject;
import io.xtage.core.SchemaException;
import io.xtage.core.coerce.DateShapeReport;
import io.xtage.core.schema.ColumnType;
import io.xtage.core.schema.Naming;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tech.tablesaw.api.BooleanColumn;
import tech.tablesaw.api.DateColumn;
import tech.tablesaw.api.DateTimeColumn;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.NumericColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;
import tech.tablesaw.columns.datetimes.PackedLocalDateTime;
import tech.tablesaw.columns.dates.PackedLocalDate;

/** Applies one input's transforms (naming, casts, dates, filters, keep) to its table. */
final class Inputs {
    private Inputs() {
    }

    /** A transformed input. */
    static final class Prepared {
        final Frame frame;
        /** Per row, the 0-based row of the input table it came from. */
        final int[] rowNumbers;
        final InputReport report;

        Prepared(Frame frame, int[] rowNumbers, InputReport report) {
            this.frame = frame;
            this.rowNumbers = rowNumbers;
            this.report = report;
        }
    }

    /**
     * @param required columns kept whatever keep() says (a lookup's keys), appended after the kept ones
     * @param applyAliases true for the fact input, whose aliases rename its own columns
     */
    static Prepared prepare(InputSpec spec, Table table, List<String> required, boolean applyAliases,
                            List<Reject> rejects, Map<String, List<DateShapeReport>> dateFormats) {
        String in = spec.name();
        List<String> originals = table.columnNames();
        List<String> names = names(spec, originals);
        int rows = table.rowCount();
        Frame f = new Frame(rows);
        for (int i = 0; i < names.size(); i++) {
            f.add(names.get(i), table.column(i), false, in, names.get(i));
        }

        long rejected = 0;
        for (Map.Entry<String, ColumnType> e : spec.casts().entrySet()) {
            int i = column(f, e.getKey(), in, "cast");
            Casts.Converted c = Casts.cast(in, e.getKey(), f.cols.get(i), e.getValue(), rejects);
            replace(f, i, c.column);
            rejected += c.rejected;
        }
        for (Map.Entry<String, DateSpec> e : spec.dates().entrySet()) {
            int i = column(f, e.getKey(), in, "parse as dates");
            Casts.Converted c = Casts.dates(in, e.getKey(), f.cols.get(i), e.getValue(), rejects, dateFormats);
            replace(f, i, c.column);
            rejected += c.rejected;
        }

        int[] rowNumbers;
        if (spec.filters().isEmpty()) {
            rowNumbers = identity(rows);
        } else {
            List<RowTest> tests = new ArrayList<>();
            for (RowFilter rf : spec.filters()) {
                tests.add(compile(f, rf, in));
            }
            int[] sel = new int[rows];
            int n = 0;
            for (int r = 0; r < rows; r++) {
                boolean pass = true;
                for (RowTest t : tests) {
                    if (!t.test(r)) {
                        pass = false;
                        break;
                    }
                }
                if (pass) {
                    sel[n++] = r;
                }
            }
            rowNumbers = java.util.Arrays.copyOf(sel, n);
            if (n < rows) {
                f = f.gather(rowNumbers);
            }
        }

        if (!spec.keep().isEmpty()) {
            Frame k = new Frame(f.rows);
            Set<String> kept = new HashSet<>();
            for (String name : spec.keep()) {
                int i = column(f, name, in, "keep");
                copyColumn(f, i, k);
                kept.add(name);
            }
            for (String name : required) {
                int i = f.index(name);
                if (i >= 0 && kept.add(name)) {
                    copyColumn(f, i, k);
                }
            }
            f = k;
        }

        if (applyAliases) {
            Set<String> taken = new HashSet<>(f.names);
            for (Map.Entry<String, String> e : spec.aliases().entrySet()) {
                int i = column(f, e.getKey(), in, "alias");
                if (taken.contains(e.getValue()) && !e.getValue().equals(e.getKey())) {
                    throw new SchemaException("input '" + in + "': alias '" + e.getValue() + "' for column '" + e.getKey()
                        + "' is already a column of the input; choose another alias");
                }
                f.names.set(i, e.getValue());
                taken.add(e.getValue());
            }
        }
        InputReport report = new InputReport(in, rows, rows - (long) f.rows, rejected);
        return new Prepared(f, rowNumbers, report);
    }

    private static List<String> names(InputSpec spec, List<String> originals) {
        String in = spec.name();
        List<String> names;
        if (spec.isSnakeCase()) {
            try {
                names = new ArrayList<>(Naming.snakeCaseAll(originals));
            } catch (SchemaException e) {
                throw new SchemaException("input '" + in + "': " + e.getMessage(), e);
            }
        } else {
            names = new ArrayList<>(originals);
        }
        for (Map.Entry<String, String> e : spec.renames().entrySet()) {
            int i = originals.indexOf(e.getKey());
            if (i < 0) {
                String hint = names.contains(e.getKey()) ? "; renames name the input's original columns" : "";
                throw new SchemaException("input '" + in + "' has no column '" + e.getKey() + "' to rename; its columns "
                    + "are " + originals + hint);
            }
            names.set(i, e.getValue());
        }
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < names.size(); i++) {
            if (!seen.add(names.get(i))) {
                throw new SchemaException("input '" + in + "': two columns are named '" + names.get(i) + "' after "
                    + "renaming (original columns " + originals + "); rename one of them");
            }
        }
        return names;
    }

    private static int column(Frame f, String name, String in, String what) {
        int i = f.index(name);
        if (i < 0) {
            throw new SchemaException("input '" + in + "' has no column '" + name + "' to " + what + "; its columns are "
                + f.names);
        }
        return i;
    }

    private static void replace(Frame f, int i, Column<?> c) {
        if (c != f.cols.get(i)) {
            f.cols.set(i, c);
            f.owned.set(i, true);
        }
    }

    private static void copyColumn(Frame from, int i, Frame to) {
        to.add(from.names.get(i), from.cols.get(i), from.owned.get(i), from.originInputs.get(i),
            from.originColumns.get(i));
    }

    static int[] identity(int n) {
        int[] a = new int[n];
        for (int i = 0; i < n; i++) {
            a[i] = i;
        }
        return a;
    }

    /** One compiled filter. */
    interface RowTest {
        boolean test(int row);
    }

    static RowTest compile(Frame f, RowFilter rf, String in) {
        int i = column(f, rf.column(), in, "filter on");
        Column<?> c = f.cols.get(i);
        ColumnType type = Keys.typeOf(c, "input '" + in + "': column '" + rf.column() + "'");
        RowFilter.Op op = rf.op();
        if (op == RowFilter.Op.IS_NULL || op == RowFilter.Op.IS_NOT_NULL) {
            boolean wantNull = op == RowFilter.Op.IS_NULL;
            if (c instanceof StringColumn) {
                StringColumn s = (StringColumn) c;
                return r -> s.get(r).isBlank() == wantNull;
            }
            return r -> c.isMissing(r) == wantNull;
        }
        Object v = rf.value().orElseThrow();
        String where = "input '" + in + "': filter " + rf + " compares a " + type + " column with ";
        switch (type) {
            case INT:
            case LONG:
            case DOUBLE: {
                if (!(v instanceof Long || v instanceof Double)) {
                    throw new SchemaException(where + describe(v) + "; use a number");
                }
                if (c instanceof LongColumn && v instanceof Long) {
                    LongColumn lc = (LongColumn) c;
                    long k = (Long) v;
                    return r -> {
                        long x = lc.getLong(r);
                        return x != Long.MIN_VALUE && holds(op, Long.compare(x, k));
                    };
                }
                NumericColumn<?> nc = (NumericColumn<?>) c;
                double k = ((Number) v).doubleValue();
                return r -> {
                    if (nc.isMissing(r)) {
                        return false;
                    }
                    double x = nc.getDouble(r);
                    return holds(op, x == k ? 0 : x < k ? -1 : 1);
                };
            }
            case STRING: {
                if (!(v instanceof String)) {
                    throw new SchemaException(where + describe(v) + "; use a text");
                }
                StringColumn s = (StringColumn) c;
                String k = (String) v;
                return r -> {
                    String x = s.get(r);
                    return !x.isBlank() && holds(op, Integer.signum(x.compareTo(k)));
                };
            }
            case LOCAL_DATE: {
                int k;
                try {
                    k = PackedLocalDate.pack(LocalDate.parse(text(v, where)));
                } catch (DateTimeParseException e) {
                    throw new SchemaException(where + describe(v) + ", which is not an ISO date (yyyy-MM-dd)", e);
                }
                DateColumn dc = (DateColumn) c;
                return r -> {
                    int x = dc.getIntInternal(r);
                    return x != Integer.MIN_VALUE && holds(op, Integer.compare(x, k));
                };
            }
            case LOCAL_DATE_TIME: {
                long k;
                try {
                    k = PackedLocalDateTime.pack(LocalDateTime.parse(text(v, where)));
                } catch (DateTimeParseException e) {
                    throw new SchemaException(where + describe(v) + ", which is not an ISO date-time", e);
                }
                DateTimeColumn dc = (DateTimeColumn) c;
                return r -> {
                    long x = dc.getLongInternal(r);
                    return x != Long.MIN_VALUE && holds(op, Long.compare(x, k));
                };
            }
            case BOOLEAN: {
                if (!(v instanceof Boolean)) {
                    throw new SchemaException(where + describe(v) + "; use true or false");
                }
                if (op != RowFilter.Op.EQ && op != RowFilter.Op.NE) {
                    throw new SchemaException("input '" + in + "': filter " + rf + " orders booleans; use eq or ne");
                }
                BooleanColumn bc = (BooleanColumn) c;
                byte k = (Boolean) v ? (byte) 1 : (byte) 0;
                return r -> !bc.isMissing(r) && holds(op, bc.getByte(r) == k ? 0 : 1);
            }
            default:
                throw new SchemaException(where + "a constant; filters do not support " + type);
        }
    }

    private static String text(Object v, String where) {
        if (!(v instanceof String)) {
            throw new SchemaException(where + describe(v) + "; use an ISO text");
        }
        return (String) v;
    }

    private static String describe(Object v) {
        return v instanceof String ? "the text '" + v + "'" : v instanceof Boolean ? "the boolean " + v
            : "the number " + v;
    }

    private static boolean holds(RowFilter.Op op, int cmp) {
        switch (op) {
            case EQ:
                return cmp == 0;
            case NE:
                return cmp != 0;
            case LT:
                return cmp < 0;
            case LE:
                return cmp <= 0;
            case GT:
                return cmp > 0;
            case GE:
                return cmp >= 0;
            default:
                throw new IllegalStateException("not a comparison: " + op);
        }
    }
}
