package org.somaagent01.migrator.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.somaagent01.migrator.ExitCode;
import org.somaagent01.migrator.connect.Lines;
import org.somaagent01.testdb.TestDatabase;
import org.somaagent01.testdb.TestServer;

/**
 * Through the CLI: settings no retry can fix exit 14 at once; a runaway DSN gives a bounded line; script files that
 * exist but cannot be read exit 13 naming the file. Every run must print exactly one bounded "error:" line.
 */
class SettingsAndFilesCliTest {
    @TempDir Path dir;
    private TestDatabase db;

    @BeforeEach
    void databaseAndOneScript() {
        db = TestServer.get().createDatabase();
        Fixtures.table(dir, 1, "t1");
        Fixtures.table(dir, 2, "t2");
    }

    @AfterEach
    void dropDatabase() { db.close(); }

    private String oneErrorLine(Cli.Run run, ExitCode expected) {
        assertEquals(expected.code, run.code(), run.toString());
        assertEquals(1, run.errLines().size(), "one line on stderr:\n" + run);
        String line = run.errLines().get(0);
        assertTrue(line.startsWith("error: "), line);
        assertTrue(line.length() <= Lines.MAX, () -> line.length() + " characters");
        return line;
    }

    @Test
    void bogusSslmodeExits14AtOnce() {
        long start = System.nanoTime();
        Cli.Run run = Cli.run("apply", "--dsn", db.uri() + "?sslmode=bogus", "--dir", dir.toString(), "--no-seeds");
        String line = oneErrorLine(run, ExitCode.CONFIGURATION);
        assertTrue(line.contains("sslmode"), line);
        assertFalse(line.contains(db.password() + "@"), line);
        assertTrue(System.nanoTime() - start < 3_000_000_000L, "no retries");
    }

    @Test
    void dsnOf100kBGivesOneBoundedLine() {
        String huge = db.uri().substring(0, db.uri().lastIndexOf('/') + 1) + "d".repeat(100_000);
        Cli.Run run = Cli.run("apply", "--dsn", huge, "--dir", dir.toString(), "--no-seeds");
        String line = oneErrorLine(run, ExitCode.CONFIGURATION);
        assertTrue(line.contains("100000 bytes"), line);
        assertTrue(run.err().length() < 1000, () -> run.err().length() + " bytes on stderr");
    }

    @Test
    void unparsable100kBDsnIsNotEchoedWhole() {
        String huge = "postgresql://soma:secret@localhost:5432/db?x=" + "y".repeat(100_000) + "#frag";
        Cli.Run run = Cli.run("apply", "--dsn", huge, "--dir", dir.toString(), "--no-seeds");
        String line = oneErrorLine(run, ExitCode.USAGE);
        assertTrue(line.contains("unencoded '#'"), line);
        assertFalse(line.contains("secret"), line);
    }

    @Test
    void directoryUnderAScriptNameExits13() throws Exception {
        Path up = dir.resolve("0002_create_t2.up.sql");
        Files.delete(up);
        Files.createDirectory(up);
        String line = oneErrorLine(Cli.run("apply", "--dsn", db.uri(), "--dir", dir.toString(), "--no-seeds"), ExitCode.UNREADABLE_FILES);
        assertEquals("error: cannot read " + up + ": it is a directory, not a file; scripts must be regular files "
                + "(rename or remove the directory)", line);
        assertEquals(java.util.List.of(), Db.tables(db), "nothing applied");
    }

    @Test
    void danglingSymlinkExits13() throws Exception {
        Path down = dir.resolve("0001_create_t1.down.sql");
        Files.delete(down);
        Files.createSymbolicLink(down, dir.resolve("gone.sql"));
        String line = oneErrorLine(Cli.run("apply", "--dsn", db.uri(), "--dir", dir.toString(), "--no-seeds"), ExitCode.UNREADABLE_FILES);
        assertTrue(line.startsWith("error: cannot read " + down + ": it is a symbolic link to " + dir.resolve("gone.sql")
                + ", which does not exist"), line);
    }

    @Test
    void scriptThatIsNotUtf8Exits13() throws Exception {
        Path up = dir.resolve("0002_create_t2.up.sql");
        Files.write(up, new byte[] {'S', 'E', 'L', (byte) 0xff, (byte) 0xfe, ';'});
        String line = oneErrorLine(Cli.run("apply", "--dsn", db.uri(), "--dir", dir.toString(), "--no-seeds"), ExitCode.UNREADABLE_FILES);
        assertEquals("error: cannot read " + up + ": it is not UTF-8 text; save it as UTF-8", line);
    }
}
