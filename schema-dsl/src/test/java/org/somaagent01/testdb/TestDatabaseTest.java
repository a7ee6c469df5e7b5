package org.somaagent01.testdb;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;

/** The direct API, as jqwik properties use it. */
class TestDatabaseTest {

    @Test
    void freshDatabaseIsEmptyAndTakesPgvector() throws SQLException {
        try (TestDatabase db = TestServer.get().createDatabase()) {
            DbQueries.assertEmpty(db);
            DbQueries.assertVectorWorks(db);
        }
    }

    @Test
    void databasesAreDistinct() throws SQLException {
        try (TestDatabase a = TestServer.get().createDatabase(); TestDatabase b = TestServer.get().createDatabase();
             Connection c = a.connect()) {
            assertNotEquals(a.name(), b.name());
            assertTrue(DbQueries.databaseExists(c, b.name()));
            c.createStatement().execute("CREATE TABLE only_in_a (id int)");
            DbQueries.assertEmpty(b);
        }
    }

    @Test
    void closeDropsTheDatabaseEvenWithConnectionsOpen() throws SQLException {
        TestDatabase db = TestServer.get().createDatabase();
        try (TestDatabase observer = TestServer.get().createDatabase(); Connection watch = observer.connect();
             Connection leaked = db.connect()) {
            assertTrue(DbQueries.databaseExists(watch, db.name()));
            db.close();
            assertFalse(DbQueries.databaseExists(watch, db.name()));
            assertFalse(leaked.isValid(5), "connection to a dropped database still works");
            SQLException e = assertThrows(SQLException.class, db::connect);
            assertTrue(e.getMessage().contains("does not exist"), e.getMessage());
        }
    }
}
