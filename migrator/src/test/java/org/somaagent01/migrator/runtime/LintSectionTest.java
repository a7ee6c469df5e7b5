package org.somaagent01.migrator.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.somaagent01.testdb.TestDatabase;
import org.somaagent01.testdb.TestServer;

/** plan lints what it would run: a hazard of a pending script is named with its rule and the safe alternative. */
class LintSectionTest {
    @TempDir Path dir;

    @Test
    void planNamesTheHazardsOfPendingScripts() {
        try (TestDatabase db = TestServer.get().createDatabase()) {
            Fixtures.table(dir, 1, "t1");
            assertEquals(0, Cli.run("apply", "--dsn", db.uri(), "--dir", dir.toString(), "--no-seeds").code());
            Fixtures.script(dir, 2, "index_t1", "CREATE INDEX t1_id ON t1 (id);\n", "DROP INDEX t1_id;\n");

            Cli.Run plan = Cli.run("plan", "--dsn", db.uri(), "--dir", dir.toString(), "--seeds-dir", dir.toString());
            assertTrue(plan.out().contains("-- lint: 0002_index_t1.up.sql:1 require-concurrent-index-creation"), plan.toString());
            assertTrue(plan.out().contains("CONCURRENTLY"), "the alternative is named: " + plan.out());
        }
    }

    @Test
    void aScriptCreatingItsTablesHasNoHazards() {
        try (TestDatabase db = TestServer.get().createDatabase()) {
            Cli.Run plan = Cli.run("plan", "--dsn", db.uri());
            assertTrue(plan.out().contains("-- lint: no lock or rewrite hazards"), plan.toString());
        }
    }
}
