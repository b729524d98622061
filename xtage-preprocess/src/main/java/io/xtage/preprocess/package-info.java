/**
 * Preprocessing for analysis and machine learning: a {@link io.xtage.preprocess.DataPreprocessor}
 * is a chain of {@link io.xtage.preprocess.Step}s that is fitted on a table
 * ({@link io.xtage.preprocess.DataPreprocessor#fit}) and gives a
 * {@link io.xtage.preprocess.FittedPreprocessor}, which transforms any table of the same schema
 * with what it learned, and reports what every step changed.
 *
 * <pre>{@code
 * PreprocessResult r = DataPreprocessor.builder()
 *     .step(DropDuplicates.allColumns())
 *     .step(Impute.median("price"))
 *     .step(Scale.standard("price").into("price_z"))
 *     .build()
 *     .fitTransform(table);
 * }</pre>
 *
 * <p>Built-in steps are in {@link io.xtage.preprocess.step}; user steps implement
 * {@link io.xtage.preprocess.Step} and plug into JSON persistence through
 * {@link io.xtage.preprocess.StepType}. Every type here is immutable and thread-safe unless it
 * says otherwise, and no method accepts or returns null unless it says so.
 *
 * @since 0.1.0
 */
package io.xtage.preprocess;
