package org.somaagent01.migrator.diff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.somaagent01.migrator.model.ColumnModel;
import org.somaagent01.migrator.model.DatabaseModel;
import org.somaagent01.migrator.model.EnumType;
import org.somaagent01.migrator.model.ForeignKeyAction;
import org.somaagent01.migrator.model.ForeignKeyModel;
import org.somaagent01.migrator.model.IndexModel;
import org.somaagent01.migrator.model.KeyConstraint;
import org.somaagent01.migrator.model.SchemaModel;
import org.somaagent01.migrator.model.TableModel;
import org.somaagent01.migrator.plan.DatabasePlan;
import org.somaagent01.migrator.plan.PlannedSegment;
import org.somaagent01.migrator.plan.RenderMode;

class DatabaseDifferTest {
    private static final EnumType MOOD = new EnumType("mood", List.of("happy", "sad"));

    /** Schema b: the type and a referenced table; schema a: a table using both. */
    private static DatabaseModel twoSchemas() {
        TableModel owners = TableModel.of("owners", List.of(new ColumnModel("id", "integer", true, null)),
                new KeyConstraint("owners_pkey", List.of("id")), List.of(), List.of(), List.of(), List.of(), List.of(), null);
        TableModel pets = TableModel.of("pets", List.of(new ColumnModel("id", "integer", true, null),
                        new ColumnModel("mood", "b.mood", false, null), new ColumnModel("owner_id", "integer", false, null)),
                new KeyConstraint("pets_pkey", List.of("id")), List.of(), List.of(),
                List.of(new ForeignKeyModel("pets_owner_fk", List.of("owner_id"), "b.owners", List.of("id"),
                        ForeignKeyAction.NO_ACTION, ForeignKeyAction.NO_ACTION)),
                List.of(new IndexModel("pets_mood", false, "btree", List.of(new IndexModel.IndexKey("mood", null, false)),
                        List.of(), null)), List.of(), null);
        return new DatabaseModel(Map.of(
                "a", SchemaModel.of(List.of(), List.of(), List.of(pets), List.of()),
                "b", SchemaModel.of(List.of(), List.of(MOOD), List.of(owners), List.of())));
    }

    private static int indexOf(List<Change> changes, Class<?> kind, String schema) {
        String current = null;
        for (int i = 0; i < changes.size(); i++) {
            if (changes.get(i) instanceof Change.SetSearchPath s) current = s.to();
            if (kind.isInstance(changes.get(i)) && schema.equals(current)) return i;
        }
        throw new AssertionError("no " + kind.getSimpleName() + " in schema " + schema + ": " + changes);
    }

    @Test
    void aTypeInOneSchemaComesBeforeTheTableOfAnotherThatUsesItAndGoesAfterIt() {
        List<Change> up = DatabaseDiffer.diff(DatabaseModel.EMPTY, twoSchemas());
        assertEquals(List.of(new Change.CreateSchema("a"), new Change.CreateSchema("b")), up.subList(0, 2));
        assertTrue(indexOf(up, Change.CreateEnum.class, "b") < indexOf(up, Change.CreateTable.class, "a"), up.toString());
        // the FK of a on b's table comes after every table, in either schema
        assertTrue(indexOf(up, Change.CreateTable.class, "b") < indexOf(up, Change.AddForeignKey.class, "a"), up.toString());
        assertEquals(new Change.SetSearchPath("a", null), up.get(up.size() - 1));

        List<Change> down = DatabaseDiffer.diff(twoSchemas(), DatabaseModel.EMPTY);
        assertTrue(indexOf(down, Change.DropForeignKey.class, "a") < indexOf(down, Change.DropTable.class, "b"), down.toString());
        assertTrue(indexOf(down, Change.DropTable.class, "a") < indexOf(down, Change.DropEnum.class, "b"), down.toString());
        assertEquals(List.of(new Change.DropSchema("a"), new Change.DropSchema("b")), down.subList(down.size() - 2, down.size()));
        assertTrue(new DatabasePlan(down).destructive());
    }

    @Test
    void everyRunOfOneSchemaIsOpenedBySettingItsSearchPathAndTheLastIsClosed() {
        List<Change> up = DatabaseDiffer.diff(DatabaseModel.EMPTY, twoSchemas());
        String current = null;
        for (Change c : up) {
            if (c instanceof Change.SetSearchPath s) {
                assertEquals(current, s.from(), "each search-path change starts where the last one left: " + up);
                assertFalse(java.util.Objects.equals(s.from(), s.to()), "no search-path change to the same schema");
                current = s.to();
            } else if (!(c instanceof Change.CreateSchema) && !(c instanceof Change.DropSchema)) {
                assertTrue(current != null, "a schema's change before any search path: " + c);
            }
        }
        assertEquals(null, current);
    }

    @Test
    void theWayBackRunsEachSchemasChangesUnderItsOwnSearchPath() {
        List<Change> up = DatabaseDiffer.diff(DatabaseModel.EMPTY, twoSchemas());
        List<Change> back = new ArrayList<>();
        for (int i = up.size() - 1; i >= 0; i--) back.add(up.get(i).inverse());
        // the inverses in reverse order are again runs each opened by its schema
        String current = null;
        for (Change c : back) {
            if (c instanceof Change.SetSearchPath s) {
                assertEquals(current, s.from(), back.toString());
                current = s.to();
            } else if (c instanceof Change.DropTable t) {
                assertEquals(t.table().name().equals("pets") ? "a" : "b", current, back.toString());
            }
        }
        assertEquals(null, current);
    }

    @Test
    void theSameDatabaseDiffsToNothingAndTwoDatabasesDifferingInWhereAnFkPointsDoNot() {
        assertEquals(List.of(), DatabaseDiffer.diff(twoSchemas(), twoSchemas()));
        assertTrue(new DatabasePlan(List.of()).isEmpty());
        DatabaseModel elsewhere = retarget(twoSchemas(), "c.owners");
        assertFalse(DatabaseDiffer.diff(twoSchemas(), elsewhere).isEmpty());
    }

    private static DatabaseModel retarget(DatabaseModel db, String target) {
        SchemaModel a = db.schemas().get("a");
        TableModel pets = a.tables().get("pets");
        ForeignKeyModel fk = pets.foreignKeys().get("pets_owner_fk");
        TableModel moved = TableModel.of("pets", pets.columns(), pets.primaryKey(), pets.uniques().values(), pets.checks().values(),
                List.of(fk.with(fk.columns(), target, fk.targetColumns())), pets.indexes().values(), List.of(), null);
        return new DatabaseModel(Map.of("a", a.withTables(Map.of("pets", moved)), "b", db.schemas().get("b")));
    }

    @Test
    void theOnlinePlanSetsTheSearchPathBeforeEachRunAndKeepsConcurrentIndexesOutsideTransactions() {
        DatabaseModel before = new DatabaseModel(Map.of("a", twoSchemas().schemas().get("a").withTables(Map.of(
                "pets", withoutIndexes(twoSchemas().schemas().get("a").tables().get("pets")))), "b", twoSchemas().schemas().get("b")));
        List<PlannedSegment> segments = new DatabasePlan(DatabaseDiffer.diff(before, twoSchemas())).segments(RenderMode.ONLINE);
        assertEquals("SET search_path TO a", segments.get(0).up().get(0), segments.toString());
        PlannedSegment index = segments.stream().filter(s -> !s.transactional()).findFirst().orElseThrow();
        assertTrue(index.up().get(0).contains("CONCURRENTLY"), segments.toString());
        assertEquals("RESET search_path", segments.get(segments.size() - 1).up().get(0), segments.toString());
    }

    private static TableModel withoutIndexes(TableModel t) {
        return TableModel.of(t.name(), t.columns(), t.primaryKey(), t.uniques().values(), t.checks().values(),
                t.foreignKeys().values(), List.of(), List.of(), null);
    }

    @Test
    void qualifiedFkTargetsRenderAsWrittenAndBareOnesAreQuoted() {
        ForeignKeyModel fk = new ForeignKeyModel("f", List.of("x"), "\"Other\".t", List.of("id"),
                ForeignKeyAction.NO_ACTION, ForeignKeyAction.NO_ACTION);
        String sql = org.somaagent01.migrator.plan.SqlRenderer.render(new Change.AddForeignKey("t", fk)).get(0);
        assertTrue(sql.contains("REFERENCES \"Other\".t (id)"), sql);
        String bare = org.somaagent01.migrator.plan.SqlRenderer.render(new Change.AddForeignKey("t",
                fk.with(fk.columns(), "Parents", fk.targetColumns()))).get(0);
        assertTrue(bare.contains("REFERENCES \"Parents\" (id)"), bare);
    }

    private static SchemaModel parentAndChild(String fkName) {
        TableModel p = TableModel.of("p", List.of(new ColumnModel("id", "integer", true, null)),
                new KeyConstraint("p_pkey", List.of("id")), List.of(), List.of(), List.of(), List.of(), List.of(), null);
        List<ForeignKeyModel> fks = fkName == null ? List.of() : List.of(new ForeignKeyModel(fkName, List.of("pid"), "p",
                List.of("id"), ForeignKeyAction.NO_ACTION, ForeignKeyAction.NO_ACTION));
        TableModel c = TableModel.of("c", List.of(new ColumnModel("pid", "integer", false, null)), null, List.of(),
                List.of(), fks, List.of(), List.of(), null);
        return SchemaModel.of(List.of(), List.of(), List.of(p, c), List.of());
    }

    @Test
    void aValidateLeftForALaterSegmentRunsInItsOwnSchema() {
        DatabaseModel before = new DatabaseModel(Map.of("a", parentAndChild(null), "b", parentAndChild(null)));
        DatabaseModel after = new DatabaseModel(Map.of("a", parentAndChild("c_fk_a"), "b", parentAndChild("c_fk_b")));
        List<PlannedSegment> segments = new DatabasePlan(DatabaseDiffer.diff(before, after)).segments(RenderMode.ONLINE);
        String current = null;
        int validates = 0;
        for (PlannedSegment s : segments) {
            for (String sql : s.up()) {
                if (sql.startsWith("SET search_path TO ")) current = sql.substring("SET search_path TO ".length());
                if (sql.startsWith("RESET search_path")) current = null;
                if (sql.contains("VALIDATE CONSTRAINT c_fk_")) {
                    validates++;
                    assertEquals(sql.substring(sql.indexOf("c_fk_") + 5, sql.indexOf("c_fk_") + 6), current, segments.toString());
                }
            }
        }
        assertEquals(2, validates, segments.toString());
    }
    @Test
    void aForeignKeyOnAnotherSchemasUniqueIndexWaitsForTheIndexAndGoesBeforeIt() {
        // by rank alone, foreign keys come before indexes: only the key read across schemas orders them
        TableModel owners = TableModel.of("owners", List.of(new ColumnModel("id", "integer", true, null)), null,
                List.of(), List.of(), List.of(), List.of(new IndexModel("owners_id", true, "btree",
                        List.of(new IndexModel.IndexKey("id", null, false)), List.of(), null)), List.of(), null);
        TableModel pets = TableModel.of("pets", List.of(new ColumnModel("owner_id", "integer", false, null)), null,
                List.of(), List.of(), List.of(new ForeignKeyModel("pets_owner_fk", List.of("owner_id"), "b.owners",
                        List.of("id"), ForeignKeyAction.NO_ACTION, ForeignKeyAction.NO_ACTION)), List.of(), List.of(), null);
        DatabaseModel db = new DatabaseModel(Map.of("a", SchemaModel.of(List.of(), List.of(), List.of(pets), List.of()),
                "b", SchemaModel.of(List.of(), List.of(), List.of(owners), List.of())));
        List<Change> up = DatabaseDiffer.diff(DatabaseModel.EMPTY, db);
        assertTrue(indexOf(up, Change.CreateIndex.class, "b") < indexOf(up, Change.AddForeignKey.class, "a"), up.toString());
        List<Change> down = DatabaseDiffer.diff(db, DatabaseModel.EMPTY);
        assertTrue(indexOf(down, Change.DropForeignKey.class, "a") < indexOf(down, Change.DropIndex.class, "b"), down.toString());
    }
}
