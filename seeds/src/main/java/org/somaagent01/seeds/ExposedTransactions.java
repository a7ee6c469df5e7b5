package org.somaagent01.seeds;

import java.sql.SQLException;
import java.util.function.Supplier;
import javax.sql.DataSource;
import kotlin.Unit;
import org.jetbrains.exposed.v1.core.DatabaseConfig;
import org.jetbrains.exposed.v1.jdbc.Database;
import org.jetbrains.exposed.v1.jdbc.ExposedConnectionImpl;
import org.jetbrains.exposed.v1.jdbc.transactions.TransactionManager;
import org.jetbrains.exposed.v1.jdbc.transactions.TransactionsKt;

/**
 * One Exposed transaction on the caller's DataSource, with nothing left behind: the Exposed {@link Database} is
 * unregistered afterwards, no pool is created, and Exposed starts no threads, so a CLI exits as soon as it is done.
 */
final class ExposedTransactions {
    // Exposed retries a failed transaction 3 times by default; a seed failure (constraint, connection) is not
    // transient enough to be worth replaying the whole seed.
    private static final DatabaseConfig CONFIG = DatabaseConfig.Companion.invoke(b -> {
        b.setDefaultMaxAttempts(1);
        return Unit.INSTANCE;
    });

    private ExposedTransactions() {}

    /**
     * Runs {@code body} in one transaction on one connection from {@code dataSource}: committed if it returns,
     * rolled back if it throws.
     *
     * @throws SQLException as Exposed raises it (ExposedSQLException); declared because Kotlin does not
     */
    static <T> T run(DataSource dataSource, boolean readOnly, Supplier<T> body) throws SQLException {
        // the DatabaseConnectionAutoRegistration is named, not found through ServiceLoader, so a shaded jar needs
        // no merged META-INF/services entry for it
        Database db = Database.Companion.connect(dataSource, connection -> Unit.INSTANCE, CONFIG,
                new ExposedConnectionImpl(), d -> new TransactionManager(d, null));
        try {
            return TransactionsKt.transaction(db, null, readOnly, tx -> body.get());
        } finally {
            TransactionManager.Companion.closeAndUnregister(db);
        }
    }
}
