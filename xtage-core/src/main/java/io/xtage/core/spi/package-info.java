/**
 * For people writing sources: {@link io.xtage.core.spi.SourceProvider} for discovery, and
 * {@link io.xtage.core.spi.TableBuilder}, {@link io.xtage.core.spi.RejectCollector} and
 * {@link io.xtage.core.spi.Progress}, which make every source coerce, reject and report alike.
 *
 * @since 0.1.0
 */
package io.xtage.core.spi;
