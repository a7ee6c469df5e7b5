package org.somaagent01.migrator.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.somaagent01.migrator.cli.Main;
import org.somaagent01.testdb.TestDatabase;
import org.somaagent01.testdb.TestServer;

/**
 * apply reports on a concurrent index build while it runs. The build is held in each of its three waiting phases
 * by the test's own transactions (a writer, another writer, an old snapshot), and released only once apply's
 * stderr has shown that phase: the report is seen in every phase without a single timed wait.
 */
class ApplyProgressTest {
    private static final String[] WAITS = {"waiting for writers before build", "waiting for writers before validation",
        "waiting for old snapshots"};
    private static final String PREFIX = "progress: CREATE INDEX CONCURRENTLY on t: ";
    @TempDir Path dir;
    private TestDatabase db;

    @BeforeEach
    void bigTableAndAnOnlineScript() {
        db = TestServer.get().createDatabase();
        Db.exec(db, "CREATE TABLE t AS SELECT g::bigint AS id, md5(g::text) AS payload FROM generate_series(1, 200000) g");
        Fixtures.script(dir, 1, "index_t", "-- migrator:segment no-transaction\n"
                + "CREATE INDEX CONCURRENTLY IF NOT EXISTS t_payload ON t (payload);\n",
                "-- migrator:segment no-transaction\nDROP INDEX CONCURRENTLY IF EXISTS t_payload;\n");
    }

    @AfterEach
    void drop() { db.close(); }

    @Test
    void oneLinePerPhaseOfAConcurrentIndexBuild() throws Exception {
        Finished run = applyHeldInEachWait();
        assertEquals(0, run.code, run.toString());
        List<String> lines = new ArrayList<>();
        for (String l : run.err.split("\\R")) if (l.startsWith(PREFIX)) lines.add(l);
        List<String> phases = new ArrayList<>();
        for (String l : lines.subList(0, lines.size() - 1)) phases.add(phase(l));
        for (int i = 1; i < phases.size(); i++) {
            assertFalse(phases.get(i).equals(phases.get(i - 1)), "two lines for one phase (a line per poll?):\n" + run);
        }
        int at = -1;
        for (String wait : WAITS) {
            int found = phases.indexOf(wait);
            assertTrue(found > at, "phase '" + wait + "' missing or out of order in " + phases + "\n" + run);
            at = found;
        }
        // the waits count the transactions waited for
        assertTrue(lines.get(phases.indexOf(WAITS[0])).contains("lockers 0/1"), run.toString());
        assertTrue(lines.get(lines.size() - 1).startsWith("progress: CREATE INDEX CONCURRENTLY on t: ended after "), run.toString());
        assertFalse(run.err.contains("\r"), "in place updates are for terminals only");
        assertEquals(List.of("true"), Db.rows(db, "SELECT indisvalid::text FROM pg_index WHERE indexrelid = 't_payload'::regclass"));
    }

    @Test
    void jsonProgressEventsOnStderr() throws Exception {
        Finished run = applyHeldInEachWait("--format", "json");
        assertEquals(0, run.code, run.toString());
        ObjectMapper mapper = new ObjectMapper();
        List<JsonNode> events = new ArrayList<>();
        for (String l : run.err.split("\\R")) if (l.startsWith("{")) events.add(mapper.readTree(l));
        List<String> phases = new ArrayList<>();
        for (JsonNode e : events) {
            assertEquals("CREATE INDEX CONCURRENTLY", e.get("statement").asText(), e.toString());
            assertEquals("t", e.get("relation").asText(), e.toString());
            assertTrue(e.get("segment").asText().startsWith("0001_index_t (up)"), e.toString());
            assertTrue(e.get("elapsed_ms").asLong() >= 0 && e.get("counters").isArray(), e.toString());
            if (e.get("event").asText().equals("progress")) phases.add(e.get("phase").asText());
        }
        for (String wait : WAITS) assertTrue(phases.contains(wait), wait + " missing in " + phases + "\n" + run);
        assertEquals("progress_done", events.get(events.size() - 1).get("event").asText(), run.toString());
        assertEquals(1, mapper.readTree(run.out).get("version").asInt(), run.toString());
    }

    @Test
    void quietShowsNoProgress() throws Exception {
        Finished run = applyHeldInEachWait("--quiet");
        assertEquals(0, run.code, run.toString());
        assertEquals("", run.err, run.toString());
    }

    @Test
    void aValidateHasNoProgressViewSoItsTableSizeAndTimeAreShown() throws Exception {
        Cli.Run first = Cli.run("apply", "--dsn", db.uri(), "--dir", dir.toString(), "--no-seeds", "--quiet");
        assertEquals(0, first.code(), first.toString());
        Db.exec(db, "ALTER TABLE t ADD CONSTRAINT t_id_positive CHECK (id > 0) NOT VALID");
        Fixtures.script(dir, 2, "validate_t", "ALTER TABLE t VALIDATE CONSTRAINT t_id_positive;\n", "SELECT 1;\n");
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code;
        try (Connection holder = db.connect()) {
            // a lock VALIDATE waits for: it shows as such, with the table's size
            begin(holder, "LOCK TABLE t IN SHARE UPDATE EXCLUSIVE MODE");
            CompletableFuture<Integer> apply = CompletableFuture.supplyAsync(() -> Main.run(new String[] {"apply", "--dsn",
                    db.uri(), "--dir", dir.toString(), "--no-seeds", "--ddl-lock-timeout", "300"}, System.out,
                    new PrintStream(err, true, StandardCharsets.UTF_8), Map.of()));
            await("progress: VALIDATE CONSTRAINT on t (", err, false);
            holder.commit();
            code = apply.get(2, TimeUnit.MINUTES);
        }
        String text = err.toString(StandardCharsets.UTF_8);
        assertEquals(0, code, text);
        List<String> lines = text.lines().filter(l -> l.startsWith("progress: VALIDATE CONSTRAINT on t (")).toList();
        assertTrue(lines.get(0).matches("progress: VALIDATE CONSTRAINT on t \\(\\d+ MB\\): waiting for a lock, [0-9.]+ s elapsed"),
                text);
        assertTrue(lines.get(lines.size() - 1).contains("): ended after "), text);
        assertEquals(List.of("t_id_positive|true"), Db.rows(db, "SELECT conname, convalidated::text FROM pg_constraint WHERE conname = 't_id_positive'"));
    }

    /** "progress: CREATE INDEX CONCURRENTLY on t: PHASE, counts..., 1.2 s elapsed" → PHASE (no comma in one). */
    private static String phase(String line) {
        String rest = line.substring(PREFIX.length());
        int comma = rest.indexOf(", ");
        return comma < 0 ? rest : rest.substring(0, comma);
    }

    private record Finished(int code, String out, String err) {
        @Override
        public String toString() { return "exit " + code + "\n--- stdout\n" + out + "--- stderr\n" + err; }
    }

    /**
     * Runs apply while the build is held in each waiting phase until stderr shows it (with --quiet nothing does:
     * then until pg_stat_progress_create_index shows it, which still proves the monitor ran quietly).
     */
    private Finished applyHeldInEachWait(String... more) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        List<String> args = new ArrayList<>(List.of("apply", "--dsn", db.uri(), "--dir", dir.toString(), "--no-seeds",
                // the build's waits count as lock waits; here they are meant to last
                "--ddl-lock-timeout", "300"));
        args.addAll(List.of(more));
        boolean quiet = args.contains("--quiet");
        try (Connection w1 = db.connect(); Connection w2 = db.connect(); Connection old = db.connect()) {
            begin(w1, "INSERT INTO t VALUES (0, 'w1')");
            CompletableFuture<Integer> apply = CompletableFuture.supplyAsync(() -> Main.run(args.toArray(new String[0]),
                    new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8), Map.of()));
            await(WAITS[0], err, quiet);
            begin(w2, "INSERT INTO t VALUES (0, 'w2')");
            w1.commit();
            await(WAITS[1], err, quiet);
            old.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            begin(old, "SELECT count(*) FROM t");
            w2.commit();
            await(WAITS[2], err, quiet);
            old.commit();
            int code = apply.get(2, TimeUnit.MINUTES);
            return new Finished(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        }
    }

    private static void begin(Connection c, String sql) throws Exception {
        c.setAutoCommit(false);
        try (Statement st = c.createStatement()) {
            st.execute(sql);
        }
    }

    private void await(String phase, ByteArrayOutputStream err, boolean quiet) throws InterruptedException {
        if (quiet) {
            Poll.until(Duration.ofMinutes(1), () -> Db.rows(db, "SELECT phase FROM pg_stat_progress_create_index"),
                    rows -> rows.contains(phase), phase);
        } else {
            Poll.until(Duration.ofMinutes(1), () -> err.toString(StandardCharsets.UTF_8), s -> s.contains(phase), phase);
        }
    }
}
