package io.xtage.preprocess.internal.expr;

import io.xtage.core.schema.ColumnType;
import io.xtage.preprocess.ExpressionException;
import io.xtage.preprocess.PreprocessException;
import io.xtage.preprocess.internal.Stats;
import io.xtage.preprocess.internal.Tables;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import tech.tablesaw.api.BooleanColumn;
import tech.tablesaw.api.DateColumn;
import tech.tablesaw.api.DateTimeColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;
import tech.tablesaw.columns.dates.PackedLocalDate;
import tech.tablesaw.columns.datetimes.PackedLocalDateTime;

/** Type-checks a parse tree against a table's columns and builds vectorised evaluators. Internal. */
final class Compiler {

    /** A typed, evaluable node. */
    interface Ev {
        ExprType type();

        Vec eval();
    }

    private final String src;
    private final Table table;
    private final String step;
    private final int n;

    Compiler(String src, Table table, String step) {
        this.src = src;
        this.table = table;
        this.step = step;
        this.n = table.rowCount();
    }

    private ExpressionException error(int pos, String reason) {
        return new ExpressionException(src, pos, reason);
    }

    private static Ev ev(ExprType t, java.util.function.Supplier<Vec> f) {
        return new Ev() {
            @Override
            public ExprType type() {
                return t;
            }

            @Override
            public Vec eval() {
                return f.get();
            }
        };
    }

    Ev compile(Node node) {
        if (node instanceof Node.Lit) {
            return literal((Node.Lit) node);
        }
        if (node instanceof Node.ColRef) {
            return column((Node.ColRef) node);
        }
        if (node instanceof Node.Unary) {
            return unary((Node.Unary) node);
        }
        if (node instanceof Node.Binary) {
            return binary((Node.Binary) node);
        }
        if (node instanceof Node.IsNull) {
            return isNull((Node.IsNull) node);
        }
        if (node instanceof Node.InList) {
            return inList((Node.InList) node);
        }
        return call((Node.Call) node);
    }

    // ---- leaves

    private Ev literal(Node.Lit lit) {
        Object v = lit.value();
        switch (lit.type()) {
            case LONG: {
                long x = (Long) v;
                return ev(ExprType.LONG, () -> {
                    long[] a = new long[n];
                    java.util.Arrays.fill(a, x);
                    return Vec.longs(a);
                });
            }
            case DOUBLE: {
                double x = (Double) v;
                return ev(ExprType.DOUBLE, () -> {
                    double[] a = new double[n];
                    java.util.Arrays.fill(a, x);
                    return Vec.doubles(a);
                });
            }
            case STRING: {
                String x = (String) v;
                return ev(ExprType.STRING, () -> {
                    String[] a = new String[n];
                    java.util.Arrays.fill(a, x.isEmpty() ? null : x);
                    return Vec.strings(a);
                });
            }
            case BOOLEAN: {
                byte x = ((Boolean) v) ? Vec.TRUE : Vec.FALSE;
                return ev(ExprType.BOOLEAN, () -> {
                    byte[] a = new byte[n];
                    java.util.Arrays.fill(a, x);
                    return Vec.bools(a);
                });
            }
            case DATE: {
                int x = (Integer) v;
                return ev(ExprType.DATE, () -> {
                    int[] a = new int[n];
                    java.util.Arrays.fill(a, x);
                    return Vec.dates(a);
                });
            }
            default:
                return ev(ExprType.NULL, () -> Vec.missing(ExprType.NULL, n));
        }
    }

    private Ev column(Node.ColRef ref) {
        int idx = Tables.index(table, ref.name());
        if (idx < 0) {
            String hint = "";
            for (String c : table.columnNames()) {
                if (c.equalsIgnoreCase(ref.name())) {
                    hint = " (names are case-sensitive: did you mean '" + c + "'?)";
                }
            }
            throw error(ref.pos(), "no column '" + ref.name() + "'" + hint + "; the table has " + table.columnNames());
        }
        Column<?> c = table.column(idx);
        ColumnType ct = Tables.typeOrNull(c);
        if (ct == null) {
            throw error(ref.pos(), "column '" + ref.name() + "' has Tablesaw type " + c.type().name()
                + ", which expressions do not support");
        }
        switch (ct) {
            case INT:
            case LONG:
                return ev(ExprType.LONG, () -> Vec.longs(Tables.longs(c)));
            case DOUBLE:
                return ev(ExprType.DOUBLE, () -> Vec.doubles(Tables.doubles(c)));
            case STRING:
                return ev(ExprType.STRING, () -> {
                    String[] a = new String[n];
                    for (int i = 0; i < n; i++) {
                        String s = (String) c.get(i);
                        a[i] = s.isEmpty() ? null : s;
                    }
                    return Vec.strings(a);
                });
            case BOOLEAN:
                return ev(ExprType.BOOLEAN, () -> {
                    BooleanColumn bc = (BooleanColumn) c;
                    byte[] a = new byte[n];
                    for (int i = 0; i < n; i++) {
                        a[i] = bc.isMissing(i) ? Vec.NULL : (bc.getByte(i) == 1 ? Vec.TRUE : Vec.FALSE);
                    }
                    return Vec.bools(a);
                });
            case LOCAL_DATE:
                return ev(ExprType.DATE, () -> {
                    DateColumn dc = (DateColumn) c;
                    int[] a = new int[n];
                    for (int i = 0; i < n; i++) {
                        a[i] = dc.getIntInternal(i);
                    }
                    return Vec.dates(a);
                });
            default:
                return ev(ExprType.DATETIME, () -> {
                    DateTimeColumn dc = (DateTimeColumn) c;
                    long[] a = new long[n];
                    for (int i = 0; i < n; i++) {
                        a[i] = dc.isMissing(i) ? Long.MIN_VALUE : dc.getLongInternal(i);
                    }
                    return Vec.dateTimes(a);
                });
        }
    }

    // ---- conversions

    /** Converts e to type t: NULL to missing values of t, LONG to DOUBLE; anything else is an error. */
    private Ev coerce(Ev e, ExprType t, int pos) {
        if (e.type() == t) {
            return e;
        }
        if (e.type() == ExprType.NULL) {
            return ev(t, () -> Vec.missing(t, n));
        }
        if (e.type() == ExprType.LONG && t == ExprType.DOUBLE) {
            return ev(t, () -> {
                long[] a = e.eval().l;
                double[] d = new double[n];
                for (int i = 0; i < n; i++) {
                    d[i] = a[i] == Long.MIN_VALUE ? Double.NaN : (double) a[i];
                }
                return Vec.doubles(d);
            });
        }
        if (e.type() == ExprType.DATETIME && t == ExprType.DATE) {
            return ev(t, () -> {
                long[] a = e.eval().l;
                int[] d = new int[n];
                for (int i = 0; i < n; i++) {
                    d[i] = a[i] == Long.MIN_VALUE ? Integer.MIN_VALUE : PackedLocalDateTime.date(a[i]);
                }
                return Vec.dates(d);
            });
        }
        throw error(pos, "expected " + t + " but found " + e.type());
    }

    /** A string literal compared with a date becomes a date literal. */
    private Node dateLiteralOr(Node node, ExprType other) {
        if (other == ExprType.DATE && node instanceof Node.Lit && ((Node.Lit) node).type() == ExprType.STRING) {
            Node.Lit lit = (Node.Lit) node;
            Integer packed = Parser.packedDateOrNull((String) lit.value());
            if (packed == null) {
                throw error(lit.pos(), "'" + lit.value() + "' is compared with a date but is not a date in the form "
                    + "yyyy-MM-dd");
            }
            return new Node.Lit(lit.pos(), ExprType.DATE, packed);
        }
        return node;
    }

    // ---- operators

    private Ev unary(Node.Unary u) {
        Ev x = compile(u.operand());
        if (u.op().equals("not")) {
            if (x.type() != ExprType.BOOLEAN && x.type() != ExprType.NULL) {
                throw error(u.pos(), "'not' needs a true/false operand but found " + x.type());
            }
            Ev b = coerce(x, ExprType.BOOLEAN, u.pos());
            return ev(ExprType.BOOLEAN, () -> {
                byte[] a = b.eval().b;
                byte[] r = new byte[n];
                for (int i = 0; i < n; i++) {
                    r[i] = a[i] == Vec.NULL ? Vec.NULL : (byte) (1 - a[i]);
                }
                return Vec.bools(r);
            });
        }
        if (!x.type().isNumeric() && x.type() != ExprType.NULL) {
            throw error(u.pos(), "'-' needs a number but found " + x.type());
        }
        if (x.type() == ExprType.DOUBLE) {
            return ev(ExprType.DOUBLE, () -> {
                double[] a = x.eval().d;
                double[] r = new double[n];
                for (int i = 0; i < n; i++) {
                    r[i] = -a[i];
                }
                return Vec.doubles(r);
            });
        }
        Ev lx = coerce(x, ExprType.LONG, u.pos());
        return ev(ExprType.LONG, () -> {
            long[] a = lx.eval().l;
            long[] r = new long[n];
            for (int i = 0; i < n; i++) {
                r[i] = a[i] == Long.MIN_VALUE ? Long.MIN_VALUE : -a[i];
            }
            return Vec.longs(r);
        });
    }

    private Ev binary(Node.Binary b) {
        switch (b.op()) {
            case "and":
            case "or":
                return logical(b);
            case "+":
            case "-":
            case "*":
            case "/":
            case "%":
                return arithmetic(b);
            default:
                return comparison(b);
        }
    }

    private Ev logical(Node.Binary bn) {
        Ev l = compile(bn.left());
        Ev r = compile(bn.right());
        for (Ev e : List.of(l, r)) {
            if (e.type() != ExprType.BOOLEAN && e.type() != ExprType.NULL) {
                throw error(bn.pos(), "'" + bn.op() + "' needs true/false operands but found " + l.type() + " and "
                    + r.type());
            }
        }
        Ev lb = coerce(l, ExprType.BOOLEAN, bn.pos());
        Ev rb = coerce(r, ExprType.BOOLEAN, bn.pos());
        boolean and = bn.op().equals("and");
        return ev(ExprType.BOOLEAN, () -> {
            byte[] x = lb.eval().b;
            byte[] y = rb.eval().b;
            byte[] out = new byte[n];
            for (int i = 0; i < n; i++) {
                byte p = x[i];
                byte q = y[i];
                if (and) {
                    out[i] = p == Vec.FALSE || q == Vec.FALSE ? Vec.FALSE
                        : (p == Vec.NULL || q == Vec.NULL ? Vec.NULL : Vec.TRUE);
                } else {
                    out[i] = p == Vec.TRUE || q == Vec.TRUE ? Vec.TRUE
                        : (p == Vec.NULL || q == Vec.NULL ? Vec.NULL : Vec.FALSE);
                }
            }
            return Vec.bools(out);
        });
    }

    private Ev arithmetic(Node.Binary bn) {
        Ev l = compile(bn.left());
        Ev r = compile(bn.right());
        ExprType lt = l.type();
        ExprType rt = r.type();
        if (!(lt.isNumeric() || lt == ExprType.NULL) || !(rt.isNumeric() || rt == ExprType.NULL)) {
            throw error(bn.pos(), "cannot apply '" + bn.op() + "' to " + lt + " and " + rt + "; it needs numbers");
        }
        String op = bn.op();
        boolean dbl = lt == ExprType.DOUBLE || rt == ExprType.DOUBLE || op.equals("/");
        if (dbl) {
            Ev x = coerce(l, ExprType.DOUBLE, bn.pos());
            Ev y = coerce(r, ExprType.DOUBLE, bn.pos());
            return ev(ExprType.DOUBLE, () -> {
                double[] a = x.eval().d;
                double[] c = y.eval().d;
                double[] out = new double[n];
                switch (op) {
                    case "+":
                        for (int i = 0; i < n; i++) {
                            out[i] = a[i] + c[i];
                        }
                        break;
                    case "-":
                        for (int i = 0; i < n; i++) {
                            out[i] = a[i] - c[i];
                        }
                        break;
                    case "*":
                        for (int i = 0; i < n; i++) {
                            out[i] = a[i] * c[i];
                        }
                        break;
                    case "/":
                        for (int i = 0; i < n; i++) {
                            out[i] = c[i] == 0.0 ? Double.NaN : a[i] / c[i];
                        }
                        break;
                    default:
                        for (int i = 0; i < n; i++) {
                            out[i] = c[i] == 0.0 ? Double.NaN : a[i] % c[i];
                        }
                        break;
                }
                return Vec.doubles(out);
            });
        }
        Ev x = coerce(l, ExprType.LONG, bn.pos());
        Ev y = coerce(r, ExprType.LONG, bn.pos());
        return ev(ExprType.LONG, () -> {
            long[] a = x.eval().l;
            long[] c = y.eval().l;
            long[] out = new long[n];
            for (int i = 0; i < n; i++) {
                long p = a[i];
                long q = c[i];
                if (p == Long.MIN_VALUE || q == Long.MIN_VALUE) {
                    out[i] = Long.MIN_VALUE;
                    continue;
                }
                long v;
                try {
                    switch (op) {
                        case "+":
                            v = Math.addExact(p, q);
                            break;
                        case "-":
                            v = Math.subtractExact(p, q);
                            break;
                        case "*":
                            v = Math.multiplyExact(p, q);
                            break;
                        default:
                            v = q == 0 ? Long.MIN_VALUE : p % q;
                            out[i] = v;
                            continue;
                    }
                } catch (ArithmeticException e) {
                    v = Long.MIN_VALUE;
                }
                if (v == Long.MIN_VALUE) {
                    throw new PreprocessException(step, null, "integer overflow in " + p + " " + op + " " + q
                        + " at row " + i + " (position " + bn.pos() + " of '" + src + "'); multiply by 1.0 to "
                        + "compute in DOUBLE");
                }
                out[i] = v;
            }
            return Vec.longs(out);
        });
    }

    /** @return a comparison operator's code for {@link #holds}: its position in {@code = != < <= > >=} */
    private static int comparisonCode(String op) {
        switch (op) {
            case "=":
                return 0;
            case "!=":
                return 1;
            case "<":
                return 2;
            case "<=":
                return 3;
            case ">":
                return 4;
            default:
                return 5;
        }
    }

    /** @return whether the comparison holds, given the sign of the comparison's result */
    private static boolean holds(int opCode, int cmp) {
        switch (opCode) {
            case 0:
                return cmp == 0;
            case 1:
                return cmp != 0;
            case 2:
                return cmp < 0;
            case 3:
                return cmp <= 0;
            case 4:
                return cmp > 0;
            default:
                return cmp >= 0;
        }
    }

    private Ev comparison(Node.Binary bn) {
        Ev l0 = compile(bn.left());
        Ev r0 = compile(bn.right());
        Node ln = dateLiteralOr(bn.left(), r0.type());
        Node rn = dateLiteralOr(bn.right(), l0.type());
        Ev l = ln == bn.left() ? l0 : compile(ln);
        Ev r = rn == bn.right() ? r0 : compile(rn);
        ExprType lt = l.type();
        ExprType rt = r.type();
        String op = bn.op();
        if (lt == ExprType.NULL || rt == ExprType.NULL) {
            return ev(ExprType.BOOLEAN, () -> Vec.missing(ExprType.BOOLEAN, n));
        }
        ExprType common;
        if (lt.isNumeric() && rt.isNumeric()) {
            common = lt == ExprType.LONG && rt == ExprType.LONG ? ExprType.LONG : ExprType.DOUBLE;
        } else if (lt == rt) {
            common = lt;
        } else if ((lt == ExprType.DATE && rt == ExprType.DATETIME) || (lt == ExprType.DATETIME && rt == ExprType.DATE)) {
            throw error(bn.pos(), "cannot compare " + lt + " with " + rt + "; compare dates with dates");
        } else {
            throw error(bn.pos(), "cannot compare " + lt + " with " + rt);
        }
        if (common == ExprType.BOOLEAN && !(op.equals("=") || op.equals("!="))) {
            throw error(bn.pos(), "true/false values compare only with '=' and '!='");
        }
        Ev x = coerce(l, common, bn.pos());
        Ev y = coerce(r, common, bn.pos());
        int opCode = comparisonCode(op);
        return ev(ExprType.BOOLEAN, () -> {
            Vec a = x.eval();
            Vec c = y.eval();
            byte[] out = new byte[n];
            if (common == ExprType.DOUBLE && a.type == ExprType.DOUBLE && c.type == ExprType.DOUBLE) {
                // numbers, the usual case, in a loop of their own (missing is NaN)
                double[] ad = a.d;
                double[] cd = c.d;
                for (int i = 0; i < n; i++) {
                    double p = ad[i];
                    double q = cd[i];
                    out[i] = Double.isNaN(p) || Double.isNaN(q) ? Vec.NULL
                        : holds(opCode, p < q ? -1 : (p > q ? 1 : 0)) ? Vec.TRUE : Vec.FALSE;
                }
                return Vec.bools(out);
            }
            if (common == ExprType.LONG && a.type == ExprType.LONG && c.type == ExprType.LONG) {
                long[] al = a.l;
                long[] cl = c.l;
                for (int i = 0; i < n; i++) {
                    long p = al[i];
                    long q = cl[i];
                    out[i] = p == Long.MIN_VALUE || q == Long.MIN_VALUE ? Vec.NULL
                        : holds(opCode, Long.compare(p, q)) ? Vec.TRUE : Vec.FALSE;
                }
                return Vec.bools(out);
            }
            for (int i = 0; i < n; i++) {
                if (a.isMissing(i) || c.isMissing(i)) {
                    out[i] = Vec.NULL;
                    continue;
                }
                int cmp;
                switch (common) {
                    case LONG:
                    case DATETIME:
                        cmp = Long.compare(a.l[i], c.l[i]);
                        break;
                    case DOUBLE:
                        cmp = a.d[i] < c.d[i] ? -1 : (a.d[i] > c.d[i] ? 1 : 0);
                        break;
                    case STRING:
                        cmp = op.equals("=") || op.equals("!=") ? (a.s[i].equals(c.s[i]) ? 0 : 1)
                            : Stats.compareCodePoints(a.s[i], c.s[i]);
                        break;
                    case BOOLEAN:
                        cmp = Byte.compare(a.b[i], c.b[i]);
                        break;
                    default:
                        cmp = Long.compare(PackedLocalDate.toEpochDay(a.dt[i]), PackedLocalDate.toEpochDay(c.dt[i]));
                        break;
                }
                out[i] = holds(opCode, cmp) ? Vec.TRUE : Vec.FALSE;
            }
            return Vec.bools(out);
        });
    }

    private Ev isNull(Node.IsNull node) {
        Ev x = compile(node.operand());
        boolean neg = node.negated();
        return ev(ExprType.BOOLEAN, () -> {
            Vec a = x.type() == ExprType.NULL ? null : x.eval();
            byte[] out = new byte[n];
            for (int i = 0; i < n; i++) {
                boolean missing = a == null || a.isMissing(i);
                out[i] = missing != neg ? Vec.TRUE : Vec.FALSE;
            }
            return Vec.bools(out);
        });
    }

    private Ev inList(Node.InList node) {
        Ev x = compile(node.operand());
        ExprType t = x.type();
        if (t == ExprType.NULL) {
            return ev(ExprType.BOOLEAN, () -> Vec.missing(ExprType.BOOLEAN, n));
        }
        if (t == ExprType.DATETIME) {
            throw error(node.pos(), "'in' does not take date-time values");
        }
        Set<Long> longs = new HashSet<>();
        Set<Double> doubles = new HashSet<>();
        Set<String> strings = new HashSet<>();
        Set<Integer> dates = new HashSet<>();
        Set<Byte> bools = new HashSet<>();
        for (Node.Lit lit : node.values()) {
            Node.Lit v = (Node.Lit) dateLiteralOr(lit, t);
            ExprType vt = v.type();
            boolean ok = (t.isNumeric() && vt.isNumeric()) || t == vt;
            if (!ok) {
                throw error(v.pos(), "cannot test " + t + " against " + vt + " in an 'in' list");
            }
            switch (t) {
                case LONG:
                    if (vt == ExprType.LONG) {
                        longs.add((Long) v.value());
                    } else {
                        double d = (Double) v.value();
                        if (d == Math.rint(d) && Math.abs(d) < 9.2e18) {
                            longs.add((long) d);
                        }
                    }
                    break;
                case DOUBLE: {
                    double d = vt == ExprType.LONG ? (double) (Long) v.value() : (Double) v.value();
                    doubles.add(d == 0.0 ? 0.0 : d);
                    break;
                }
                case STRING:
                    strings.add((String) v.value());
                    break;
                case DATE:
                    dates.add((Integer) v.value());
                    break;
                default:
                    bools.add(((Boolean) v.value()) ? Vec.TRUE : Vec.FALSE);
                    break;
            }
        }
        boolean neg = node.negated();
        return ev(ExprType.BOOLEAN, () -> {
            Vec a = x.eval();
            byte[] out = new byte[n];
            for (int i = 0; i < n; i++) {
                if (a.isMissing(i)) {
                    out[i] = Vec.NULL;
                    continue;
                }
                boolean in;
                switch (t) {
                    case LONG:
                        in = longs.contains(a.l[i]);
                        break;
                    case DOUBLE: {
                        double d = a.d[i];
                        in = doubles.contains(d == 0.0 ? 0.0 : d);
                        break;
                    }
                    case STRING:
                        in = strings.contains(a.s[i]);
                        break;
                    case DATE:
                        in = dates.contains(a.dt[i]);
                        break;
                    default:
                        in = bools.contains(a.b[i]);
                        break;
                }
                out[i] = in != neg ? Vec.TRUE : Vec.FALSE;
            }
            return Vec.bools(out);
        });
    }

    // ---- functions

    private Ev call(Node.Call c) {
        List<Node> args = c.args();
        switch (c.fn()) {
            case "coalesce":
                return coalesce(c);
            case "year":
            case "month":
            case "day":
            case "day_of_week": {
                arity(c, 1);
                Ev d = dateArg(c, args.get(0));
                String fn = c.fn();
                return ev(ExprType.LONG, () -> {
                    int[] a = d.eval().dt;
                    long[] out = new long[n];
                    for (int i = 0; i < n; i++) {
                        int p = a[i];
                        if (p == Integer.MIN_VALUE) {
                            out[i] = Long.MIN_VALUE;
                            continue;
                        }
                        switch (fn) {
                            case "year":
                                out[i] = PackedLocalDate.getYear(p);
                                break;
                            case "month":
                                out[i] = PackedLocalDate.getMonthValue(p);
                                break;
                            case "day":
                                out[i] = PackedLocalDate.getDayOfMonth(p);
                                break;
                            default:
                                out[i] = PackedLocalDate.getDayOfWeek(p).getValue();
                                break;
                        }
                    }
                    return Vec.longs(out);
                });
            }
            case "days_between": {
                arity(c, 2);
                Ev from = dateArg(c, args.get(0));
                Ev to = dateArg(c, args.get(1));
                return ev(ExprType.LONG, () -> {
                    int[] a = from.eval().dt;
                    int[] b = to.eval().dt;
                    long[] out = new long[n];
                    for (int i = 0; i < n; i++) {
                        out[i] = a[i] == Integer.MIN_VALUE || b[i] == Integer.MIN_VALUE ? Long.MIN_VALUE
                            : PackedLocalDate.toEpochDay(b[i]) - PackedLocalDate.toEpochDay(a[i]);
                    }
                    return Vec.longs(out);
                });
            }
            default: {
                arity(c, 1);
                Ev x = compile(args.get(0));
                if (x.type() == ExprType.DOUBLE) {
                    return ev(ExprType.DOUBLE, () -> {
                        double[] a = x.eval().d;
                        double[] out = new double[n];
                        for (int i = 0; i < n; i++) {
                            out[i] = Math.abs(a[i]);
                        }
                        return Vec.doubles(out);
                    });
                }
                if (x.type() != ExprType.LONG && x.type() != ExprType.NULL) {
                    throw error(args.get(0).pos(), "abs needs a number but found " + x.type());
                }
                Ev lx = coerce(x, ExprType.LONG, c.pos());
                return ev(ExprType.LONG, () -> {
                    long[] a = lx.eval().l;
                    long[] out = new long[n];
                    for (int i = 0; i < n; i++) {
                        out[i] = a[i] == Long.MIN_VALUE ? Long.MIN_VALUE : Math.abs(a[i]);
                    }
                    return Vec.longs(out);
                });
            }
        }
    }

    private void arity(Node.Call c, int k) {
        if (c.args().size() != k) {
            throw error(c.pos(), c.fn() + " takes " + k + " argument" + (k == 1 ? "" : "s") + " but was given "
                + c.args().size());
        }
    }

    private Ev dateArg(Node.Call c, Node arg) {
        Ev x = compile(dateLiteralOr(arg, ExprType.DATE));
        if (x.type() == ExprType.DATE || x.type() == ExprType.NULL || x.type() == ExprType.DATETIME) {
            return coerce(x, ExprType.DATE, arg.pos());
        }
        throw error(arg.pos(), c.fn() + " needs a date but found " + x.type());
    }

    private Ev coalesce(Node.Call c) {
        if (c.args().isEmpty()) {
            throw error(c.pos(), "coalesce needs at least one argument");
        }
        List<Ev> args = new ArrayList<>();
        ExprType t = ExprType.NULL;
        for (Node a : c.args()) {
            Ev e = compile(a);
            args.add(e);
            ExprType et = e.type();
            if (et == ExprType.NULL) {
                continue;
            }
            if (t == ExprType.NULL) {
                t = et;
            } else if (t.isNumeric() && et.isNumeric()) {
                t = t == ExprType.DOUBLE || et == ExprType.DOUBLE ? ExprType.DOUBLE : ExprType.LONG;
            } else if (t != et) {
                throw error(a.pos(), "coalesce arguments must have one type; found " + t + " and " + et);
            }
        }
        if (t == ExprType.NULL) {
            return ev(ExprType.NULL, () -> Vec.missing(ExprType.NULL, n));
        }
        ExprType type = t;
        List<Ev> typed = new ArrayList<>();
        for (int k = 0; k < args.size(); k++) {
            typed.add(coerce(args.get(k), type, c.args().get(k).pos()));
        }
        return ev(type, () -> {
            Vec out = typed.get(0).eval();
            for (int k = 1; k < typed.size(); k++) {
                Vec next = null;
                for (int i = 0; i < n; i++) {
                    if (out.isMissing(i)) {
                        if (next == null) {
                            next = typed.get(k).eval();
                        }
                        switch (type) {
                            case LONG:
                            case DATETIME:
                                out.l[i] = next.l[i];
                                break;
                            case DOUBLE:
                                out.d[i] = next.d[i];
                                break;
                            case STRING:
                                out.s[i] = next.s[i];
                                break;
                            case BOOLEAN:
                                out.b[i] = next.b[i];
                                break;
                            default:
                                out.dt[i] = next.dt[i];
                                break;
                        }
                    }
                }
            }
            return out;
        });
    }
}
