package org.somaagent01.migrator.migra;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.somaagent01.migrator.apply.ApplyOptions;
import org.somaagent01.migrator.diff.Differ;
import org.somaagent01.migrator.inspect.DatabaseInspector;
import org.somaagent01.migrator.inspect.UnmodelledObjects;
import org.somaagent01.migrator.model.DatabaseModel;
import org.somaagent01.migrator.diff.DatabaseDiffer;
import org.somaagent01.migrator.plan.DatabasePlan;
import org.somaagent01.migrator.model.Renames;
import org.somaagent01.migrator.model.SchemaModel;
import org.somaagent01.migrator.plan.Plan;
import org.somaagent01.migrator.plan.PlannedSegment;
import org.somaagent01.migrator.plan.RenderMode;
import org.somaagent01.testdb.TestDatabase;
import org.somaagent01.testdb.TestServer;

/**
 * Two schemas A and B through the migrator on two reused databases: diffed A→B as {@code migrator diff --from A
 * --to B} computes it (the same inspector, unmodelled-objects comparison, differ and ONLINE plan DiffCommand uses),
 * the up applied to A must give B's {@code pg_dump}, the down after it A's again, and the diff B→A applied to B A's.
 * Dumps that differ are honest when the diff named something outside the model (REPORTED), a silent lie or a bug
 * when it did not (FAILED).
 */
final class PairRoundTrip implements AutoCloseable {
    enum Kind { ROUND_TRIP, REPORTED, FAILED }

    record Outcome(String fixture, Kind kind, String reason) {}

    private static final ApplyOptions OPTIONS = ApplyOptions.defaults();

    private final TestDatabase a;
    private final TestDatabase b;
    private final SchemaDump dump;
    private final ExecutorService threads = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "pair-round-trip");
        t.setDaemon(true);
        return t;
    });

    PairRoundTrip() throws SQLException {
        a = TestServer.get().createDatabase();
        b = TestServer.get().createDatabase();
        dump = SchemaDump.forServerOf(a);
        // the role the rls fixtures grant policies to; roles are per server, so created once and left there
        exec(a, """
                DO $$ BEGIN CREATE ROLE schemainspect_test_role;
                EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL; END $$""");
    }

    @Override
    public void close() {
        threads.shutdownNow();
        a.close();
        b.close();
    }

    /**
     * One side as {@code diff --from DB --to DB --with-privileges} resolves a database: every user schema, and what
     * lies outside the model in each.
     */
    private record Side(DatabaseModel model, List<UnmodelledObjects.Unmodelled> outside) {}

    private static Side inspect(TestDatabase db) throws SQLException {
        try (Connection c = db.connect()) {
            DatabaseModel model = new DatabaseInspector(DatabaseInspector.SchemaFilter.ALL, OPTIONS.historySchema())
                    .withPrivileges(true).inspect(c);
            return new Side(model, UnmodelledObjects.findIn(c, List.copyOf(model.schemas().keySet()),
                    OPTIONS.historySchema(), true));
        }
    }

    /** A diff as DiffCommand computes it (no declared renames between two databases), in the ONLINE mode it prints. */
    private record Diff(List<PlannedSegment> segments, List<String> outside) {
        static Diff between(Side from, Side to) {
            DatabasePlan plan = new DatabasePlan(DatabaseDiffer.diff(from.model(), to.model()));
            return new Diff(plan.segments(RenderMode.ONLINE), UnmodelledObjects.compare(from.outside(), to.outside()));
        }

        List<PlannedSegment> downSegments() {
            List<PlannedSegment> out = new ArrayList<>();
            for (int i = segments.size() - 1; i >= 0; i--) {
                PlannedSegment s = segments.get(i);
                out.add(new PlannedSegment(s.transactional(), s.down(), s.up()));
            }
            return out;
        }
    }

    /** Loads {@code aSql} into A and {@code bSql} into B (both reset first) and takes the pair through the diff. */
    Outcome run(String name, String aSql, String bSql) throws Exception {
        both(() -> {
            reset(a);
            exec(a, aSql);
        }, () -> {
            reset(b);
            exec(b, bSql);
        });
        // the first dumps run while both sides are inspected: all of it only reads
        CompletableFuture<List<String>> a0 = dump.start(a, threads);
        CompletableFuture<List<String>> b0 = dump.start(b, threads);
        CompletableFuture<Side> inspectedA = async(() -> inspect(a));
        Side sb = inspect(b);
        Side sa = inspectedA.join();
        List<String> problems = new ArrayList<>();
        Diff forward = null;
        Diff backward = null;
        try {
            forward = Diff.between(sa, sb);
            backward = Diff.between(sb, sa);
        } catch (RuntimeException e) {
            problems.add("diff threw " + e);
        }
        List<String> outside = forward != null ? forward.outside() : UnmodelledObjects.compare(sa.outside(), sb.outside());
        if (forward != null) {
            a0.join();
            b0.join();
            Diff f = forward;
            Diff r = backward;
            CompletableFuture<String> up = async(() -> apply(a, f.segments()));
            String backError = apply(b, r.segments());
            String upError = up.join();
            if (upError != null) problems.add("up A→B: " + upError);
            if (backError != null) problems.add("diff B→A on B: " + backError);
            CompletableFuture<List<String>> a1 = dump.start(a, threads);
            CompletableFuture<List<String>> b1 = dump.start(b, threads);
            compare("up A→B", b0.join(), a1.join(), problems);
            // the down runs on A while B's dump may still be running
            String downError = upError == null ? apply(a, forward.downSegments()) : null;
            CompletableFuture<List<String>> a2 = upError == null && downError == null ? dump.start(a, threads) : null;
            if (backError == null) compare("diff B→A on B", a0.join(), b1.join(), problems);
            if (downError != null) problems.add("down: " + downError);
            if (a2 != null) compare("down", a0.join(), a2.join(), problems);
        }
        if (!problems.isEmpty() && Boolean.getBoolean("migra.verbose")) {
            // -Dmigra.verbose=true: the whole story of a pair that did not round-trip, to debug it
            System.out.println("== " + name + "\n" + String.join("\n", problems) + "\noutside: " + outside);
            if (forward != null) forward.segments().forEach(s -> System.out.println("up: " + s));
        }
        if (problems.isEmpty()) return new Outcome(name, Kind.ROUND_TRIP, "");
        if (!outside.isEmpty()) {
            return new Outcome(name, Kind.REPORTED, bounded(problems.get(0) + " | reported: " + outside.get(0)
                    + (outside.size() > 1 ? " (+" + (outside.size() - 1) + ")" : "")));
        }
        return new Outcome(name, Kind.FAILED, bounded(String.join(" | ", problems)));
    }

    private static void compare(String step, List<String> expected, List<String> actual, List<String> problems) {
        if (expected.equals(actual)) return;
        problems.add(step + ": dumps differ: " + SchemaDump.difference(expected, actual));
        if (Boolean.getBoolean("migra.verbose")) {
            List<String> missing = new ArrayList<>(expected);
            actual.forEach(missing::remove);
            List<String> extra = new ArrayList<>(actual);
            expected.forEach(extra::remove);
            System.out.println("-- " + step + "\n- " + String.join("\n- ", missing) + "\n+ " + String.join("\n+ ", extra));
        }
    }

    /** Runs segments as a script applies them: a transactional one committed as a whole; null, or what failed. */
    private static String apply(TestDatabase db, List<PlannedSegment> segments) {
        try (Connection c = db.connect()) {
            for (PlannedSegment s : segments) {
                c.setAutoCommit(!s.transactional());
                try (Statement st = c.createStatement()) {
                    for (String sql : s.up()) {
                        try {
                            st.execute(sql);
                        } catch (SQLException e) {
                            // the error first: a reason is bounded, and the statement can be long
                            return e.getMessage().replaceAll("\\s+", " ") + " ← " + sql.replaceAll("\\s+", " ");
                        }
                    }
                }
                if (s.transactional()) c.commit();
            }
            return null;
        } catch (SQLException e) {
            return e.getMessage();
        }
    }

    /** Back to an empty database as CREATE DATABASE … TEMPLATE template0 makes it, faster than recreating it. */
    private static void reset(TestDatabase db) throws SQLException {
        exec(db, """
                DO $$ DECLARE s name; BEGIN
                  FOR s IN SELECT nspname FROM pg_namespace WHERE nspname NOT IN ('pg_catalog', 'information_schema', 'pg_toast')
                           AND nspname NOT LIKE 'pg\\_temp\\_%' AND nspname NOT LIKE 'pg\\_toast\\_temp\\_%' LOOP
                    EXECUTE format('DROP SCHEMA %I CASCADE', s);
                  END LOOP;
                  FOR s IN SELECT extname FROM pg_extension WHERE extname <> 'plpgsql' LOOP
                    EXECUTE format('DROP EXTENSION %I CASCADE', s);
                  END LOOP;
                END $$;
                CREATE SCHEMA public AUTHORIZATION pg_database_owner;
                GRANT USAGE ON SCHEMA public TO PUBLIC;
                COMMENT ON SCHEMA public IS 'standard public schema'""");
    }

    private static void exec(TestDatabase db, String sql) throws SQLException {
        try (Connection c = db.connect(); Statement st = c.createStatement()) {
            st.execute(sql);
        }
    }

    interface SqlWork { void run() throws Exception; }

    interface SqlValue<T> { T get() throws Exception; }

    private void both(SqlWork first, SqlWork second) throws Exception {
        CompletableFuture<Object> other = async(() -> {
            second.run();
            return null;
        });
        first.run();
        other.join();
    }

    /**
     * On this pair's own threads: the common pool has a single thread on a two-core machine, which would run the
     * two sides one after the other.
     */
    private <T> CompletableFuture<T> async(SqlValue<T> work) {
        return CompletableFuture.supplyAsync(() -> {
            try {
                return work.get();
            } catch (RuntimeException e) {
                throw e;
            } catch (Exception e) {
                throw new IllegalStateException(e.getMessage(), e);
            }
        }, threads);
    }

    private static String bounded(String s) {
        String one = s.replaceAll("\\s+", " ");
        return one.length() > 300 ? one.substring(0, 300) + "…" : one;
    }
}
