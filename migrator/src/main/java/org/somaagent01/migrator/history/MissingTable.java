package org.somaagent01.migrator.history;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.sql.Statement;

/**
 * Reads a table of ours that may not exist yet (a database never migrated or seeded). Trying the query and
 * catching "undefined table/schema" costs one round trip, where asking the catalog first would cost two; that
 * round trip is most of an up-to-date {@code apply}.
 */
final class MissingTable {
    interface Rows<T> { T read(ResultSet rs) throws SQLException; }

    private static final String UNDEFINED_TABLE = "42P01";
    private static final String INVALID_SCHEMA = "3F000";

    private MissingTable() {}

    static <T> T query(Connection c, String sql, Rows<T> rows, T ifMissing) throws SQLException {
        // inside a transaction a failed query would abort it, so probe under a savepoint
        Savepoint savepoint = c.getAutoCommit() ? null : c.setSavepoint();
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            return rows.read(rs);
        } catch (SQLException e) {
            if (!UNDEFINED_TABLE.equals(e.getSQLState()) && !INVALID_SCHEMA.equals(e.getSQLState())) throw e;
            if (savepoint != null) c.rollback(savepoint);
            return ifMissing;
        }
    }
}
