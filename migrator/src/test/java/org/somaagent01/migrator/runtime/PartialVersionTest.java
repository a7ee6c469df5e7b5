package org.somaagent01.migrator.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.somaagent01.migrator.ExitCode;
import org.somaagent01.migrator.store.ScriptStore;
import org.somaagent01.testdb.TestDatabase;
import org.somaagent01.testdb.TestServer;

/**
 * A version of three segments fails in segment 2: segment 1 stays applied and recorded, status and plan say so,
 * the next apply resumes at segment 2, and down of the partial version reverts exactly segment 1. The failing
 * statement divides by the row count of a "gate" table, so opening the gate (one row) lets the same script pass.
 */
class PartialVersionTest {
    private static final String UP = """
            -- 0002_three_segments (up)
            -- migrator:segment
            CREATE TABLE a (id integer);
            INSERT INTO a VALUES (1);

            -- migrator:segment
            CREATE TABLE b (id integer);
            SELECT 1 / (SELECT count(*) FROM gate)::integer;

            -- migrator:segment
            CREATE TABLE c (id integer);
            """;
    // no IF EXISTS: a down segment run for a segment that was never applied would fail
    private static final String DOWN = """
            -- migrator:segment
            DROP TABLE c;

            -- migrator:segment
            DROP TABLE b;

            -- migrator:segment
            DROP TABLE a;
            """;

    @TempDir Path dir;
    private TestDatabase db;

    @BeforeEach
    void versionOneThenAFailingVersionTwo() {
        db = TestServer.get().createDatabase();
        Fixtures.script(dir, 1, "gate", "CREATE TABLE gate (id integer);\n", "DROP TABLE gate;\n");
        Fixtures.script(dir, 2, "three_segments", UP, DOWN);
        Cli.Run failed = cli("apply", "--no-seeds");
        assertEquals(ExitCode.MIGRATION_FAILED.code, failed.code(), failed.toString());
        String error = failed.errLines().get(failed.errLines().size() - 1);
        assertTrue(error.contains("0002_three_segments (up) segment 2/3") && error.contains("division by zero")
                && error.contains("version 1 plus segments 1-1 of 3"), error);
    }

    @AfterEach
    void drop() { db.close(); }

    private Cli.Run cli(String command, String... more) {
        return Cli.runOn(db, dir, command, more);
    }

    @Test
    void historyAndSchemaAgreeAfterTheFailureAndStatusSaysSo() {
        assertEquals(List.of("a", "gate"), Db.tables(db), "segment 1 committed, segment 2 rolled back");
        assertEquals(List.of("1|applied"), Db.history(db));
        assertEquals(List.of("2|1|3"), Db.rows(db, "SELECT version, segments_done, segments_total FROM migrator.schema_progress"));

        Cli.Run status = cli("status");
        assertEquals(0, status.code(), status.toString());
        assertTrue(status.out().startsWith("version 1 of 2 (partial: 0002_three_segments: 1 of 3 segments applied"), status.out());
        assertTrue(status.out().contains("division by zero"), status.out());

        Cli.Run plan = cli("plan");
        assertTrue(plan.out().contains("segments 1-1 of 3 are applied; apply resumes here"), plan.toString());
        assertTrue(plan.out().contains("CREATE TABLE b") && !plan.out().contains("CREATE TABLE a"), plan.toString());

        Cli.Run verify = cli("verify");
        assertEquals(ExitCode.CHANGES_PENDING.code, verify.code(), verify.toString());
        assertTrue(verify.out().contains("partial version"), verify.toString());
    }

    @Test
    void theNextApplyResumesAtTheFailedSegment() {
        Db.exec(db, "INSERT INTO gate VALUES (1)");
        Cli.Run resumed = cli("apply", "--no-seeds");
        assertEquals(0, resumed.code(), resumed.toString());
        assertEquals(List.of("a", "b", "c", "gate"), Db.tables(db));
        assertEquals(List.of("1"), Db.rows(db, "SELECT count(*) FROM a"), "segment 1 did not run twice");
        assertEquals(List.of("1|applied", "2|applied"), Db.history(db));
        assertEquals(List.of("0"), Db.rows(db, "SELECT count(*) FROM migrator.schema_progress"));
        assertTrue(cli("status").out().startsWith("version 2 of 2\n"));
    }

    @Test
    void theFailedSegmentMayBeFixedButAnAppliedOneMayNotChange() throws Exception {
        Path up = dir.resolve("0002_three_segments.up.sql");
        Files.writeString(up, UP.replace("SELECT 1 / (SELECT count(*) FROM gate)::integer;", "SELECT 1;"));
        ScriptStore.rehash(dir);
        Cli.Run fixed = cli("apply", "--no-seeds");
        assertEquals(0, fixed.code(), fixed.toString());
        assertEquals(List.of("1|applied", "2|applied"), Db.history(db));

        // applied in full now: any edit of it is refused, as for every applied script
        Files.writeString(up, Files.readString(up).replace("CREATE TABLE a", "CREATE TABLE aa"));
        ScriptStore.rehash(dir);
        assertEquals(ExitCode.INTEGRITY.code, cli("apply", "--no-seeds").code());
    }

    @Test
    void editingAnAppliedSegmentOfThePartialVersionIsRefused() throws Exception {
        Path up = dir.resolve("0002_three_segments.up.sql");
        Files.writeString(up, UP.replace("INSERT INTO a VALUES (1);", "INSERT INTO a VALUES (2);"));
        ScriptStore.rehash(dir);
        Cli.Run refused = cli("apply", "--no-seeds");
        assertEquals(ExitCode.INTEGRITY.code, refused.code(), refused.toString());
        assertTrue(refused.err().contains("segment 1 differs"), refused.toString());
        assertEquals(List.of("a", "gate"), Db.tables(db));
    }

    @Test
    void downOfThePartialVersionRevertsExactlyTheAppliedSegments() {
        Cli.Run refused = cli("down", "--steps", "1");
        assertEquals(ExitCode.DESTRUCTIVE_REFUSED.code, refused.code(), refused.toString());
        assertTrue(refused.err().contains("table a (1 row)"), refused.toString());
        Cli.Run down = cli("down", "--steps", "1", "--force");
        assertEquals(0, down.code(), down.toString());
        assertEquals(List.of("gate"), Db.tables(db));
        assertEquals(List.of("1|applied"), Db.history(db));
        assertEquals(List.of("0"), Db.rows(db, "SELECT count(*) FROM migrator.schema_progress"));
        assertTrue(cli("status").out().startsWith("version 1 of 2\n"));
    }

    @Test
    void aFailedDownLeavesAPartialVersionThatApplyCompletes() {
        Db.exec(db, "INSERT INTO gate VALUES (1)");
        assertEquals(0, cli("apply", "--no-seeds").code());
        Db.exec(db, "DROP TABLE b"); // someone dropped it by hand: down segment 2 (DROP TABLE b) will fail
        Cli.Run down = cli("down", "--steps", "1", "--force");
        assertEquals(ExitCode.MIGRATION_FAILED.code, down.code(), down.toString());
        assertEquals(List.of("a", "gate"), Db.tables(db), "segment 3 reverted, segment 2's revert failed");
        assertEquals(List.of("1|applied"), Db.history(db));
        assertEquals(List.of("2|2|down"), Db.rows(db, "SELECT version, segments_done, direction FROM migrator.schema_progress"));
        assertTrue(cli("status").out().contains("2 of 3 segments applied"));
    }
}
