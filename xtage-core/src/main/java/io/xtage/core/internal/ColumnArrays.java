package io.xtage.core.internal;

import it.unimi.dsi.fastutil.doubles.DoubleArrayList;
import it.unimi.dsi.fastutil.ints.IntArrayList;
import it.unimi.dsi.fastutil.longs.LongArrayList;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tech.tablesaw.api.DateColumn;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.LongColumn;

/**
 * The primitive arrays behind Tablesaw's number and date columns, for loops that visit every
 * value. Tablesaw's getters ({@code getDouble(row)}) check bounds and go through a list on every
 * call, which the JIT's quick compiler does not inline: a third of the CPU of formatting a million
 * rows of CSV went there. Tablesaw keeps each column's values in a fastutil list in a protected
 * field; this reads that list's array, without a copy, and falls back to a copy when the field
 * cannot be read (another Tablesaw, a module that does not open it).
 *
 * <p>An array's first {@code column.size()} values are the column's, missing values as the
 * column keeps them (NaN, {@code Integer.MIN_VALUE}, {@code Long.MIN_VALUE}); it may be longer.
 * Callers read it and never write it, and only while the column is not appended to or changed.
 * No compatibility promise.
 */
public final class ColumnArrays {
    private static final Logger log = LoggerFactory.getLogger(ColumnArrays.class);

    private static final VarHandle DOUBLES = field(DoubleColumn.class, DoubleArrayList.class);
    private static final VarHandle LONGS = field(LongColumn.class, LongArrayList.class);
    private static final VarHandle INTS = field(IntColumn.class, IntArrayList.class);
    private static final VarHandle DATES = field(DateColumn.class, IntArrayList.class);

    private ColumnArrays() {
    }

    /** @return whether the arrays are Tablesaw's own, not copies (true with the Tablesaw xtage is built on) */
    public static boolean direct() {
        return DOUBLES != null && LONGS != null && INTS != null && DATES != null;
    }

    /** @param c a column @return its values, NaN where missing */
    public static double[] doubles(DoubleColumn c) {
        return DOUBLES == null ? c.asDoubleArray() : ((DoubleArrayList) DOUBLES.get(c)).elements();
    }

    /** @param c a column @return its values, {@code Long.MIN_VALUE} where missing */
    public static long[] longs(LongColumn c) {
        return LONGS == null ? c.asLongArray() : ((LongArrayList) LONGS.get(c)).elements();
    }

    /** @param c a column @return its values, {@code Integer.MIN_VALUE} where missing */
    public static int[] ints(IntColumn c) {
        return INTS == null ? c.asIntArray() : ((IntArrayList) INTS.get(c)).elements();
    }

    /** @param c a column @return its packed dates ({@code PackedLocalDate}), {@code Integer.MIN_VALUE} where missing */
    public static int[] packedDates(DateColumn c) {
        if (DATES != null) {
            return ((IntArrayList) DATES.get(c)).elements();
        }
        int[] out = new int[c.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = c.getIntInternal(i);
        }
        return out;
    }

    /** Tablesaw's {@code data} field of {@code owner}, or null (and copies) when it cannot be read. */
    private static VarHandle field(Class<?> owner, Class<?> type) {
        try {
            return MethodHandles.privateLookupIn(owner, MethodHandles.lookup()).findVarHandle(owner, "data", type);
        } catch (ReflectiveOperationException | RuntimeException e) {
            log.debug("{}'s values are read through copies: {}", owner.getSimpleName(), e.toString());
            return null;
        }
    }
}
