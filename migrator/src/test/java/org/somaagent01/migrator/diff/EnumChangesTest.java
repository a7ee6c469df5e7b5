package org.somaagent01.migrator.diff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.somaagent01.migrator.model.ColumnModel;
import org.somaagent01.migrator.model.EnumType;
import org.somaagent01.migrator.model.KeyConstraint;
import org.somaagent01.migrator.model.Renames;
import org.somaagent01.migrator.model.SchemaModel;
import org.somaagent01.migrator.model.TableModel;
import org.somaagent01.migrator.plan.Plan;

/** Enum label changes on a live database holding rows. */
class EnumChangesTest {
    private static LiveSchema db;

    @BeforeAll
    static void open() throws SQLException { db = new LiveSchema(); }

    @AfterAll
    static void close() throws SQLException { db.close(); }

    @BeforeEach
    void reset() throws SQLException { db.reset(); }

    private static SchemaModel jobs(String... labels) {
        TableModel jobs = TableModel.of("jobs", List.of(new ColumnModel("id", "integer", true, null),
                        new ColumnModel("status", "job_status", true, null), new ColumnModel("history", "job_status[]", false, null)),
                new KeyConstraint("jobs_pkey", List.of("id")), List.of(), List.of(), List.of(), List.of(), List.of(), null);
        return SchemaModel.of(List.of(), List.of(new EnumType("job_status", List.of(labels))), List.of(jobs), List.of());
    }

    private void createWithRows(SchemaModel schema, String... rows) throws SQLException {
        db.execute(new Plan(Differ.diff(SchemaModel.EMPTY, schema)).upStatements());
        List<String> inserts = new ArrayList<>();
        for (int i = 0; i < rows.length; i++) {
            inserts.add("INSERT INTO jobs VALUES (" + i + ", '" + rows[i] + "', ARRAY['" + rows[i] + "']::job_status[])");
        }
        db.execute(inserts);
    }

    private List<String> statuses() throws SQLException {
        List<String> out = new ArrayList<>();
        try (Statement st = db.connection().createStatement();
             ResultSet rs = st.executeQuery("SELECT status::text || '/' || array_to_string(history, ',') FROM jobs ORDER BY id")) {
            while (rs.next()) out.add(rs.getString(1));
        }
        return out;
    }

    /**
     * A CHECK, a partial index and a trigger's WHEN compare the column with a label: their stored
     * expressions are typed by the old enum, so PostgreSQL refuses the swap's retype under them ("operator does not
     * exist: mood__swap <> mood"). They go around it, on the way there (a swap) and back (the swap of an extension).
     */
    @Test
    void whatComparesTheColumnWithALabelGoesAroundASwap() throws SQLException {
        String table = "CREATE TABLE t (id integer, m mood, CONSTRAINT ck_m CHECK (m <> 'meh'));"
                + " CREATE INDEX t_happy ON t (id) WHERE m = 'happy';"
                + " CREATE FUNCTION f() RETURNS trigger LANGUAGE plpgsql AS $$BEGIN RETURN NEW; END$$;"
                + " CREATE TRIGGER trg BEFORE UPDATE ON t FOR EACH ROW WHEN (NEW.m = 'sad') EXECUTE FUNCTION f()";
        SchemaModel a = db.load("CREATE TYPE mood AS ENUM ('happy', 'sad', 'meh'); " + table);
        SchemaModel reordered = db.load("CREATE TYPE mood AS ENUM ('sad', 'happy', 'meh'); " + table);
        SchemaModel extended = db.load("CREATE TYPE mood AS ENUM ('happy', 'sad', 'meh', 'glad'); " + table);
        db.roundTrip(a, reordered);
        db.roundTrip(a, extended);
        // a plain index on the column stays through a label added (PostgreSQL rebuilds it for a swap by itself)
        SchemaModel plain = db.load("CREATE TYPE mood AS ENUM ('happy', 'sad'); CREATE TABLE p (m mood); CREATE INDEX p_m ON p (m)");
        SchemaModel more = db.load("CREATE TYPE mood AS ENUM ('happy', 'sad', 'glad'); CREATE TABLE p (m mood); CREATE INDEX p_m ON p (m)");
        assertEquals(List.of("AddEnumValue"), Differ.diff(plain, more).stream().map(c -> c.getClass().getSimpleName()).toList());
        db.roundTrip(plain, more);
    }

    @Test
    void addsAValueInTheMiddleInPlace() throws SQLException {
        SchemaModel before = jobs("queued", "done");
        SchemaModel after = jobs("queued", "running", "done");
        createWithRows(before, "queued", "done");

        List<Change> changes = Differ.diff(before, after);
        Change.AddEnumValue add = assertInstanceOf(Change.AddEnumValue.class, changes.get(0));
        assertEquals(1, changes.size());
        assertTrue(add.commitBeforeUse(), "ADD VALUE must be flagged for its own transaction");
        assertEquals(List.of("ALTER TYPE job_status ADD VALUE IF NOT EXISTS 'running' AFTER 'queued'"),
                new Plan(changes).upStatements());

        db.execute(new Plan(changes).upStatements());
        assertEquals(after, db.inspect());
        db.execute(List.of("INSERT INTO jobs VALUES (9, 'running', '{running}')"));
        assertEquals(List.of("queued/queued", "done/done", "running/running"), statuses());

        db.execute(List.of("DELETE FROM jobs WHERE id = 9"));
        db.execute(new Plan(changes).downStatements());
        assertEquals(before, db.inspect());
        assertEquals(List.of("queued/queued", "done/done"), statuses());
    }

    @Test
    void renamesADeclaredValueKeepingRows() throws SQLException {
        SchemaModel before = jobs("queued", "finished");
        SchemaModel after = jobs("queued", "done");
        createWithRows(before, "queued", "finished");
        Renames renames = new Renames(Map.of(), Map.of(), Map.of("job_status", Map.of("finished", "done")));

        List<Change> changes = Differ.diff(before, after, renames);
        assertEquals(List.of(new Change.RenameEnumValue("job_status", "finished", "done")), changes);
        db.execute(new Plan(changes).upStatements());
        assertEquals(after, db.inspect());
        assertEquals(List.of("queued/queued", "done/done"), statuses());

        db.execute(new Plan(changes).downStatements());
        assertEquals(before, db.inspect());
        assertEquals(List.of("queued/queued", "finished/finished"), statuses());
    }

    @Test
    void refusesToRemoveAValueRowsStillUseWithoutAMapping() throws SQLException {
        SchemaModel before = jobs("queued", "cancelled", "done");
        SchemaModel after = jobs("queued", "done");
        createWithRows(before, "queued", "cancelled");

        List<Change> changes = Differ.diff(before, after);
        assertTrue(changes.get(0).destructive(), "removing an enum value is destructive");
        SQLException refused = assertThrows(SQLException.class, () -> db.execute(new Plan(changes).upStatements()));
        assertTrue(refused.getMessage().contains("cannot remove value(s) cancelled from enum type job_status: "
                + "rows of jobs.status still use them"), refused.getMessage());
        assertEquals(before, db.inspect(), "nothing changed");
        assertEquals(List.of("queued/queued", "cancelled/cancelled"), statuses());
    }

    @Test
    void removesAValueConvertingRowsWithADeclaredMapping() throws SQLException {
        SchemaModel before = jobs("queued", "cancelled", "done");
        SchemaModel after = jobs("queued", "done");
        createWithRows(before, "queued", "cancelled", "done");
        Renames mapping = new Renames(Map.of(), Map.of(), Map.of("job_status", Map.of("cancelled", "done")));

        List<Change> changes = Differ.diff(before, after, mapping);
        Change.SwapEnumType swap = assertInstanceOf(Change.SwapEnumType.class, changes.get(0));
        assertEquals(Map.of("cancelled", "done"), swap.mapping());
        assertTrue(swap.destructive());
        db.execute(new Plan(changes).upStatements());
        assertEquals(after, db.inspect());
        assertEquals(List.of("queued/queued", "done/done", "done/done"), statuses());

        // the way back restores the type exactly; converted rows stay converted
        db.execute(new Plan(changes).downStatements());
        assertEquals(before, db.inspect());
        assertEquals(List.of("queued/queued", "done/done", "done/done"), statuses());
    }
}
