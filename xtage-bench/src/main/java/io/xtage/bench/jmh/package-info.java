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
 * </ul>
 *
 * <p>Still to add, when the APIs they measure exist (each against the obvious alternative, on
 * W1-shaped data at 1M rows):
 * <ul>
 *   <li>join: {@code io.xtage.core.standardize} left join of a 1M fact table on a 10k dimension
 *       vs Tablesaw {@code joinOn(..).leftOuter(..)} (1.5 s in FIELD-NOTES.md) vs DuckDB;</li>
 *   <li>as-of join: the latest rate at or before each of 1M dates vs a {@code TreeMap.floorEntry}
 *       lookup per row vs DuckDB {@code ASOF LEFT JOIN};</li>
 *   <li>median impute: {@code io.xtage.preprocess} median fit + transform of a 1M double column
 *       with 5% missing vs sort-and-pick on a copy vs Tablesaw {@code DoubleColumn.median()};</li>
 *   <li>one-hot: 5-level category column to 0/1 int columns vs a per-row {@code String.equals}
 *       loop building Tablesaw columns;</li>
 *   <li>CSV write: xtage's CSV sink vs Tablesaw {@code write().csv} (0.7 s in FIELD-NOTES.md).</li>
 * </ul>
 */
package io.xtage.bench.jmh;
