/**
 * Sinks: where a finished table goes. One small interface, {@link io.xtage.sink.Sink}
 * ({@code SinkReport write(Table)}), with implementations beside it:
 * {@link io.xtage.sink.csv.CsvSink} (RFC 4180 CSV), {@link io.xtage.sink.jsonl.JsonLinesSink}
 * (one JSON object per line), {@link io.xtage.sink.postgres.PostgresSink} (a PostgreSQL table
 * loaded with {@code COPY}) and {@link io.xtage.sink.postgres.SqlExport} (a {@code .sql} file
 * that {@code psql -f} loads).
 *
 * <p>Every sink writes the same text for the same value: ISO dates ({@code 2024-03-01}),
 * ISO date-times with seconds ({@code 2024-03-01T09:30:00}), {@code .} as the decimal point,
 * doubles as the shortest text Java reads back as the same double, in plain notation for
 * magnitudes in [1e-7, 1e16) ({@code 0.0001}, {@code 12345678.9}), integers without decimals.
 *
 * @since 0.1.0
 */
package io.xtage.sink;
