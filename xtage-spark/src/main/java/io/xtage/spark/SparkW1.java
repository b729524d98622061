package io.xtage.spark;

import org.apache.spark.sql.SparkSession;

/**
 * Formerly workload W1 on Spark; W1 now runs from {@code io.xtage.examples.spark.SparkW1} in
 * xtage-examples, and only the session settings are left here.
 *
 * @since 0.1.0
 * @deprecated use {@link SparkEngine#configure}; this class goes once no caller is left
 */
@Deprecated(since = "0.1.0", forRemoval = true)
public final class SparkW1 {
    private SparkW1() {
    }

    /**
     * @param b a session builder
     * @return the builder
     * @since 0.1.0
     * @deprecated use {@link SparkEngine#configure}
     */
    @Deprecated(since = "0.1.0", forRemoval = true)
    public static SparkSession.Builder configure(SparkSession.Builder b) {
        return SparkEngine.configure(b);
    }
}
