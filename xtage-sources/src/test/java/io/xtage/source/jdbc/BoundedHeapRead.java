package io.xtage.source.jdbc;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import tech.tablesaw.api.Table;

/**
 * Run in a child JVM with a small heap by {@link JdbcSource_LargeTest}. Reads the table named in
 * the arguments from the server whose JDBC URL (credentials included) is in the environment
 * variable {@code XTAGE_CHILD_PG_URL}, so that no password appears on a command line.
 *
 * <p>Modes: {@code source} reads with {@link JdbcSource} and prints {@code rows=<n> sum=<id sum>};
 * {@code buffered} reads with plain JDBC in autocommit mode, where PgJDBC buffers the whole
 * result, to show that the heap is too small for that.
 */
public final class BoundedHeapRead {
    private BoundedHeapRead() {
    }

    public static void main(String[] args) throws Exception {
        String url = System.getenv("XTAGE_CHILD_PG_URL");
        String schema = args[0];
        String table = args[1];
        if (args[2].equals("source")) {
            Table t = JdbcSource.builder().url(url).table(schema, table).build().read().table();
            System.out.println("rows=" + t.rowCount() + " sum=" + (long) t.longColumn("id").sum());
        } else {
            long rows = 0;
            try (Connection c = DriverManager.getConnection(url); Statement st = c.createStatement();
                 ResultSet rs = st.executeQuery("select * from " + JdbcSource.quoteIdentifier(schema) + "."
                     + JdbcSource.quoteIdentifier(table))) {
                while (rs.next()) {
                    rows++;
                }
            }
            System.out.println("rows=" + rows);
        }
    }
}
