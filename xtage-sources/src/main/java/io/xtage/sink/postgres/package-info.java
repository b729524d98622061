/**
 * PostgreSQL sinks: {@link io.xtage.sink.postgres.PostgresSink} loads a table over JDBC with
 * {@code COPY}; {@link io.xtage.sink.postgres.SqlExport} writes a {@code .sql} file that
 * {@code psql -f} loads; {@link io.xtage.sink.postgres.SqlScript} loads such a file over JDBC
 * where {@code psql} is not installed.
 *
 * @since 0.1.0
 */
package io.xtage.sink.postgres;
