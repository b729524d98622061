package io.xtage.source.jdbc;

import io.xtage.core.SecretSupplier;
import io.xtage.core.XtageException;
import io.xtage.core.internal.Secrets;
import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * The smallest DataSource: {@link DriverManager} with a URL, a user and a password read from a
 * {@link SecretSupplier} at each connection. No pooling. Exceptions leave it with the password
 * and any {@code password=} parameter redacted. Immutable and thread-safe.
 */
final class DriverManagerDataSource implements DataSource {
    private final String url;
    private final String user;
    private final SecretSupplier password;
    private volatile int loginTimeoutSeconds;

    DriverManagerDataSource(String url, String user, SecretSupplier password) {
        this.url = url;
        this.user = user;
        this.password = password;
    }

    String url() {
        return url;
    }

    @Override
    public Connection getConnection() throws SQLException {
        String pw = null;
        if (password != null) {
            try {
                pw = password.get();
            } catch (XtageException e) {
                // Names the variable or file, never a value.
                throw new SQLException("cannot read the database password: " + e.getMessage(), "28P01");
            }
        }
        return connect(user, pw);
    }

    @Override
    public Connection getConnection(String username, String pw) throws SQLException {
        return connect(username, pw);
    }

    private Connection connect(String username, String pw) throws SQLException {
        Properties p = new Properties();
        if (username != null) {
            p.setProperty("user", username);
        }
        if (pw != null) {
            p.setProperty("password", pw);
        }
        if (loginTimeoutSeconds > 0) {
            p.setProperty("loginTimeout", Integer.toString(loginTimeoutSeconds));
        }
        try {
            return DriverManager.getConnection(url, p);
        } catch (SQLException e) {
            List<String> secrets = new ArrayList<>(JdbcNames.secrets(url));
            secrets.add(pw);
            String m = Secrets.redact(e.getMessage(), secrets);
            if (m != null && m.equals(e.getMessage()) && Secrets.sanitize(e, secrets) == e) {
                throw e;
            }
            // DriverManager's "No suitable driver found for <url>" quotes the URL, password and all.
            throw new SQLException(m, e.getSQLState(), e.getErrorCode(), Secrets.sanitize(e.getCause(), secrets));
        }
    }

    @Override
    public PrintWriter getLogWriter() {
        return DriverManager.getLogWriter();
    }

    @Override
    public void setLogWriter(PrintWriter out) {
        DriverManager.setLogWriter(out);
    }

    @Override
    public void setLoginTimeout(int seconds) {
        this.loginTimeoutSeconds = seconds;
    }

    @Override
    public int getLoginTimeout() {
        return loginTimeoutSeconds;
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        throw new SQLFeatureNotSupportedException("DriverManagerDataSource has no java.util.logging logger");
    }

    @Override
    public <T> T unwrap(Class<T> iface) throws SQLException {
        if (iface.isInstance(this)) {
            return iface.cast(this);
        }
        throw new SQLException("DriverManagerDataSource does not wrap a " + iface.getName());
    }

    @Override
    public boolean isWrapperFor(Class<?> iface) {
        return iface.isInstance(this);
    }

    @Override
    public String toString() {
        return "DriverManagerDataSource[" + JdbcNames.fromUrl(url) + ", user " + user + ", password "
            + (password == null ? "none" : "from " + password) + "]";
    }
}
