package org.somaagent01.migrator.apply;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Collection;
import java.util.function.Consumer;

/** Placeholder until lock retries land: one attempt under the DDL lock timeout. */
public final class LockRetry {
    public interface Attempt { void run() throws SQLException; }

    private final Duration attemptTimeout;

    public LockRetry(Duration attemptTimeout, int retries, Consumer<String> log) {
        this.attemptTimeout = attemptTimeout;
    }

    public static LockRetry of(ApplyOptions o, Consumer<String> log) {
        return new LockRetry(o.ddlLockTimeout(), o.ddlLockRetries(), log);
    }

    public void run(Connection c, Collection<String> relations, String what, Attempt attempt) throws SQLException {
        try (Statement st = c.createStatement()) {
            st.execute("SET lock_timeout = " + attemptTimeout.toMillis());
        }
        attempt.run();
    }
}
