/**
 * The expression language of {@code Filter} and {@code Derive}: lexer, parser, type checker and
 * vectorised evaluator. No compatibility promise.
 */
package io.xtage.preprocess.internal.expr;
