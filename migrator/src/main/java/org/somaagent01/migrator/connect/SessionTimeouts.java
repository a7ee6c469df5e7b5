package org.somaagent01.migrator.connect;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;

/**
 * Session limits for DDL: {@code lock_timeout} keeps a migration from queueing behind a long transaction while
 * blocking every later query on the table; {@code statement_timeout} bounds a runaway statement.
 * {@code client_connection_check_interval} (PostgreSQL 14+) makes the server notice a killed migrator during a long
 * statement: without it the dead session runs its statement to the end, holding the advisory lock (every other
 * replica waits, then fails with exit 4) and the DDL locks of its open transaction.
 */
public final class SessionTimeouts {
    static final long DEAD_CLIENT_CHECK_MS = 1000;

    private SessionTimeouts() {}

    /**
     * Sets both for the rest of the session (call it outside a transaction: a rollback would undo the settings).
     * {@link Duration#ZERO} means no limit, as in PostgreSQL.
     */
    public static void apply(Connection connection, Duration statementTimeout, Duration lockTimeout) throws SQLException {
        try (Statement st = connection.createStatement()) {
            st.execute("SET statement_timeout = " + millis(statementTimeout));
            st.execute("SET lock_timeout = " + millis(lockTimeout));
            if (connection.getMetaData().getDatabaseMajorVersion() >= 14) {
                st.execute("SET client_connection_check_interval = " + DEAD_CLIENT_CHECK_MS);
            }
        }
    }

    private static long millis(Duration d) {
        if (d.isNegative()) throw new IllegalArgumentException("negative timeout: " + d);
        // rounded up: a positive sub-millisecond limit must not turn into 0, which means "no limit"
        return d.isZero() ? 0 : Math.max(1, d.toMillis());
    }
}
