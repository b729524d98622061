/**
 * Helpers shared by the source families (csv, json, http, jdbc), which never import each other.
 * No compatibility promise.
 *
 * @since 0.1.0
 */
package io.xtage.source.internal;
