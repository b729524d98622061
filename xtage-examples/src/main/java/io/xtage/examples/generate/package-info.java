/**
 * Deterministic sample data: the dirty input files of workload W1
 * ({@link io.xtage.examples.generate.W1DataGenerator}).
 *
 * @since 0.1.0
 */
package io.xtage.examples.generate;
