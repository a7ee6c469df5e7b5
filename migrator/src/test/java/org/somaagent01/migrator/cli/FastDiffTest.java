package org.somaagent01.migrator.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** Which argument forms the picocli-free diff reads itself, and that it reads them into the fields picocli would. */
class FastDiffTest {
    private static final String A = "postgresql://u:p@h/a";
    private static final String B = "postgresql://u:p@h/b";

    @Test
    void theCommonFormsAreReadWithPicoclisDefaults() {
        DiffCommand c = FastDiff.parse(new String[] {"diff", "--from", A, "--to=" + B, "--schema", "s1", "--schema=s2",
                "--exclude-schema", "s3", "--exit-code", "--reverse", "--plain", "--with-privileges", "-q", "--verbose",
                "--format", "json", "--history-schema", "h"});
        assertNotNull(c);
        assertEquals(A, c.from);
        assertEquals(B, c.to);
        assertEquals(List.of("s1", "s2"), c.schemas.include);
        assertEquals(List.of("s3"), c.schemas.exclude);
        assertTrue(c.exitCode && c.reverse && c.plain && c.privileges.on && c.quiet && c.verbose);
        assertTrue(c.output.json());
        assertEquals("h", c.historySchema);

        DiffCommand d = FastDiff.parse(new String[] {"diff", "--dsn", A});
        assertNotNull(d);
        assertNull(d.from);
        assertEquals("declared", d.to);
        assertEquals(List.of(A), d.dsns);
        assertFalse(d.exitCode || d.reverse || d.plain || d.privileges.on || d.quiet || d.verbose || d.output.json());
        assertEquals("migrator", d.historySchema);
        assertEquals(120, d.lockTimeoutSeconds);
        assertEquals(2.0, d.ddlLockTimeoutSeconds);
        assertEquals(10, d.ddlLockRetries);
        assertEquals(30, d.connectTimeoutSeconds);
        assertEquals(5, d.connectRetries);
        assertNull(d.dir);
        assertNull(d.devUrl);
    }

    /** picocli's reading of the same arguments, for the comparison: the defaults live in its annotations. */
    private static DiffCommand picocli(String[] args) {
        DiffCommand c = new DiffCommand();
        new CommandLine(c).parseArgs(Arrays.copyOfRange(args, 1, args.length));
        return c;
    }

    private static String fields(DiffCommand c) {
        return String.join("|", String.valueOf(c.from), String.valueOf(c.to), String.valueOf(c.reverse),
                String.valueOf(c.exitCode), String.valueOf(c.plain), String.valueOf(c.output.format), String.valueOf(c.devUrl),
                String.valueOf(c.privileges.on), String.valueOf(c.schemas.include), String.valueOf(c.schemas.exclude),
                String.valueOf(c.dsns), String.valueOf(c.verbose), String.valueOf(c.quiet), String.valueOf(c.dir),
                String.valueOf(c.historySchema), String.valueOf(c.lockTimeoutSeconds), String.valueOf(c.ddlLockTimeoutSeconds),
                String.valueOf(c.ddlLockRetries), String.valueOf(c.connectTimeoutSeconds), String.valueOf(c.connectRetries));
    }

    @Test
    void everyFieldIsWhatPicocliWouldSet() {
        String[][] forms = {
            {"diff"},
            {"diff", "--from", A, "--to", B},
            {"diff", "--from=" + A, "--to=" + B, "--exit-code", "-q", "-v", "--reverse", "--plain"},
            {"diff", "--dsn", A, "--with-privileges", "--format", "json", "--schema", "s1", "--schema", "s2",
                "--exclude-schema=s3", "--history-schema", "h", "--dev-url", B},
            {"diff", "--to", "empty", "--quiet", "--verbose", "--format=text"},
        };
        for (String[] args : forms) {
            DiffCommand fast = FastDiff.parse(args);
            assertNotNull(fast, String.join(" ", args));
            assertEquals(fields(picocli(args)), fields(fast), String.join(" ", args));
        }
    }

    @Test
    void anythingUnusualIsLeftToPicocli() {
        String[][] unusual = {
            {"plan", "--from", A},
            {"diff", "--help"}, {"diff", "-h"}, {"diff", "--version"}, {"diff", "-V"},
            {"diff", "--from", A, "--from", B}, {"diff", "--exit-code", "--exit-code"}, {"diff", "-q", "--quiet"},
            {"diff", "--dsn", A, "--dsn", B},
            {"diff", "@args.txt"}, {"diff", "--from", "@args.txt"},
            {"diff", "-qv"}, {"diff", "--exit-code=true"}, {"diff", "--from"}, {"diff", "--from", "--to", B},
            {"diff", "--from=", "--to", B}, {"diff", "--from=-x"}, {"diff", "--from", "", "--to", B},
            {"diff", "--lock-timeout", "5"}, {"diff", "--connect-timeout", "1"}, {"diff", "--dir", "/tmp"},
            {"diff", "--format", "JSON"}, {"diff", "--format", "yaml"}, {"diff", "extra"}, {"diff", "--"},
            {"diff", "--unknown"}, {"diff", "--From", A},
        };
        for (String[] args : unusual) assertNull(FastDiff.parse(args), String.join(" ", args));
    }
}
