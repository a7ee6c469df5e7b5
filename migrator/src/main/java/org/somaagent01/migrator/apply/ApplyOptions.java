package org.somaagent01.migrator.apply;

import java.time.Duration;

/**
 * Knobs of apply/down. {@code ddlLockTimeout} bounds how long one DDL statement may queue behind other sessions'
 * locks (so a migration never waits forever behind a long transaction, holding everyone else up);
 * {@code statementTimeout} bounds one statement (0 = none, since building an index may legitimately take long).
 */
public record ApplyOptions(String historySchema, String appSchema, Duration lockWait, Duration ddlLockTimeout,
                           Duration statementTimeout, boolean allowDestructive, boolean force) {
    public static ApplyOptions defaults() {
        return new ApplyOptions("migrator", "public", Duration.ofMinutes(2), Duration.ofSeconds(10), Duration.ZERO,
                false, false);
    }

    public ApplyOptions withForce(boolean forced) {
        return new ApplyOptions(historySchema, appSchema, lockWait, ddlLockTimeout, statementTimeout, allowDestructive, forced);
    }

    public ApplyOptions withAllowDestructive(boolean allow) {
        return new ApplyOptions(historySchema, appSchema, lockWait, ddlLockTimeout, statementTimeout, allow, force);
    }
}
