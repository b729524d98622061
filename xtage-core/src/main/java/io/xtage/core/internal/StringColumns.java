package io.xtage.core.internal;

import it.unimi.dsi.fastutil.bytes.Byte2IntOpenHashMap;
import it.unimi.dsi.fastutil.bytes.Byte2ObjectOpenHashMap;
import it.unimi.dsi.fastutil.objects.Object2ByteOpenHashMap;
import it.unimi.dsi.fastutil.objects.Object2ShortOpenHashMap;
import it.unimi.dsi.fastutil.shorts.Short2IntOpenHashMap;
import it.unimi.dsi.fastutil.shorts.Short2ObjectOpenHashMap;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.function.UnaryOperator;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.columns.strings.ByteDictionaryMap;
import tech.tablesaw.columns.strings.DictionaryMap;
import tech.tablesaw.columns.strings.IntDictionaryMap;
import tech.tablesaw.columns.strings.ShortDictionaryMap;

/**
 * Tablesaw string columns read, selected and built through their dictionaries, without the two or
 * three hash lookups that {@link StringColumn#get(int)} and {@link StringColumn#append(String)}
 * cost per row.
 *
 * <p>A Tablesaw (0.44) string column keeps a key per row (a byte, short or int, by how many
 * distinct values it has) and maps between keys and text. Keys are handed out in order of first
 * appearance, from the type's minimum + 1 up; the missing value {@code ""} has the type's maximum.
 * Every column built here is in exactly the state that appending its values one by one would
 * leave: the same kind of dictionary, the same keys, the same maps filled in the same order. So
 * anything Tablesaw or xtage does with it afterwards (appending, setting, counting, iterating
 * categories) behaves as before; only the cost differs.
 *
 * <p>Columns whose text Tablesaw keeps without a dictionary take the plain per-row path.
 * Stateless and thread-safe; no compatibility promise.
 */
public final class StringColumns {
    private static final byte BYTE_MISSING = Byte.MAX_VALUE;
    private static final short SHORT_MISSING = Short.MAX_VALUE;
    private static final int INT_MISSING = Integer.MAX_VALUE;
    /** Distinct non-missing values a byte dictionary holds: keys -127 to 126. */
    static final int BYTE_CAPACITY = Byte.MAX_VALUE - Byte.MIN_VALUE - 1;
    /** Distinct non-missing values a short dictionary holds: keys -32767 to 32766. */
    static final int SHORT_CAPACITY = Short.MAX_VALUE - Short.MIN_VALUE - 1;

    private StringColumns() {
    }

    /**
     * Reads a column's rows by array lookups: the text of a row, or the index of its value in a
     * table of the column's distinct values, so that callers can keep per-value results.
     */
    public abstract static class Reader {
        final String[] text;

        Reader(String[] text) {
            this.text = text;
        }

        /**
         * @param row a row index
         * @return its text, {@code ""} when missing, as {@link StringColumn#get(int)} gives it
         */
        public abstract String get(int row);

        /**
         * @param row a row index
         * @return the index of its value in [0, {@link #keys()}), or -1 when the column has no
         *     dictionary (then use {@link #get(int)})
         */
        public abstract int key(int row);

        /** @return the number of value indexes; 0 when the column has no dictionary */
        public int keys() {
            return text.length;
        }

        /**
         * @param key an index {@link #key(int)} gave
         * @return the value's text, {@code ""} for missing
         */
        public String text(int key) {
            return text[key];
        }
    }

    private static final class ByteReader extends Reader {
        private final byte[] keys;

        ByteReader(String[] text, byte[] keys) {
            super(text);
            this.keys = keys;
        }

        @Override
        public String get(int row) {
            return text[keys[row] - Byte.MIN_VALUE];
        }

        @Override
        public int key(int row) {
            return keys[row] - Byte.MIN_VALUE;
        }
    }

    private static final class ShortReader extends Reader {
        private final short[] keys;

        ShortReader(String[] text, short[] keys) {
            super(text);
            this.keys = keys;
        }

        @Override
        public String get(int row) {
            return text[keys[row] - Short.MIN_VALUE];
        }

        @Override
        public int key(int row) {
            return keys[row] - Short.MIN_VALUE;
        }
    }

    /** Int keys: the missing key (the maximum) at index 0, key {@code MIN + i} at index i. */
    private static final class IntReader extends Reader {
        private final int[] keys;

        IntReader(String[] text, int[] keys) {
            super(text);
            this.keys = keys;
        }

        @Override
        public String get(int row) {
            return text[key(row)];
        }

        @Override
        public int key(int row) {
            int k = keys[row];
            return k == INT_MISSING ? 0 : k - Integer.MIN_VALUE;
        }
    }

    private static final class PlainReader extends Reader {
        private final StringColumn column;

        PlainReader(StringColumn column) {
            super(new String[0]);
            this.column = column;
        }

        @Override
        public String get(int row) {
            return column.get(row);
        }

        @Override
        public int key(int row) {
            return -1;
        }
    }

    /**
     * A reader of {@code c} as it is now, valid until the column changes.
     *
     * @param c a string column
     * @return its reader
     */
    public static Reader reader(StringColumn c) {
        DictionaryMap d = c.getDictionary();
        if (d instanceof ByteDictionaryMap) {
            ByteDictionaryMap b = (ByteDictionaryMap) d;
            String[] text = new String[256];
            for (int k = Byte.MIN_VALUE; k <= Byte.MAX_VALUE; k++) {
                text[k - Byte.MIN_VALUE] = b.getValueForKey(k);
            }
            return new ByteReader(text, b.values().elements());
        }
        if (d instanceof ShortDictionaryMap) {
            ShortDictionaryMap s = (ShortDictionaryMap) d;
            String[] text = new String[1 << 16];
            s.getKeyValueEntries().forEach(e -> text[e.getShortKey() - Short.MIN_VALUE] = e.getValue());
            return new ShortReader(text, s.values().elements());
        }
        if (d instanceof IntDictionaryMap) {
            IntDictionaryMap m = (IntDictionaryMap) d;
            // index 0 for the missing key, MIN + i at index i
            String[] text = new String[Math.max(1, m.nextKeyWithoutIncrementing() - Integer.MIN_VALUE + 1)];
            m.getKeyValueEntries().forEach(e -> {
                int k = e.getIntKey();
                text[k == INT_MISSING ? 0 : k - Integer.MIN_VALUE] = e.getValue();
            });
            return new IntReader(text, m.values().elements());
        }
        return new PlainReader(c);
    }

    /**
     * A new column of the given rows of {@code src}: {@code out[i] = src[rows[i]]}, missing where
     * {@code rows[i] < 0}. The same column as appending those values one by one to a new column.
     *
     * @param src the column to take from
     * @param rows row indexes of {@code src}, in the order wanted; negative for a missing value
     * @param name the new column's name
     * @return the new column
     */
    public static StringColumn gather(StringColumn src, int[] rows, String name) {
        return build(src, rows, null, name);
    }

    /**
     * A new column of {@code f} applied to each value of {@code src}, in row order: the same
     * column as appending {@code f(src.get(i))} for every row, with {@code f} called once per
     * distinct value ({@code ""} for missing) rather than once per row.
     *
     * @param src the column
     * @param name the new column's name
     * @param f a function of the text alone; its {@code ""} or null is missing
     * @return the new column
     */
    public static StringColumn map(StringColumn src, String name, UnaryOperator<String> f) {
        return build(src, null, f, name);
    }

    /**
     * @param c a string column
     * @return how often each value occurs, {@code ""} for missing values, in no particular order
     */
    public static Map<String, Integer> counts(StringColumn c) {
        DictionaryMap d = c.getDictionary();
        int n = c.size();
        Map<String, Integer> out = new HashMap<>();
        if (d instanceof ByteDictionaryMap) {
            byte[] keys = ((ByteDictionaryMap) d).values().elements();
            int[] count = new int[256];
            for (int i = 0; i < n; i++) {
                count[keys[i] - Byte.MIN_VALUE]++;
            }
            for (int k = 0; k < count.length; k++) {
                if (count[k] > 0) {
                    out.put(d.getValueForKey(k + Byte.MIN_VALUE), count[k]);
                }
            }
        } else if (d instanceof ShortDictionaryMap) {
            short[] keys = ((ShortDictionaryMap) d).values().elements();
            int[] count = new int[1 << 16];
            for (int i = 0; i < n; i++) {
                count[keys[i] - Short.MIN_VALUE]++;
            }
            for (int k = 0; k < count.length; k++) {
                if (count[k] > 0) {
                    out.put(d.getValueForKey(k + Short.MIN_VALUE), count[k]);
                }
            }
        } else {
            for (int i = 0; i < n; i++) {
                out.merge(c.get(i), 1, Integer::sum);
            }
        }
        return out;
    }

    /**
     * The output of {@link #gather} ({@code f == null}) or {@link #map} ({@code rows == null}):
     * each source key gets its output code once, at its first appearance in output order.
     */
    private static StringColumn build(StringColumn src, int[] rows, UnaryOperator<String> f, String name) {
        DictionaryMap d = src.getDictionary();
        int n = rows == null ? src.size() : rows.length;
        Encoder enc = new Encoder(n);
        Map<String, Integer> byText = f == null ? null : new HashMap<>();
        if (d instanceof ByteDictionaryMap) {
            byte[] keys = ((ByteDictionaryMap) d).values().elements();
            int[] code = new int[256];
            Arrays.fill(code, -1);
            for (int i = 0; i < n; i++) {
                int r = rows == null ? i : rows[i];
                byte k = r < 0 ? BYTE_MISSING : keys[r];
                int slot = k - Byte.MIN_VALUE;
                int c = code[slot];
                if (c < 0) {
                    c = enc.code(k == BYTE_MISSING ? "" : d.getValueForKey(k), f, byText);
                    code[slot] = c;
                }
                enc.add(c);
            }
            return enc.build(name);
        }
        if (d instanceof ShortDictionaryMap) {
            short[] keys = ((ShortDictionaryMap) d).values().elements();
            int[] code = new int[1 << 16];
            Arrays.fill(code, -1);
            for (int i = 0; i < n; i++) {
                int r = rows == null ? i : rows[i];
                short k = r < 0 ? SHORT_MISSING : keys[r];
                int slot = k - Short.MIN_VALUE;
                int c = code[slot];
                if (c < 0) {
                    c = enc.code(k == SHORT_MISSING ? "" : d.getValueForKey(k), f, byText);
                    code[slot] = c;
                }
                enc.add(c);
            }
            return enc.build(name);
        }
        if (d instanceof IntDictionaryMap) {
            int[] keys = ((IntDictionaryMap) d).values().elements();
            int[] code = new int[Math.max(0, d.nextKeyWithoutIncrementing() - Integer.MIN_VALUE)];
            Arrays.fill(code, -1);
            int missingCode = -1;
            for (int i = 0; i < n; i++) {
                int r = rows == null ? i : rows[i];
                int k = r < 0 ? INT_MISSING : keys[r];
                int c;
                if (k == INT_MISSING) {
                    if (missingCode < 0) {
                        missingCode = enc.code("", f, byText);
                    }
                    c = missingCode;
                } else {
                    int slot = k - Integer.MIN_VALUE - 1;
                    c = code[slot];
                    if (c < 0) {
                        c = enc.code(d.getValueForKey(k), f, byText);
                        code[slot] = c;
                    }
                }
                enc.add(c);
            }
            return enc.build(name);
        }
        Builder b = new Builder(n);
        for (int i = 0; i < n; i++) {
            int r = rows == null ? i : rows[i];
            String v = r < 0 ? "" : src.get(r);
            b.append(f == null ? v : f.apply(v));
        }
        return b.build(name);
    }

    /**
     * Collects text values and builds a string column from them at the end: one hash lookup per
     * value instead of Tablesaw's three. Not thread-safe.
     */
    public static final class Builder {
        private final Map<String, Integer> codes = new HashMap<>();
        private final Encoder enc;

        /** @param expectedRows rows expected; the builder grows past it */
        public Builder(int expectedRows) {
            enc = new Encoder(expectedRows);
        }

        /**
         * @param value text; null or {@code ""} is missing, as for {@link StringColumn#append(String)}
         */
        public void append(String value) {
            if (value == null || value.isEmpty()) {
                appendMissing();
                return;
            }
            Integer c = codes.get(value);
            if (c == null) {
                c = enc.newCode(value);
                codes.put(value, c);
            }
            enc.add(c);
        }

        /**
         * Appends a value and gives its code, with which {@link #appendCode(int)} appends the
         * same value again without looking it up.
         *
         * @param value text; null or {@code ""} is missing
         * @return the value's code in this builder
         */
        public int appendText(String value) {
            if (value == null || value.isEmpty()) {
                appendMissing();
            } else {
                append(value);
            }
            return enc.rows[enc.size - 1];
        }

        /**
         * @param code a code {@link #appendText(String)} gave for a value appended before
         */
        public void appendCode(int code) {
            if (code < 0 || code >= enc.distinct) {
                throw new IllegalArgumentException("code " + code + " was not given by this builder");
            }
            enc.add(code);
        }

        /** Appends a missing value. */
        public void appendMissing() {
            Integer c = codes.get("");
            if (c == null) {
                c = enc.newCode(null);
                codes.put("", c);
            }
            enc.add(c);
        }

        /** @return rows appended so far */
        public int size() {
            return enc.size;
        }

        /**
         * @param name the column name
         * @return the column; the builder must not be used afterwards
         */
        public StringColumn build(String name) {
            return enc.build(name);
        }
    }

    /**
     * Dense codes in order of first appearance (null text = the missing value), turned into
     * Tablesaw keys once the number of distinct values, and so the key type, is known.
     */
    private static final class Encoder {
        private int[] rows;
        private int size;
        private String[] text = new String[16];
        private int[] counts = new int[16];
        private int distinct;

        Encoder(int expectedRows) {
            rows = new int[Math.max(16, expectedRows)];
        }

        /**
         * @param text a source value, {@code ""} for missing
         * @param f the function applied to it, or null for none
         * @param byText codes of output texts seen, when f may give one text for several values
         * @return the output code of {@code f(text)}
         */
        int code(String text, UnaryOperator<String> f, Map<String, Integer> byText) {
            if (f == null) {
                return newCode(text.isEmpty() ? null : text);
            }
            String out = f.apply(text);
            String key = out == null ? "" : out;
            Integer c = byText.get(key);
            if (c == null) {
                c = newCode(key.isEmpty() ? null : key);
                byText.put(key, c);
            }
            return c;
        }

        int newCode(String value) {
            if (distinct == text.length) {
                text = Arrays.copyOf(text, distinct * 2);
                counts = Arrays.copyOf(counts, distinct * 2);
            }
            text[distinct] = value;
            return distinct++;
        }

        void add(int code) {
            if (size == rows.length) {
                rows = Arrays.copyOf(rows, size + (size >> 1) + 16);
            }
            rows[size++] = code;
            counts[code]++;
        }

        StringColumn build(String name) {
            int present = 0;
            for (int c = 0; c < distinct; c++) {
                if (text[c] != null) {
                    present++;
                }
            }
            if (present > SHORT_CAPACITY) {
                // Tablesaw then moves to an int dictionary or to plain text, depending on where in
                // the rows the limit was passed: leave that decision to Tablesaw itself.
                StringColumn col = StringColumn.create(name);
                for (int i = 0; i < size; i++) {
                    String v = text[rows[i]];
                    if (v == null) {
                        col.appendMissing();
                    } else {
                        col.append(v);
                    }
                }
                rows = null;
                return col;
            }
            DictionaryMap map = present <= BYTE_CAPACITY ? buildByte() : buildShort();
            rows = null;
            return StringColumn.createInternal(name, map);
        }

        private DictionaryMap buildByte() {
            byte[] key = new byte[distinct];
            int next = Byte.MIN_VALUE;
            Byte2ObjectOpenHashMap<String> keyToValue = new Byte2ObjectOpenHashMap<>();
            Object2ByteOpenHashMap<String> valueToKey = new Object2ByteOpenHashMap<>();
            valueToKey.defaultReturnValue(Byte.MIN_VALUE);
            Byte2IntOpenHashMap keyToCount = new Byte2IntOpenHashMap();
            for (int c = 0; c < distinct; c++) {
                byte k = text[c] == null ? BYTE_MISSING : (byte) ++next;
                key[c] = k;
                String v = text[c] == null ? "" : text[c];
                keyToValue.put(k, v);
                valueToKey.put(v, k);
                keyToCount.put(k, counts[c]);
            }
            byte[] values = new byte[size];
            for (int i = 0; i < size; i++) {
                values[i] = key[rows[i]];
            }
            return new ByteDictionaryMap.ByteDictionaryBuilder().setNextIndex(next).setKeyToValue(keyToValue)
                .setValueToKey(valueToKey).setKeyToCount(keyToCount).setValues(values).build();
        }

        private DictionaryMap buildShort() {
            short[] key = new short[distinct];
            int next = Short.MIN_VALUE;
            Short2ObjectOpenHashMap<String> keyToValue = new Short2ObjectOpenHashMap<>();
            Object2ShortOpenHashMap<String> valueToKey = new Object2ShortOpenHashMap<>();
            valueToKey.defaultReturnValue(Short.MIN_VALUE);
            Short2IntOpenHashMap keyToCount = new Short2IntOpenHashMap();
            for (int c = 0; c < distinct; c++) {
                short k = text[c] == null ? SHORT_MISSING : (short) ++next;
                key[c] = k;
                String v = text[c] == null ? "" : text[c];
                keyToValue.put(k, v);
                valueToKey.put(v, k);
                keyToCount.put(k, counts[c]);
            }
            short[] values = new short[size];
            for (int i = 0; i < size; i++) {
                values[i] = key[rows[i]];
            }
            return new ShortDictionaryMap.ShortDictionaryBuilder().setNextIndex(next).setKeyToValue(keyToValue)
                .setValueToKey(valueToKey).setKeyToCount(keyToCount).setValues(values).setCanPromoteToText(true)
                .build();
        }
    }
}
