package org.somaagent01.migrator.apply;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Consumer;
import org.postgresql.core.BaseConnection;
import org.postgresql.core.TransactionState;
import org.somaagent01.migrator.ExitCode;
import org.somaagent01.migrator.MigratorException;

/**
 * Runs a DDL unit of work with a short {@code lock_timeout} and bounded retries. While DDL waits for its lock, every
 * later query on the table queues behind the pending request; a short attempt that gives up and comes back later
 * lets that traffic through in between, where one long wait would stall the application for all of it.
 */
public final class LockRetry {
    /** SQLSTATE lock_not_available: lock_timeout expired (or NOWAIT found the lock taken). */
    static final String LOCK_NOT_AVAILABLE = "55P03";
    static final long FIRST_BACKOFF_MS = 200;
    static final long MAX_BACKOFF_MS = 5000;
    static final int MAX_MESSAGE = 1200;

    /**
     * One whole unit of work: a transaction it opens and commits itself (autocommit off), or one autocommit
     * statement. It is run again from the start after a lock timeout, so it must not keep state between runs.
     */
    public interface Attempt {
        void run() throws SQLException;
    }

    private final Duration attemptTimeout;
    private final int retries;
    private final Consumer<String> log;

    public LockRetry(Duration attemptTimeout, int retries, Consumer<String> log) {
        if (attemptTimeout.isNegative() || attemptTimeout.isZero()) {
            // 0 would mean "wait forever" to PostgreSQL: exactly what this class exists to prevent
            throw new IllegalArgumentException("the DDL lock timeout must be positive: " + attemptTimeout);
        }
        if (retries < 0) throw new IllegalArgumentException("negative DDL lock retries: " + retries);
        this.attemptTimeout = attemptTimeout;
        this.retries = retries;
        this.log = log;
    }

    public static LockRetry of(ApplyOptions o, Consumer<String> log) {
        return new LockRetry(o.ddlLockTimeout(), o.ddlLockRetries(), log);
    }

    /**
     * Runs {@code attempt} with {@code lock_timeout} set to the attempt timeout (left set afterwards). On a lock
     * timeout the transaction is rolled back, the holders of locks on {@code relations} are logged, and it is tried
     * again after a backoff, up to the retries; then it fails with exit 4 naming them. Any other failure propagates
     * unchanged. Call it outside a transaction; {@code what} names the work in messages ("0002_add_owner").
     */
    public void run(Connection c, Collection<String> relations, String what, Attempt attempt) throws SQLException {
        for (int retry = 0; ; retry++) {
            setLockTimeout(c);
            try {
                attempt.run();
                return;
            } catch (SQLException e) {
                if (!isLockTimeout(e)) throw e;
                rollback(c, e);
                String blockers = blockers(c, relations, e);
                if (retry >= retries) throw new MigratorException(ExitCode.LOCK_TIMEOUT, giveUp(what, relations, blockers), e);
                long delay = backoffMillis(retry + 1, ThreadLocalRandom.current().nextDouble());
                log.accept(bound(Blockers.cut(Blockers.oneLine(what), 120) + ": waiting for a lock on " + relations(relations)
                        + " held by " + blockers + "; retry " + (retry + 1) + "/" + retries
                        + " in " + delay + " ms"));
                sleep(delay, what);
            }
        }
    }

    /**
     * The wait before retry {@code retry} (1-based): doubling from {@value #FIRST_BACKOFF_MS} ms up to
     * {@value #MAX_BACKOFF_MS} ms, of which a random half ({@code unit} in [0, 1)) is jitter, so several migrators
     * (or a migrator and the holder's retry loop) do not keep colliding in step.
     */
    static long backoffMillis(int retry, double unit) {
        long nominal = retry > 16 ? MAX_BACKOFF_MS : Math.min(MAX_BACKOFF_MS, FIRST_BACKOFF_MS << (retry - 1));
        return nominal / 2 + (long) (unit * (nominal / 2 + 1));
    }

    private void setLockTimeout(Connection c) throws SQLException {
        boolean autoCommit = c.getAutoCommit();
        if (!autoCommit && c.isWrapperFor(BaseConnection.class)
                && c.unwrap(BaseConnection.class).getTransactionState() != TransactionState.IDLE) {
            // committing the SET would commit the caller's open work; a rollback would undo the setting
            throw new IllegalStateException("LockRetry.run called inside an open transaction");
        }
        try (Statement st = c.createStatement()) {
            st.execute("SET lock_timeout = " + Math.max(1, attemptTimeout.toMillis()));
        }
        // the SET alone in its transaction: an attempt's rollback must not undo it
        if (!autoCommit) c.commit();
    }

    static boolean isLockTimeout(SQLException e) {
        for (SQLException x = e; x != null; x = x.getNextException()) {
            if (LOCK_NOT_AVAILABLE.equals(x.getSQLState())) return true;
        }
        return false;
    }

    /** Rolls back the attempt's transaction; a failure here is attached to the lock timeout, which stays the news. */
    private static void rollback(Connection c, SQLException lockTimeout) throws SQLException {
        try {
            if (!c.getAutoCommit()) c.rollback();
        } catch (SQLException | RuntimeException rollbackFailure) {
            lockTimeout.addSuppressed(rollbackFailure);
            // the session is in an unknown state (often gone): no retry on it
            throw lockTimeout;
        }
    }

    /** Who holds the locks, described; a failure to find out is attached to the lock timeout and said so. */
    private String blockers(Connection c, Collection<String> relations, SQLException lockTimeout) {
        try {
            return Blockers.describe(Blockers.find(c, relations, attemptTimeout));
        } catch (SQLException | RuntimeException e) {
            // naming the blocker is a courtesy; failing to must not replace the lock timeout
            lockTimeout.addSuppressed(e);
            return "another session (listing the lock holders failed: "
                    + Blockers.cut(Blockers.oneLine(String.valueOf(e.getMessage())), 120) + ")";
        }
    }

    String giveUp(String what, Collection<String> relations, String blockers) {
        return bound(Blockers.cut(Blockers.oneLine(what), 120) + ": gave up after " + (retries + 1) + " attempts of "
                + human(attemptTimeout) + " each waiting for a lock on " + relations(relations) + "; blocked by "
                + blockers
                + "; end that transaction or retry later (--ddl-lock-timeout, --ddl-lock-retries)");
    }

    /** "t", "public.a, b and c", "a, b, c and 4 more"; "its tables" when unknown. */
    static String relations(Collection<String> relations) {
        if (relations.isEmpty()) return "its tables";
        List<String> names = new ArrayList<>();
        for (String r : relations) {
            if (names.size() == 3) break;
            names.add(Blockers.cut(Blockers.oneLine(r), 70));
        }
        int more = relations.size() - names.size();
        if (more > 0) return String.join(", ", names) + " and " + more + " more";
        if (names.size() == 1) return names.get(0);
        return String.join(", ", names.subList(0, names.size() - 1)) + " and " + names.get(names.size() - 1);
    }

    static String human(Duration d) {
        long ms = d.toMillis();
        if (ms < 1000) return ms + " ms";
        if (ms % 1000 == 0) return ms / 1000 + " s";
        return String.format(java.util.Locale.ROOT, "%.1f s", ms / 1000.0);
    }

    private static String bound(String message) {
        return Blockers.cut(message, MAX_MESSAGE);
    }

    private static void sleep(long ms, String what) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new MigratorException(ExitCode.LOCK_TIMEOUT, Blockers.cut(Blockers.oneLine(what), 120)
                    + ": interrupted while waiting to retry a lock");
        }
    }
}
