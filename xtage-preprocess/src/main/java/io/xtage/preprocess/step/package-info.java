/**
 * The built-in preprocessing steps: {@link io.xtage.preprocess.step.DropDuplicates},
 * {@link io.xtage.preprocess.step.Filter}, {@link io.xtage.preprocess.step.NormalizeText},
 * {@link io.xtage.preprocess.step.Impute}, {@link io.xtage.preprocess.step.Outliers},
 * {@link io.xtage.preprocess.step.Bin}, {@link io.xtage.preprocess.step.OneHot},
 * {@link io.xtage.preprocess.step.Scale}, {@link io.xtage.preprocess.step.Derive},
 * {@link io.xtage.preprocess.step.Cast}, {@link io.xtage.preprocess.step.Rename},
 * {@link io.xtage.preprocess.step.Select} and {@link io.xtage.preprocess.step.Aggregate}.
 *
 * <p>Each is an immutable value built by static factories and copy-on-change methods, validated
 * when built, and written to JSON under its type name. See docs/preprocessing.md for every step
 * with an example, and the expression grammar.
 *
 * @since 0.1.0
 */
package io.xtage.preprocess.step;
