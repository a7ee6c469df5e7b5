package org.somaagent01.migrator.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.somaagent01.migrator.store.MigrationScript;
import org.somaagent01.migrator.store.ScriptSource;
import org.somaagent01.migrator.store.ScriptStore;
import org.somaagent01.testdb.TestDatabase;
import org.somaagent01.testdb.TestServer;

/** Replicas starting together: 8 separate JVMs run {@code apply} at once against one database. */
class ConcurrentApplyIT {
    private static final int REPLICAS = 8;

    @TempDir Path logs;
    private TestDatabase db;

    @BeforeEach
    void createDatabase() { db = TestServer.get().createDatabase(); }

    @AfterEach
    void dropDatabase() { db.close(); }

    @Test
    void shippedScripts() throws Exception {
        List<MigrationScript> scripts = ScriptStore.load(ScriptSource.classpath(ScriptStore.CLASSPATH_PREFIX));
        raceThenRaceAgain(scripts);
    }

    /**
     * Slow scripts keep the winner inside the lock long enough for every other replica to queue behind it. Each
     * script bumps a sequence, which no rollback undoes, so a script that ran twice (even if its second run were
     * rolled back) would show up in the count.
     */
    @Test
    void slowScriptsRunExactlyOnce(@TempDir Path dir) throws Exception {
        Db.exec(db, "CREATE SCHEMA probe; CREATE SEQUENCE probe.runs");
        for (int v = 1; v <= 2; v++) {
            Fixtures.script(dir, v, "slow_" + v, "CREATE TABLE t" + v + " (id integer);\n"
                    + "SELECT nextval('probe.runs');\nSELECT pg_sleep(1);\n", "DROP TABLE t" + v + ";\n");
        }
        raceThenRaceAgain(ScriptStore.load(ScriptSource.directory(dir)), "--dir", dir.toString(), "--no-seeds");
        assertEquals(List.of("2"), Db.rows(db, "SELECT last_value FROM probe.runs"), "script runs in total");
        assertEquals(List.of("t1", "t2"), Db.tables(db));
    }

    private void raceThenRaceAgain(List<MigrationScript> scripts, String... extraArgs) throws Exception {
        List<Cli.Run> first = race("first", extraArgs);
        List<String> history = Db.rows(db, "SELECT * FROM migrator.schema_history ORDER BY version");
        assertConsistentHistory(scripts);
        assertEquals(1, count(first, "schema at version " + scripts.size() + " (applied " + scripts.size()),
                "exactly one replica applies: " + first);

        List<Cli.Run> second = race("second", extraArgs);
        assertEquals(REPLICAS, count(second, "schema is up to date at version " + scripts.size()), second.toString());
        assertEquals(history, Db.rows(db, "SELECT * FROM migrator.schema_history ORDER BY version"), "history untouched");
    }

    /** Starts all replicas before waiting for any; every one must exit 0. */
    private List<Cli.Run> race(String round, String... extraArgs) throws Exception {
        List<JarProcess> replicas = new ArrayList<>();
        for (int i = 0; i < REPLICAS; i++) {
            List<String> args = new ArrayList<>(List.of("apply", "--dsn", db.uri()));
            args.addAll(List.of(extraArgs));
            replicas.add(JarProcess.start(logs, round + i, args.toArray(String[]::new)));
        }
        List<Cli.Run> runs = new ArrayList<>();
        for (JarProcess p : replicas) runs.add(p.await());
        for (Cli.Run r : runs) assertEquals(0, r.code(), r.toString());
        return runs;
    }

    /** One row per version, 1..n in order, all applied, each with its script's name and checksum. */
    private void assertConsistentHistory(List<MigrationScript> scripts) {
        List<String> expected = new ArrayList<>();
        for (MigrationScript s : scripts) expected.add(s.version() + "|" + s.name() + "|" + s.checksum() + "|applied");
        assertEquals(expected, Db.rows(db, "SELECT version, name, checksum, how FROM migrator.schema_history ORDER BY version"));
    }

    private static long count(List<Cli.Run> runs, String stderrText) {
        return runs.stream().filter(r -> r.err().contains(stderrText)).count();
    }
}
