/**
 * The JDBC source: {@link io.xtage.source.jdbc.JdbcSource} streams a query or a table from
 * PostgreSQL (compiled against {@code java.sql} only) into typed columns, with bind parameters,
 * a fetch size, a query timeout and credentials from a DataSource or an environment variable.
 * {@link io.xtage.source.jdbc.JdbcSourceProvider} makes it discoverable as kind {@code jdbc}.
 *
 * @since 0.1.0
 */
package io.xtage.source.jdbc;
