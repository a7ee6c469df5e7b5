package org.somaagent01.migrator.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.somaagent01.migrator.ExitCode;
import org.somaagent01.testdb.TestDatabase;
import org.somaagent01.testdb.TestServer;

/**
 * A fleet on the real server: two healthy tenants, one URL naming a database that does not exist, and one whose
 * script fails (a table left there by hand clashes with the initial script). Each database gets its own result; the
 * broken ones change nothing on the healthy ones.
 */
class FleetCliTest {
    private static TestDatabase a;
    private static TestDatabase b;
    private static TestDatabase clash;
    private static String missing;

    @BeforeAll
    static void databases() {
        a = TestServer.get().createDatabase();
        b = TestServer.get().createDatabase();
        clash = TestServer.get().createDatabase();
        Db.exec(clash, "CREATE TABLE tool_catalog (x integer)");
        missing = a.uri().replace(a.name(), a.name() + "_missing");
    }

    @AfterAll
    static void drop() {
        for (TestDatabase d : List.of(a, b, clash)) d.close();
    }

    private static String masked(TestDatabase db) {
        return "postgresql://" + db.user() + ":***@" + db.uri().replaceFirst("^.*@", "").replaceFirst("\\?.*$", "");
    }

    @Test
    void applyOnAFleetReportsEachDatabaseAndTheBrokenOnesTouchNoOther(@TempDir Path dir) throws Exception {
        Path targets = dir.resolve("targets.txt");
        Files.writeString(targets, "# tenants\n" + a.uri() + "\n\n" + missing + "   # not created\n" + clash.uri() + "\n");

        Cli.Run run = Cli.run("apply", "--targets", targets.toString(), "--dsn", b.uri(), "--parallel", "2",
                "--connect-retries", "0");

        // a failed script (8) outranks an unreachable database (5)
        assertEquals(ExitCode.MIGRATION_FAILED.code, run.code(), run.toString());
        List<String> lines = run.out().lines().toList();
        assertEquals(5, lines.size(), run.toString());
        assertTrue(lines.get(0).matches("ok +\\Q" + masked(a) + "\\E +version 1 \\(applied 1, adopted 0\\); seeds: .*"), lines.get(0));
        assertTrue(lines.get(1).matches("FAILED +\\Q" + masked(a) + "_missing\\E +exit 5: the database does not exist .*"), lines.get(1));
        assertTrue(lines.get(2).matches("FAILED +\\Q" + masked(clash) + "\\E +exit 8: 0001_initial_schema \\(up\\).*failed: .*"), lines.get(2));
        assertTrue(lines.get(3).matches("ok +\\Q" + masked(b) + "\\E +version 1 .*"), lines.get(3));
        assertTrue(lines.get(4).startsWith("fleet apply: 4 databases: 2 ok, 2 failed (exit 5: " + masked(a) + "_missing; exit 8: "
                + masked(clash) + ") in "), lines.get(4));

        // the healthy tenants are migrated and seeded as if alone; no lock is left anywhere
        for (TestDatabase healthy : List.of(a, b)) {
            assertEquals(List.of("1|applied"), Db.history(healthy));
            assertEquals(List.of("2"), Db.rows(healthy, "SELECT count(*) FROM tool_catalog"));
            assertEquals(List.of(), Db.advisoryLocks(healthy));
            Cli.Run alone = Cli.run("apply", "--dsn", healthy.uri());
            assertEquals(0, alone.code(), alone.toString());
            assertTrue(alone.err().contains("schema is up to date at version 1"), alone.toString());
        }
        // the failed one rolled back its segment: the same tables as before, no version recorded
        assertEquals(List.of("tool_catalog"), Db.tables(clash));
        assertEquals(List.of(), Db.history(clash));
        assertEquals(List.of(), Db.advisoryLocks(clash));
        assertFalse(run.out().contains(a.password() + "@"), "no password printed");
    }

    @Test
    void statusAndVerifyJsonHaveOneEntryPerDatabaseAndNameTheFailedOnes() throws Exception {
        try (TestDatabase fresh = TestServer.get().createDatabase(); TestDatabase done = TestServer.get().createDatabase()) {
            assertEquals(0, Cli.run("apply", "--dsn", done.uri(), "--no-seeds").code());
            Cli.Run status = Cli.run("status", "--dsn", fresh.uri(), "--dsn", done.uri(), "--dsn", missing, "--format", "json",
                    "--connect-retries", "0");
            assertEquals(ExitCode.DB_UNREACHABLE.code, status.code(), status.toString());
            JsonNode json = new ObjectMapper().readTree(status.out());
            assertEquals("status", json.get("command").asText());
            JsonNode dbs = json.get("databases");
            assertEquals(3, dbs.size(), status.out());
            assertEquals(0, dbs.get(0).get("result").get("version").asInt());
            assertEquals("[1]", dbs.get(0).get("result").get("pending").toString());
            assertEquals(1, dbs.get(1).get("result").get("version").asInt());
            assertEquals(5, dbs.get(2).get("exit_code").asInt());
            assertTrue(dbs.get(2).get("error").asText().startsWith("the database does not exist"), status.out());
            assertEquals("[\"" + masked(a) + "_missing\"]", json.get("failed").toString());
            assertEquals(5, json.get("exit_code").asInt());

            // verify: the empty database is behind (pending, exit 3), the migrated one is clean
            Cli.Run verify = Cli.run("verify", "--dsn", fresh.uri(), "--dsn", done.uri(), "--format", "json");
            JsonNode v = new ObjectMapper().readTree(verify.out());
            assertEquals(0, v.get("databases").get(1).get("exit_code").asInt(), verify.out());
            assertTrue(v.get("databases").get(1).get("result").get("ok").asBoolean(), verify.out());

            // plan --exit-code: 3 for the database with a pending script, the other is ok; nothing was applied
            Cli.Run plan = Cli.run("plan", "--dsn", fresh.uri(), "--dsn", done.uri(), "--exit-code");
            assertEquals(ExitCode.CHANGES_PENDING.code, plan.code(), plan.toString());
            assertTrue(plan.out().lines().anyMatch(l -> l.startsWith("pending ") && l.contains("1 pending: 0001_initial_schema")), plan.out());
            assertTrue(plan.out().contains("fleet plan: 2 databases: 1 ok, 1 with changes pending or drift, 0 failed"), plan.out());
            assertEquals(List.of(), Db.history(fresh));
        }
    }

    @Test
    void singleDatabaseCommandsRefuseSeveralDsnsAndBadTargetFilesAreNamed(@TempDir Path dir) throws Exception {
        Cli.Run down = Cli.run("down", "--steps", "1", "--dsn", a.uri(), "--dsn", b.uri());
        assertEquals(ExitCode.USAGE.code, down.code(), down.toString());
        assertTrue(down.err().contains("--dsn given 2 times: only apply, status, verify and plan work on several databases"), down.toString());

        Path bad = dir.resolve("t.txt");
        Files.writeString(bad, a.uri() + "\nmysql://x/y\n");
        Cli.Run r = Cli.run("status", "--targets", bad.toString());
        assertEquals(ExitCode.USAGE.code, r.code(), r.toString());
        assertTrue(r.err().startsWith("error: " + bad + " line 2: "), r.toString());

        Cli.Run none = Cli.run("status", "--targets", dir.resolve("absent.txt").toString());
        assertEquals(ExitCode.USAGE.code, none.code(), none.toString());
        assertTrue(none.err().contains("does not exist"), none.toString());

        Cli.Run twice = Cli.run("status", "--dsn", a.uri(), "--dsn", a.uri());
        assertEquals(ExitCode.USAGE.code, twice.code(), twice.toString());
    }
}
