package org.somaagent01.migrator.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.somaagent01.migrator.ExitCode;
import org.somaagent01.migrator.canonical.Canonicalizer;
import org.somaagent01.testdb.TestDatabase;
import org.somaagent01.testdb.TestServer;

/** {@code --dev-url} on generate, diff and verify: the canonical declared schema is what they compare. */
class DevUrlCliTest {
    /** The shipped scripts; surefire runs in the module directory. */
    private static final String SCRIPTS = "src/main/resources/db/migration";

    private TestDatabase db;

    @BeforeEach
    void createDatabase() {
        db = TestServer.get().createDatabase();
        assertTrue(Files.isDirectory(Path.of(SCRIPTS)));
    }

    @AfterEach
    void dropDatabase() { db.close(); }

    private static void cleanAndCanonicalized(Cli.Run r) {
        assertEquals(0, r.code(), r.toString());
        // the scratch database was used, i.e. the flag reached the canonicalizer
        assertTrue(r.err().contains("scratch database " + Canonicalizer.SCRATCH_PREFIX), r.toString());
    }

    @Test
    void generateCheckDiffAndVerifyCompareTheCanonicalDeclaredSchema() {
        // the dev URL may name any database on the server: only a scratch database beside it is built and dropped
        cleanAndCanonicalized(Cli.run("generate", "--check", "--dir", SCRIPTS, "--dev-url", db.uri()));
        Cli.Run diff = Cli.run("diff", "--from", "head", "--to", "declared", "--exit-code", "--dir", SCRIPTS,
                "--dev-url", db.uri());
        cleanAndCanonicalized(diff);
        assertTrue(diff.err().contains("no differences"), diff.toString());

        assertEquals(0, Cli.run("apply", "--dsn", db.uri(), "--dir", SCRIPTS).code());
        cleanAndCanonicalized(Cli.run("verify", "--dsn", db.uri(), "--dir", SCRIPTS, "--dev-url", db.uri()));
        cleanAndCanonicalized(Cli.run("diff", "--dsn", db.uri(), "--exit-code", "--dev-url", db.uri()));
    }

    @Test
    void anUnreachableDevServerIsReportedWithoutItsPassword() {
        Cli.Run r = Cli.run("generate", "--check", "--dir", SCRIPTS, "--dev-url",
                "postgresql://soma:s3cret-pw@127.0.0.1:1/dev");
        assertEquals(ExitCode.DB_UNREACHABLE.code, r.code(), r.toString());
        assertFalse(r.toString().contains("s3cret-pw"), r.toString());
        // the advice points at the flag that was wrong, not at the main DSN
        assertTrue(r.err().contains("error: --dev-url: cannot connect to PostgreSQL at host 127.0.0.1 port 1"), r.toString());
        assertFalse(r.err().contains("SA01_DB_DSN"), r.toString());
    }

    @Test
    void aBadDevUrlIsAUsageError() {
        Cli.Run r = Cli.run("generate", "--check", "--dir", SCRIPTS, "--dev-url", "mysql://nowhere");
        assertEquals(ExitCode.USAGE.code, r.code(), r.toString());
        assertTrue(r.err().contains("--dev-url"), r.toString());
    }
}
