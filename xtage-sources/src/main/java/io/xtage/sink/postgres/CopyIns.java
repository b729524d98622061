package io.xtage.sink.postgres;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

/** Streams COPY FROM STDIN data through the driver's CopyManager without holding it in memory. */
final class CopyIns {
    private CopyIns() {
    }

    /**
     * @param c a PostgreSQL connection (or a pool's wrapper around one)
     * @param sql a {@code COPY ... FROM STDIN} statement
     * @return the copy operation, in progress
     * @throws SQLException if the connection is not PostgreSQL's or the server refuses the COPY
     */
    static CopyIn start(Connection c, String sql) throws SQLException {
        PGConnection pg;
        try {
            pg = c.unwrap(PGConnection.class);
        } catch (SQLException e) {
            throw new SQLException("the DataSource does not give PostgreSQL connections (COPY needs the PgJDBC "
                + "driver): " + e.getMessage(), "0A000", e);
        }
        return pg.getCopyAPI().copyIn(sql);
    }

    /** @return a UTF-8 writer into the copy; closing it does not end the copy */
    static Writer writer(CopyIn in) {
        return new OutputStreamWriter(new Bytes(in), StandardCharsets.UTF_8.newEncoder());
    }

    /** Cancels the copy if it is still running, so the connection can roll back. */
    static void cancelQuietly(CopyIn in, Throwable failure) {
        if (in != null && in.isActive()) {
            try {
                in.cancelCopy();
            } catch (SQLException e) {
                failure.addSuppressed(e);
            }
        }
    }

    private static final class Bytes extends OutputStream {
        private final CopyIn in;

        Bytes(CopyIn in) {
            this.in = in;
        }

        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            try {
                in.writeToCopy(b, off, len);
            } catch (SQLException e) {
                throw new IOException(e.getMessage(), e);
            }
        }
    }
}
