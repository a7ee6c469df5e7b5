package org.somaagent01.migrator.diff;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.somaagent01.migrator.inspect.CatalogInspector;
import org.somaagent01.migrator.model.SchemaModel;
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
