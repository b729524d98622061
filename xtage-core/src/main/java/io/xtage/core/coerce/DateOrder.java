package io.xtage.core.coerce;

/**
 * The order of day and month in a date spelling such as {@code 05/06/2022}.
 *
 * @since 0.1.0
 */
public enum DateOrder {
    /** {@code 05/06/2022} is 5 June. */
    DAY_FIRST,
    /** {@code 05/06/2022} is 6 May. */
    MONTH_FIRST
}
