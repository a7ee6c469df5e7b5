package org.somaagent01.migrator.seeding;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.somaagent01.migrator.cli.Main;
import org.somaagent01.migrator.fidelity.Fixtures;
import org.somaagent01.testdb.Fidelity;
import org.somaagent01.testdb.TestDatabase;
import org.somaagent01.testdb.TestServer;

/** The seeds as part of {@code apply}: on a new database, on the legacy one, and when nothing changed. */
class SeedsOnApplyTest {
    @org.junit.jupiter.api.io.TempDir
    java.nio.file.Path seedsDir;

    @Test
    void aBadSeedFileStopsApplyBeforeAnyScriptRuns() throws Exception {
        for (String name : org.somaagent01.seeds.SeedFiles.NAMES) {
            try (var in = getClass().getResourceAsStream("/seeds/" + name)) {
                java.nio.file.Files.copy(in, seedsDir.resolve(name));
            }
        }
        java.nio.file.Path caps = seedsDir.resolve("multimodal_capabilities.json");
        java.nio.file.Files.writeString(caps, java.nio.file.Files.readString(caps).replaceFirst("\"high\"", "\"platinum\""));
        try (TestDatabase db = TestServer.get().createDatabase()) {
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            int code = Main.run(new String[] {"apply", "--dsn", db.uri(), "--seeds-dir", seedsDir.toString()},
                    new PrintStream(new ByteArrayOutputStream()), new PrintStream(err, true), Map.of());
            String stderr = err.toString(StandardCharsets.UTF_8).strip();
            assertEquals(org.somaagent01.migrator.ExitCode.SEED_INVALID.code, code, stderr);
            assertEquals(1, stderr.lines().count(), stderr);
            assertTrue(stderr.contains("multimodal_capabilities.json[0].cost_tier") && stderr.contains("platinum"), stderr);
            try (Connection c = db.connect()) {
                assertEquals("0", column(c, "SELECT count(*) FROM pg_class WHERE relnamespace IN "
                        + "(SELECT oid FROM pg_namespace WHERE nspname IN ('public', 'migrator'))"), "nothing was created");
            }
        }
    }

    private static String run(TestDatabase db, String... args) {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        String[] full = new String[args.length + 2];
        System.arraycopy(args, 0, full, 0, args.length);
        full[args.length] = "--dsn";
        full[args.length + 1] = db.uri();
        int code = Main.run(full, new PrintStream(new ByteArrayOutputStream()), new PrintStream(err, true), Map.of());
        String stderr = err.toString(StandardCharsets.UTF_8);
        assertEquals(0, code, stderr);
        return stderr;
    }

    private static String rows(Connection c, String table, String order) throws Exception {
        try (Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT coalesce(json_agg(t ORDER BY " + order + ")::text, '[]') FROM " + table + " t")) {
            rs.next();
            return rs.getString(1);
        }
    }

    @Test
    void applyOnAnEmptyDatabaseSeedsTheCatalogOnceThenSkipsUnchangedSeeds() throws Exception {
        try (TestDatabase db = TestServer.get().createDatabase()) {
            run(db, "apply");
            try (Connection c = db.connect()) {
                assertEquals("[\"document_ingest\", \"echo\"]", column(c, "SELECT json_agg(name ORDER BY name) FROM tool_catalog"));
                assertEquals("5", column(c, "SELECT count(*) FROM multimodal_capabilities"));
                assertEquals("[\"multimodal_critic\"]", column(c, "SELECT json_agg(name) FROM prompts"));
                String before = rows(c, "multimodal_capabilities", "tool_id, provider");
                String second = run(db, "apply");
                assertTrue(second.contains("seeds unchanged since the last run"), second);
                assertEquals(before, rows(c, "multimodal_capabilities", "tool_id, provider"));
            }
        }
    }

    @Test
    void applyOnTheLegacyDatabaseLeavesOperatorEditsAndInsertIfAbsentTablesAlone() throws Exception {
        try (TestDatabase db = TestServer.get().createDatabase()) {
            Fidelity.restoreLegacyDump(db);
            try (Connection c = db.connect()) {
                Fixtures.execute(c, "UPDATE tool_catalog SET description = 'edited by an operator' WHERE name = 'echo';"
                        + "UPDATE multimodal_capabilities SET health_status = 'degraded', failure_count = 7 WHERE tool_id = 'dalle3_image_gen'");
                String tools = rows(c, "tool_catalog", "name");
                String prompts = rows(c, "prompts", "id");
                String operational = column(c, "SELECT json_agg(json_build_array(tool_id, health_status, failure_count, enabled, cost_tier) "
                        + "ORDER BY tool_id) FROM multimodal_capabilities");
                run(db, "apply");
                assertEquals(tools, rows(c, "tool_catalog", "name"));
                assertEquals(prompts, rows(c, "prompts", "id"));
                assertEquals(operational, column(c, "SELECT json_agg(json_build_array(tool_id, health_status, failure_count, enabled, cost_tier) "
                        + "ORDER BY tool_id) FROM multimodal_capabilities"));
                assertEquals("adopted", column(c, "SELECT how FROM migrator.schema_history"));
            }
        }
    }

    private static String column(Connection c, String sql) throws Exception {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }
}
