package org.somaagent01.migrator.runtime;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.somaagent01.testdb.TestDatabase;

/** Small queries the tests assert on. */
final class Db {
    private Db() {}

    /** One string per row, columns joined with '|'; no rows, empty list. */
    static List<String> rows(TestDatabase db, String sql) {
        try (Connection c = db.connect(); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            List<String> rows = new ArrayList<>();
            int n = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                StringBuilder row = new StringBuilder();
                for (int i = 1; i <= n; i++) row.append(i > 1 ? "|" : "").append(rs.getString(i));
                rows.add(row.toString());
            }
            return rows;
        } catch (SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
    }

    static void exec(TestDatabase db, String sql) {
        try (Connection c = db.connect(); Statement st = c.createStatement()) {
            st.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
    }

    /** "version|how" per history row; empty when there is no history table yet. */
    static List<String> history(TestDatabase db) {
        if (rows(db, "SELECT to_regclass('migrator.schema_history')").get(0).equals("null")) return List.of();
        return rows(db, "SELECT version, how FROM migrator.schema_history ORDER BY version");
    }

    /** Tables of the application schema, sorted. */
    static List<String> tables(TestDatabase db) {
        return rows(db, "SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename");
    }

    /** Everything a refused or failed command must leave as it was: full history rows and the tables. */
    static String state(TestDatabase db) {
        String history = history(db).isEmpty() ? "no history"
                : String.join("\n", rows(db, "SELECT * FROM migrator.schema_history ORDER BY version"));
        return history + "\ntables: " + tables(db);
    }

    /** Waits until some session of this database matches {@code condition} (SQL over pg_stat_activity's columns). */
    static void awaitActivity(TestDatabase db, String condition) throws InterruptedException {
        Poll.until(java.time.Duration.ofMinutes(1), () -> rows(db, "SELECT (EXISTS (SELECT 1 FROM pg_stat_activity "
                + "WHERE datname = current_database() AND " + condition + "))::text").get(0), "true"::equals, condition);
    }

    /** Advisory locks held by any session on this database. */
    static List<String> advisoryLocks(TestDatabase db) {
        return rows(db, "SELECT l.pid, l.objid FROM pg_locks l JOIN pg_database d ON d.oid = l.database "
                + "WHERE l.locktype = 'advisory' AND d.datname = current_database()");
    }
}
