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
 * pg_trgm 1.3 and 1.4 ship with PostgreSQL 15, with an update script from 1.3 to 1.4 and none back: an apply or a
 * down that would take it back is refused before its first DDL, naming the extension and the versions.
 */
class ExtensionPathsTest {
    private static final String TABLES = "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' ORDER BY 1";

    @TempDir Path dir;
    private TestDatabase db;

    @BeforeEach
    void trigramAtOneFour() {
        db = TestServer.get().createDatabase();
        Fixtures.script(dir, 1, "trgm", "CREATE EXTENSION pg_trgm VERSION '1.3';\nALTER EXTENSION pg_trgm UPDATE TO '1.4';\n",
                "DROP EXTENSION pg_trgm;\n");
    }

    @AfterEach
    void drop() { db.close(); }

    @Test
    void anApplyThatWouldTakeAnExtensionBackIsRefusedBeforeItsFirstStatement() {
        Fixtures.script(dir, 2, "back", "CREATE TABLE x (id integer);\nALTER EXTENSION pg_trgm UPDATE TO '1.3';\n",
                "DROP TABLE x;\n");
        Cli.Run run = Cli.runOn(db, dir, "apply", "--no-seeds");
        assertEquals(ExitCode.CONFIGURATION.code, run.code(), run.toString());
        assertTrue(run.err().contains("extension pg_trgm cannot go from version 1.4 to 1.3: this server has no update path"),
                run.err());
        assertEquals(List.of(), Db.rows(db, TABLES), "nothing ran, not even version 1");
    }

    @Test
    void aDownThatWouldTakeAnExtensionBackIsRefusedBeforeItsFirstStatement() {
        Fixtures.script(dir, 2, "forward", "CREATE TABLE y (id integer);\n",
                "DROP TABLE y;\nALTER EXTENSION pg_trgm UPDATE TO '1.3';\n");
        Cli.Run up = Cli.runOn(db, dir, "apply", "--no-seeds");
        assertEquals(0, up.code(), up.toString());
        Cli.Run down = Cli.runOn(db, dir, "down", "--to", "1");
        assertEquals(ExitCode.CONFIGURATION.code, down.code(), down.toString());
        assertTrue(down.err().contains("extension pg_trgm cannot go from version 1.4 to 1.3"), down.err());
        assertEquals(List.of("y"), Db.rows(db, TABLES), "nothing was reverted");
    }
}
