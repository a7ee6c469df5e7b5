package org.somaagent01.migrator.apply;

import java.time.Duration;

/**
 * Knobs of apply/down. {@code ddlLockTimeout} bounds how long one attempt of a DDL segment may queue behind other
 * sessions' locks: while it queues, every later query on that table queues behind it, so the bound is short and
 * the segment is retried {@code ddlLockRetries} times with backoff. {@code statementTimeout} bounds one statement
 * (0 = none, since building an index may legitimately take long).
 */
public record ApplyOptions(String historySchema, String appSchema, Duration lockWait, Duration ddlLockTimeout,
                           int ddlLockRetries, Duration statementTimeout, boolean allowDestructive, boolean force) {
    public static final Duration DEFAULT_DDL_LOCK_TIMEOUT = Duration.ofSeconds(2);
    public static final int DEFAULT_DDL_LOCK_RETRIES = 10;

    public static ApplyOptions defaults() {
        return new ApplyOptions("migrator", "public", Duration.ofMinutes(2), DEFAULT_DDL_LOCK_TIMEOUT,
                DEFAULT_DDL_LOCK_RETRIES, Duration.ZERO, false, false);
    }

    public ApplyOptions withForce(boolean forced) {
        return new ApplyOptions(historySchema, appSchema, lockWait, ddlLockTimeout, ddlLockRetries, statementTimeout,
                allowDestructive, forced);
    }

    public ApplyOptions withAllowDestructive(boolean allow) {
        return new ApplyOptions(historySchema, appSchema, lockWait, ddlLockTimeout, ddlLockRetries, statementTimeout,
                allow, force);
    }

    public ApplyOptions withDdlLock(Duration timeout, int retries) {
        return new ApplyOptions(historySchema, appSchema, lockWait, timeout, retries, statementTimeout,
                allowDestructive, force);
    }
}
