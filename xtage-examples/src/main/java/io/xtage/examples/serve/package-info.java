/**
 * The products API ({@link io.xtage.examples.serve.ProductsApi}) over the prepared PostgreSQL
 * database, what runs it ({@link io.xtage.examples.serve.Serving}, started by {@code xtage serve}),
 * and {@link io.xtage.examples.serve.SqlScripts} to load a {@code .sql} export over JDBC.
 *
 * @since 0.1.0
 */
package io.xtage.examples.serve;
