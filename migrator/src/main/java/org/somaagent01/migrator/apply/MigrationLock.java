package org.somaagent01.migrator.apply;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.function.Consumer;
import org.somaagent01.migrator.lock.AdvisoryLock;

/** The lock every writing step (apply, down, seeds) takes, keyed by the history schema. */
final class MigrationLock {
    private MigrationLock() {}

    static AdvisoryLock take(Connection c, ApplyOptions options, Consumer<String> log) throws SQLException {
        return AdvisoryLock.acquire(c, AdvisoryLock.keyFor(options.historySchema()), options.lockWait(),
                () -> log.accept("waiting for the migration lock held by another migrator"));
    }
}
