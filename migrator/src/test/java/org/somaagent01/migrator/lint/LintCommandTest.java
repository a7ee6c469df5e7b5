package org.somaagent01.migrator.lint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.somaagent01.migrator.cli.Main;
import org.somaagent01.testdb.TestDatabase;
import org.somaagent01.testdb.TestServer;

class LintCommandTest {
    @TempDir
    Path dir;

    private record Run(int code, String out, String err) {}

    private static Run lint(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        String[] all = new String[args.length + 1];
        all[0] = "lint";
        System.arraycopy(args, 0, all, 1, args.length);
        int code = Main.run(all, new PrintStream(out, true), new PrintStream(err, true), Map.of());
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void findingsNameTheStatementRuleLiveSizeAndAlternativeAndFailWithExitCode() throws Exception {
        Path file = dir.resolve("change.sql");
        Files.writeString(file, "-- a change\nCREATE INDEX ix_big ON big (v);\n\nALTER TABLE big ALTER COLUMN v TYPE bigint;\n");
        try (TestDatabase db = TestServer.get().createDatabase(); Connection c = db.connect(); Statement st = c.createStatement()) {
            st.execute("CREATE TABLE big (id int, v int); INSERT INTO big SELECT g, g FROM generate_series(1, 5000) g; ANALYZE big");
            Run r = lint("--dsn", db.uri(), "--exit-code", file.toString());
            assertEquals(3, r.code(), r.out() + r.err());
            assertTrue(r.out().contains(file + ":2 CREATE INDEX big: SHARE (blocks writes), reads every row; ~5000 rows, "), r.out());
            assertTrue(r.out().contains("  require-concurrent-index-creation: CREATE INDEX blocks every write"), r.out());
            assertTrue(r.out().contains("instead: CREATE INDEX CONCURRENTLY"), r.out());
            assertTrue(r.out().contains(file + ":4 ALTER TABLE big: ACCESS EXCLUSIVE"), r.out());
            assertTrue(r.out().contains("changing-column-type"), r.out());
            assertTrue(r.err().contains("2 finding(s)"), r.err());

            Run json = lint("--dsn", db.uri(), "--format", "json", file.toString());
            assertEquals(0, json.code());
            assertTrue(json.out().contains("\"rule\" : \"require-concurrent-index-creation\""), json.out());
            assertTrue(json.out().contains("\"size\" : \"~5000 rows"), json.out());
        }
        Files.writeString(file, "-- migrator:lint-ok require-concurrent-index-creation line 3\n"
                + "-- migrator:lint-ok changing-column-type ALTER TABLE\nCREATE INDEX ix_big ON big (v);\n"
                + "ALTER TABLE big ALTER COLUMN v TYPE bigint;\n");
        Run acked = lint("--exit-code", file.toString());
        assertEquals(0, acked.code(), acked.out() + acked.err());
        assertTrue(acked.out().contains("(acknowledged)"), acked.out());
        assertEquals(13, lint(dir.resolve("missing.sql").toString()).code());
    }
}
