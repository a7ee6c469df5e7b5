package org.somaagent01.migrator.apply;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.RandomDistribution;
import net.jqwik.api.ShrinkingMode;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import net.jqwik.api.statistics.Statistics;
import org.somaagent01.migrator.ExitCode;
import org.somaagent01.migrator.MigratorException;
import org.somaagent01.migrator.history.AppliedVersion;
import org.somaagent01.migrator.history.HistoryState;
import org.somaagent01.migrator.history.PartialVersion;
import org.somaagent01.migrator.history.SchemaHistory;
import org.somaagent01.migrator.model.SchemaModel;
import org.somaagent01.migrator.service.Migrator;
import org.somaagent01.migrator.store.MigrationScript;
import org.somaagent01.migrator.store.ScriptBody;
import org.somaagent01.migrator.store.Segment;
import org.somaagent01.migrator.store.Snapshots;
import org.somaagent01.testdb.TestDatabase;
import org.somaagent01.testdb.TestServer;

/**
 * A random script of segments fails at a random statement of a random transactional segment: the history then
 * names exactly the state the schema is in (version 1 plus the segments before the failing one, which a second
 * database reaches by applying just those segments as a script), and from there both ways out lead to the schema
 * of a run that never failed: resuming once the cause is gone, or reverting the applied segments first.
 *
 * <p>The failure is the statement {@value #GATE}: it divides by zero while the "gate" table of version 1 is empty
 * and passes once it has a row, so the same script fails and later succeeds. The down scripts avoid
 * {@code IF EXISTS} (and check the rows they delete), so a down segment run for an up segment that never ran fails.
 */
class FailureInjectionPropertyTest {
    private static final String GATE = "SELECT 1 / (SELECT count(*) FROM gate)::integer";
    private static final String SNAPSHOT = Snapshots.write(SchemaModel.EMPTY);
    private static final MigrationScript V1 = MigrationScript.of(1, "gate", "CREATE TABLE gate (id integer);\n",
            "DROP TABLE gate;\n", SNAPSHOT);
    private static final SchemaHistory HISTORY = new SchemaHistory(ApplyOptions.defaults().historySchema());

    private static TestDatabase subjectDb;
    private static TestDatabase referenceDb;
    private static Connection subject;
    private static Connection reference;
    private static List<String> versionOne;

    @BeforeContainer
    static void open() throws SQLException {
        subjectDb = TestServer.get().createDatabase();
        referenceDb = TestServer.get().createDatabase();
        subject = subjectDb.connect();
        reference = referenceDb.connect();
        reset(reference);
        apply(reference, List.of(V1));
        versionOne = catalog(reference);
    }

    @AfterContainer
    static void close() throws SQLException {
        try {
            if (subject != null) subject.close();
            if (reference != null) reference.close();
        } finally {
            if (subjectDb != null) subjectDb.close();
            if (referenceDb != null) referenceDb.close();
        }
    }

    @Provide
    Arbitrary<Case> cases() {
        // uniform and without edge cases: jqwik's bias towards 0 and its edge cases (which fill a large part of 100
        // tries) would make most choices "the first option", i.e. mostly one-segment scripts
        Arbitrary<Integer> choice = Arbitraries.integers().between(0, 999).withDistribution(RandomDistribution.uniform())
                .withoutEdgeCases();
        return Combinators.combine(choice.list().ofSize(48), choice, choice, choice.map(x -> x % 2 == 1)).as(Case::build);
    }

    @Property(tries = 100, shrinking = ShrinkingMode.BOUNDED)
    void aFailedSegmentLeavesWhatTheHistorySaysAndBothWaysOutReachTheReference(@ForAll("cases") Case c)
            throws SQLException {
        int n = c.segments().size();
        int k = c.failing();
        Statistics.label("failing segment (k of n)").collect(k + " of " + n);
        Statistics.label("failing segment").collect(k == 1 ? "first" : k == n ? "last" : "middle");
        Statistics.label("then").collect(c.downFirst() ? "down, then apply" : "resume");
        Statistics.label("no-transaction segments").collect(c.segments().stream().anyMatch(s -> !s.transactional()));
        Statistics.label("failing segment").coverage(check -> {
            check.check("first").count(x -> x > 0);
            check.check("middle").count(x -> x > 0);
            check.check("last").count(x -> x > 0);
        });
        Statistics.label("then").coverage(check -> {
            check.check("resume").count(x -> x > 0);
            check.check("down, then apply").count(x -> x > 0);
        });
        Statistics.label("no-transaction segments").coverage(check -> check.check(true).count(x -> x > 0));

        MigrationScript v2 = c.script();
        List<MigrationScript> scripts = List.of(V1, v2);
        assertEquals(n, v2.segmentCount(), "the generator's segments are the script's");

        // the reference: exactly segments 1..k-1, as a script of their own; then a run that never fails
        reset(reference);
        apply(reference, k == 1 ? List.of(V1) : List.of(V1, c.prefix()));
        List<String> partial = catalog(reference);
        reset(reference);
        apply(reference, List.of(V1));
        execute(reference, "INSERT INTO gate VALUES (1)");
        apply(reference, scripts);
        List<String> complete = catalog(reference);

        reset(subject);
        MigratorException failed = assertThrows(MigratorException.class, () -> apply(subject, scripts));
        assertEquals(ExitCode.MIGRATION_FAILED, failed.exitCode(), failed.getMessage());
        String reached = "the database is at version 1" + (k == 1 ? "" : " plus segments 1-" + (k - 1) + " of " + n + " of " + v2.id());
        assertTrue(failed.getMessage().contains("division by zero") && failed.getMessage().endsWith(reached),
                failed.getMessage());

        // the truth: the history names version 1 plus k-1 segments, and the schema is exactly that
        HistoryState state = HISTORY.state(subject);
        assertEquals(List.of(1), versions(state));
        PartialVersion p = state.partial();
        // the failure is noted in a progress row even when no segment stood (segments_done 0): status names it
        assertNotNull(p, "a failed version leaves a progress row");
        assertEquals(2, p.version());
        assertEquals(k - 1, p.segmentsDone(), "segments applied");
        assertEquals(n, p.segmentsTotal());
        assertEquals(v2.up().segments().subList(0, k - 1).stream().map(Segment::checksum).toList(), p.segmentChecksums());
        assertNull(p.inFlight(), "no segment outside a transaction is in flight");
        assertEquals("up", p.direction());
        assertTrue(p.lastError() != null && p.lastError().contains("division by zero"), String.valueOf(p.lastError()));
        assertEquals(partial, catalog(subject), "the live schema is version 1 plus segments 1-" + (k - 1));
        Migrator.Status status = status(scripts);
        assertEquals(1, status.version());
        assertTrue(status.summary().startsWith("version 1 of 2 (partial: 0002_generated: " + (k - 1) + " of " + n
                + " segments applied; stopped while applying: "), status.summary());

        if (c.downFirst()) {
            new Applier(ApplyOptions.defaults().withForce(true), line -> {}).down(subject, scripts, 1);
            assertEquals(versionOne, catalog(subject), "down reverts exactly the applied segments");
            HistoryState down = HISTORY.state(subject);
            assertEquals(List.of(1), versions(down));
            assertNull(down.partial(), "no progress row is left after down");
        }
        execute(subject, "INSERT INTO gate VALUES (1)");
        Applier.Result result = apply(subject, scripts);
        assertEquals(List.of(v2.id()), result.applied());
        assertEquals(complete, catalog(subject), "the schema of a run that never failed");
        HistoryState end = HISTORY.state(subject);
        assertEquals(List.of(1, 2), versions(end));
        assertNull(end.partial());
    }

    // ---- the database side

    private static Applier.Result apply(Connection c, List<MigrationScript> scripts) throws SQLException {
        return new Applier(ApplyOptions.defaults(), line -> {}).apply(c, scripts, null);
    }

    private static Migrator.Status status(List<MigrationScript> scripts) throws SQLException {
        Migrator.Target target = new Migrator.Target() {
            @Override
            public Connection connect() {
                try {
                    return subjectDb.connect();
                } catch (SQLException e) {
                    throw new IllegalStateException(e);
                }
            }

            @Override
            public DataSource dataSource() {
                throw new UnsupportedOperationException("status reads no seeds");
            }
        };
        return new Migrator(target, scripts, ApplyOptions.defaults(), null, line -> {}).status();
    }

    private static List<Integer> versions(HistoryState state) {
        for (AppliedVersion a : state.applied()) assertEquals(AppliedVersion.APPLIED, a.how());
        return state.applied().stream().map(AppliedVersion::version).toList();
    }

    private static void reset(Connection c) throws SQLException {
        execute(c, "DROP SCHEMA public CASCADE", "CREATE SCHEMA public", "DROP SCHEMA IF EXISTS migrator CASCADE");
    }

    private static void execute(Connection c, String... statements) throws SQLException {
        c.setAutoCommit(true);
        try (Statement st = c.createStatement()) {
            for (String sql : statements) st.execute(sql);
        }
    }

    /** Every relation of {@code public}: tables with row count and comment, columns in order, indexes and validity. */
    private static final String CATALOG = """
            SELECT 'table ' || c.relname || ' rows=' || (xpath('/row/n/text()', query_to_xml(
                       format('SELECT count(*) AS n FROM public.%I', c.relname), false, true, '')))[1]::text
                   || ' comment=' || coalesce(obj_description(c.oid, 'pg_class'), '-')
            FROM pg_class c JOIN pg_namespace ns ON ns.oid = c.relnamespace
            WHERE ns.nspname = 'public' AND c.relkind IN ('r', 'p')
            UNION ALL
            SELECT 'column ' || c.relname || ' #' || row_number() OVER (PARTITION BY c.oid ORDER BY a.attnum) || ' '
                   || a.attname || ' ' || format_type(a.atttypid, a.atttypmod) || CASE WHEN a.attnotnull THEN ' not null' ELSE '' END
            FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid JOIN pg_namespace ns ON ns.oid = c.relnamespace
            WHERE ns.nspname = 'public' AND c.relkind IN ('r', 'p') AND a.attnum > 0 AND NOT a.attisdropped
            UNION ALL
            SELECT 'index ' || pg_get_indexdef(i.indexrelid) || CASE WHEN i.indisvalid THEN '' ELSE ' INVALID' END
            FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid JOIN pg_namespace ns ON ns.oid = c.relnamespace
            WHERE ns.nspname = 'public'
            UNION ALL
            SELECT 'relation ' || c.relname || ' kind=' || c.relkind::text
            FROM pg_class c JOIN pg_namespace ns ON ns.oid = c.relnamespace
            WHERE ns.nspname = 'public' AND c.relkind NOT IN ('r', 'p', 'i')
            ORDER BY 1
            """;

    private static List<String> catalog(Connection c) throws SQLException {
        List<String> lines = new ArrayList<>();
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(CATALOG)) {
            while (rs.next()) lines.add(rs.getString(1));
        }
        return lines;
    }

    // ---- the generator

    /** One statement of the generated up script and the statements that revert it, in the order they run. */
    record Stmt(String up, List<String> down) {}

    record Seg(boolean transactional, List<Stmt> statements) {}

    /**
     * Version 2 as segments, the failure injected before statement {@code gateAt} of segment {@code failing}
     * (1-based, always transactional), and what to do after the failure.
     */
    record Case(List<Seg> segments, int failing, int gateAt, boolean downFirst) {
        static Case build(List<Integer> choices, int failChoice, int positionChoice, boolean downFirst) {
            List<Seg> segments = new Generator(choices).segments();
            List<Integer> transactional = new ArrayList<>();
            for (int i = 0; i < segments.size(); i++) if (segments.get(i).transactional()) transactional.add(i + 1);
            int failing = transactional.get(failChoice % transactional.size());
            int gateAt = positionChoice % (segments.get(failing - 1).statements().size() + 1);
            return new Case(segments, failing, gateAt, downFirst);
        }

        MigrationScript script() {
            return MigrationScript.of(2, "generated", up(segments.size(), true), down(segments.size()), SNAPSHOT);
        }

        /** The segments before the failing one, as a script of their own. */
        MigrationScript prefix() {
            return MigrationScript.of(2, "generated", up(failing - 1, false), down(failing - 1), SNAPSHOT);
        }

        private String up(int count, boolean withGate) {
            StringBuilder sb = new StringBuilder();
            for (int i = 0; i < count; i++) {
                Seg seg = segments.get(i);
                sb.append(ScriptBody.directive(seg.transactional())).append('\n');
                for (int j = 0; j <= seg.statements().size(); j++) {
                    if (withGate && i == failing - 1 && j == gateAt) sb.append(GATE).append(";\n");
                    if (j < seg.statements().size()) sb.append(seg.statements().get(j).up()).append(";\n");
                }
            }
            return sb.toString();
        }

        private String down(int count) {
            StringBuilder sb = new StringBuilder();
            for (int i = count - 1; i >= 0; i--) {
                Seg seg = segments.get(i);
                sb.append(ScriptBody.directive(seg.transactional())).append('\n');
                for (int j = seg.statements().size() - 1; j >= 0; j--) {
                    for (String d : seg.statements().get(j).down()) sb.append(d).append(";\n");
                }
            }
            return sb.toString();
        }

        @Override
        public String toString() {
            return "fails in segment " + failing + " of " + segments.size() + " before its statement " + (gateAt + 1)
                    + (downFirst ? ", then down and apply" : ", then resume") + "\n" + up(segments.size(), true);
        }
    }

    /**
     * Builds segments from a list of choices; a choice shrinks towards 0, which means fewer segments, fewer
     * statements, and CREATE TABLE, so shrunk cases stay readable.
     */
    static final class Generator {
        private static final List<String> TYPES = List.of("integer", "text", "bigint", "boolean", "timestamp with time zone",
                "numeric(10,2)", "character varying(20)");

        // weighted to scripts of several segments, where a failure can leave some applied
        private static final List<Integer> SEGMENT_COUNTS = List.of(1, 2, 3, 3, 4, 4, 5, 5);

        private final List<Integer> choices;
        private int next;
        private int counter;
        private final List<Table> tables = new ArrayList<>();

        /** A table as the script leaves it so far; {@code committed}: created in an earlier segment. */
        private static final class Table {
            final String name;
            final List<String> columns = new ArrayList<>();
            String comment;
            boolean committed;

            Table(String name) { this.name = name; }
        }

        Generator(List<Integer> choices) { this.choices = choices; }

        private int pick(int bound) {
            return next < choices.size() ? choices.get(next++) % bound : 0;
        }

        List<Seg> segments() {
            int n = SEGMENT_COUNTS.get(pick(SEGMENT_COUNTS.size()));
            List<Seg> segments = new ArrayList<>();
            for (int s = 1; s <= n; s++) {
                List<Table> committed = tables.stream().filter(t -> t.committed).toList();
                if (!committed.isEmpty() && pick(3) == 2) {
                    Table t = committed.get(pick(committed.size()));
                    String column = t.columns.get(pick(t.columns.size()));
                    String index = "ix_" + ++counter;
                    segments.add(new Seg(false, List.of(new Stmt("CREATE INDEX CONCURRENTLY IF NOT EXISTS " + index + " ON "
                            + t.name + " (" + column + ")", List.of("DROP INDEX CONCURRENTLY " + index)))));
                    continue;
                }
                List<Stmt> statements = new ArrayList<>();
                int count = 1 + pick(3);
                for (int j = 0; j < count; j++) statements.add(statement());
                segments.add(new Seg(true, statements));
                tables.forEach(t -> t.committed = true);
            }
            return segments;
        }

        private Stmt statement() {
            if (tables.isEmpty()) return createTable();
            Table t = tables.get(pick(tables.size()));
            switch (pick(5)) {
                case 1: {
                    String column = "c" + (t.columns.size() + 1);
                    t.columns.add(column);
                    return new Stmt("ALTER TABLE " + t.name + " ADD COLUMN " + column + " " + TYPES.get(pick(TYPES.size())),
                            List.of("ALTER TABLE " + t.name + " DROP COLUMN " + column));
                }
                case 2: {
                    String index = "ix_" + ++counter;
                    return new Stmt("CREATE INDEX " + index + " ON " + t.name + " (" + t.columns.get(pick(t.columns.size())) + ")",
                            List.of("DROP INDEX " + index));
                }
                case 3: {
                    List<String> values = new ArrayList<>();
                    for (int r = 0, rows = 1 + pick(3); r < rows; r++) values.add(String.valueOf(++counter));
                    String in = " WHERE c1 IN (" + String.join(", ", values) + ")";
                    // the revert checks it finds exactly the rows it deletes: a silent no-op would hide a wrong down
                    return new Stmt("INSERT INTO " + t.name + " (c1) VALUES (" + String.join("), (", values) + ")",
                            List.of("SELECT 1 / ((SELECT count(*) FROM " + t.name + in + ") = " + values.size() + ")::integer",
                                    "DELETE FROM " + t.name + in));
                }
                case 4: {
                    String before = t.comment;
                    t.comment = "note " + ++counter;
                    return new Stmt("COMMENT ON TABLE " + t.name + " IS '" + t.comment + "'",
                            List.of("COMMENT ON TABLE " + t.name + " IS " + (before == null ? "NULL" : "'" + before + "'")));
                }
                default:
                    return createTable();
            }
        }

        private Stmt createTable() {
            Table t = new Table("t_" + (tables.size() + 1));
            tables.add(t);
            List<String> columns = new ArrayList<>(List.of("c1 integer"));
            t.columns.add("c1");
            for (int i = 0, more = pick(3); i < more; i++) {
                String column = "c" + (t.columns.size() + 1);
                t.columns.add(column);
                columns.add(column + " " + TYPES.get(pick(TYPES.size())));
            }
            return new Stmt("CREATE TABLE " + t.name + " (" + String.join(", ", columns) + ")", List.of("DROP TABLE " + t.name));
        }
    }
}
