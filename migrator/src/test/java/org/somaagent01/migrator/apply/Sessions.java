package org.somaagent01.migrator.apply;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Properties;
import java.util.function.BooleanSupplier;
import org.somaagent01.testdb.TestDatabase;

/** Sessions of the lock tests: named connections, small queries, and waiting with a ceiling instead of sleeping. */
final class Sessions {
    private Sessions() {}

    static Connection connect(TestDatabase db, String applicationName) throws SQLException {
        Properties p = new Properties();
        p.setProperty("user", db.user());
        p.setProperty("password", db.password());
        p.setProperty("ApplicationName", applicationName);
        return DriverManager.getConnection(db.jdbcUrl(), p);
    }

    static void exec(Connection c, String sql) throws SQLException {
        try (Statement st = c.createStatement()) {
            st.execute(sql);
        }
    }

    /** The first column of the first row, as text; null when there is no row. */
    static String value(Connection c, String sql) throws SQLException {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            return rs.next() ? rs.getString(1) : null;
        }
    }

    static int pid(Connection c) throws SQLException {
        return Integer.parseInt(value(c, "SELECT pg_backend_pid()"));
    }

    /** Holds ACCESS SHARE on the tables until the transaction ends, idle in transaction, as a reporting job would. */
    static void holdReadLock(Connection c, String... tables) throws SQLException {
        c.setAutoCommit(false);
        for (String t : tables) value(c, "SELECT count(*) FROM " + t);
    }

    /** Polls every 20 ms; the ceiling only keeps a broken test from hanging, it is not what the test asserts. */
    static void await(BooleanSupplier done, String what) throws InterruptedException {
        long end = System.nanoTime() + Duration.ofMinutes(1).toNanos();
        while (!done.getAsBoolean()) {
            if (System.nanoTime() > end) throw new AssertionError("gave up waiting for " + what);
            Thread.sleep(20);
        }
    }

    static BooleanSupplier waitsForLock(Connection observer, int pid) {
        return () -> {
            try {
                return "Lock".equals(value(observer, "SELECT wait_event_type FROM pg_stat_activity WHERE pid = " + pid));
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        };
    }

    static boolean columnExists(Connection c, String table, String column) throws SQLException {
        return value(c, "SELECT 1 FROM information_schema.columns WHERE table_name = '" + table
                + "' AND column_name = '" + column + "'") != null;
    }
}
