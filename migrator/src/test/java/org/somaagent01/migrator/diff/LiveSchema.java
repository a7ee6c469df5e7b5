package org.somaagent01.migrator.diff;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.somaagent01.migrator.inspect.CatalogInspector;
import org.somaagent01.migrator.model.SchemaModel;
import org.somaagent01.migrator.plan.Plan;
import org.somaagent01.testdb.TestDatabase;
import org.somaagent01.testdb.TestServer;

/** One test database, reused: the {@code public} schema is reset instead of creating a database per case. */
final class LiveSchema implements AutoCloseable {
    private final TestDatabase database;
    private final Connection connection;

    LiveSchema() throws SQLException {
        database = TestServer.get().createDatabase();
        connection = database.connect();
        connection.setAutoCommit(true);
    }

    Connection connection() { return connection; }

    /** The database's URI, for a second client (Exposed) on the same database. */
    String uri() { return database.uri(); }

    void reset() throws SQLException {
        // the vector extension lives in public and goes with it
        execute(List.of("DROP SCHEMA public CASCADE", "CREATE SCHEMA public"));
    }

    /** Runs statements one by one in autocommit, as an executor does for changes flagged commitBeforeUse. */
    void execute(List<String> statements) throws SQLException {
        try (Statement st = connection.createStatement()) {
            for (String sql : statements) {
                try {
                    st.execute(sql);
                } catch (SQLException e) {
                    throw new SQLException(e.getMessage() + "\n-- while running:\n" + sql, e.getSQLState(), e);
                }
            }
        }
    }

    /** The schema reset, these statements run, and what it then holds. */
    SchemaModel load(String... sql) throws SQLException {
        reset();
        execute(List.of(sql));
        return inspect();
    }

    /**
     * A built from nothing; the diff A→B applied gives B, and once more changes nothing; its down gives A, and once
     * more changes nothing.
     */
    void roundTrip(SchemaModel a, SchemaModel b) throws SQLException {
        reset();
        execute(new Plan(Differ.diff(SchemaModel.EMPTY, a)).upStatements());
        assertEquals(a, inspect(), "A built from nothing");
        Plan plan = new Plan(Differ.diff(a, b));
        execute(plan.upStatements());
        assertEquals(b, inspect(), "the diff applied to A gives B");
        execute(plan.upStatements());
        assertEquals(b, inspect(), "a re-run changes nothing");
        execute(plan.downStatements());
        assertEquals(a, inspect(), "the down gives A");
        execute(plan.downStatements());
        assertEquals(a, inspect(), "a re-run of the down changes nothing");
    }

    SchemaModel inspect() throws SQLException {
        // privileges too: the random schemas carry some (RowSecurityTest, PrivilegesTest and the round-trip properties)
        return new CatalogInspector("public").withPrivileges(true).inspect(connection);
    }

    @Override
    public void close() throws SQLException {
        try {
            connection.close();
        } finally {
            database.close();
        }
    }
}
