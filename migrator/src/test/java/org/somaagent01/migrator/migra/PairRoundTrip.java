package org.somaagent01.migrator.migra;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.somaagent01.migrator.apply.ApplyOptions;
import org.somaagent01.migrator.diff.Differ;
import org.somaagent01.migrator.inspect.CatalogInspector;
import org.somaagent01.migrator.inspect.UnmodelledObjects;
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
        a.close();
        b.close();
    }

    /** One side as DiffCommand resolves a database source: its model and what lies outside it. */
    private record Side(SchemaModel model, List<UnmodelledObjects.Unmodelled> outside) {}

    private static Side inspect(TestDatabase db) throws SQLException {
        try (Connection c = db.connect()) {
            return new Side(new CatalogInspector(OPTIONS.appSchema()).inspect(c),
                    new UnmodelledObjects(OPTIONS.appSchema(), OPTIONS.historySchema()).find(c));
        }
    }

    /** A diff as DiffCommand computes it (no declared renames between two databases), in the ONLINE mode it prints. */
    private record Diff(List<PlannedSegment> segments, List<String> outside) {
        static Diff between(Side from, Side to) {
            Plan plan = new Plan(Differ.diff(from.model(), to.model(), Renames.NONE));
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
        both(() -> reset(a), () -> reset(b));
        both(() -> exec(a, aSql), () -> exec(b, bSql));
        Side sa = inspect(a);
        Side sb = inspect(b);
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
        CompletableFuture<List<String>> a0 = dump.start(a);
        CompletableFuture<List<String>> b0 = dump.start(b);
        if (forward != null) {
            a0.join();
            b0.join();
            Diff f = forward;
            Diff r = backward;
            CompletableFuture<String> up = CompletableFuture.supplyAsync(() -> apply(a, f.segments()));
            CompletableFuture<String> back = CompletableFuture.supplyAsync(() -> apply(b, r.segments()));
            String upError = up.join();
            String backError = back.join();
            if (upError != null) problems.add("up A→B: " + upError);
            if (backError != null) problems.add("diff B→A on B: " + backError);
            CompletableFuture<List<String>> a1 = dump.start(a);
            CompletableFuture<List<String>> b1 = dump.start(b);
            compare("up A→B", b0.join(), a1.join(), problems);
            if (backError == null) compare("diff B→A on B", a0.join(), b1.join(), problems);
            if (upError == null) {
                String downError = apply(a, forward.downSegments());
                if (downError != null) problems.add("down: " + downError);
                else compare("down", a0.join(), dump.start(a).join(), problems);
            }
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
                            return sql.replaceAll("\\s+", " ") + " → " + e.getMessage().replaceAll("\\s+", " ");
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

    private static void both(SqlWork first, SqlWork second) throws Exception {
        CompletableFuture<Void> other = CompletableFuture.runAsync(() -> {
            try {
                second.run();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        first.run();
        other.join();
    }

    private static String bounded(String s) {
        String one = s.replaceAll("\\s+", " ");
        return one.length() > 300 ? one.substring(0, 300) + "…" : one;
    }
}
