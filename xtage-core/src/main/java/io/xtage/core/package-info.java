/**
 * The caller's view of xtage's core: {@link io.xtage.core.Source}, {@link io.xtage.core.ReadResult},
 * {@link io.xtage.core.Reject}, {@link io.xtage.core.RejectPolicy} and the exceptions rooted at
 * {@link io.xtage.core.XtageException}.
 *
 * @since 0.1.0
 */
package io.xtage.core;
