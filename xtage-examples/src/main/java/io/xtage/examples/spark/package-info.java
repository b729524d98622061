/**
 * Workload W1 on Apache Spark ({@link io.xtage.examples.spark.SparkW1}): the W1 values of
 * {@link io.xtage.examples.pipeline.W1Workload} run by the xtage-spark engine. Spark is
 * {@code provided}: it is not in {@code xtage.jar}, and comes from {@code spark-submit} or the
 * class path.
 *
 * @since 0.1.0
 */
package io.xtage.examples.spark;
