package io.xtage.examples.generate;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.SplittableRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes the five dirty input files of workload W1 ({@code shared/bench/WORKLOAD.md})
 * for a scale of {@code rows} and a seed: the Java twin of the reference
 * {@code gen_xtage_data.py}, with the same files, columns, sizes, value spellings and
 * mix of dirt, though not Python's random stream.
 *
 * <ul>
 *   <li>{@value #SALES}: {@code rows} lines; 95% known product ids, 5% ids that do not
 *       exist; quantity 1..10 with ~1% -1, ~0.7% 1000 and ~0.3% 0; price 4.5% empty,
 *       ~22% negative; dates 3% empty, ~35% {@code dd/MM/yyyy}, ~31% {@code MM-dd-yyyy},
 *       ~31% ISO; ~1% of the lines repeat an earlier line exactly, Transaction_ID
 *       included, so every Transaction_ID is in 1..rows.</li>
 *   <li>{@value #TRANSACTIONS}: {@code rows} lines, Transaction_ID 1..rows; 3.3% empty
 *       dates; Total_Amount 4.5% empty, ~10% negative, otherwise {@code quantity * price}
 *       printed like Python's {@code repr} (see {@link ShortestDouble}).</li>
 *   <li>{@value #PRODUCTS}: {@code max(1000, rows / 100)} products, ~9% negative prices,
 *       ~1% negative stock.</li>
 *   <li>{@value #CUSTOMERS}: {@code max(1000, rows / 10)} objects in a JSON array
 *       pretty-printed like Python's {@code json.dump(indent=4)}; 4.6% {@code null} ages,
 *       messy genders and locations, 1.7% empty join dates.</li>
 *   <li>{@value #RATES}: 5 currencies x 366 days plus ~30% repeated (currency, date)
 *       objects with another rate, shuffled; 5% {@code null} rates, ~24% negative,
 *       2.4% empty dates.</li>
 * </ul>
 *
 * <p>Each file draws from its own random stream derived from (seed, file), so a file's
 * bytes depend only on (rows, seed). Stateless and thread-safe.
 *
 * <pre>{@code
 * W1DataGenerator.Summary s = W1DataGenerator.generate(Path.of("data"), 100_000, 42);
 * s.records(W1DataGenerator.PRODUCTS); // 1000
 * }</pre>
 *
 * @since 0.1.0
 */
public final class W1DataGenerator {

    /**
     * Sales lines, {@code rows} of them.
     *
     * @since 0.1.0
     */
    public static final String SALES = "sales_data.csv";

    /**
     * Transactions, {@code rows} of them.
     *
     * @since 0.1.0
     */
    public static final String TRANSACTIONS = "transactions.csv";

    /**
     * Products, {@code max(1000, rows / 100)} of them.
     *
     * @since 0.1.0
     */
    public static final String PRODUCTS = "products.csv";

    /**
     * Customers as a JSON array, {@code max(1000, rows / 10)} of them.
     *
     * @since 0.1.0
     */
    public static final String CUSTOMERS = "customer_data.json";

    /**
     * Exchange rates as a JSON array, about 5 x 366 x 1.3 of them.
     *
     * @since 0.1.0
     */
    public static final String RATES = "exchange_rates.json";

    private static final Logger log = LoggerFactory.getLogger(W1DataGenerator.class);

    private static final String[] CATEGORIES = {"Books", "Toys", "Electronics", "Furniture", "Clothing"};
    private static final String[] NAMES = {"John Doe", "Jane Smith", "Alice Johnson", "Bob Brown", "Emily Davis"};
    private static final String[] STATES = {"California", "Texas", "Florida", "New York"};
    private static final String[] CURRENCIES = {"EUR", "AUD", "JPY", "GBP", "USD"};
    private static final String[] RARE_GENDERS = {"female", "male", "F", "M", "f", "m"};
    private static final String[] GENDERS = {"Female", "Male", "Non-binary"};

    private static final LocalDate Y2022 = LocalDate.of(2022, 1, 1);
    private static final String[] ISO_2022 = days(Y2022, 365, DateTimeFormatter.ISO_LOCAL_DATE);
    private static final String[] DMY_2022 = days(Y2022, 365, DateTimeFormatter.ofPattern("dd/MM/uuuu"));
    private static final String[] MDY_2022 = days(Y2022, 365, DateTimeFormatter.ofPattern("MM-dd-uuuu"));
    /** 2020-01-01 .. 2022-12-31. */
    private static final String[] JOINED = days(LocalDate.of(2020, 1, 1), 1096, DateTimeFormatter.ISO_LOCAL_DATE);
    /** 2022-01-01 .. 2023-01-01. */
    private static final String[] RATE_DATES = days(Y2022, 366, DateTimeFormatter.ISO_LOCAL_DATE);

    /** Sales lines kept as the source of exact repeats, as in the reference. */
    private static final int RING = 1000;
    /** Large enough that the writes, not the flushes, dominate. */
    private static final int BUFFER_CHARS = 1 << 20;

    private W1DataGenerator() {
    }

    /**
     * Writes the five files into {@code outDir}, creating it if needed and replacing
     * files of the same names.
     *
     * @param outDir the output directory
     * @param rows the scale N: lines of sales and of transactions, at least 1
     * @param seed any value; equal (rows, seed) give equal bytes
     * @return what was written, never null
     * @throws NullPointerException if {@code outDir} is null
     * @throws IllegalArgumentException if {@code rows < 1}
     * @throws UncheckedIOException if a file cannot be written
     * @since 0.1.0
     */
    public static Summary generate(Path outDir, long rows, long seed) {
        Objects.requireNonNull(outDir, "outDir");
        if (rows < 1) {
            throw new IllegalArgumentException("rows must be >= 1 (was " + rows + ")");
        }
        long started = System.nanoTime();
        List<GeneratedFile> files = new ArrayList<>(5);
        try {
            Files.createDirectories(outDir);
            files.add(write(outDir, PRODUCTS, w -> writeProducts(w, rows, stream(seed, PRODUCTS))));
            files.add(write(outDir, CUSTOMERS, w -> writeCustomers(w, rows, stream(seed, CUSTOMERS))));
            files.add(write(outDir, RATES, w -> writeRates(w, stream(seed, RATES))));
            files.add(write(outDir, SALES, w -> writeSales(w, rows, stream(seed, SALES))));
            files.add(write(outDir, TRANSACTIONS, w -> writeTransactions(w, rows, stream(seed, TRANSACTIONS))));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write W1 data into " + outDir, e);
        }
        log.debug("wrote W1 data, rows={} seed={}, into {} in {} ms",
                rows, seed, outDir, (System.nanoTime() - started) / 1_000_000);
        return new Summary(outDir, rows, seed, List.copyOf(files));
    }

    /** Number of products at scale {@code rows}. */
    static long productCount(long rows) {
        return Math.max(1000, rows / 100);
    }

    /** Number of customers at scale {@code rows}. */
    static long customerCount(long rows) {
        return Math.max(1000, rows / 10);
    }

    /**
     * The random stream of one file: a SplitMix64 mix of the seed and the file name
     * (whose {@code hashCode} the JLS fixes), so streams of different files or seeds
     * do not overlap in any visible way.
     */
    static SplittableRandom stream(long seed, String fileName) {
        long h = mix64(seed) ^ mix64(0x9E3779B97F4A7C15L * fileName.hashCode() + fileName.length());
        return new SplittableRandom(mix64(h));
    }

    private static long mix64(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    private interface Body {
        long writeTo(Writer w) throws IOException;
    }

    private static GeneratedFile write(Path dir, String name, Body body) throws IOException {
        long started = System.nanoTime();
        Path path = dir.resolve(name);
        long records;
        try (Writer w = new BufferedWriter(
                new OutputStreamWriter(Files.newOutputStream(path), StandardCharsets.UTF_8), BUFFER_CHARS)) {
            records = body.writeTo(w);
        }
        long bytes = Files.size(path);
        log.debug("wrote {}: {} records, {} bytes in {} ms",
                path, records, bytes, (System.nanoTime() - started) / 1_000_000);
        return new GeneratedFile(name, path, records, bytes);
    }

    private static long writeSales(Writer w, long n, SplittableRandom r) throws IOException {
        long p = productCount(n);
        String[] ring = new String[RING];
        int ringSize = 0;
        StringBuilder sb = new StringBuilder(64);
        w.write("Transaction_ID,Product_ID,Quantity,Price,Transaction_Date\n");
        for (long tid = 1; tid <= n; tid++) {
            String line;
            if (ringSize > 0 && r.nextDouble() < 0.01) {
                line = ring[r.nextInt(ringSize)];
            } else {
                long pid = r.nextDouble() < 0.95 ? r.nextLong(1, p + 1) : r.nextLong(p + 1, 2 * p + 1);
                double u = r.nextDouble();
                int q;
                if (u < 0.01) {
                    q = -1;
                } else if (u < 0.017) {
                    q = 1000;
                } else if (u < 0.020) {
                    q = 0;
                } else {
                    q = r.nextInt(1, 11);
                }
                sb.setLength(0);
                sb.append(tid).append(',').append(pid).append(',').append(q).append(',');
                u = r.nextDouble();
                if (u >= 0.045) {
                    if (u < 0.265) {
                        sb.append('-');
                    }
                    appendCents(sb, money(r));
                }
                sb.append(',');
                u = r.nextDouble();
                int d = r.nextInt(365);
                if (u >= 0.03) {
                    sb.append(u < 0.38 ? DMY_2022[d] : u < 0.69 ? MDY_2022[d] : ISO_2022[d]);
                }
                sb.append('\n');
                line = sb.toString();
                if (ringSize < RING) {
                    ring[ringSize++] = line;
                } else {
                    ring[(int) (tid % RING)] = line;
                }
            }
            w.write(line);
        }
        return n;
    }

    private static long writeTransactions(Writer w, long n, SplittableRandom r) throws IOException {
        long p = productCount(n);
        long c = customerCount(n);
        StringBuilder sb = new StringBuilder(96);
        w.write("Transaction_ID,Customer_ID,Product_ID,Quantity,Transaction_Date,Total_Amount\n");
        for (long tid = 1; tid <= n; tid++) {
            long cid = r.nextLong(1, c + 1);
            long pid = r.nextLong(1, p + 1);
            int q = r.nextInt(1, 11);
            sb.setLength(0);
            sb.append(tid).append(',').append(cid).append(',').append(pid).append(',').append(q).append(',');
            if (r.nextDouble() >= 0.033) {
                sb.append(ISO_2022[r.nextInt(365)]);
            }
            sb.append(',');
            double u = r.nextDouble();
            if (u >= 0.045) {
                if (u < 0.145) {
                    sb.append('-');
                }
                appendAmount(sb, q, money(r));
            }
            sb.append('\n');
            w.append(sb);
        }
        return n;
    }

    /**
     * Appends {@code q * (cents / 100.0)} as Python's {@code repr} prints it. When that
     * product is the double nearest to the exact amount {@code q * cents / 100}, the
     * shortest text is that amount; otherwise (floating noise such as
     * {@code 1241.0099999999998}) search for it.
     */
    static void appendAmount(StringBuilder sb, int q, int cents) {
        double amount = q * (cents / 100.0);
        long exact = (long) q * cents;
        if (exact / 100.0 == amount) {
            ShortestDouble.appendDecimal(sb, exact, 2);
        } else {
            sb.append(ShortestDouble.format(amount));
        }
    }

    private static long writeProducts(Writer w, long n, SplittableRandom r) throws IOException {
        long p = productCount(n);
        StringBuilder sb = new StringBuilder(96);
        w.write("Product_ID,Product_Name,Category,Price,Stock_Available\n");
        for (long pid = 1; pid <= p; pid++) {
            String category = CATEGORIES[r.nextInt(CATEGORIES.length)];
            int cents = money(r);
            boolean negativePrice = r.nextDouble() < 0.09;
            int stock = r.nextInt(0, 1001);
            if (r.nextDouble() < 0.01) {
                stock = -r.nextInt(1, 51);
            }
            sb.setLength(0);
            sb.append(pid).append(",Product_").append(pid).append(',').append(category).append(',');
            if (negativePrice) {
                sb.append('-');
            }
            appendCents(sb, cents);
            sb.append(',').append(stock).append('\n');
            w.append(sb);
        }
        return p;
    }

    private static long writeCustomers(Writer w, long n, SplittableRandom r) throws IOException {
        long c = customerCount(n);
        StringBuilder sb = new StringBuilder(256);
        w.write("[\n");
        for (long cid = 1; cid <= c; cid++) {
            String name = NAMES[r.nextInt(NAMES.length)];
            int age = r.nextDouble() < 0.046 ? -1 : r.nextInt(15, 100);
            double u = r.nextDouble();
            String gender = u < 0.25 ? ""
                    : u < 0.30 ? RARE_GENDERS[r.nextInt(RARE_GENDERS.length)]
                    : GENDERS[r.nextInt(GENDERS.length)];
            u = r.nextDouble();
            String location = u < 0.18 ? "Unknown" : u < 0.21 ? "" : STATES[r.nextInt(STATES.length)];
            String joined = r.nextDouble() < 0.017 ? "" : JOINED[r.nextInt(JOINED.length)];
            sb.setLength(0);
            sb.append("    {\n        \"Customer_ID\": ").append(cid)
                    .append(",\n        \"Customer_Name\": \"").append(name)
                    .append("\",\n        \"Age\": ");
            if (age < 0) {
                sb.append("null");
            } else {
                sb.append(age);
            }
            sb.append(",\n        \"Gender\": \"").append(gender)
                    .append("\",\n        \"Location\": \"").append(location)
                    .append("\",\n        \"Date_Joined\": \"").append(joined)
                    .append(cid < c ? "\"\n    },\n" : "\"\n    }\n");
            w.append(sb);
        }
        w.write("]\n");
        return c;
    }

    private static long writeRates(Writer w, SplittableRandom r) throws IOException {
        List<String> records = new ArrayList<>(CURRENCIES.length * RATE_DATES.length * 14 / 10);
        StringBuilder sb = new StringBuilder(128);
        for (String currency : CURRENCIES) {
            for (String date : RATE_DATES) {
                records.add(rateRecord(sb, r, currency, date));
                if (r.nextDouble() < 0.30) {
                    records.add(rateRecord(sb, r, currency, date));
                }
            }
        }
        for (int i = records.size() - 1; i > 0; i--) {
            int j = r.nextInt(i + 1);
            String t = records.get(i);
            records.set(i, records.get(j));
            records.set(j, t);
        }
        w.write("[\n");
        for (int i = 0; i < records.size(); i++) {
            w.write(records.get(i));
            w.write(i < records.size() - 1 ? ",\n" : "\n");
        }
        w.write("]\n");
        return records.size();
    }

    private static String rateRecord(StringBuilder sb, SplittableRandom r, String currency, String date) {
        sb.setLength(0);
        sb.append("    {\n        \"Currency_Code\": \"").append(currency).append("\",\n        \"Exchange_Rate\": ");
        if (r.nextDouble() < 0.05) {
            sb.append("null");
        } else {
            int tenThousandths = r.nextInt(1000, 15001);
            // 24% of all rows negative, drawn among the 95% that have a rate
            if (r.nextDouble() < 0.24 / 0.95) {
                sb.append('-');
            }
            ShortestDouble.appendDecimal(sb, tenThousandths, 4);
        }
        sb.append(",\n        \"Date\": \"").append(r.nextDouble() < 0.024 ? "" : date).append("\"\n    }");
        return sb.toString();
    }

    /** A price in cents, 0.50 .. 150.00. */
    private static int money(SplittableRandom r) {
        return r.nextInt(50, 15001);
    }

    /** Python's {@code f"{c / 100.0:.2f}"}: always two decimals. */
    private static void appendCents(StringBuilder sb, int cents) {
        sb.append(cents / 100).append('.');
        int frac = cents % 100;
        if (frac < 10) {
            sb.append('0');
        }
        sb.append(frac);
    }

    private static String[] days(LocalDate start, int count, DateTimeFormatter format) {
        String[] out = new String[count];
        for (int i = 0; i < count; i++) {
            out[i] = start.plusDays(i).format(format);
        }
        return out;
    }

    /**
     * One written file.
     *
     * @param name the file name, one of the constants of {@link W1DataGenerator}
     * @param path where it was written
     * @param records data lines of a CSV file, objects of a JSON array
     * @param bytes the file size
     * @since 0.1.0
     */
    public record GeneratedFile(String name, Path path, long records, long bytes) {
    }

    /**
     * What {@link #generate} wrote.
     *
     * @param directory the output directory
     * @param rows the scale N
     * @param seed the seed
     * @param files the five files, in the order written
     * @since 0.1.0
     */
    public record Summary(Path directory, long rows, long seed, List<GeneratedFile> files) {

        /**
         * Returns the record count of one file.
         *
         * @param fileName one of the file name constants of {@link W1DataGenerator}
         * @return its records
         * @throws IllegalArgumentException if no file of that name was written
         * @since 0.1.0
         */
        public long records(String fileName) {
            return files.stream().filter(f -> f.name().equals(fileName)).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("no generated file named '" + fileName
                            + "'; expected one of " + files.stream().map(GeneratedFile::name).toList()))
                    .records();
        }
    }
}
