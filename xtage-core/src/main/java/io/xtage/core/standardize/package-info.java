/**
 * The {@link io.xtage.core.standardize.Standardizer}: many tables into one standardized table,
 * with every quiet way of going wrong made visible.
 *
 * <p>A standardization is a {@link io.xtage.core.standardize.StandardizationPlan}: the fact
 * input, then joins that add lookups, each input with its renames, casts, date parsing, filters,
 * kept columns and aliases. Plans are data: they are written to JSON and read back, and hold no
 * tables, which are bound by input name when the plan runs. The run returns a
 * {@link io.xtage.core.standardize.StandardizeResult} with the unified table, a
 * {@link io.xtage.core.standardize.JoinReport} per join (matched, unmatched and repeated keys)
 * and the rejects.
 *
 * <p>Joins never match missing keys, align key types (an INT key meets a LONG key or a text key
 * with spaces), check a declared {@link io.xtage.core.standardize.Cardinality}, resolve repeated
 * lookup keys only by a declared {@link io.xtage.core.standardize.DuplicatePolicy}, and never
 * rename a colliding column silently.
 *
 * @since 0.1.0
 */
package io.xtage.core.standardize;
