package org.somaagent01.seeds;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
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

    /**
     * Runs {@code body} as an Exposed transaction on {@code c}, inside the transaction the caller has open there, and
     * leaves that transaction to the caller: Exposed neither sets up the connection (autocommit, isolation, read-only
     * stay as they are) nor commits, rolls back or closes it. For a dry run whose caller rolls back.
     *
     * @throws SQLException as Exposed raises it (ExposedSQLException); declared because Kotlin does not
     */
    static <T> T within(Connection c, Supplier<T> body) throws SQLException {
        if (c.getAutoCommit()) throw new IllegalStateException("within() needs a transaction open on the connection");
        Connection borrowed = borrowed(c);
        Database db = Database.Companion.connect(() -> borrowed, CONFIG, new ExposedConnectionImpl(),
                d -> new TransactionManager(d, (connection, tx) -> Unit.INSTANCE)); // set up nothing
        try {
            return TransactionsKt.transaction(db, null, false, tx -> body.get());
        } finally {
            TransactionManager.Companion.closeAndUnregister(db);
        }
    }

    /**
     * {@code c} as Exposed may use it: every call goes through, except the ending ones, which belong to the caller.
     * Rollback to a savepoint goes through too: that does not end the caller's transaction.
     */
    private static Connection borrowed(Connection c) {
        return (Connection) Proxy.newProxyInstance(ExposedTransactions.class.getClassLoader(), new Class<?>[] {Connection.class},
                (proxy, method, args) -> {
                    String name = method.getName();
                    boolean ends = name.equals("close") || name.equals("commit") || (name.equals("rollback") && args == null);
                    if (ends) return null;
                    try {
                        return method.invoke(c, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }
}
