package io.xtage.core.standardize;

import java.util.Arrays;

/** An open-addressing map from long keys to non-negative int values, for hash joins. Not thread-safe. */
final class LongIntMap {
    static final int ABSENT = -1;

    private long[] keys;
    private int[] values;
    private int mask;
    private int size;

    LongIntMap(int expected) {
        int cap = Integer.highestOneBit(Math.max(4, (int) Math.min(1 << 30, expected * 2L)) - 1) << 1;
        keys = new long[cap];
        values = new int[cap];
        Arrays.fill(values, ABSENT);
        mask = cap - 1;
    }

    int size() {
        return size;
    }

    /** @return the value for {@code key}, or {@link #ABSENT} */
    int get(long key) {
        int i = slot(key);
        while (true) {
            int v = values[i];
            if (v == ABSENT || keys[i] == key) {
                return v;
            }
            i = (i + 1) & mask;
        }
    }

    /** @return the existing value for {@code key}, or {@code value} after storing it */
    int putIfAbsent(long key, int value) {
        int i = slot(key);
        while (true) {
            int v = values[i];
            if (v == ABSENT) {
                keys[i] = key;
                values[i] = value;
                if (++size * 2 > keys.length) {
                    grow();
                }
                return value;
            }
            if (keys[i] == key) {
                return v;
            }
            i = (i + 1) & mask;
        }
    }

    private int slot(long key) {
        // the murmur3 finalizer: consecutive ids spread over the table
        long h = key;
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        h *= 0xc4ceb9fe1a85ec53L;
        h ^= h >>> 33;
        return (int) h & mask;
    }

    private void grow() {
        long[] oldKeys = keys;
        int[] oldValues = values;
        keys = new long[oldKeys.length * 2];
        values = new int[oldKeys.length * 2];
        Arrays.fill(values, ABSENT);
        mask = keys.length - 1;
        for (int j = 0; j < oldKeys.length; j++) {
            if (oldValues[j] != ABSENT) {
                int i = slot(oldKeys[j]);
                while (values[i] != ABSENT) {
                    i = (i + 1) & mask;
                }
                keys[i] = oldKeys[j];
                values[i] = oldValues[j];
            }
        }
    }
}
