package io.xtage.bench;

import io.xtage.bench.jmh.CsvBenchData;
import io.xtage.core.ReadResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * Checks the target "a read retains no more than the final table plus a small constant": reads
 * the 1M-row benchmark CSV ({@link CsvBenchData}) with xtage's CsvSource, then compares the heap
 * still in use after full collections with the table's own size (rows x bytes per value of each
 * column, what the column arrays need at the least).
 *
 * <pre>java -Xmx1g -XX:+UseParallelGC -cp xtage-bench/target/xtage-bench.jar io.xtage.bench.CsvReadHeap [ROWS]</pre>
 *
 * <p>Heap in use is {@code totalMemory - freeMemory} after {@code System.gc()} several times, until
 * it stops falling; good to about a megabyte with the parallel collector. The baseline is taken
 * the same way just before the read, with the file already written and the classes loaded by a
 * first read of a small file, so the difference is the table and whatever the read left behind.
 *
 * @since 0.1.0
 */
public final class CsvReadHeap {

    private CsvReadHeap() {
    }

    /**
     * @param args [ROWS], default 1,000,000
     * @throws IOException if the temporary files cannot be written
     * @since 0.1.0
     */
    public static void main(String[] args) throws IOException {
        int rows = args.length > 0 ? Integer.parseInt(args[0]) : CsvBenchData.ROWS;
        Path dir = Files.createTempDirectory("xtage-bench-heap");
        Path small = CsvBenchData.write(dir.resolve("small.csv"), 1000, 1);
        Path file = CsvBenchData.write(dir.resolve("data.csv"), rows, CsvBenchData.SEED);
        try {
            CsvBenchData.source(small).read(); // load the classes the read needs
            long before = usedAfterGc();
            long t0 = System.nanoTime();
            ReadResult r = CsvBenchData.source(file).read();
            double seconds = (System.nanoTime() - t0) / 1e9;
            long after = usedAfterGc();
            Table t = r.table();
            long estimated = 0;
            StringBuilder perColumn = new StringBuilder();
            for (Column<?> c : t.columns()) {
                long bytes = (long) c.size() * c.type().byteSize();
                estimated += bytes;
                perColumn.append(String.format("  %-12s %-10s %,14d bytes%n", c.name(), c.type().name(), bytes));
            }
            long retained = after - before;
            System.out.printf("read %,d rows x %d columns from %,d bytes in %.2f s (%d rejects)%n", t.rowCount(),
                t.columnCount(), Files.size(file), seconds, r.rejects().size());
            System.out.print(perColumn);
            System.out.printf("table estimate (rows x bytes per value): %,14d bytes  %7.1f MiB%n", estimated, mib(estimated));
            System.out.printf("retained heap after GC:                  %,14d bytes  %7.1f MiB%n", retained, mib(retained));
            System.out.printf("retained - estimate:                     %,14d bytes  %7.1f MiB (%.2fx the estimate)%n",
                retained - estimated, mib(retained - estimated), (double) retained / estimated);
            // keep the result reachable until after the measurement
            if (r.recordsRead() < 0) {
                System.out.println(r);
            }
        } finally {
            Files.deleteIfExists(file);
            Files.deleteIfExists(small);
            Files.deleteIfExists(dir);
        }
    }

    private static double mib(long bytes) {
        return bytes / (1024.0 * 1024.0);
    }

    static long usedAfterGc() {
        Runtime rt = Runtime.getRuntime();
        long best = Long.MAX_VALUE;
        for (int i = 0; i < 10; i++) {
            System.gc();
            long used = rt.totalMemory() - rt.freeMemory();
            if (used >= best && i >= 3) {
                return Math.min(best, used);
            }
            best = Math.min(best, used);
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        return best;
    }
}
