package io.xtage.spark;

import java.util.Objects;
import org.apache.spark.sql.SparkSession;

/**
 * The session settings the Spark engine relies on. Stateless.
 *
 * <pre>{@code
 * SparkSession spark = SparkEngine.configure(SparkSession.builder().appName("job")).getOrCreate();
 * }</pre>
 *
 * @since 0.1.0
 */
public final class SparkEngine {
    private SparkEngine() {
    }

    /**
     * Sets what the engine's parity with the one-machine engine needs: the strict date parser (a
     * text that no pattern reads is missing, not an upgrade error), {@code java.time} values, and
     * ANSI mode off (an invalid cast is null, as the engine expects before it checks).
     *
     * @param builder a session builder
     * @return the same builder
     * @throws NullPointerException if {@code builder} is null
     * @since 0.1.0
     */
    public static SparkSession.Builder configure(SparkSession.Builder builder) {
        Objects.requireNonNull(builder, "builder");
        return builder.config("spark.sql.legacy.timeParserPolicy", "CORRECTED")
            .config("spark.sql.datetime.java8API.enabled", "true")
            .config("spark.sql.ansi.enabled", "false");
    }
}
