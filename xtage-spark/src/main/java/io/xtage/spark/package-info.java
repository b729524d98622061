/**
 * The Spark engine of xtage: reads sources into Spark Datasets with the same schemas and reject
 * records as the one-machine engine, runs a {@link io.xtage.core.standardize.StandardizationPlan}
 * ({@link io.xtage.spark.SparkStandardizer}), and fits and applies a preprocessor
 * ({@link io.xtage.spark.SparkPreprocessor}) whose fitted JSON is interchangeable with the
 * Tablesaw engine's; {@link io.xtage.spark.SparkEngine#configure} holds the session settings
 * the engine relies on. Workloads built on it, such as W1, live with the applications that
 * define them ({@code io.xtage.examples.spark.SparkW1}).
 *
 * <p>Spark is a {@code provided} dependency: the cluster (EMR, AWS Glue 5, spark-submit) brings
 * Spark 3.5 on Scala 2.13.
 *
 * @since 0.1.0
 */
package io.xtage.spark;
