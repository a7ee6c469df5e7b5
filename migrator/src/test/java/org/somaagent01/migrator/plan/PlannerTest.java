package org.somaagent01.migrator.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.somaagent01.migrator.diff.Change;
import org.somaagent01.migrator.diff.Differ;
import org.somaagent01.migrator.generate.ScriptGenerator;
import org.somaagent01.migrator.model.SchemaModel;
import org.somaagent01.migrator.store.MigrationScript;
import org.somaagent01.migrator.store.Segment;

class PlannerTest {
    private static final List<Change> CHANGES = Differ.diff(OnlineExample.before(), OnlineExample.after());

    @Test
    void onlineSegmentsOutsideATransactionAreOneConcurrentStatementEachWay() {
        List<PlannedSegment> segments = Planner.segments(CHANGES, RenderMode.ONLINE);
        long outside = segments.stream().filter(s -> !s.transactional()).count();
        assertEquals(4, outside, segments.toString()); // new index, changed index (build, drop), unique index
        for (PlannedSegment s : segments) {
            if (s.transactional()) continue;
            assertEquals(1, s.up().size());
            assertEquals(1, s.down().size());
            assertTrue(s.up().get(0).contains(" CONCURRENTLY IF "), s.up().get(0));
            assertTrue(s.down().get(0).contains(" CONCURRENTLY IF "), s.down().get(0));
        }
    }

    @Test
    void theOnlineScriptLoadsWithAsManyDownSegmentsAsUpSegments() {
        ScriptGenerator.Texts texts = ScriptGenerator.texts("0002_online", CHANGES, RenderMode.ONLINE);
        MigrationScript s = MigrationScript.of(2, "online", texts.up(), texts.down(), null);
        assertEquals(s.up().segments().size(), s.down().segments().size());
        String up = texts.up();
        assertTrue(up.contains("NOT VALID"));
        assertTrue(up.contains("VALIDATE CONSTRAINT fk_executions_session"));
        assertTrue(up.contains("VALIDATE CONSTRAINT ck_executions_status"));
        assertTrue(up.contains("USING INDEX uq_executions_request_key"));
        assertTrue(up.contains("CREATE INDEX CONCURRENTLY IF NOT EXISTS ix_executions_status__new"));
        assertTrue(up.contains("ALTER INDEX IF EXISTS ix_executions_status__new RENAME TO ix_executions_status"));
        assertFalse(up.contains("DROP INDEX IF EXISTS"), "every index drop is concurrent");
        // the VALIDATE runs in a later segment than the ADD … NOT VALID
        assertTrue(segmentOf(s, "ADD CONSTRAINT fk_executions_session") < segmentOf(s, "VALIDATE CONSTRAINT fk_executions_session"));
        assertTrue(segmentOf(s, "executions_status__not_null CHECK") < segmentOf(s, "VALIDATE CONSTRAINT executions_status__not_null"));
        assertTrue(segmentOf(s, "VALIDATE CONSTRAINT executions_status__not_null") < segmentOf(s, "ALTER COLUMN status SET NOT NULL"));
    }

    @Test
    void plainModeIsOneSegmentOfTheRenderersStatements() {
        List<PlannedSegment> segments = Planner.segments(CHANGES, RenderMode.PLAIN);
        assertEquals(1, segments.size());
        assertEquals(new Plan(CHANGES).upStatements(), segments.get(0).up());
        assertEquals(new Plan(CHANGES).downStatements(), segments.get(0).down());
    }

    @Test
    void objectsOnATableCreatedInTheSameScriptKeepThePlainForm() {
        List<Change> changes = Differ.diff(SchemaModel.EMPTY, OnlineExample.after());
        assertEquals(Planner.segments(changes, RenderMode.PLAIN), Planner.segments(changes, RenderMode.ONLINE));
        // dropping them: only the index drops are concurrent, DROP INDEX does not say its table goes too
        List<Change> back = Differ.diff(OnlineExample.after(), SchemaModel.EMPTY);
        List<PlannedSegment> online = Planner.segments(back, RenderMode.ONLINE);
        assertEquals(List.of("DROP INDEX CONCURRENTLY IF EXISTS ix_executions_created",
                "DROP INDEX CONCURRENTLY IF EXISTS ix_executions_status"), online.stream().filter(s -> !s.transactional())
                .map(s -> s.up().get(0)).toList());
        List<String> rest = new java.util.ArrayList<>(new Plan(back).upStatements());
        rest.removeIf(sql -> sql.startsWith("DROP INDEX"));
        assertEquals(rest, online.stream().filter(PlannedSegment::transactional).flatMap(s -> s.up().stream()).toList());
    }

    @Test
    void mirrorKeepsBoundariesBetweenTheSameSteps() {
        Step a = Step.inTransaction(List.of("a"), List.of("-a"));
        Step b = Step.later(List.of("b"), List.of("-b"));
        Step c = Step.inTransaction(List.of("c"), List.of("-c"));
        List<Step> m = Step.mirror(List.of(a, b, c));
        assertEquals(List.of(List.of("-c"), List.of("-b"), List.of("-a")), m.stream().map(Step::up).toList());
        // a|b boundary, b c together: mirrored, -c -b together, then -a later
        assertEquals(List.of(false, false, true), m.stream().map(Step::newSegment).toList());
        assertEquals(Step.mirror(m), List.of(a, b, c));
    }

    @Test
    void longNamesStayWithinTheLimitAndDistinct() {
        String base = "x".repeat(70);
        String n1 = Names.derived(base + "a", "__new");
        String n2 = Names.derived(base + "b", "__new");
        assertTrue(n1.length() <= 63 && n2.length() <= 63);
        assertTrue(n1.endsWith("__new"));
        assertFalse(n1.equals(n2));
        assertEquals("short__new", Names.derived("short", "__new"));
    }

    private static int segmentOf(MigrationScript s, String text) {
        for (Segment seg : s.up().segments()) if (seg.sql().contains(text)) return seg.number();
        throw new AssertionError("no segment contains " + text);
    }
}
