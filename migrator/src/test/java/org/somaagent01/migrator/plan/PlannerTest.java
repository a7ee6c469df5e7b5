package org.somaagent01.migrator.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.somaagent01.migrator.diff.Change;
import org.somaagent01.migrator.diff.Differ;
import org.somaagent01.migrator.generate.ScriptGenerator;
import org.somaagent01.migrator.model.CheckModel;
import org.somaagent01.migrator.model.ColumnModel;
import org.somaagent01.migrator.model.ForeignKeyAction;
import org.somaagent01.migrator.model.ForeignKeyModel;
import org.somaagent01.migrator.model.IndexModel;
import org.somaagent01.migrator.model.SchemaModel;
import org.somaagent01.migrator.model.TableModel;
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

    /** executions of {@link OnlineExample#after()} with its CHECK and its foreign key changed. */
    private static SchemaModel changedConstraints() {
        TableModel t = OnlineExample.executions(true);
        TableModel changed = TableModel.of(t.name(), t.columns(), t.primaryKey(),
                List.copyOf(t.uniques().values()), List.of(new CheckModel("ck_executions_status", "(length(status) > 1)")),
                List.of(new ForeignKeyModel("fk_executions_session", List.of("session_id"), "sessions", List.of("id"),
                        ForeignKeyAction.SET_NULL, ForeignKeyAction.NO_ACTION)),
                List.copyOf(t.indexes().values()), List.of(), null);
        return SchemaModel.of(List.of(), List.of(), List.of(OnlineExample.SESSIONS, changed), List.of());
    }

    @Test
    void aChangedCheckOrForeignKeyIsValidatedUnderATemporaryNameBeforeTheOldOneGoes() {
        List<Change> changes = Differ.diff(OnlineExample.after(), changedConstraints());
        ScriptGenerator.Texts texts = ScriptGenerator.texts("0003_constraints", changes, RenderMode.ONLINE);
        MigrationScript s = MigrationScript.of(3, "constraints", texts.up(), texts.down(), null);
        assertEquals(s.up().segments().size(), s.down().segments().size());
        for (String name : List.of("ck_executions_status", "fk_executions_session")) {
            int added = segmentOf(s, "ADD CONSTRAINT " + name + "__new ");
            int validated = segmentOf(s, "VALIDATE CONSTRAINT " + name + "__new");
            int dropped = segmentOf(s, "DROP CONSTRAINT IF EXISTS " + name);
            int renamed = segmentOf(s, "RENAME CONSTRAINT " + name + "__new TO " + name);
            assertTrue(added < validated && validated < dropped && dropped == renamed, texts.up());
            assertTrue(texts.up().contains("ADD CONSTRAINT " + name + "__new ") && texts.up().contains(" NOT VALID"), texts.up());
            // the down brings the old one back the same way, under its name
            Segment revert = s.down().segments().get(s.segmentCount() - renamed);
            assertTrue(revert.sql().contains("RENAME CONSTRAINT " + name + " TO " + name + "__new"), revert.sql());
            assertTrue(revert.sql().contains("ADD CONSTRAINT " + name + " ") && revert.sql().contains("NOT VALID"), revert.sql());
            Segment validateOld = s.down().segments().get(s.segmentCount() - validated);
            assertTrue(validateOld.sql().contains("VALIDATE CONSTRAINT " + name + ";"), validateOld.sql());
        }
        assertTrue(texts.up().contains("CHECK ((length(status) > 1)) NOT VALID"), texts.up());
        assertTrue(texts.up().contains("ON DELETE SET NULL NOT VALID"), texts.up());
        assertTrue(texts.down().contains("CHECK ((status <> ''::text)) NOT VALID"), texts.down());
    }

    @Test
    void aChangedConstraintOnAColumnThatChangesTypeIsDroppedFirst() {
        TableModel t = OnlineExample.executions(true);
        List<ColumnModel> columns = new java.util.ArrayList<>(t.columns());
        columns.set(2, new ColumnModel("status", "character varying(20)", true, null));
        TableModel changed = TableModel.of(t.name(), columns, t.primaryKey(), List.copyOf(t.uniques().values()),
                List.of(new CheckModel("ck_executions_status", "(length((status)::text) > 1)")),
                List.copyOf(t.foreignKeys().values()), List.copyOf(t.indexes().values()), List.of(), null);
        List<Change> changes = Differ.diff(OnlineExample.after(),
                SchemaModel.of(List.of(), List.of(), List.of(OnlineExample.SESSIONS, changed), List.of()));
        String up = ScriptGenerator.texts("0003_x", changes, RenderMode.ONLINE).up();
        assertFalse(up.contains("ck_executions_status__new"), up);
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

    @Test
    void anIndexIncludingADroppedColumnIsDroppedFirstNotSwapped() {
        ColumnModel id = new ColumnModel("id", "integer", true, null);
        ColumnModel txt = new ColumnModel("txt", "text", false, null);
        ColumnModel num = new ColumnModel("num", "integer", false, null);
        IndexModel covering = new IndexModel("ix_t_txt", false, "btree", List.of(new IndexModel.IndexKey("txt", null, false)),
                List.of(), null, List.of("num"), false);
        IndexModel plain = new IndexModel("ix_t_txt", true, "btree", List.of(new IndexModel.IndexKey("txt", null, false)),
                List.of(), null);
        SchemaModel a = SchemaModel.of(List.of(), List.of(), List.of(TableModel.of("t", List.of(id, txt, num), null,
                List.of(), List.of(), List.of(), List.of(covering), List.of(), null)), List.of());
        SchemaModel b = SchemaModel.of(List.of(), List.of(), List.of(TableModel.of("t", List.of(id, txt), null,
                List.of(), List.of(), List.of(), List.of(plain), List.of(), null)), List.of());
        ScriptGenerator.Texts texts = ScriptGenerator.texts("0002_drop_num", Differ.diff(a, b), RenderMode.ONLINE);
        // the old index cannot outlive its INCLUDE column: no __new swap, and the down rebuilds it after the column
        assertFalse(texts.up().contains("__new"), texts.up());
        String down = texts.down();
        assertTrue(down.indexOf("ADD COLUMN IF NOT EXISTS num") < down.indexOf("INCLUDE (num)"), down);
    }
}
