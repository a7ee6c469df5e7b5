package org.somaagent01.migrator.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.somaagent01.migrator.ExitCode;
import org.somaagent01.migrator.lock.AdvisoryLock;
import org.somaagent01.migrator.store.ScriptStore;
import org.somaagent01.testdb.TestDatabase;
import org.somaagent01.testdb.TestServer;

/**
 * Faults of the environment, not of the scripts: each gets its own exit code and one line saying what to do, never
 * "internal error", and the database is left at a state status describes.
 */
class EnvironmentFailuresTest {
    @TempDir Path dir;
    private TestDatabase db;

    @BeforeEach
    void databaseAtVersion1() {
        db = TestServer.get().createDatabase();
        Fixtures.table(dir, 1, "t1");
        assertEquals(0, run("apply").code());
    }

    @AfterEach
    void drop() { db.close(); }

    private Cli.Run run(String command, String... more) {
        return runAs(db.uri(), command, more);
    }

    private Cli.Run runAs(String dsn, String command, String... more) {
        String[] args = new String[more.length + 6];
        args[0] = command;
        System.arraycopy(more, 0, args, 1, more.length);
        System.arraycopy(new String[] {"--dsn", dsn, "--dir", dir.toString(), "--no-seeds"}, 0, args, more.length + 1, 5);
        if (!command.equals("apply")) args = java.util.Arrays.copyOf(args, args.length - 1);
        return Cli.run(args);
    }

    private static String onlyErrorLine(Cli.Run run) {
        List<String> errors = run.errLines().stream().filter(l -> l.startsWith("error: ")).toList();
        assertEquals(1, errors.size(), run.toString());
        assertFalse(run.err().contains("internal error") || run.err().contains("\tat "), run.toString());
        return errors.get(0);
    }

    private static final String TERMINATE_MIGRATOR = "SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
            + "WHERE datname = current_database() AND application_name = 'sa01-migrator'";

    @Test
    void backendTerminatedMidScriptThenApplyResumes() throws Exception {
        Fixtures.script(dir, 2, "slow", "-- migrator:segment\nCREATE TABLE a (id integer);\n"
                + "-- migrator:segment\nSELECT pg_sleep(60);\nCREATE TABLE b (id integer);\n",
                "-- migrator:segment\nDROP TABLE IF EXISTS b;\n-- migrator:segment\nDROP TABLE a;\n");
        CompletableFuture<Cli.Run> apply = CompletableFuture.supplyAsync(() -> run("apply", "--quiet"));
        Db.awaitActivity(db, "query LIKE 'SELECT pg_sleep%' AND state = 'active'");
        Db.rows(db, TERMINATE_MIGRATOR);
        Cli.Run killed = apply.get(1, TimeUnit.MINUTES);
        assertEquals(ExitCode.CONNECTION_LOST.code, killed.code(), killed.toString());
        String line = onlyErrorLine(killed);
        assertTrue(line.contains("0002_slow (up) segment 2/2") && line.contains("connection lost")
                && line.contains("version 1 plus segments 1-1 of 2") && line.contains("rerun apply"), line);
        assertEquals(List.of("a", "t1"), Db.tables(db));
        assertTrue(run("status").out().contains("partial: 0002_slow: 1 of 2 segments applied"));

        Path up = dir.resolve("0002_slow.up.sql");
        Files.writeString(up, Files.readString(up).replace("SELECT pg_sleep(60);", "SELECT 1;"));
        ScriptStore.rehash(dir);
        Cli.Run resumed = run("apply");
        assertEquals(0, resumed.code(), resumed.toString());
        assertEquals(List.of("a", "b", "t1"), Db.tables(db));
        assertEquals(List.of("1|applied", "2|applied"), Db.history(db));
    }

    @Test
    void backendTerminatedDuringAConcurrentIndexBuildIsReportedAsUnknownThenRepaired() throws Exception {
        Db.exec(db, "INSERT INTO t1 SELECT generate_series(1, 1000)");
        Fixtures.script(dir, 2, "index_t1", "-- migrator:segment no-transaction\n"
                + "CREATE INDEX CONCURRENTLY IF NOT EXISTS t1_id_desc ON t1 (id DESC);\n",
                "-- migrator:segment no-transaction\nDROP INDEX CONCURRENTLY IF EXISTS t1_id_desc;\n");
        try (Connection report = db.connect()) {
            // an old snapshot: the concurrent build waits for it to end, after creating its (still invalid) index
            report.setAutoCommit(false);
            report.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            try (var st = report.createStatement()) { st.executeQuery("SELECT count(*) FROM t1").close(); }
            CompletableFuture<Cli.Run> apply = CompletableFuture.supplyAsync(() -> run("apply", "--quiet"));
            Db.awaitActivity(db, "application_name = 'sa01-migrator' AND query LIKE 'CREATE INDEX CONCURRENTLY%' "
                    + "AND wait_event_type = 'Lock'");
            Db.rows(db, TERMINATE_MIGRATOR);
            Cli.Run killed = apply.get(1, TimeUnit.MINUTES);
            assertEquals(ExitCode.CONNECTION_LOST.code, killed.code(), killed.toString());
            report.rollback();
        }
        assertEquals(List.of("false"), Db.rows(db, "SELECT indisvalid::text FROM pg_index WHERE indexrelid = 't1_id_desc'::regclass"));
        Cli.Run status = run("status");
        assertTrue(status.out().contains("segment 1 (outside a transaction) started, outcome unknown"), status.toString());

        Cli.Run resumed = run("apply");
        assertEquals(0, resumed.code(), resumed.toString());
        assertEquals(List.of("true"), Db.rows(db, "SELECT indisvalid::text FROM pg_index WHERE indexrelid = 't1_id_desc'::regclass"));
        assertEquals(List.of("1|applied", "2|applied"), Db.history(db));
    }

    @Test
    void backendTerminatedWhileWaitingForTheMigrationLock() throws Exception {
        Fixtures.table(dir, 2, "t2");
        try (Connection holder = db.connect(); PreparedStatement lock = holder.prepareStatement("SELECT pg_advisory_lock(?)")) {
            lock.setLong(1, AdvisoryLock.keyFor("migrator"));
            lock.execute();
            CompletableFuture<Cli.Run> apply = CompletableFuture.supplyAsync(() -> run("apply"));
            Db.awaitActivity(db, "application_name = 'sa01-migrator'");
            Thread.sleep(200); // let it reach the polling loop; terminating earlier is a connect failure instead
            Db.rows(db, TERMINATE_MIGRATOR);
            Cli.Run killed = apply.get(1, TimeUnit.MINUTES);
            assertEquals(ExitCode.CONNECTION_LOST.code, killed.code(), killed.toString());
            assertTrue(onlyErrorLine(killed).contains("connection lost"), killed.toString());
        }
        assertEquals(List.of("1|applied"), Db.history(db));
    }

    @Test
    void readOnlyDatabaseIsRefusedBeforeAnyDdl() throws Exception {
        Fixtures.table(dir, 2, "t2");
        Db.exec(db, "ALTER DATABASE " + db.name() + " SET default_transaction_read_only = on");
        Cli.Run run = run("apply");
        assertEquals(ExitCode.READ_ONLY.code, run.code(), run.toString());
        assertTrue(onlyErrorLine(run).contains("read-only"), run.toString());
        try (Connection c = db.connect(); var st = c.createStatement()) {
            st.execute("SET default_transaction_read_only = off");
            st.execute("ALTER DATABASE " + db.name() + " RESET default_transaction_read_only");
        }
        assertEquals(List.of("t1"), Db.tables(db));
        assertEquals(List.of("1|applied"), Db.history(db));
    }

    @Test
    void userWithoutCreatePrivilegeIsToldWhichPrivilege() {
        Fixtures.table(dir, 2, "t2");
        String role = "sa01_noddl_" + Long.toHexString(System.nanoTime());
        Db.exec(db, "CREATE ROLE " + role + " LOGIN PASSWORD 'pw-" + role + "'");
        try {
            Db.exec(db, "GRANT USAGE ON SCHEMA migrator TO " + role + "; GRANT SELECT ON ALL TABLES IN SCHEMA migrator TO " + role);
            String dsn = "postgresql://" + role + ":pw-" + role + "@localhost:" + TestServer.get().port() + "/" + db.name();
            Cli.Run run = runAs(dsn, "apply");
            assertEquals(ExitCode.PERMISSION_DENIED.code, run.code(), run.toString());
            String line = onlyErrorLine(run);
            assertTrue(line.contains(role) && line.contains("public"), line);
            assertFalse(line.contains("pw-" + role), line);
            assertEquals(List.of("t1"), Db.tables(db));
        } finally {
            Db.exec(db, "DROP OWNED BY " + role + "; DROP ROLE " + role);
        }
    }
}
