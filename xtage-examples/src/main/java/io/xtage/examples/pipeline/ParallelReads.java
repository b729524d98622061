package io.xtage.examples.pipeline;

import io.xtage.core.ReadResult;
import io.xtage.core.Source;
import io.xtage.core.XtageException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Reads several sources at once, a thread per core, and gives back their results in the order
 * given. A failure of any read fails the whole, with the first failure as the exception and the
 * others suppressed.
 *
 * @since 0.1.0
 */
public final class ParallelReads {
    private ParallelReads() {
    }

    /**
     * @param sources sources by name, in the order their results are wanted
     * @param progress the listener each read reports to
     * @return results by name, in the same order
     * @throws XtageException the first read's failure
     * @since 0.1.0
     */
    public static Map<String, ReadResult> readAll(Map<String, Source> sources, io.xtage.core.ProgressListener progress) {
        int threads = Math.max(1, Math.min(sources.size(), Runtime.getRuntime().availableProcessors()));
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "xtage-read");
            t.setDaemon(true);
            return t;
        });
        try {
            Map<String, Future<ReadResult>> futures = new LinkedHashMap<>();
            sources.forEach((name, s) -> futures.put(name, pool.submit(() -> s.read(progress))));
            Map<String, ReadResult> out = new LinkedHashMap<>();
            RuntimeException first = null;
            for (Map.Entry<String, Future<ReadResult>> e : futures.entrySet()) {
                try {
                    out.put(e.getKey(), e.getValue().get());
                } catch (ExecutionException ex) {
                    RuntimeException r = ex.getCause() instanceof RuntimeException ? (RuntimeException) ex.getCause()
                        : new XtageException(e.getKey() + ": " + ex.getCause(), ex.getCause());
                    if (first == null) {
                        first = r;
                    } else {
                        first.addSuppressed(r);
                    }
                } catch (InterruptedException ex) {
                    Thread.currentThread().interrupt();
                    throw new XtageException("interrupted while reading " + e.getKey(), ex);
                }
            }
            if (first != null) {
                throw first;
            }
            return out;
        } finally {
            pool.shutdownNow();
        }
    }
}
