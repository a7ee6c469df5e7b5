package org.somaagent01.db;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.Properties;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.postgresql.Driver;

/**
 * The pool's source of connections: pgjdbc with the DSN's URL and properties, and driver errors rethrown with every
 * written form of the password masked and without their cause. Everything above it (HikariCP's log lines and
 * exceptions, ours) only ever sees the masked text, so the password cannot leak through a server message that
 * quotes it.
 */
final class MaskingDriverDataSource implements DataSource {
    private static final Driver DRIVER = new Driver();

    private final String url;
    private final Properties properties;
    private final Secrets secrets;
    private int loginTimeoutSeconds;

    MaskingDriverDataSource(String url, Properties properties, Secrets secrets) {
        this.url = url;
        this.properties = properties;
        this.secrets = secrets;
    }

    /** What pgjdbc is given, without user and password (for tests and diagnostics). */
    Properties settings() {
        Properties p = new Properties();
        p.putAll(properties);
        p.remove("user");
        p.remove("password");
        return p;
    }

    String url() {
        return url;
    }

    @Override
    public Connection getConnection() throws SQLException {
        Properties p = new Properties();
        p.putAll(properties);
        if (loginTimeoutSeconds > 0) p.setProperty("loginTimeout", String.valueOf(loginTimeoutSeconds));
        try {
            Connection c = DRIVER.connect(url, p);
            if (c == null) throw new SQLException("pgjdbc does not accept the URL " + url, "08001");
            return c;
        } catch (SQLException e) {
            SQLException masked = new SQLException(secrets.mask(e.getMessage()), e.getSQLState(), e.getErrorCode());
            masked.setStackTrace(e.getStackTrace());
            throw masked;
        }
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        throw new SQLFeatureNotSupportedException("the user and password come from the DSN");
    }

    @Override
    public PrintWriter getLogWriter() { return DriverManager.getLogWriter(); }

    @Override
    public void setLogWriter(PrintWriter out) { }

    @Override
    public void setLoginTimeout(int seconds) { loginTimeoutSeconds = seconds; }

    @Override
    public int getLoginTimeout() { return loginTimeoutSeconds; }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException { throw new SQLFeatureNotSupportedException(); }

    @Override
    public <T> T unwrap(Class<T> type) throws SQLException {
        if (type.isInstance(this)) return type.cast(this);
        throw new SQLException("not a wrapper for " + type.getName());
    }

    @Override
    public boolean isWrapperFor(Class<?> type) { return type.isInstance(this); }
}
