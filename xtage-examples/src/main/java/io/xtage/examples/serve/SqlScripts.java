package io.xtage.examples.serve;

import io.xtage.sink.SinkReport;
import io.xtage.sink.postgres.SqlScript;
import java.nio.file.Path;
import java.sql.Connection;
import javax.sql.DataSource;

/**
 * Loads a {@code .sql} export (as written by {@link io.xtage.sink.postgres.SqlExport}) into a
 * database over JDBC, in one transaction. The work is done by the library's
 * {@link SqlScript}; this is the examples' entry point to it, used by {@code xtage serve --sql}
 * and by the pipeline tests that prove an export loads into an empty database.
 *
 * <pre>{@code
 * SqlScripts.load(embedded.getPostgresDatabase(), Path.of("out/prepared.sql"));
 * }</pre>
 *
 * @since 0.1.0
 */
public final class SqlScripts {
    private SqlScripts() {
    }

    /**
     * @param dataSource the target database, normally empty
     * @param script the {@code .sql} file
     * @return rows loaded and time taken
     * @throws io.xtage.sink.SinkException if a statement fails; nothing is then kept
     * @since 0.1.0
     */
    public static SinkReport load(DataSource dataSource, Path script) {
        return SqlScript.load(dataSource, script);
    }

    /**
     * @param connection the target database, normally empty; its auto-commit setting is restored
     * @param script the {@code .sql} file
     * @return rows loaded and time taken
     * @throws io.xtage.sink.SinkException if a statement fails; nothing is then kept
     * @since 0.1.0
     */
    public static SinkReport load(Connection connection, Path script) {
        return SqlScript.load(connection, script);
    }
}
