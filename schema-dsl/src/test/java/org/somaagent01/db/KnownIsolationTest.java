package org.somaagent01.db;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.jetbrains.exposed.v1.jdbc.transactions.TransactionsKt;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;
import org.somaagent01.testdb.TestDatabase;
import org.somaagent01.testdb.TestServer;

/**
 * Transactions through the API set the isolation level on the server once per connection, not once per transaction
 * (each set is a round trip), and a transaction that asks for another level still gets it, then the default again.
 */
class KnownIsolationTest {
    private static String isolation(Tx tx) {
        try (Statement st = tx.jdbc().createStatement(); ResultSet rs = st.executeQuery("SHOW transaction_isolation")) {
            rs.next();
            return rs.getString(1);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void theLevelIsSetOncePerConnectionAndChangesStillReachTheServer() throws Exception {
        try (TestDatabase tdb = TestServer.get().createDatabase()) {
            PGSimpleDataSource driver = new PGSimpleDataSource();
            driver.setURL(tdb.jdbcUrl());
            driver.setUser(tdb.user());
            driver.setPassword(tdb.password());
            AtomicInteger sets = new AtomicInteger();
            // one physical connection, kept open across transactions as a pool would
            Connection physical = driver.getConnection();
            DataSource counting = (DataSource) Proxy.newProxyInstance(DataSource.class.getClassLoader(), new Class<?>[] {DataSource.class},
                    (p, m, a) -> m.getName().equals("getConnection") ? observed(physical, sets) : m.invoke(driver, a));
            try (SomaDatabase db = SomaDatabase.connect(counting)) {
                for (int i = 0; i < 5; i++) assertEquals("read committed", db.readOnly(KnownIsolationTest::isolation));
                assertEquals(1, sets.get(), "the same level is set once, not per transaction");

                String serializable = TransactionsKt.transaction(db.getExposed(), Connection.TRANSACTION_SERIALIZABLE, false,
                        t -> isolation(new Tx(t)));
                assertEquals("serializable", serializable);
                assertEquals("read committed", db.readOnly(KnownIsolationTest::isolation), "back to the default");
                assertEquals(3, sets.get());
            } finally {
                try { physical.close(); } catch (java.sql.SQLException ignored) { }
            }
        }
    }

    /** The physical connection, counting setTransactionIsolation calls that reach the driver; close keeps it open. */
    private static Connection observed(Connection physical, AtomicInteger sets) {
        return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[] {Connection.class}, (p, m, a) -> {
            if (m.getName().equals("setTransactionIsolation")) sets.incrementAndGet();
            if (m.getName().equals("close")) return null;
            if (m.getName().equals("unwrap") || m.getName().equals("isWrapperFor")) {
                return m.getName().equals("unwrap") ? physical : Boolean.TRUE;
            }
            try {
                return m.invoke(physical, a);
            } catch (java.lang.reflect.InvocationTargetException e) {
                throw e.getCause();
            }
        });
    }
}
