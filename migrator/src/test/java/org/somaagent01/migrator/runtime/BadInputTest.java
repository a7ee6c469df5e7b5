package org.somaagent01.migrator.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.List;
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
 * One test per bad input. Each starts from a database at version 1 (table t1) and asserts: the documented exit
 * code, exactly one line on stderr (an "error:" line, no stack trace), and history and tables unchanged.
 * Where apply prints a progress line before failing ("applying", "waiting for the lock"), the test passes --quiet.
 */
class BadInputTest {
    @TempDir Path dir;
    private TestDatabase db;
    private String before;

    @BeforeEach
    void databaseAtVersion1() {
        db = TestServer.get().createDatabase();
        Fixtures.table(dir, 1, "t1");
        assertEquals(0, Cli.run("apply", "--dsn", db.uri(), "--dir", dir.toString(), "--no-seeds").code());
        before = Db.state(db);
    }

    @AfterEach
    void dropDatabase() { db.close(); }

    /** Runs the CLI and asserts the exit code, the single error line and the unchanged database; returns that line. */
    private String refused(ExitCode expected, String... args) {
        return refused(Cli.run(args), expected);
    }

    private String refused(Cli.Run run, ExitCode expected) {
        assertEquals(expected.code, run.code(), run.toString());
        assertEquals(1, run.errLines().size(), "one line on stderr:\n" + run);
        String line = run.errLines().get(0);
        assertTrue(line.startsWith("error: "), line);
        assertEquals(before, Db.state(db), "database changed");
        return line;
    }

    /** {@code apply --dsn DB --dir DIR} plus more arguments. */
    private String[] apply(String... more) {
        List<String> args = new ArrayList<>(List.of("apply", "--dsn", db.uri(), "--dir", dir.toString(), "--no-seeds"));
        args.addAll(List.of(more));
        return args.toArray(String[]::new);
    }

    @Test
    void unknownCommand() {
        assertTrue(refused(ExitCode.USAGE, "frobnicate", "--dsn", db.uri()).contains("'frobnicate'"));
    }

    @Test
    void badFlag() {
        assertTrue(refused(ExitCode.USAGE, apply("--bogus")).contains("--bogus"));
    }

    @Test
    void unreadableDsn() {
        String line = refused(ExitCode.USAGE, "apply", "--dsn", "postgresql://soma:hunter2@localhost:notaport/db");
        assertTrue(line.contains("port"), line);
        assertTrue(!line.contains("hunter2"), line);
    }

    @Test
    void scriptDirectoryMissing() {
        String missing = dir.resolve("no-such-dir").toString();
        assertTrue(refused(ExitCode.USAGE, "apply", "--dsn", db.uri(), "--dir", missing).contains(missing));
    }

    @Test
    void wrongPassword() {
        String dsn = "postgresql://" + db.user() + ":" + DatabaseDownTest.ENCODED_PASSWORD + "@localhost:"
                + TestServer.get().port() + "/" + db.name();
        Cli.Run run = Cli.run("apply", "--dsn", dsn, "--dir", dir.toString(), "--no-seeds");
        String line = refused(run, ExitCode.DB_UNREACHABLE);
        DatabaseDownTest.assertNoPassword(run);
        assertTrue(line.contains("database " + db.name() + " user " + db.user()), line);
    }

    @Test
    void appliedScriptEdited() throws Exception {
        Path up = dir.resolve("0001_create_t1.up.sql");
        Files.writeString(up, Files.readString(up).replace("PRIMARY KEY", "PRIMARY KEY, note text"));
        ScriptStore.rehash(dir); // a deliberate-looking edit: the sum file agrees, the history does not
        assertTrue(refused(ExitCode.INTEGRITY, apply()).contains("0001_create_t1.up.sql"));
    }

    @Test
    void scriptEditedBehindTheSumFile() throws Exception {
        Files.writeString(dir.resolve("0001_create_t1.up.sql"), "CREATE TABLE t1 (id bigint PRIMARY KEY);\n");
        assertTrue(refused(ExitCode.INTEGRITY, apply()).contains("0001_create_t1.up.sql"));
    }

    @Test
    void duplicateVersion() {
        Fixtures.table(dir, 2, "t2");
        Fixtures.table(dir, 2, "t3");
        String line = refused(ExitCode.INTEGRITY, apply());
        assertTrue(line.contains("0002_create_t2") && line.contains("0002_create_t3"), line);
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {"0002_AddOwner.up.sql", "V4__x.sql", "0003-add-x.up.sql",
            "002_short.up.sql", "0002_x.sql", "notes.txt"})
    void misnamedFileInTheScriptDirectory(String file) throws Exception {
        Files.writeString(dir.resolve(file), "ALTER TABLE t1 ADD COLUMN owner text;\n");
        String line = refused(ExitCode.INTEGRITY, apply());
        assertTrue(line.contains(file + " in " + dir) && line.contains("NNNN_name.up.sql"), line);
    }

    @Test
    void missingSnapshotIsRefusedBeforeAnyDdl() throws Exception {
        Fixtures.table(dir, 2, "t2");
        Files.delete(dir.resolve("0002_create_t2.snapshot.json"));
        ScriptStore.rehash(dir);
        assertTrue(refused(ExitCode.INTEGRITY, apply()).contains("0002_create_t2.snapshot.json is missing"));
        assertEquals(List.of("t1"), Db.tables(db));
    }

    @Test
    void segmentThatCannotRunInATransaction() {
        Fixtures.script(dir, 2, "index_t1", "CREATE INDEX CONCURRENTLY t1_id ON t1 (id);\n", "DROP INDEX t1_id;\n");
        String line = refused(ExitCode.INTEGRITY, apply());
        assertTrue(line.contains("0002_index_t1.up.sql line 1") && line.contains("no-transaction"), line);
    }

    @Test
    void gapInNumbering() {
        Fixtures.table(dir, 3, "t3");
        assertTrue(refused(ExitCode.INTEGRITY, apply()).contains("gap"));
    }

    @Test
    void missingDownScript() throws Exception {
        Fixtures.table(dir, 2, "t2");
        Files.delete(dir.resolve("0002_create_t2.down.sql"));
        ScriptStore.rehash(dir);
        assertTrue(refused(ExitCode.INTEGRITY, apply()).contains("0002_create_t2.down.sql"));
    }

    @Test
    void destructiveScriptWithoutAllowDestructive() {
        // no marker in the script: the refusal comes from the statement and the rows it would destroy
        Db.exec(db, "INSERT INTO t1 VALUES (1)");
        before = Db.state(db);
        Fixtures.script(dir, 2, "drop_t1", "DROP TABLE t1;\n", "CREATE TABLE t1 (id integer PRIMARY KEY);\n");
        String line = refused(ExitCode.DESTRUCTIVE_REFUSED, apply());
        assertTrue(line.contains("table t1 (1 row)") && line.contains("--allow-destructive"), line);
        assertEquals(List.of("1"), Db.rows(db, "SELECT count(*) FROM t1"));
    }

    @Test
    void downDroppingAColumnWithValues() {
        Fixtures.script(dir, 2, "add_note", "ALTER TABLE t1 ADD COLUMN note text;\n", "ALTER TABLE t1 DROP COLUMN note;\n");
        assertEquals(0, Cli.run(apply()).code());
        Db.exec(db, "INSERT INTO t1 VALUES (1, 'kept'), (2, NULL)");
        before = Db.state(db);
        String line = refused(ExitCode.DESTRUCTIVE_REFUSED, "down", "--steps", "1", "--dsn", db.uri(), "--dir", dir.toString());
        assertTrue(line.contains("column t1.note (1 value)") && line.contains("--force"), line);
        assertEquals(List.of("kept"), Db.rows(db, "SELECT note FROM t1 WHERE id = 1"));
    }

    @Test
    void lockNotObtainedInTime() throws Exception {
        Fixtures.table(dir, 2, "t2");
        try (Connection holder = db.connect();
             PreparedStatement lock = holder.prepareStatement("SELECT pg_advisory_lock(?)")) {
            lock.setLong(1, AdvisoryLock.keyFor("migrator"));
            lock.execute();
            assertTrue(refused(ExitCode.LOCK_TIMEOUT, apply("--lock-timeout", "1", "--quiet")).contains("lock"));
        }
    }

    @Test
    void failingStatement() {
        Fixtures.script(dir, 2, "broken", "CREATE TABLE t2 (id integer);\nSELECT 1 / 0;\n", "DROP TABLE t2;\n");
        String line = refused(ExitCode.MIGRATION_FAILED, apply("--quiet"));
        assertTrue(line.contains("0002_broken") && line.contains("division by zero"), line);
    }

    @Test
    void downDroppingTablesWithRows() {
        Db.exec(db, "INSERT INTO t1 VALUES (1), (2)");
        before = Db.state(db);
        String line = refused(ExitCode.DESTRUCTIVE_REFUSED, "down", "--to", "0", "--dsn", db.uri(), "--dir", dir.toString());
        assertTrue(line.contains("t1 (2 rows)"), line);
        assertEquals(List.of("2"), Db.rows(db, "SELECT count(*) FROM t1"));
    }
}
