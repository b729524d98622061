/**
 * The CSV sink: {@link io.xtage.sink.csv.CsvSink} with {@link io.xtage.sink.csv.CsvSinkOptions}.
 *
 * @since 0.1.0
 */
package io.xtage.sink.csv;
