/**
 * Reports of what a run did, and their JSON form.
 *
 * @since 0.1.0
 */
package io.xtage.core.report;
