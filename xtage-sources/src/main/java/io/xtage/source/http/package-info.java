/**
 * The HTTP source: {@link io.xtage.source.http.HttpSource} fetches bytes with the JDK's
 * {@code java.net.http.HttpClient} (bearer tokens, timeouts, retries with backoff, gzip,
 * {@link io.xtage.source.http.Pagination pagination}) and hands each body to a
 * {@link io.xtage.core.spi.RecordFormat}; this package contains no parsing code.
 * {@link io.xtage.source.http.HttpSourceProvider} makes it discoverable as kind {@code http}.
 *
 * @since 0.1.0
 */
package io.xtage.source.http;
