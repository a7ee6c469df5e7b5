package org.somaagent01.migrator.lock;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import org.somaagent01.migrator.ExitCode;
import org.somaagent01.migrator.MigratorException;

/**
 * A session-level PostgreSQL advisory lock serializing appliers (many replicas start at once). It dies with the
 * session, so a killed applier never leaves a stale lock. Waiting is bounded: we poll {@code pg_try_advisory_lock}
 * rather than block, so the wait can end with a clear message instead of hanging.
 */
public final class AdvisoryLock implements AutoCloseable {
    private final Connection connection;
    private final long key;

    private AdvisoryLock(Connection connection, long key) {
        this.connection = connection;
        this.key = key;
    }

    /** The lock key: stable per history schema, so two products sharing a database don't block each other. */
    public static long keyFor(String historySchema) {
        long h = 1125899906842597L;
        for (char ch : ("sa01-migrator:" + historySchema).toCharArray()) h = 31 * h + ch;
        return h;
    }

    public static AdvisoryLock acquire(Connection c, long key, Duration timeout, Runnable onWait) throws SQLException {
        long deadline = System.nanoTime() + timeout.toNanos();
        long sleepMs = 50;
        boolean announced = false;
        while (!tryLock(c, key)) {
            if (System.nanoTime() >= deadline) {
                throw new MigratorException(ExitCode.LOCK_TIMEOUT, "another migrator holds the migration lock (advisory lock "
                        + key + ") and did not release it within " + timeout.toSeconds() + " s; retry later or raise --lock-timeout");
            }
            if (!announced) { onWait.run(); announced = true; }
            try {
                Thread.sleep(sleepMs);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new MigratorException(ExitCode.LOCK_TIMEOUT, "interrupted while waiting for the migration lock");
            }
            sleepMs = Math.min(sleepMs * 2, 1000);
        }
        return new AdvisoryLock(c, key);
    }

    private static boolean tryLock(Connection c, long key) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT pg_try_advisory_lock(?)")) {
            ps.setLong(1, key);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getBoolean(1);
            }
        }
    }

    @Override
    public void close() throws SQLException {
        if (connection.isClosed()) return;
        try (PreparedStatement ps = connection.prepareStatement("SELECT pg_advisory_unlock(?)")) {
            ps.setLong(1, key);
            ps.execute();
        }
    }
}
