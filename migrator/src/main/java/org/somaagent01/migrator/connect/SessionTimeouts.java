package org.somaagent01.migrator.connect;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;

/**
 * Session limits for DDL: {@code lock_timeout} keeps a migration from queueing behind a long transaction while
 * blocking every later query on the table; {@code statement_timeout} bounds a runaway statement.
 */
public final class SessionTimeouts {
    private SessionTimeouts() {}

    /**
     * Sets both for the rest of the session (call it outside a transaction: a rollback would undo the settings).
     * {@link Duration#ZERO} means no limit, as in PostgreSQL.
     */
    public static void apply(Connection connection, Duration statementTimeout, Duration lockTimeout) throws SQLException {
        try (Statement st = connection.createStatement()) {
            st.execute("SET statement_timeout = " + millis(statementTimeout));
            st.execute("SET lock_timeout = " + millis(lockTimeout));
        }
    }

    private static long millis(Duration d) {
        if (d.isNegative()) throw new IllegalArgumentException("negative timeout: " + d);
        // rounded up: a positive sub-millisecond limit must not turn into 0, which means "no limit"
        return d.isZero() ? 0 : Math.max(1, d.toMillis());
    }
}
