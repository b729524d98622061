/**
 * The JSON lines sink: {@link io.xtage.sink.jsonl.JsonLinesSink}.
 *
 * @since 0.1.0
 */
package io.xtage.sink.jsonl;
