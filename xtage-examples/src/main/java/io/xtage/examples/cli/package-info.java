/**
 * The {@code xtage} command line ({@link io.xtage.examples.cli.XtageCli}) and its
 * subcommands, one class each.
 *
 * @since 0.1.0
 */
package io.xtage.examples.cli;
