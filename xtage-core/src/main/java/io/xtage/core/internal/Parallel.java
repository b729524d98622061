package io.xtage.core.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.IntFunction;
import java.util.stream.IntStream;

/**
 * Runs independent pieces of work, such as one per column, on the common fork-join pool and the
 * calling thread, when there is enough of it to pay for the hand-over; otherwise in the caller,
 * in order. No compatibility promise.
 */
public final class Parallel {
    /**
     * Cells (values read or written) below which work stays on the calling thread: handing a
     * task to another thread costs tens of microseconds, a cell a few nanoseconds.
     */
    public static final long MIN_CELLS = 1L << 17;

    private Parallel() {
    }

    /**
     * @param n pieces of work, numbered {@code 0..n-1}
     * @param cells how many values the pieces touch together, to decide whether threads pay
     * @param piece the work of one piece; must not depend on the others
     * @param <T> the result of a piece
     * @return the pieces' results, in piece order
     * @throws RuntimeException the exception of the lowest-numbered piece that failed, as it was
     *     thrown, whichever thread ran it: the same failure as running the pieces in order
     */
    public static <T> List<T> map(int n, long cells, IntFunction<T> piece) {
        if (n < 2 || cells < MIN_CELLS || Runtime.getRuntime().availableProcessors() < 2) {
            List<T> out = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                out.add(piece.apply(i));
            }
            return out;
        }
        Object[] out = new Object[n];
        Throwable[] failed = new Throwable[n];
        IntStream.range(0, n).parallel().forEach(i -> {
            try {
                out[i] = piece.apply(i);
            } catch (RuntimeException | Error e) {
                failed[i] = e;
            }
        });
        for (Throwable t : failed) {
            if (t instanceof RuntimeException) {
                throw (RuntimeException) t;
            }
            if (t != null) {
                throw (Error) t;
            }
        }
        @SuppressWarnings("unchecked")
        List<T> list = (List<T>) Arrays.asList(out);
        return list;
    }
}
