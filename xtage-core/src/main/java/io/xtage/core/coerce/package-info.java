/**
 * Text to typed values: numbers, booleans, dates with declared patterns, and date formats
 * inferred per shape with their evidence.
 *
 * @since 0.1.0
 */
package io.xtage.core.coerce;
