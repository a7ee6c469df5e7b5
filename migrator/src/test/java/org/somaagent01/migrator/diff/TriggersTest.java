package org.somaagent01.migrator.diff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.SQLException;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.somaagent01.migrator.model.SchemaModel;
import org.somaagent01.migrator.model.TriggerModel;
import org.somaagent01.migrator.plan.SqlRenderer;
import org.somaagent01.migrator.store.Snapshots;

/**
 * Triggers as {@code pg_get_triggerdef} prints them: {@code UPDATE OF}, {@code WHEN}, arguments, constraint
 * triggers, transition tables, the enabled state; golden SQL, the inspector, and live round trips.
 */
class TriggersTest {
    private static LiveSchema db;

    @BeforeAll
    static void open() throws SQLException { db = new LiveSchema(); }

    @AfterAll
    static void close() throws SQLException { if (db != null) db.close(); }

    private static final TriggerModel PLAIN = new TriggerModel("trg", "t", "BEFORE", List.of("UPDATE", "INSERT"), true, "touch");

    @Test
    void aPlainTriggerRendersAsBefore() {
        assertEquals(List.of("CREATE OR REPLACE TRIGGER trg BEFORE INSERT OR UPDATE ON t FOR EACH ROW EXECUTE FUNCTION touch()"),
                SqlRenderer.render(new Change.CreateTrigger(PLAIN)));
        assertEquals(List.of("DROP TRIGGER IF EXISTS trg ON t"), SqlRenderer.render(new Change.CreateTrigger(PLAIN).inverse()));
    }

    @Test
    void everyOptionRenders() {
        TriggerModel rich = PLAIN.withCondition(List.of("b", "a"), "(new.a > 0)").withArguments(List.of("x", "it's"))
                .withEnabled(TriggerModel.REPLICA);
        assertEquals(List.of("CREATE OR REPLACE TRIGGER trg BEFORE INSERT OR UPDATE OF b, a ON t FOR EACH ROW WHEN ((new.a > 0))"
                        + " EXECUTE FUNCTION touch('x', 'it''s')", "ALTER TABLE t ENABLE REPLICA TRIGGER trg"),
                SqlRenderer.render(new Change.CreateTrigger(rich)));
        TriggerModel constraint = new TriggerModel("ctrg", "t", "AFTER", List.of("DELETE"), true, "touch").asConstraint(true, true);
        assertEquals(List.of("DROP TRIGGER IF EXISTS ctrg ON t", "CREATE CONSTRAINT TRIGGER ctrg AFTER DELETE ON t DEFERRABLE"
                + " INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION touch()"), SqlRenderer.render(new Change.CreateTrigger(constraint)));
        TriggerModel transition = new TriggerModel("ttrg", "t", "AFTER", List.of("UPDATE"), false, "touch")
                .withTransitionTables("o", "n");
        assertEquals(List.of("CREATE OR REPLACE TRIGGER ttrg AFTER UPDATE ON t REFERENCING OLD TABLE AS o NEW TABLE AS n"
                + " FOR EACH STATEMENT EXECUTE FUNCTION touch()"), SqlRenderer.render(new Change.CreateTrigger(transition)));
        Change disable = new Change.SetTriggerEnabled(PLAIN, null, TriggerModel.DISABLED);
        assertEquals(List.of("ALTER TABLE t DISABLE TRIGGER trg"), SqlRenderer.render(disable));
        assertEquals(List.of("ALTER TABLE t ENABLE TRIGGER trg"), SqlRenderer.render(disable.inverse()));
        assertEquals(List.of("ALTER TABLE t ENABLE ALWAYS TRIGGER trg"),
                SqlRenderer.render(new Change.SetTriggerEnabled(PLAIN, null, TriggerModel.ALWAYS)));
    }

    @Test
    void onlyTheStateChangingIsAnAlterAndOptionsStayOutOfPlainSnapshots() throws SQLException {
        SchemaModel a = db.load("CREATE TABLE t (a integer)",
                "CREATE FUNCTION touch() RETURNS trigger LANGUAGE plpgsql AS 'BEGIN RETURN NEW; END'",
                "CREATE TRIGGER trg BEFORE INSERT ON t FOR EACH ROW EXECUTE FUNCTION touch()");
        TriggerModel trg = a.tables().get("t").triggers().get("trg");
        assertEquals(new TriggerModel("trg", "t", "BEFORE", List.of("INSERT"), true, "touch"), trg);
        String json = Snapshots.write(a);
        assertTrue(json.contains("\"function\" : \"touch\"\n"), json);
        SchemaModel b = a.withTables(java.util.Map.of("t", org.somaagent01.migrator.model.TableModel.of("t",
                a.tables().get("t").columns(), null, List.of(), List.of(), List.of(), List.of(),
                List.of(trg.withEnabled(TriggerModel.DISABLED)), null)));
        assertEquals(List.of(new Change.SetTriggerEnabled(trg, null, TriggerModel.DISABLED)), Differ.diff(a, b));
        assertEquals(b, Snapshots.read(Snapshots.write(b), "test"));
    }

    private static final String FUNCTION = "CREATE FUNCTION touch() RETURNS trigger LANGUAGE plpgsql AS 'BEGIN RETURN NEW; END'";

    @Test
    void theInspectorReadsEveryOptionAndTriggersRoundTrip() throws SQLException {
        SchemaModel a = db.load("CREATE TABLE t (id integer, a text, b text)", FUNCTION,
                "CREATE TRIGGER t1 BEFORE INSERT OR UPDATE OF b, a ON t FOR EACH ROW WHEN (NEW.id > 0 AND new.a <> 'x''y')"
                        + " EXECUTE FUNCTION touch('it''s', 'b', '')",
                "CREATE CONSTRAINT TRIGGER t2 AFTER UPDATE ON t DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION touch()",
                "CREATE TRIGGER t3 AFTER UPDATE ON t REFERENCING OLD TABLE AS o NEW TABLE AS n FOR EACH STATEMENT EXECUTE FUNCTION touch()",
                "CREATE CONSTRAINT TRIGGER t4 AFTER DELETE ON t FOR EACH ROW EXECUTE FUNCTION touch()",
                "ALTER TABLE t DISABLE TRIGGER t3", "ALTER TABLE t ENABLE ALWAYS TRIGGER t4");
        var triggers = a.tables().get("t").triggers();
        assertEquals(new TriggerModel("t1", "t", "BEFORE", List.of("INSERT", "UPDATE"), true, "touch")
                .withCondition(List.of("b", "a"), "((new.id > 0) AND (new.a <> 'x''y'::text))")
                .withArguments(List.of("it's", "b", "")), triggers.get("t1"));
        assertEquals(new TriggerModel("t2", "t", "AFTER", List.of("UPDATE"), true, "touch").asConstraint(true, true), triggers.get("t2"));
        assertEquals(new TriggerModel("t3", "t", "AFTER", List.of("UPDATE"), false, "touch").withTransitionTables("o", "n")
                .withEnabled(TriggerModel.DISABLED), triggers.get("t3"));
        assertEquals(new TriggerModel("t4", "t", "AFTER", List.of("DELETE"), true, "touch").asConstraint(false, false)
                .withEnabled(TriggerModel.ALWAYS), triggers.get("t4"));
        SchemaModel b = db.load("CREATE TABLE t (id integer, a text, b text)", FUNCTION,
                "CREATE TRIGGER t1 BEFORE INSERT OR UPDATE OF a ON t FOR EACH ROW WHEN (NEW.id > 1) EXECUTE FUNCTION touch('other')",
                "CREATE CONSTRAINT TRIGGER t2 AFTER UPDATE ON t DEFERRABLE FOR EACH ROW EXECUTE FUNCTION touch()",
                "CREATE TRIGGER t3 AFTER UPDATE ON t REFERENCING OLD TABLE AS o NEW TABLE AS n FOR EACH STATEMENT EXECUTE FUNCTION touch()",
                "CREATE CONSTRAINT TRIGGER t4 AFTER DELETE ON t FOR EACH ROW EXECUTE FUNCTION touch()",
                "ALTER TABLE t ENABLE REPLICA TRIGGER t3");
        db.roundTrip(a, b);
    }

    @Test
    void aTriggerWhoseConditionReadsARetypedColumnIsDroppedAndCreatedAroundIt() throws SQLException {
        SchemaModel a = db.load("CREATE TABLE t (id integer, n integer)", FUNCTION,
                "CREATE TRIGGER t1 BEFORE UPDATE ON t FOR EACH ROW WHEN (new.n > 0) EXECUTE FUNCTION touch()");
        SchemaModel b = db.load("CREATE TABLE t (id integer, n bigint)", FUNCTION,
                "CREATE TRIGGER t1 BEFORE UPDATE ON t FOR EACH ROW WHEN (new.n > 0) EXECUTE FUNCTION touch()");
        List<Change> changes = Differ.diff(a, b);
        assertTrue(changes.get(0) instanceof Change.DropTrigger, changes.toString());
        assertTrue(changes.get(changes.size() - 1) instanceof Change.CreateTrigger, changes.toString());
        db.roundTrip(a, b);
        // UPDATE OF a column that goes: the trigger goes first, and comes back with it on the way down
        SchemaModel c = db.load("CREATE TABLE t (id integer, n integer)", FUNCTION,
                "CREATE TRIGGER t1 BEFORE UPDATE OF n ON t FOR EACH ROW EXECUTE FUNCTION touch()");
        SchemaModel d = db.load("CREATE TABLE t (id integer)", FUNCTION);
        db.roundTrip(c, d);
    }

    @Test
    void aTriggerOnAViewIsPartOfTheViewAndComesBackWhenTheViewIsRebuilt() throws SQLException {
        String table = "CREATE TABLE t (id integer, n integer)";
        String trigger = "CREATE TRIGGER v_ins INSTEAD OF INSERT ON v FOR EACH ROW EXECUTE FUNCTION touch()";
        SchemaModel a = db.load(table, FUNCTION, "CREATE VIEW v AS SELECT id FROM t");
        SchemaModel b = db.load(table, FUNCTION, "CREATE VIEW v AS SELECT id FROM t", trigger);
        assertEquals(List.of("v_ins"), List.copyOf(b.views().get("v").triggers().keySet()));
        assertEquals("INSTEAD OF", b.views().get("v").triggers().get("v_ins").timing());
        db.roundTrip(a, b);
        // the view is rebuilt (DROP VIEW … CASCADE takes the trigger along): the trigger is created again with it
        SchemaModel c = db.load(table, FUNCTION, "CREATE VIEW v AS SELECT id, n FROM t", trigger);
        db.roundTrip(b, c);
    }
}
