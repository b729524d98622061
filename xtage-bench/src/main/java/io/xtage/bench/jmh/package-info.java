/**
 * JMH micro-benchmarks of xtage's hot paths, each against the obvious alternative on the same
 * data. Run them from the shaded jar: {@code java -jar xtage-bench/target/xtage-bench.jar -l}
 * lists them; results go to {@code docs/benchmarks.md} with the date and the command.
 *
 * <ul>
 *   <li>{@link io.xtage.bench.jmh.CsvReadBenchmark}: a 1M-row typed CSV into a table: xtage's
 *       CsvSource vs Tablesaw's reader (configured well) vs DuckDB {@code read_csv}.</li>
 *   <li>{@link io.xtage.bench.jmh.DateParseBenchmark}: 1M mixed date spellings: DateInference /
 *       DatePatterns vs {@code LocalDate.parse} with a formatter per value.</li>
 *   <li>{@link io.xtage.bench.jmh.JoinBenchmark}: 1M x 10k left join and a 1M as-of join on
 *       dates: the Standardizer vs Tablesaw's joiner / a TreeMap per row vs DuckDB.</li>
 *   <li>{@link io.xtage.bench.jmh.PreprocessBenchmark}: median imputation and one-hot encoding
 *       of 1M rows: xtage's steps vs Tablesaw's own and a hand-written loop.</li>
 *   <li>{@link io.xtage.bench.jmh.CsvWriteBenchmark}: the same 1M-row table written as CSV:
 *       xtage's CsvSink vs Tablesaw {@code write().csv} vs DuckDB {@code COPY ... TO}.</li>
 * </ul>
 *
 * <p>Still to add, when the APIs they measure are settled (each against the obvious alternative,
 * on W1-shaped data at 1M rows):
 * <ul>
 *   <li>JSON read: the 500k-object {@code customer_data.json} of W1 at 5M rows, xtage's JSON
 *       source vs Jackson's tree model vs DuckDB {@code read_json}.</li>
 * </ul>
 *
 * <p>Plain mains beside JMH, in {@code io.xtage.bench}: {@code PreprocessVsDuck} (the whole
 * preprocessor of W1 step 5 vs the same in DuckDB SQL) and {@code PostgresWriteBench}
 * ({@code PostgresSink} vs batched {@code INSERT}); {@code bench/run-api.sh} measures the products
 * API with wrk.
 */
package io.xtage.bench.jmh;
