package io.xtage.bench.jmh;

import io.xtage.core.RejectPolicy;
import io.xtage.core.schema.ColumnType;
import io.xtage.core.schema.Schema;
import io.xtage.source.csv.CsvSource;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.SplittableRandom;

/**
 * The CSV that the read benchmarks share: {@code id,customer_id,quantity,amount,day} (long, long,
 * int, double, ISO date), deterministic for a given row count and seed, about 1% of
 * {@code amount} and {@code day} cells empty (missing). 1,000,000 rows make about 38 MB.
 *
 * @since 0.1.0
 */
public final class CsvBenchData {

    /** Rows of the benchmark file. @since 0.1.0 */
    public static final int ROWS = 1_000_000;
    /** The seed of the benchmark file. @since 0.1.0 */
    public static final long SEED = 20261126L;
    /** The header line's names. @since 0.1.0 */
    public static final String[] COLUMNS = {"id", "customer_id", "quantity", "amount", "day"};

    private static final LocalDate FIRST_DAY = LocalDate.of(2020, 1, 1);

    private CsvBenchData() {
    }

    /**
     * @param file a file written by {@link #write}
     * @return xtage's reader of it, with the declared schema and a strict reject policy
     * @since 0.1.0
     */
    public static CsvSource source(Path file) {
        return CsvSource.builder()
            .path(file)
            .schema(Schema.builder()
                .column("id", ColumnType.LONG)
                .column("customer_id", ColumnType.LONG)
                .column("quantity", ColumnType.INT)
                .column("amount", ColumnType.DOUBLE)
                .date("day", "yyyy-MM-dd")
                .build())
            .rejectPolicy(RejectPolicy.strict())
            .build();
    }

    /**
     * Writes the file.
     *
     * @param file where to write; replaced if present
     * @param rows data rows
     * @param seed random seed
     * @return the file
     * @throws IOException if it cannot be written
     * @since 0.1.0
     */
    public static Path write(Path file, int rows, long seed) throws IOException {
        SplittableRandom r = new SplittableRandom(seed);
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            w.write(String.join(",", COLUMNS));
            w.write('\n');
            StringBuilder line = new StringBuilder(64);
            for (int i = 0; i < rows; i++) {
                line.setLength(0);
                line.append(10_000_000_000L + i).append(',');
                line.append(1 + r.nextLong(5_000_000_000L)).append(',');
                line.append(r.nextInt(100) == 0 ? -r.nextInt(1, 10) : r.nextInt(1, 1000)).append(',');
                if (r.nextInt(100) != 0) {
                    line.append(r.nextLong(1, 10_000_000) / 100.0); // at most 2 decimals, never E notation
                }
                line.append(',');
                if (r.nextInt(100) != 0) {
                    line.append(FIRST_DAY.plusDays(r.nextInt(1827)));
                }
                line.append('\n');
                w.append(line);
            }
        }
        return file;
    }
}
