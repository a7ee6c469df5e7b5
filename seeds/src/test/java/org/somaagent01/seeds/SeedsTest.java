package org.somaagent01.seeds;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashSet;
import java.util.Set;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.Tag;
import org.somaagent01.testdb.TestDatabase;

@Tag("quick") // the one database test of this module in scripts/test.sh --quick
class SeedsTest {

    @Test
    void seedingAnEmptySchemaGivesExactlyTheReferenceRows() throws Exception {
        try (TestDatabase db = SeedDatabases.emptySchema()) {
            SeedReport report = Seeds.load().apply(SeedDatabases.dataSource(db));

            assertEquals(8, report.changes(), report::toString);
            ObjectNode reference = (ObjectNode) SeedDatabases.JSON.readTree(
                    SeedsTest.class.getResource("/fidelity/reference-seed-rows.json"));
            ObjectNode seeded = SeedDatabases.withoutTimestamps(SeedDatabases.snapshot(db));
            for (String table : SeedDatabases.TABLES) {
                assertEquals(rowSet(SeedDatabases.withoutTimestamps(reference).get(table)), rowSet(seeded.get(table)), table);
            }
        }
    }

    @Test
    void planIsReadOnlyAndForetellsApply() throws Exception {
        try (TestDatabase db = SeedDatabases.emptySchema()) {
            DataSource ds = SeedDatabases.dataSource(db);
            Seeds seeds = Seeds.load();
            ObjectNode before = SeedDatabases.snapshot(db);

            SeedReport plan = seeds.plan(ds);

            assertEquals(before, SeedDatabases.snapshot(db));
            assertEquals("tool_catalog: insert 2 (document_ingest, echo), update 0, unchanged 0", plan.tables().get(0).toString());
            assertEquals(plan, seeds.apply(ds));
            assertEquals(0, seeds.plan(ds).changes());
        }
    }

    @Test
    void aLegacyDatabaseKeepsItsRowsAndTheOperationalColumnsOfCapabilities() throws Exception {
        try (TestDatabase db = SeedDatabases.legacy()) {
            SeedDatabases.execute(db, "UPDATE multimodal_capabilities SET health_status = 'unavailable', failure_count = 7,"
                    + " enabled = false, cost_tier = 'premium', latency_p95_ms = 1234, last_health_check = now(),"
                    + " tenant_id = 'acme', documentation_url = 'https://example.org/doc' WHERE tool_id = 'dalle3_image_gen'");
            SeedDatabases.execute(db, "UPDATE multimodal_capabilities SET health_status = 'degraded' WHERE provider = 'local'");
            ObjectNode before = SeedDatabases.snapshot(db);

            SeedReport report = Seeds.load().apply(SeedDatabases.dataSource(db));

            assertEquals(0, report.changes(), report::toString);
            assertEquals(before, SeedDatabases.snapshot(db)); // timestamps included: not even updated_at moved
        }
    }

    @Test
    void operatorEditsSurviveWhileAChangedCapabilityDescriptionIsApplied(@TempDir Path dir) throws Exception {
        try (TestDatabase db = SeedDatabases.legacy()) {
            SeedDatabases.execute(db, "UPDATE tool_catalog SET description = 'Echo, as our operators like it' WHERE name = 'echo'");
            SeedDatabases.execute(db, "UPDATE multimodal_capabilities SET health_status = 'degraded' WHERE tool_id = 'mermaid_diagram'");
            TestDataDirs.copyShipped(dir);
            TestDataDirs.edit(dir, "multimodal_capabilities", rows -> ((ObjectNode) rows.get(1))
                    .put("description", "Mermaid diagrams, now with themes"));
            ObjectNode before = SeedDatabases.snapshot(db);

            SeedReport report = Seeds.load(dir).apply(SeedDatabases.dataSource(db));

            assertEquals("multimodal_capabilities: insert 0, update 1 (mermaid_diagram/local), unchanged 4",
                    report.tables().get(1).toString());
            ObjectNode after = SeedDatabases.snapshot(db);
            assertEquals("Echo, as our operators like it", row(after, "tool_catalog", 1).get("description").asText());
            JsonNode mermaid = row(after, "multimodal_capabilities", 1);
            assertEquals("mermaid_diagram", mermaid.get("tool_id").asText());
            assertEquals("degraded", mermaid.get("health_status").asText());
            assertEquals("Mermaid diagrams, now with themes", mermaid.get("description").asText());
            assertNotEquals(row(before, "multimodal_capabilities", 1).get("updated_at"), mermaid.get("updated_at"));
            // nothing else moved, timestamps included
            ((ObjectNode) row(before, "multimodal_capabilities", 1)).setAll((ObjectNode) mermaid);
            assertEquals(before, after);
        }
    }

    @Test
    void aRowTheDatabaseRejectsLeavesEveryTableAsItWas(@TempDir Path dir) throws Exception {
        try (TestDatabase db = SeedDatabases.emptySchema()) {
            TestDataDirs.copyShipped(dir);
            // valid for the data file (cost_impact is text), refused by the CHECK constraint: the first tool_catalog
            // row is already inserted when the second fails
            TestDataDirs.edit(dir, "tool_catalog", rows -> ((ObjectNode) rows.get(1)).put("cost_impact", "extreme"));
            Seeds seeds = Seeds.load(dir);
            ObjectNode before = SeedDatabases.snapshot(db);

            SQLException e = assertThrows(SQLException.class, () -> seeds.apply(SeedDatabases.dataSource(db)));

            assertEquals("23514", e.getSQLState(), e::getMessage); // check_violation
            assertEquals(before, SeedDatabases.snapshot(db));
        }
    }

    @Test
    void applyGivesBackItsConnectionAndLeavesNoThreadRunning() throws Exception {
        try (TestDatabase db = SeedDatabases.emptySchema()) {
            Set<String> threadsBefore = liveNonDaemonThreads();

            Seeds.load().apply(SeedDatabases.dataSource(db));

            assertEquals(threadsBefore, liveNonDaemonThreads());
            // a closed session leaves pg_stat_activity a moment after the client closes it: wait for it, bounded
            int others = -1;
            try (Connection c = db.connect()) {
                for (int attempt = 0; attempt < 50 && others != 0; attempt++) {
                    if (attempt > 0) Thread.sleep(100);
                    try (ResultSet rs = c.createStatement().executeQuery("SELECT count(*) FROM pg_stat_activity"
                            + " WHERE datname = current_database() AND pid <> pg_backend_pid()")) {
                        rs.next();
                        others = rs.getInt(1);
                    }
                }
            }
            assertEquals(0, others, "other sessions on the seeded database");
        }
    }

    private static Set<JsonNode> rowSet(JsonNode rows) {
        Set<JsonNode> set = new HashSet<>();
        rows.forEach(set::add);
        assertEquals(rows.size(), set.size(), "duplicate rows");
        return set;
    }

    private static JsonNode row(ObjectNode snapshot, String table, int index) {
        return snapshot.get(table).get(index);
    }

    private static Set<String> liveNonDaemonThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.isAlive() && !t.isDaemon()).map(Thread::getName).collect(Collectors.toSet());
    }
}
