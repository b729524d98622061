package io.xtage.bench.jmh;

import io.xtage.core.coerce.DateInference;
import io.xtage.core.coerce.DateOrder;
import io.xtage.core.coerce.DatePatterns;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import tech.tablesaw.columns.dates.PackedLocalDate;

/**
 * Parsing 1,000,000 dates written three ways in one column, as W1's sales file writes them:
 * ISO {@code 2022-12-06}, day-first {@code 13/05/2022} and month-first {@code 05-13-2022}, a
 * third each, in random order. Every operation parses all of them and returns a checksum.
 * <ul>
 *   <li>{@code xtageInferred}: {@link DateInference} decided each shape's order beforehand;</li>
 *   <li>{@code xtageInferThenParse}: the same, the inference pass over the values included;</li>
 *   <li>{@code xtagePatterns}: {@link DatePatterns} with the three declared patterns, tried in order;</li>
 *   <li>{@code javaTimeFormatterPerValue}: the obvious alternative: pick the one matching strict
 *       {@link DateTimeFormatter} by a look at the separators, then {@link LocalDate#parse};</li>
 *   <li>{@code javaTimeTryInOrder}: try the three formatters in turn, catching the exception.</li>
 * </ul>
 * xtage yields Tablesaw's packed int, java.time a {@link LocalDate} (which Tablesaw would then pack).
 *
 * <pre>java -jar xtage-bench/target/xtage-bench.jar DateParseBenchmark</pre>
 *
 * @since 0.1.0
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgs = {"-Xmx1g", "-XX:+UseParallelGC"})
public class DateParseBenchmark {

    static final int VALUES = 1_000_000;

    private static final DateTimeFormatter ISO = strict("uuuu-MM-dd");
    private static final DateTimeFormatter DAY_FIRST = strict("dd/MM/uuuu");
    private static final DateTimeFormatter MONTH_FIRST = strict("MM-dd-uuuu");
    private static final DateTimeFormatter[] IN_ORDER = {ISO, DAY_FIRST, MONTH_FIRST};

    private String[] values;
    private DateInference inferred;
    private DatePatterns patterns;

    private static DateTimeFormatter strict(String pattern) {
        return DateTimeFormatter.ofPattern(pattern).withResolverStyle(ResolverStyle.STRICT);
    }

    /** @since 0.1.0 */
    @Setup
    public void setUp() {
        values = values(VALUES, 42);
        inferred = infer(values);
        patterns = DatePatterns.of("yyyy-MM-dd", "dd/MM/yyyy", "MM-dd-yyyy");
        long expected = javaTimeFormatterPerValue();
        if (xtageInferred() != expected || xtagePatterns() != expected || javaTimeTryInOrder() != expected) {
            throw new IllegalStateException("the parsers disagree on the benchmark's dates");
        }
    }

    static String[] values(int n, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        LocalDate first = LocalDate.of(2020, 1, 1);
        DateTimeFormatter[] spellings = {ISO, DAY_FIRST, MONTH_FIRST};
        String[] v = new String[n];
        for (int i = 0; i < n; i++) {
            v[i] = first.plusDays(r.nextInt(1827)).format(spellings[r.nextInt(3)]);
        }
        return v;
    }

    private static DateInference infer(String[] values) {
        DateInference.Accumulator acc = DateInference.accumulator(DateOrder.MONTH_FIRST);
        for (String v : values) {
            acc.add(v, 1);
        }
        return acc.result();
    }

    /** @return a checksum @since 0.1.0 */
    @Benchmark
    public long xtageInferred() {
        long sum = 0;
        for (String v : values) {
            sum += inferred.parsePackedDate(v);
        }
        return sum;
    }

    /** @return a checksum @since 0.1.0 */
    @Benchmark
    public long xtageInferThenParse() {
        DateInference inf = infer(values);
        long sum = 0;
        for (String v : values) {
            sum += inf.parsePackedDate(v);
        }
        return sum;
    }

    /** @return a checksum @since 0.1.0 */
    @Benchmark
    public long xtagePatterns() {
        long sum = 0;
        for (String v : values) {
            sum += patterns.parsePackedDate(v);
        }
        return sum;
    }

    /** @return a checksum @since 0.1.0 */
    @Benchmark
    public long javaTimeFormatterPerValue() {
        long sum = 0;
        for (String v : values) {
            DateTimeFormatter f = v.length() > 4 && v.charAt(4) == '-' ? ISO : v.indexOf('/') >= 0 ? DAY_FIRST : MONTH_FIRST;
            sum += pack(LocalDate.parse(v, f));
        }
        return sum;
    }

    /** @return a checksum @since 0.1.0 */
    @Benchmark
    public long javaTimeTryInOrder() {
        long sum = 0;
        for (String v : values) {
            LocalDate d = null;
            for (DateTimeFormatter f : IN_ORDER) {
                try {
                    d = LocalDate.parse(v, f);
                    break;
                } catch (DateTimeParseException e) {
                    // next one
                }
            }
            sum += pack(d);
        }
        return sum;
    }

    /** What Tablesaw stores; xtage's parsers produce it directly. */
    private static int pack(LocalDate d) {
        return PackedLocalDate.pack(d);
    }
}
