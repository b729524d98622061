/**
 * Internals of the preprocessor: typed column access, statistics, row hashing, JSON parameter
 * reading. No compatibility promise.
 */
package io.xtage.preprocess.internal;
