package org.somaagent01.migrator.diff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.somaagent01.migrator.inspect.DatabaseInspector;
import org.somaagent01.migrator.model.DatabaseModel;
import org.somaagent01.migrator.model.Extension;
import org.somaagent01.migrator.model.SchemaModel;
import org.somaagent01.migrator.plan.Plan;
import org.somaagent01.migrator.plan.SqlRenderer;
import org.somaagent01.testdb.TestDatabase;
import org.somaagent01.testdb.TestServer;

/**
 * Extension versions: between two databases a version is part of the schema; a declared schema or a snapshot names
 * none and follows the server's packages. pg_trgm 1.3 and 1.4 ship with PostgreSQL 15, with an update script from
 * 1.3 to 1.4 and none back.
 */
class ExtensionVersionsTest {
    private static final DatabaseInspector INSPECTOR = new DatabaseInspector(DatabaseInspector.SchemaFilter.ALL, "migrator");

    private static SchemaModel with(Extension e) {
        return SchemaModel.EMPTY.withExtensions(List.of(e));
    }

    @Test
    void onlyTwoKnownVersionsDiffer() {
        assertEquals(List.of(), Differ.diff(with(new Extension("pg_trgm")), with(new Extension("pg_trgm", "1.4"))));
        assertEquals(List.of(), Differ.diff(with(new Extension("pg_trgm", "1.3")), with(new Extension("pg_trgm"))));
        assertEquals(List.of(new Change.UpdateExtension("pg_trgm", "1.3", "1.4")),
                Differ.diff(with(new Extension("pg_trgm", "1.3")), with(new Extension("pg_trgm", "1.4"))));
        assertEquals(List.of("CREATE EXTENSION IF NOT EXISTS pg_trgm VERSION '1.3'"),
                SqlRenderer.render(new Change.CreateExtension(new Extension("pg_trgm", "1.3"))));
        assertEquals(List.of("CREATE EXTENSION IF NOT EXISTS vector"),
                SqlRenderer.render(new Change.CreateExtension(new Extension("vector"))));
    }

    @Test
    void anUpdateRunsOnceAndAMissingDowngradeIsRefused() throws SQLException {
        try (TestDatabase a = TestServer.get().createDatabase(); TestDatabase b = TestServer.get().createDatabase();
             Connection ca = a.connect(); Connection cb = b.connect()) {
            exec(ca, "CREATE EXTENSION pg_trgm VERSION '1.3'");
            exec(cb, "CREATE EXTENSION pg_trgm VERSION '1.4'");
            DatabaseModel from = INSPECTOR.inspect(ca);
            DatabaseModel to = INSPECTOR.inspect(cb);
            assertEquals(new Extension("pg_trgm", "1.3"), from.schemas().get("public").extensions().get("pg_trgm"));
            Plan plan = new Plan(DatabaseDiffer.diff(from, to));
            for (int run = 0; run < 2; run++) exec(ca, String.join(";\n", plan.upStatements()));
            assertEquals(to, INSPECTOR.inspect(ca), "updated once, the re-run does nothing");
            SQLException refused = assertThrows(SQLException.class, () -> exec(ca, String.join(";\n", plan.downStatements())));
            // run as plain SQL, PostgreSQL's own refusal; apply refuses before the first DDL (ExtensionPathsTest)
            assertTrue(refused.getMessage().contains("extension \"pg_trgm\" has no update path from version \"1.4\" to version \"1.3\""),
                    refused.getMessage());
            assertEquals(to, INSPECTOR.inspect(ca), "nothing changed");
        }
    }

    private static void exec(Connection c, String sql) throws SQLException {
        try (Statement st = c.createStatement()) {
            st.execute(sql);
        }
    }
}
