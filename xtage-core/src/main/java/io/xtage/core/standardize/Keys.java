package io.xtage.core.standardize;

import io.xtage.core.CoercionException;
import io.xtage.core.SchemaException;
import io.xtage.core.coerce.Coercers;
import io.xtage.core.coerce.CoercionOptions;
import io.xtage.core.internal.ColumnArrays;
import io.xtage.core.schema.ColumnType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import tech.tablesaw.api.BooleanColumn;
import tech.tablesaw.api.DateColumn;
import tech.tablesaw.api.DateTimeColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.NumericColumn;
import tech.tablesaw.api.ShortColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.columns.Column;

/**
 * Join keys: how two key columns of possibly different types are compared (their domain), how a
 * key value is read in that domain, and how whole keys become dense ids.
 *
 * <p>Values are compared in one of three domains. LONG: integral and text columns (text is
 * trimmed and read as an integer; text that is not one matches nothing), and dates, date-times
 * and booleans with their own kind. DOUBLE: any numeric pair with a DOUBLE, and text read as a
 * number; an integral value matches a double only when they are numerically equal. STRING: two
 * text columns, compared after trimming. Missing values never match.
 */
final class Keys {
    /** No code: the value is missing, or it cannot equal any value of the other side. */
    static final long NO_CODE = Long.MIN_VALUE;

    enum Domain {
        LONG, DOUBLE, STRING
    }

    private Keys() {
    }

    static ColumnType typeOf(Column<?> c, String what) {
        try {
            return ColumnType.of(c.type());
        } catch (IllegalArgumentException e) {
            throw new SchemaException(what + " has Tablesaw type " + c.type().name() + ", which xtage does not join on",
                e);
        }
    }

    /**
     * @param what names the pair in an error, such as {@code join 'products': product_id = product_id}
     * @return the domain in which a left value and a right value are compared
     * @throws SchemaException if the two types cannot be compared
     */
    static Domain domain(ColumnType l, ColumnType r, String what) {
        boolean li = l == ColumnType.INT || l == ColumnType.LONG;
        boolean ri = r == ColumnType.INT || r == ColumnType.LONG;
        if (li && ri) {
            return Domain.LONG;
        }
        if ((l == ColumnType.DOUBLE && (ri || r == ColumnType.DOUBLE || r == ColumnType.STRING))
            || (r == ColumnType.DOUBLE && (li || l == ColumnType.STRING))) {
            return Domain.DOUBLE;
        }
        if ((l == ColumnType.STRING && ri) || (r == ColumnType.STRING && li)) {
            return Domain.LONG;
        }
        if (l == ColumnType.STRING && r == ColumnType.STRING) {
            return Domain.STRING;
        }
        if (l == r && (l == ColumnType.LOCAL_DATE || l == ColumnType.LOCAL_DATE_TIME || l == ColumnType.BOOLEAN)) {
            return Domain.LONG;
        }
        throw new SchemaException(what + ": cannot compare a " + l + " key with a " + r + " key; cast one side "
            + "(cast(column, ColumnType...) or dates(column, ...)) so that both are numbers, texts or dates");
    }

    /** Reads one key column's values in a domain. */
    abstract static class Reader {
        final Column<?> column;

        Reader(Column<?> column) {
            this.column = column;
        }

        /** @return true when the value is missing (blank text included) */
        boolean isNull(int row) {
            return column.isMissing(row);
        }

        /** @return the value's code in the LONG or DOUBLE domain, or {@link #NO_CODE} */
        long code(int row) {
            throw new IllegalStateException("a " + getClass().getSimpleName() + " key has no LONG or DOUBLE code");
        }

        /** @return the trimmed text in the STRING domain, or null */
        String text(int row) {
            throw new IllegalStateException("a " + getClass().getSimpleName() + " key has no STRING text");
        }
    }

    static Reader reader(Column<?> c, Domain d) {
        switch (d) {
            case STRING:
                return new TextReader((StringColumn) c);
            case DOUBLE:
                return doubleReader(c);
            default:
                return longReader(c);
        }
    }

    private static Reader longReader(Column<?> c) {
        if (c instanceof LongColumn) {
            long[] lc = ColumnArrays.longs((LongColumn) c);
            return new Reader(c) {
                @Override
                long code(int row) {
                    return lc[row]; // missing is Long.MIN_VALUE == NO_CODE
                }
            };
        }
        if (c instanceof IntColumn) {
            int[] ic = ColumnArrays.ints((IntColumn) c);
            return new Reader(c) {
                @Override
                long code(int row) {
                    int v = ic[row];
                    return v == Integer.MIN_VALUE ? NO_CODE : v;
                }
            };
        }
        if (c instanceof ShortColumn) {
            ShortColumn sc = (ShortColumn) c;
            return new Reader(c) {
                @Override
                long code(int row) {
                    return sc.isMissing(row) ? NO_CODE : sc.getShort(row);
                }
            };
        }
        if (c instanceof DateColumn) {
            int[] dc = ColumnArrays.packedDates((DateColumn) c);
            return new Reader(c) {
                @Override
                long code(int row) {
                    int v = dc[row];
                    return v == Integer.MIN_VALUE ? NO_CODE : v;
                }
            };
        }
        if (c instanceof DateTimeColumn) {
            DateTimeColumn dc = (DateTimeColumn) c;
            return new Reader(c) {
                @Override
                long code(int row) {
                    return dc.getLongInternal(row);
                }
            };
        }
        if (c instanceof BooleanColumn) {
            BooleanColumn bc = (BooleanColumn) c;
            return new Reader(c) {
                @Override
                long code(int row) {
                    return bc.isMissing(row) ? NO_CODE : bc.getByte(row);
                }
            };
        }
        if (c instanceof StringColumn) {
            StringColumn sc = (StringColumn) c;
            return new Reader(c) {
                @Override
                boolean isNull(int row) {
                    return sc.get(row).isBlank();
                }

                @Override
                long code(int row) {
                    return parseIntegral(sc.get(row));
                }
            };
        }
        throw new IllegalStateException("no LONG key reader for " + c.type());
    }

    private static Reader doubleReader(Column<?> c) {
        if (c instanceof StringColumn) {
            StringColumn sc = (StringColumn) c;
            Map<String, Long> cache = new HashMap<>();
            return new Reader(c) {
                @Override
                boolean isNull(int row) {
                    return sc.get(row).isBlank();
                }

                @Override
                long code(int row) {
                    String s = sc.get(row);
                    if (s.isBlank()) {
                        return NO_CODE;
                    }
                    return cache.computeIfAbsent(s, t -> {
                        try {
                            return doubleCode(Coercers.parseDouble(t, CoercionOptions.DEFAULT));
                        } catch (CoercionException e) {
                            return NO_CODE;
                        }
                    });
                }
            };
        }
        if (c instanceof LongColumn) {
            long[] lc = ColumnArrays.longs((LongColumn) c);
            return new Reader(c) {
                @Override
                long code(int row) {
                    long v = lc[row];
                    if (v == Long.MIN_VALUE) {
                        return NO_CODE;
                    }
                    double d = v;
                    // a long that is not exactly a double equals no double
                    return d < 0x1p63 && (long) d == v ? doubleCode(d) : NO_CODE;
                }
            };
        }
        NumericColumn<?> nc = (NumericColumn<?>) c;
        return new Reader(c) {
            @Override
            long code(int row) {
                return nc.isMissing(row) ? NO_CODE : doubleCode(nc.getDouble(row));
            }
        };
    }

    static long doubleCode(double d) {
        if (Double.isNaN(d)) {
            return NO_CODE;
        }
        return Double.doubleToLongBits(d == 0.0 ? 0.0 : d); // -0.0 equals 0.0
    }

    /** @return the trimmed text as a long, or NO_CODE when it is not an integer */
    static long parseIntegral(String s) {
        int start = 0;
        int end = s.length();
        while (start < end && Character.isWhitespace(s.charAt(start))) {
            start++;
        }
        while (end > start && Character.isWhitespace(s.charAt(end - 1))) {
            end--;
        }
        if (start == end) {
            return NO_CODE;
        }
        boolean negative = false;
        char c0 = s.charAt(start);
        if (c0 == '-' || c0 == '+') {
            negative = c0 == '-';
            start++;
            if (start == end) {
                return NO_CODE;
            }
        }
        long v = 0;
        for (int i = start; i < end; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return NO_CODE;
            }
            if (v < (Long.MIN_VALUE + (c - '0')) / 10) {
                return NO_CODE;
            }
            v = v * 10 - (c - '0');
        }
        if (!negative) {
            if (v == Long.MIN_VALUE) {
                return NO_CODE;
            }
            v = -v;
        }
        return v; // Long.MIN_VALUE itself is NO_CODE: Tablesaw cannot hold it either
    }

    private static final class TextReader extends Reader {
        private final StringColumn sc;

        TextReader(StringColumn sc) {
            super(sc);
            this.sc = sc;
        }

        @Override
        boolean isNull(int row) {
            return sc.get(row).isBlank();
        }

        @Override
        String text(int row) {
            String s = sc.get(row);
            if (s.isEmpty()) {
                return null;
            }
            String t = s.strip();
            return t.isEmpty() ? null : t;
        }
    }

    /**
     * @return the key of {@code row} as text for reports: {@code null} when missing, the value, or
     *     {@code (a, b)} for a composite key
     */
    static String render(Column<?>[] cols, int row) {
        if (cols.length == 1) {
            return render(cols[0], row);
        }
        StringBuilder b = new StringBuilder("(");
        for (int i = 0; i < cols.length; i++) {
            if (i > 0) {
                b.append(", ");
            }
            b.append(render(cols[i], row));
        }
        return b.append(')').toString();
    }

    static String render(Column<?> c, int row) {
        if (c.isMissing(row) || (c instanceof StringColumn && ((StringColumn) c).get(row).isBlank())) {
            return "null";
        }
        Object v = c.get(row);
        return v == null ? "null" : String.valueOf(v);
    }

    /**
     * Turns whole keys (one or more columns) into dense ids: built on one side, probed with the
     * other. Components are encoded one by one and combined pairwise, so any number of columns
     * of any domain gives one int per row. Not thread-safe.
     */
    static final class Encoder {
        private final Domain[] domains;
        private final LongIntMap[] codeDicts;
        private final List<Map<String, Integer>> textDicts = new ArrayList<>();
        private final LongIntMap[] combine;

        Encoder(Domain[] domains, int expected) {
            this.domains = domains.clone();
            this.codeDicts = new LongIntMap[domains.length];
            this.combine = new LongIntMap[domains.length];
            this.direct = new int[domains.length][];
            this.directMin = new long[domains.length];
            this.directSize = new int[domains.length];
            for (int i = 0; i < domains.length; i++) {
                textDicts.add(domains[i] == Domain.STRING ? new HashMap<>(Math.max(16, expected * 2)) : null);
                if (domains[i] != Domain.STRING) {
                    codeDicts[i] = new LongIntMap(expected);
                }
                if (i > 0) {
                    combine[i] = new LongIntMap(expected);
                }
            }
        }

        /** @return the number of distinct whole keys seen while building */
        int size() {
            int last = domains.length - 1;
            return last == 0 ? componentSize(0) : combine[last].size();
        }

        private int componentSize(int i) {
            if (domains[i] == Domain.STRING) {
                return textDicts.get(i).size();
            }
            return direct[i] != null ? directSize[i] : codeDicts[i].size();
        }

        /**
         * Per component, ids by {@code code - directMin} when the codes of the first build were
         * integers in a range at most a few times the number of rows (ids 1..n, days): an array
         * lookup instead of a hash probe, with the same ids in the same order. Null otherwise.
         */
        private final int[][] direct;
        private final long[] directMin;
        private final int[] directSize;

        /** The widest range that gets an array: 4 bytes per possible code. */
        private static final long MAX_DIRECT_RANGE = 1 << 26;

        /**
         * @param build true to give new keys new ids; false to look keys up only
         * @return per row, the key's id, or -1 when a part is missing or (probing) the key is unknown
         */
        int[] encode(Reader[] readers, int rows, boolean build) {
            int[] ids = new int[rows];
            component(0, readers[0], rows, build, ids);
            if (domains.length > 1) {
                int[] part = new int[rows];
                for (int j = 1; j < domains.length; j++) {
                    component(j, readers[j], rows, build, part);
                    LongIntMap m = combine[j];
                    for (int r = 0; r < rows; r++) {
                        if (ids[r] < 0 || part[r] < 0) {
                            ids[r] = -1;
                        } else {
                            long pair = ((long) ids[r] << 32) | part[r];
                            ids[r] = build ? m.putIfAbsent(pair, m.size()) : m.get(pair);
                        }
                    }
                }
            }
            return ids;
        }

        private void component(int i, Reader reader, int rows, boolean build, int[] out) {
            if (domains[i] == Domain.STRING) {
                Map<String, Integer> dict = textDicts.get(i);
                for (int r = 0; r < rows; r++) {
                    String t = reader.text(r);
                    if (t == null) {
                        out[r] = -1;
                    } else if (build) {
                        Integer id = dict.get(t);
                        if (id == null) {
                            id = dict.size();
                            dict.put(t, id);
                        }
                        out[r] = id;
                    } else {
                        Integer id = dict.get(t);
                        out[r] = id == null ? -1 : id;
                    }
                }
            } else if (build && direct[i] == null && codeDicts[i].size() == 0 && buildDirect(i, reader, rows, out)) {
                return;
            } else if (direct[i] != null && !build) {
                int[] table = direct[i];
                long min = directMin[i];
                for (int r = 0; r < rows; r++) {
                    long code = reader.code(r);
                    long slot = code - min;
                    // NO_CODE is Long.MIN_VALUE: far below any range
                    out[r] = code == NO_CODE || slot < 0 || slot >= table.length ? -1 : table[(int) slot];
                }
            } else {
                if (direct[i] != null) {
                    toMap(i);
                }
                LongIntMap dict = codeDicts[i];
                for (int r = 0; r < rows; r++) {
                    long code = reader.code(r);
                    if (code == NO_CODE) {
                        out[r] = -1;
                    } else {
                        out[r] = build ? dict.putIfAbsent(code, dict.size()) : dict.get(code);
                    }
                }
            }
        }

        /** @return false, having done nothing, when the codes are not in a narrow enough range */
        private boolean buildDirect(int i, Reader reader, int rows, int[] out) {
            long[] codes = new long[rows];
            long min = Long.MAX_VALUE;
            long max = Long.MIN_VALUE;
            for (int r = 0; r < rows; r++) {
                long code = reader.code(r);
                codes[r] = code;
                if (code != NO_CODE) {
                    min = Math.min(min, code);
                    max = Math.max(max, code);
                }
            }
            if (min > max) {
                Arrays.fill(out, 0, rows, -1);
                return true; // all missing: an empty table answers every probe with -1
            }
            // overflow-safe width of [min, max]
            if (max - min < 0 || max - min >= Math.min(MAX_DIRECT_RANGE, 4L * rows + 1024)) {
                return false;
            }
            int[] table = new int[(int) (max - min + 1)];
            Arrays.fill(table, -1);
            int size = 0;
            for (int r = 0; r < rows; r++) {
                long code = codes[r];
                if (code == NO_CODE) {
                    out[r] = -1;
                    continue;
                }
                int slot = (int) (code - min);
                int id = table[slot];
                if (id < 0) {
                    id = size++;
                    table[slot] = id;
                }
                out[r] = id;
            }
            direct[i] = table;
            directMin[i] = min;
            directSize[i] = size;
            return true;
        }

        /** Moves a component's array ids into its hash map, keeping every id, before more keys come. */
        private void toMap(int i) {
            int[] table = direct[i];
            long[] codeOf = new long[directSize[i]];
            for (int slot = 0; slot < table.length; slot++) {
                if (table[slot] >= 0) {
                    codeOf[table[slot]] = directMin[i] + slot;
                }
            }
            LongIntMap dict = codeDicts[i];
            for (int id = 0; id < codeOf.length; id++) {
                dict.putIfAbsent(codeOf[id], id);
            }
            direct[i] = null;
        }
    }
}
