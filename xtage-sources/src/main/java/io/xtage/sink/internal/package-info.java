/**
 * Shared machinery of the sinks (value formatting, buffered text output, typed column views).
 * No compatibility promise.
 */
package io.xtage.sink.internal;
