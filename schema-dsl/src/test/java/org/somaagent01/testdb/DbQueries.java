package org.somaagent01.testdb;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** Catalog queries shared by the tests of this package. */
final class DbQueries {
    private DbQueries() {}

    static List<String> strings(Connection c, String sql, String... params) throws SQLException {
        try (PreparedStatement st = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) st.setString(i + 1, params[i]);
            try (ResultSet rs = st.executeQuery()) {
                List<String> out = new ArrayList<>();
                while (rs.next()) out.add(rs.getString(1));
                return out;
            }
        }
    }

    static boolean databaseExists(Connection c, String name) throws SQLException {
        return !strings(c, "SELECT datname FROM pg_database WHERE datname = ?", name).isEmpty();
    }

    /** Everything a migration could have left behind outside the system schemas. */
    static void assertEmpty(TestDatabase db) throws SQLException {
        try (Connection c = db.connect()) {
            assertEquals(List.of(), strings(c,
                    "SELECT n.nspname || '.' || c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace"
                            + " WHERE n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname NOT LIKE 'pg_toast%'"),
                    "relations");
            assertEquals(List.of("plpgsql"),
                    strings(c, "SELECT extname FROM pg_extension ORDER BY 1"), "extensions");
            assertEquals(List.of("public"), strings(c,
                    "SELECT nspname FROM pg_namespace WHERE nspname NOT IN ('pg_catalog', 'information_schema')"
                            + " AND nspname NOT LIKE 'pg_toast%' AND nspname NOT LIKE 'pg_temp%' ORDER BY 1"), "schemas");
            assertEquals(List.of(), strings(c,
                    "SELECT t.typname FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace WHERE n.nspname = 'public'"),
                    "types");
        }
    }

    /** Installs pgvector and uses it, so a missing or broken extension fails here. */
    static void assertVectorWorks(TestDatabase db) throws SQLException {
        try (Connection c = db.connect()) {
            c.createStatement().execute("CREATE EXTENSION vector");
            assertEquals(List.of("2"),
                    strings(c, "SELECT ('[1,2,3]'::vector <-> '[1,2,5]'::vector)::int::text"));
        }
    }
}
