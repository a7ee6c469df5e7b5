package org.somaagent01.migrator.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.somaagent01.testdb.TestDatabase;
import org.somaagent01.testdb.TestServer;

/** An applier killed with SIGKILL in the middle of a long script (a replica OOM-killed or evicted). */
class KilledApplierIT {
    /** The application_name of the doomed applier: its script sleeps only under that name. */
    private static final String DOOMED = "doomed_applier";

    @TempDir Path dir;
    @TempDir Path logs;
    private TestDatabase db;

    @BeforeEach
    void createDatabase() { db = TestServer.get().createDatabase(); }

    @AfterEach
    void dropDatabase() { db.close(); }

    @Test
    void leavesThePreviousVersionNoLockAndTheNextApplySucceeds() throws Exception {
        Fixtures.table(dir, 1, "t1");
        // Sleeps far longer than the test waits: the lock must go because the server notices the dead client,
        // not because the script ends. The retry below runs under the default application_name, without the sleep.
        Fixtures.script(dir, 2, "long", "CREATE TABLE x ();\nSELECT pg_sleep(600) WHERE current_setting('application_name') = '"
                + DOOMED + "';\n", "DROP TABLE x;\n");
        assertEquals(0, Cli.run("apply", "--dsn", db.uri(), "--dir", dir.toString(), "--no-seeds", "--target", "1").code());

        JarProcess doomed = JarProcess.start(logs, "doomed", "apply", "--dsn", db.uri() + "?application_name=" + DOOMED,
                "--dir", dir.toString(), "--no-seeds");
        Poll.until(Duration.ofMinutes(1), () -> sleepingBackends(), rows -> rows.size() == 1, "the applier to run pg_sleep");
        doomed.process.destroyForcibly().waitFor();

        Poll.until(Duration.ofSeconds(30), () -> Db.advisoryLocks(db), List::isEmpty, "the advisory lock to go");
        assertEquals(List.of(), sleepingBackends(), "the dead applier's backend is gone");
        assertEquals(List.of("t1"), Db.tables(db), "table x rolled back");
        assertEquals(List.of("1|applied"), Db.history(db));

        Cli.Run next = Cli.run("apply", "--dsn", db.uri(), "--dir", dir.toString(), "--no-seeds", "--lock-timeout", "5");
        assertEquals(0, next.code(), next.toString());
        assertEquals(List.of("t1", "x"), Db.tables(db));
        assertEquals(List.of("1|applied", "2|applied"), Db.history(db));
    }

    private List<String> sleepingBackends() {
        return Db.rows(db, "SELECT pid FROM pg_stat_activity WHERE datname = current_database() "
                + "AND application_name = '" + DOOMED + "' AND query LIKE '%pg_sleep%'");
    }
}
