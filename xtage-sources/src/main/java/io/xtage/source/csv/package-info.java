/**
 * CSV files as sources: {@link io.xtage.source.csv.CsvSource}, configured by
 * {@link io.xtage.source.csv.CsvOptions}, and {@link io.xtage.source.csv.CsvSourceProvider} for
 * {@code Sources.forUri}. Read with Apache Commons CSV, record by record.
 *
 * @since 0.1.0
 */
package io.xtage.source.csv;
