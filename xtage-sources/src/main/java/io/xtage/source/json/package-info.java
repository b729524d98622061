/**
 * JSON files as sources: {@link io.xtage.source.json.JsonSource}, configured by
 * {@link io.xtage.source.json.JsonOptions}, and {@link io.xtage.source.json.JsonSourceProvider}
 * for {@code Sources.forUri}. Read with Jackson's streaming parser: an array of objects, the array
 * at a JSON Pointer, or newline-delimited JSON; nested objects become {@code parent_child} columns.
 *
 * @since 0.1.0
 */
package io.xtage.source.json;
