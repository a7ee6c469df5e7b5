package org.somaagent01.migrator.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.somaagent01.migrator.ExitCode;
import org.somaagent01.testdb.TestDatabase;
import org.somaagent01.testdb.TestServer;

/**
 * {@code apply} behind a long transaction: while it waits for its table lock, an application SELECT on that table
 * gets through after at most one attempt (asserted by order of events, not by time); the apply finishes once the
 * transaction ends, or gives up naming the blocking session.
 */
class DdlLockWaitTest {
    @TempDir Path dir;

    private static String value(Connection c, String sql) throws Exception {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            return rs.next() ? rs.getString(1) : null;
        }
    }

    private static final String MIGRATOR_WAITS = "application_name = 'sa01-migrator' AND wait_event_type = 'Lock'";

    @Test
    void applicationQueriesGetThroughWhileApplyWaitsAndApplyFinishesAfterwards() throws Exception {
        try (TestDatabase db = TestServer.get().createDatabase(); Connection report = db.connect();
             Connection app = db.connect()) {
            Fixtures.table(dir, 1, "t");
            assertEquals(0, Cli.run("apply", "--dsn", db.uri(), "--dir", dir.toString(), "--no-seeds").code());
            Fixtures.script(dir, 2, "add_x", "ALTER TABLE t ADD COLUMN x integer;\n", "ALTER TABLE t DROP COLUMN x;\n");
            report.setAutoCommit(false);
            value(report, "SELECT count(*) FROM t"); // a long report: ACCESS SHARE held, idle in transaction

            CompletableFuture<Cli.Run> apply = CompletableFuture.supplyAsync(() -> Cli.run("apply", "--dsn", db.uri(),
                    "--dir", dir.toString(), "--no-seeds", "--ddl-lock-timeout", "0.3", "--ddl-lock-retries", "100"));
            Db.awaitActivity(db, MIGRATOR_WAITS);
            // queued behind the migration's ACCESS EXCLUSIVE request, released when that attempt times out
            assertEquals("0", value(app, "SELECT count(*) FROM t"));
            assertFalse(apply.isDone(), "apply is still retrying when the application's query has returned");
            Db.awaitActivity(db, MIGRATOR_WAITS); // and it waits again: a later attempt

            report.commit();
            Cli.Run run = apply.get(1, TimeUnit.MINUTES);
            assertEquals(0, run.code(), run.toString());
            assertTrue(run.err().contains("waiting for a lock on t"), run.toString());
            assertEquals(List.of("1|applied", "2|applied"), Db.history(db));
        }
    }

    @Test
    void givesUpNamingTheBlockerWithNothingApplied() throws Exception {
        try (TestDatabase db = TestServer.get().createDatabase(); Connection report = db.connect()) {
            Fixtures.table(dir, 1, "t");
            assertEquals(0, Cli.run("apply", "--dsn", db.uri(), "--dir", dir.toString(), "--no-seeds").code());
            Fixtures.script(dir, 2, "add_x", "ALTER TABLE t ADD COLUMN x integer;\n", "ALTER TABLE t DROP COLUMN x;\n");
            report.setAutoCommit(false);
            value(report, "SELECT count(*) FROM t");
            String pid = value(report, "SELECT pg_backend_pid()");

            Cli.Run run = Cli.run("apply", "--dsn", db.uri(), "--dir", dir.toString(), "--no-seeds", "--quiet",
                    "--ddl-lock-timeout", "0.2", "--ddl-lock-retries", "2");
            assertEquals(ExitCode.LOCK_TIMEOUT.code, run.code(), run.toString());
            assertEquals(1, run.errLines().size(), run.toString());
            assertTrue(run.err().contains("blocked by pid " + pid) && run.err().contains("idle in transaction"), run.toString());
            report.rollback();
            assertEquals(List.of("1|applied"), Db.history(db));
            assertEquals(List.of("0"), Db.rows(db, "SELECT count(*) FROM pg_attribute WHERE attrelid = 't'::regclass AND attname = 'x'"));
        }
    }
}
