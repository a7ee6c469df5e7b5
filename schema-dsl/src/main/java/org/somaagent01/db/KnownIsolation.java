package org.somaagent01.db;

import java.io.PrintWriter;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.Map;
import java.util.WeakHashMap;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * Exposed sets the isolation level at the start of every transaction, and pgjdbc answers each
 * {@code setTransactionIsolation} with a round trip ({@code SET SESSION CHARACTERISTICS …}), even when nothing
 * changes: a third of a short query's time. This DataSource remembers the level last set on each physical
 * connection and skips a call that would set the same level again. A connection it has not seen yet is always set,
 * so a server whose default is another level is still told.
 */
final class KnownIsolation implements DataSource {
    private final DataSource delegate;
    // physical connection (as the driver sees it) -> the level last set through this DataSource
    private final Map<Object, Integer> levels = new WeakHashMap<>();

    KnownIsolation(DataSource delegate) {
        this.delegate = delegate;
    }

    @Override
    public Connection getConnection() throws SQLException {
        return wrap(delegate.getConnection());
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        return wrap(delegate.getConnection(username, password));
    }

    private Connection wrap(Connection c) throws SQLException {
        Object physical = physical(c);
        InvocationHandler handler = (proxy, method, args) -> {
            if (method.getName().equals("setTransactionIsolation") && args != null && args.length == 1) {
                int level = (Integer) args[0];
                synchronized (levels) {
                    if (Integer.valueOf(level).equals(levels.get(physical))) return null;
                }
                invoke(c, method, args);
                synchronized (levels) { levels.put(physical, level); }
                return null;
            }
            return invoke(c, method, args);
        };
        return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[] {Connection.class}, handler);
    }

    private static Object invoke(Connection c, java.lang.reflect.Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(c, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    /** The driver's connection behind a pool's proxy: the one whose session keeps the level. */
    private static Object physical(Connection c) {
        try {
            return c.isWrapperFor(org.postgresql.PGConnection.class) ? c.unwrap(org.postgresql.PGConnection.class) : c;
        } catch (SQLException e) {
            return c;
        }
    }

    @Override public PrintWriter getLogWriter() throws SQLException { return delegate.getLogWriter(); }
    @Override public void setLogWriter(PrintWriter out) throws SQLException { delegate.setLogWriter(out); }
    @Override public void setLoginTimeout(int seconds) throws SQLException { delegate.setLoginTimeout(seconds); }
    @Override public int getLoginTimeout() throws SQLException { return delegate.getLoginTimeout(); }
    @Override public Logger getParentLogger() throws SQLFeatureNotSupportedException { return delegate.getParentLogger(); }
    @Override public <T> T unwrap(Class<T> iface) throws SQLException { return delegate.unwrap(iface); }
    @Override public boolean isWrapperFor(Class<?> iface) throws SQLException { return delegate.isWrapperFor(iface); }
}
