package io.xtage.core.internal;

import it.unimi.dsi.fastutil.doubles.DoubleArrayList;
import it.unimi.dsi.fastutil.ints.IntArrayList;
import it.unimi.dsi.fastutil.longs.LongArrayList;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.invoke.VarHandle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tech.tablesaw.api.DateColumn;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.LongColumn;

/**
 * The primitive arrays behind Tablesaw's number and date columns, read and handed over without a
 * copy. Tablesaw's getters ({@code getDouble(row)}) check bounds and go through a list on every
 * call, which the JIT's quick compiler does not inline: a third of the CPU of formatting a million
 * rows of CSV went there; and its factories ({@code DoubleColumn.create(name, double[])}) copy the
 * array they are given. Tablesaw keeps each column's values in a fastutil list in a field
 * ({@code data}) that its own constructors take: this reads that list's array, and makes columns
 * around an array, through those. Where they cannot be reached (another Tablesaw, a module that
 * does not open them) it falls back to Tablesaw's copying methods, with the same results.
 *
 * <p>An array read is the column's values in its first {@code column.size()} places, missing
 * values as the column keeps them (NaN, {@code Integer.MIN_VALUE}, {@code Long.MIN_VALUE}); it may
 * be longer. Callers read it and never write it, and only while the column is not changed. An
 * array handed to a factory belongs to the new column from then on. No compatibility promise.
 */
public final class ColumnArrays {
    private static final Logger log = LoggerFactory.getLogger(ColumnArrays.class);

    private static final VarHandle DOUBLES = field(DoubleColumn.class, DoubleArrayList.class);
    private static final VarHandle LONGS = field(LongColumn.class, LongArrayList.class);
    private static final VarHandle INTS = field(IntColumn.class, IntArrayList.class);
    private static final VarHandle DATES = field(DateColumn.class, IntArrayList.class);
    private static final MethodHandle NEW_DOUBLES = constructor(DoubleColumn.class, DoubleArrayList.class);
    private static final MethodHandle NEW_LONGS = constructor(LongColumn.class, LongArrayList.class);
    private static final MethodHandle NEW_INTS = constructor(IntColumn.class, IntArrayList.class);
    private static final MethodHandle NEW_DATES = constructor(DateColumn.class, IntArrayList.class);

    private ColumnArrays() {
    }

    /** @return whether arrays are read and handed over without copies (true with the Tablesaw xtage is built on) */
    public static boolean direct() {
        return DOUBLES != null && LONGS != null && INTS != null && DATES != null && NEW_DOUBLES != null
            && NEW_LONGS != null && NEW_INTS != null && NEW_DATES != null;
    }

    /** @param c a column @return its values, NaN where missing */
    public static double[] doubles(DoubleColumn c) {
        return doubles(c, DOUBLES != null);
    }

    /** @param c a column @return its values, {@code Long.MIN_VALUE} where missing */
    public static long[] longs(LongColumn c) {
        return longs(c, LONGS != null);
    }

    /** @param c a column @return its values, {@code Integer.MIN_VALUE} where missing */
    public static int[] ints(IntColumn c) {
        return ints(c, INTS != null);
    }

    /** @param c a column @return its packed dates ({@code PackedLocalDate}), {@code Integer.MIN_VALUE} where missing */
    public static int[] packedDates(DateColumn c) {
        return packedDates(c, DATES != null);
    }

    /**
     * @param name the column name
     * @param values the values, NaN where missing; the column keeps this array
     * @return a column of {@code values}
     */
    public static DoubleColumn doubleColumn(String name, double[] values) {
        return doubleColumn(name, values, NEW_DOUBLES != null);
    }

    /**
     * @param name the column name
     * @param values the values, {@code Long.MIN_VALUE} where missing; the column keeps this array
     * @return a column of {@code values}
     */
    public static LongColumn longColumn(String name, long[] values) {
        return longColumn(name, values, NEW_LONGS != null);
    }

    /**
     * @param name the column name
     * @param values the values, {@code Integer.MIN_VALUE} where missing; the column keeps this array
     * @return a column of {@code values}
     */
    public static IntColumn intColumn(String name, int[] values) {
        return intColumn(name, values, NEW_INTS != null);
    }

    /**
     * @param name the column name
     * @param packed packed dates ({@code PackedLocalDate}), {@code Integer.MIN_VALUE} where missing;
     *     the column keeps this array
     * @return a column of {@code packed}
     */
    public static DateColumn dateColumn(String name, int[] packed) {
        return dateColumn(name, packed, NEW_DATES != null);
    }

    // Each of the above, through Tablesaw's internals (direct) or its public, copying methods: the
    // tests hold both ways to the same results.

    static double[] doubles(DoubleColumn c, boolean direct) {
        return direct ? ((DoubleArrayList) DOUBLES.get(c)).elements() : c.asDoubleArray();
    }

    static long[] longs(LongColumn c, boolean direct) {
        return direct ? ((LongArrayList) LONGS.get(c)).elements() : c.asLongArray();
    }

    static int[] ints(IntColumn c, boolean direct) {
        return direct ? ((IntArrayList) INTS.get(c)).elements() : c.asIntArray();
    }

    static int[] packedDates(DateColumn c, boolean direct) {
        if (direct) {
            return ((IntArrayList) DATES.get(c)).elements();
        }
        int[] out = new int[c.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = c.getIntInternal(i);
        }
        return out;
    }

    static DoubleColumn doubleColumn(String name, double[] values, boolean direct) {
        if (!direct) {
            return DoubleColumn.create(name, values);
        }
        try {
            return (DoubleColumn) NEW_DOUBLES.invokeExact(name, DoubleArrayList.wrap(values));
        } catch (Throwable e) {
            throw rethrow(e);
        }
    }

    static LongColumn longColumn(String name, long[] values, boolean direct) {
        if (!direct) {
            return LongColumn.create(name, values);
        }
        try {
            return (LongColumn) NEW_LONGS.invokeExact(name, LongArrayList.wrap(values));
        } catch (Throwable e) {
            throw rethrow(e);
        }
    }

    static IntColumn intColumn(String name, int[] values, boolean direct) {
        if (!direct) {
            return IntColumn.create(name, values);
        }
        try {
            return (IntColumn) NEW_INTS.invokeExact(name, IntArrayList.wrap(values));
        } catch (Throwable e) {
            throw rethrow(e);
        }
    }

    static DateColumn dateColumn(String name, int[] packed, boolean direct) {
        if (!direct) {
            return DateColumn.createInternal(name, packed);
        }
        try {
            return (DateColumn) NEW_DATES.invokeExact(name, IntArrayList.wrap(packed));
        } catch (Throwable e) {
            throw rethrow(e);
        }
    }

    /** A constructor's own exception, as it was (they throw only unchecked ones). */
    private static RuntimeException rethrow(Throwable e) {
        if (e instanceof RuntimeException) {
            return (RuntimeException) e;
        }
        if (e instanceof Error) {
            throw (Error) e;
        }
        return new IllegalStateException(e);
    }

    /** Tablesaw's constructor of {@code owner} from a name and a list, or null (and copies) when it cannot be reached. */
    private static MethodHandle constructor(Class<?> owner, Class<?> list) {
        try {
            return MethodHandles.privateLookupIn(owner, MethodHandles.lookup())
                .findConstructor(owner, MethodType.methodType(void.class, String.class, list))
                .asType(MethodType.methodType(owner, String.class, list));
        } catch (ReflectiveOperationException | RuntimeException e) {
            log.debug("{} columns are made through copies: {}", owner.getSimpleName(), e.toString());
            return null;
        }
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
