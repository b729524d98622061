/**
 * Declared and inferred schemas, snake_case naming, and the one SQL type mapping table.
 *
 * @since 0.1.0
 */
package io.xtage.core.schema;
