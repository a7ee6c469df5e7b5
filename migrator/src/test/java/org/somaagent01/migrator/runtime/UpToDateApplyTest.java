package org.somaagent01.migrator.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.somaagent01.migrator.ExitCode;
import org.somaagent01.testdb.TestDatabase;
import org.somaagent01.testdb.TestServer;

/**
 * The container-start path without picocli answers exactly as the full command does: same output, same exit code,
 * and it steps aside whenever something is to do. {@code --lock-timeout 120} (the default) is outside that path's
 * few options, so it forces the full command for the comparison.
 */
class UpToDateApplyTest {
    private static final String FULL = "--lock-timeout";

    @Test
    void answersAsTheFullCommandAndStepsAsideWhenSomethingIsToDo() {
        try (TestDatabase db = TestServer.get().createDatabase()) {
            Cli.Run first = Cli.run("apply", "--dsn", db.uri());
            assertEquals(0, first.code(), first.toString());
            assertTrue(first.err().contains("seeds: "), "a new database is migrated and seeded: " + first);

            for (String[] extra : new String[][] {{}, {"--no-seeds"}, {"-q"}}) {
                Cli.Run fast = Cli.run(concat(new String[] {"apply", "--dsn", db.uri()}, extra));
                Cli.Run full = Cli.run(concat(new String[] {"apply", "--dsn", db.uri(), FULL, "120"}, extra));
                assertEquals(full.toString(), fast.toString());
            }
            assertEquals("schema is up to date at version 1\nseeds unchanged since the last run: skipped (use 'seed' to force)\n",
                    Cli.run("apply", "--dsn", db.uri()).err());

            // the seeds' fingerprint no longer matches: the full command runs and seeds
            Db.exec(db, "DELETE FROM migrator.seed_history");
            Cli.Run reseeded = Cli.run("apply", "--dsn", db.uri());
            assertEquals(0, reseeded.code(), reseeded.toString());
            assertTrue(reseeded.err().contains("seeds: "), reseeded.toString());
        }
    }

    @Test
    void errorsAreTheFullCommandsErrors() {
        try (TestDatabase db = TestServer.get().createDatabase()) {
            String missing = db.uri().replace("/" + db.name(), "/" + db.name() + "_missing");
            Cli.Run fast = Cli.run("apply", "--dsn", missing);
            Cli.Run full = Cli.run("apply", "--dsn", missing, FULL, "120");
            assertEquals(ExitCode.DB_UNREACHABLE.code, fast.code(), fast.toString());
            assertEquals(full.toString(), fast.toString());
        }
    }

    private static String[] concat(String[] a, String[] b) {
        String[] all = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }
}
