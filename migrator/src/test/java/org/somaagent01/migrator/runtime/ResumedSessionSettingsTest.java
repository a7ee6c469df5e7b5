package org.somaagent01.migrator.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.somaagent01.migrator.ExitCode;
import org.somaagent01.testdb.TestDatabase;
import org.somaagent01.testdb.TestServer;

/**
 * A script that sets its search path in segment 1 fails in segment 2 (a gate table is empty): the resume, in a new
 * session, must still create segment 2's and 3's tables in that schema, a later script must not inherit the path,
 * and a down of the partial version must find segment 1's table where it was created.
 */
class ResumedSessionSettingsTest {
    private static final String UP = """
            -- migrator:segment
            CREATE SCHEMA other;
            SET search_path TO other;
            CREATE TABLE a (id integer);

            -- migrator:segment
            CREATE TABLE b (id integer);
            SELECT 1 / (SELECT count(*) FROM public.gate)::integer;

            -- migrator:segment
            CREATE TABLE c (id integer);
            """;
    // no IF EXISTS: a table looked for in the wrong schema fails the down
    private static final String DOWN = """
            -- migrator:segment
            SET search_path TO other;
            DROP TABLE c;

            -- migrator:segment
            DROP TABLE b;

            -- migrator:segment
            DROP TABLE a;
            RESET search_path;
            DROP SCHEMA other;
            """;
    private static final String TABLES = "SELECT table_schema || '.' || table_name FROM information_schema.tables "
            + "WHERE table_schema IN ('public', 'other') ORDER BY 1";

    @TempDir Path dir;
    private TestDatabase db;

    @BeforeEach
    void failInSegmentTwo() {
        db = TestServer.get().createDatabase();
        Fixtures.script(dir, 1, "gate", "CREATE TABLE gate (id integer);\n", "DROP TABLE gate;\n");
        Fixtures.script(dir, 2, "other_schema", UP, DOWN);
        Fixtures.script(dir, 3, "after", "CREATE TABLE d (id integer);\n", "DROP TABLE d;\n");
        Cli.Run failed = cli("apply", "--no-seeds");
        assertEquals(ExitCode.MIGRATION_FAILED.code, failed.code(), failed.toString());
        assertEquals(List.of("other.a", "public.gate"), Db.rows(db, TABLES));
    }

    @AfterEach
    void drop() { db.close(); }

    private Cli.Run cli(String command, String... more) {
        return Cli.runOn(db, dir, command, more);
    }

    @Test
    void planShowsTheSettingTheResumeReplaysBeforeTheRemainingSegments() {
        Cli.Run plan = cli("plan");
        String out = plan.out();
        int set = out.indexOf("SET search_path TO other;\nCREATE TABLE b");
        assertTrue(out.contains("-- replayed first: the session settings of the applied segments") && set > 0
                && !out.contains("CREATE TABLE a"), out);
    }

    @Test
    void aDropUnderTheSetSearchPathCountsTheRowsOfTheTableInThatSchema() {
        Fixtures.script(dir, 4, "drop_other", "SET search_path TO other;\nDROP TABLE a;\n",
                "SET search_path TO other;\nCREATE TABLE a (id integer);\n");
        Db.exec(db, "INSERT INTO gate VALUES (1)");
        Db.exec(db, "INSERT INTO other.a VALUES (1), (2)");
        Cli.Run refused = cli("apply", "--no-seeds");
        assertEquals(ExitCode.DESTRUCTIVE_REFUSED.code, refused.code(), refused.toString());
        assertTrue(refused.err().contains("table a (2 rows)"), refused.err());
        assertEquals(List.of("other.a", "public.gate"), Db.rows(db, TABLES), "nothing ran");
    }

    @Test
    void theResumeRunsTheRestOfTheScriptInTheSchemaItSetAndTheNextScriptInTheDefault() {
        Db.exec(db, "INSERT INTO gate VALUES (1)");
        Cli.Run resumed = cli("apply", "--no-seeds");
        assertEquals(0, resumed.code(), resumed.toString());
        assertEquals(List.of("other.a", "other.b", "other.c", "public.d", "public.gate"), Db.rows(db, TABLES));
    }

    @Test
    void theDownOfThePartialVersionDropsSegmentOnesTableInItsSchema() {
        Cli.Run down = cli("down", "--to", "1");
        assertEquals(0, down.code(), down.toString());
        assertEquals(List.of("public.gate"), Db.rows(db, TABLES));
        assertEquals(List.of(), Db.rows(db, "SELECT 1 FROM pg_namespace WHERE nspname = 'other'"));
    }
}
