package org.somaagent01.migrator.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Tag;
import org.somaagent01.migrator.ExitCode;
import org.somaagent01.testdb.TestDatabase;
import org.somaagent01.testdb.TestServer;

/** The read-only commands around {@code apply}, on the shipped scripts. */
@Tag("quick") // the one database test of this module in scripts/test.sh --quick
class StatusVerifyPlanTest {
    private TestDatabase db;

    @BeforeEach
    void createDatabase() { db = TestServer.get().createDatabase(); }

    @AfterEach
    void dropDatabase() { db.close(); }


    private void applied() {
        Cli.Run r = Cli.run("apply", "--dsn", db.uri());
        assertEquals(0, r.code(), r.toString());
    }

    @Test
    void statusJsonAfterApply() throws Exception {
        applied();
        Cli.Run status = Cli.run("status", "--dsn", db.uri(), "--format", "json");
        assertEquals(0, status.code(), status.toString());
        JsonNode json = new ObjectMapper().readTree(status.out());
        assertEquals(1, json.get("version").asInt());
        JsonNode scripts = json.get("scripts");
        assertEquals(1, scripts.size(), status.out());
        assertEquals("initial_schema", scripts.get(0).get("name").asText());
        assertEquals("applied", scripts.get(0).get("state").asText());
        assertTrue(scripts.get(0).get("checksum_ok").asBoolean());
    }

    @Test
    void verifyIsCleanAfterApplyAndReportsAnIndexDroppedByHand() {
        applied();
        Cli.Run clean = Cli.run("verify", "--dsn", db.uri());
        assertEquals(0, clean.code(), clean.toString());

        Db.exec(db, "DROP INDEX task_registry_queue_idx");
        Cli.Run drift = Cli.run("verify", "--dsn", db.uri());
        assertEquals(ExitCode.CHANGES_PENDING.code, drift.code(), drift.toString());
        assertTrue(drift.out().contains("task_registry_queue_idx"), drift.toString());
    }

    @Test
    void planShowsPendingSqlAndSeedsThenNothingAfterApply() {
        Cli.Run pending = Cli.run("plan", "--dsn", db.uri(), "--exit-code");
        assertEquals(ExitCode.CHANGES_PENDING.code, pending.code(), pending.toString());
        assertTrue(pending.out().contains("CREATE TABLE IF NOT EXISTS tool_catalog"), pending.out());
        assertTrue(pending.out().contains("-- seeds: seeds run after the pending scripts"), pending.out());

        applied();
        Cli.Run upToDate = Cli.run("plan", "--dsn", db.uri(), "--exit-code");
        assertEquals(0, upToDate.code(), upToDate.toString());
        // as apply will: unchanged data files are skipped, without loading them
        assertTrue(upToDate.out().contains("-- seeds: seeds unchanged since the last run: skipped"), upToDate.out());
        Db.exec(db, "DELETE FROM migrator.seed_history");
        Cli.Run reseed = Cli.run("plan", "--dsn", db.uri());
        assertTrue(reseed.out().contains("tool_catalog: insert 0, update 0, unchanged 2"), reseed.out());
    }

    @Test
    void offlinePlanNeedsNoDatabase() {
        Cli.Run plan = Cli.run("plan", "--offline", "--dsn", "mysql://nowhere");
        assertEquals(0, plan.code(), plan.toString());
        assertTrue(plan.out().contains("CREATE TABLE IF NOT EXISTS task_registry"), plan.toString());
    }
}
