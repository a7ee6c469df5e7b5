package org.somaagent01.migrator.diff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.somaagent01.migrator.model.CheckModel;
import org.somaagent01.migrator.model.ColumnModel;
import org.somaagent01.migrator.model.EnumType;
import org.somaagent01.migrator.model.Extension;
import org.somaagent01.migrator.model.ForeignKeyAction;
import org.somaagent01.migrator.model.ForeignKeyModel;
import org.somaagent01.migrator.model.FunctionModel;
import org.somaagent01.migrator.model.IndexModel;
import org.somaagent01.migrator.model.IndexModel.IndexKey;
import org.somaagent01.migrator.model.KeyConstraint;
import org.somaagent01.migrator.model.Renames;
import org.somaagent01.migrator.model.SchemaModel;
import org.somaagent01.migrator.model.TableModel;
import org.somaagent01.migrator.model.TriggerModel;

/** The pure differ, without a database: order, declared renames, destructive marking. */
class DifferTest {
    private static final FunctionModel TOUCH = new FunctionModel("touch", "trigger", "plpgsql", "BEGIN RETURN NEW; END;");

    private static TableModel parents(String idType) {
        return TableModel.of("parents", List.of(new ColumnModel("id", idType, true, null),
                        new ColumnModel("mood", "mood", false, null), new ColumnModel("embedding", "vector(3)", false, null)),
                new KeyConstraint("parents_pkey", List.of("id")), List.of(), List.of(), List.of(),
                List.of(new IndexModel("ix_parents_embedding", false, "hnsw",
                        List.of(new IndexKey("embedding", "vector_cosine_ops", false)), Map.of("m", "8"), null)),
                List.of(new TriggerModel("trg_parents", "parents", "BEFORE", List.of("UPDATE"), true, "touch")), "parents");
    }

    private static TableModel children(String... extraColumns) {
        List<ColumnModel> columns = new ArrayList<>(List.of(new ColumnModel("id", "integer", true, null),
                new ColumnModel("parent_id", "integer", true, null)));
        for (String c : extraColumns) columns.add(new ColumnModel(c, "text", false, null));
        List<IndexModel> indexes = List.of(extraColumns).contains("name")
                ? List.of(new IndexModel("ix_children_name", false, "btree", List.of(new IndexKey("name", null, true)), Map.of(), null))
                : List.of();
        return TableModel.of("children", columns, new KeyConstraint("children_pkey", List.of("id")), List.of(),
                List.of(new CheckModel("ck_children_id", "(id > 0)")),
                List.of(new ForeignKeyModel("fk_children_parent", List.of("parent_id"), "parents", List.of("id"),
                        ForeignKeyAction.CASCADE, ForeignKeyAction.NO_ACTION)), indexes, List.of(), null);
    }

    private static SchemaModel schema(TableModel... tables) {
        return SchemaModel.of(List.of(new Extension("vector")), List.of(new EnumType("mood", List.of("happy", "sad"))),
                List.of(tables), List.of(TOUCH));
    }

    private static int indexOf(List<Change> changes, Predicate<Change> which) {
        for (int i = 0; i < changes.size(); i++) if (which.test(changes.get(i))) return i;
        throw new AssertionError("no such change in " + changes);
    }

    private static List<Change> down(List<Change> up) {
        List<Change> out = new ArrayList<>();
        for (int i = up.size() - 1; i >= 0; i--) out.add(up.get(i).inverse());
        return out;
    }

    private static void assertBefore(List<Change> changes, Predicate<Change> first, Predicate<Change> then) {
        assertTrue(indexOf(changes, first) < indexOf(changes, then), () -> "wrong order in " + changes);
    }

    @Test
    void dependenciesFirstOnTheWayUpDependentsFirstOnTheWayDown() {
        List<Change> up = Differ.diff(SchemaModel.EMPTY, schema(parents("integer"), children()));
        Predicate<Change> extension = c -> c instanceof Change.CreateExtension;
        Predicate<Change> enumType = c -> c instanceof Change.CreateEnum;
        Predicate<Change> parentTable = c -> c instanceof Change.CreateTable t && t.table().name().equals("parents");
        Predicate<Change> childTable = c -> c instanceof Change.CreateTable t && t.table().name().equals("children");
        Predicate<Change> fk = c -> c instanceof Change.AddForeignKey;
        Predicate<Change> index = c -> c instanceof Change.CreateIndex;
        Predicate<Change> function = c -> c instanceof Change.CreateFunction;
        Predicate<Change> trigger = c -> c instanceof Change.CreateTrigger;
        assertBefore(up, extension, parentTable);
        assertBefore(up, enumType, parentTable);
        assertBefore(up, parentTable, fk);
        assertBefore(up, childTable, fk);
        assertBefore(up, parentTable, index);
        assertBefore(up, function, trigger);
        assertBefore(up, parentTable, trigger);

        List<Change> down = down(up);
        assertBefore(down, c -> c instanceof Change.DropForeignKey, c -> c instanceof Change.DropTable t && t.table().name().equals("parents"));
        assertBefore(down, c -> c instanceof Change.DropTrigger, c -> c instanceof Change.DropFunction);
        assertBefore(down, c -> c instanceof Change.DropTable, c -> c instanceof Change.DropEnum);
        assertBefore(down, c -> c instanceof Change.DropTable, c -> c instanceof Change.DropExtension);
        // and the diff of the reverse direction is ordered the same way
        assertEquals(Differ.diff(schema(parents("integer"), children()), SchemaModel.EMPTY).size(), down.size());
    }

    @Test
    void changingAReferencedKeyTypeRecreatesTheForeignKeysAroundIt() {
        List<Change> up = Differ.diff(schema(parents("integer"), children()), schema(parents("bigint"), children()));
        Predicate<Change> retype = c -> c instanceof Change.AlterColumnType t && t.table().equals("parents");
        assertBefore(up, c -> c instanceof Change.DropForeignKey d && d.foreignKey().name().equals("fk_children_parent"), retype);
        assertBefore(up, retype, c -> c instanceof Change.AddForeignKey a && a.foreignKey().name().equals("fk_children_parent"));
        assertEquals(3, up.size(), () -> "only the FK goes around the type change: " + up);
    }

    @Test
    void droppingAColumnDropsTheIndexUsingItFirst() {
        List<Change> up = Differ.diff(schema(parents("integer"), children("name")), schema(parents("integer"), children()));
        assertBefore(up, c -> c instanceof Change.DropIndex, c -> c instanceof Change.DropColumn);
        assertBefore(down(up), c -> c instanceof Change.AddColumn, c -> c instanceof Change.CreateIndex);
    }

    @Test
    void changingAVectorDimensionRecreatesItsIndex() {
        TableModel wider = parents("integer");
        List<ColumnModel> columns = new ArrayList<>(wider.columns());
        columns.set(2, new ColumnModel("embedding", "vector(4)", false, null));
        wider = new TableModel(wider.name(), columns, wider.primaryKey(), wider.uniques(), wider.checks(),
                wider.foreignKeys(), wider.indexes(), wider.triggers(), wider.comment());
        List<Change> up = Differ.diff(schema(parents("integer")), schema(wider));
        assertEquals(List.of(Change.DropIndex.class, Change.AlterColumnType.class, Change.CreateIndex.class),
                up.stream().map(Object::getClass).toList());
    }

    @Test
    void renamesOnlyWhatIsDeclared() {
        SchemaModel before = schema(parents("integer"), children("name"));
        SchemaModel after = schema(parents("integer"), renamed(children("title"), "kids"));

        List<Change> guessed = Differ.diff(before, after);
        assertTrue(guessed.stream().anyMatch(c -> c instanceof Change.DropTable), "undeclared: drop and create");
        assertTrue(guessed.stream().noneMatch(c -> c instanceof Change.RenameTable || c instanceof Change.RenameColumn));

        Renames declared = new Renames(Map.of("kids", "children"), Map.of("kids", Map.of("title", "name")), Map.of());
        List<Change> up = Differ.diff(before, after, declared);
        assertEquals(new Change.RenameTable("children", "kids"), up.get(0));
        assertEquals(new Change.RenameColumn("kids", "name", "title"), up.get(1));
        // the index on the renamed column follows it, so it is not recreated; only its name was declared differently
        assertTrue(up.stream().noneMatch(c -> c instanceof Change.DropTable || c instanceof Change.DropColumn), up::toString);
        assertTrue(up.stream().noneMatch(Change::destructive), up::toString);
    }

    private static TableModel renamed(TableModel t, String name) {
        List<ColumnModel> columns = t.columns().stream()
                .map(c -> c.name().equals("title") ? new ColumnModel("title", c.type(), c.notNull(), c.defaultExpression()) : c)
                .toList();
        List<IndexModel> indexes = List.of(new IndexModel("ix_children_name", false, "btree",
                List.of(new IndexKey("title", null, true)), Map.of(), null));
        return TableModel.of(name, columns, t.primaryKey(), t.uniques().values(), t.checks().values(),
                t.foreignKeys().values(), indexes, t.triggers().values(), t.comment());
    }

    @Test
    void marksChangesThatCanLoseData() {
        assertTrue(new Change.DropTable(children()).destructive());
        assertTrue(new Change.DropColumn("t", new ColumnModel("c", "text", false, null)).destructive());
        assertTrue(new Change.DropEnum(new EnumType("mood", List.of("a"))).destructive());
        assertTrue(new Change.AlterColumnType("t", "c", "bigint", "integer").destructive());
        assertTrue(new Change.AlterColumnType("t", "c", "character varying(40)", "character varying(20)").destructive());
        assertTrue(new Change.AlterColumnType("t", "c", "text", "integer").destructive());
        assertTrue(new Change.SwapEnumType("mood", List.of("a", "b"), List.of("a"), Map.of("b", "a"), List.of()).destructive());

        assertFalse(new Change.AlterColumnType("t", "c", "integer", "bigint").destructive());
        assertFalse(new Change.AlterColumnType("t", "c", "character varying(20)", "text").destructive());
        assertFalse(new Change.AlterColumnType("t", "c", "character varying(20)", "character varying(40)").destructive());
        assertFalse(new Change.SwapEnumType("mood", List.of("a", "b"), List.of("b", "a"), Map.of(), List.of()).destructive());
        assertFalse(new Change.AddColumn("t", new ColumnModel("c", "text", false, null)).destructive());

        // an added enum value is not destructive, but its inverse is
        List<Change> add = Differ.diff(schema(), SchemaModel.of(List.of(new Extension("vector")),
                List.of(new EnumType("mood", List.of("happy", "calm", "sad"))), List.of(), List.of(TOUCH)));
        assertEquals(List.of(new Change.AddEnumValue("mood", "calm", "happy", false, List.of("happy", "sad"), List.of())), add);
        assertFalse(add.get(0).destructive());
        assertTrue(add.get(0).inverse().destructive());
    }

    @Test
    void anUnchangedSchemaDiffsToNothing() {
        SchemaModel s = schema(parents("integer"), children("name"));
        assertEquals(List.of(), Differ.diff(s, s));
        assertEquals(List.of(), Differ.diff(org.somaagent01.migrator.declared.DeclaredSchema.soma(),
                org.somaagent01.migrator.declared.DeclaredSchema.soma()));
    }
    @Test
    void aForeignKeyOnANewUniqueIndexComesAfterItAndGoesBeforeIt() {
        // by rank, foreign keys come before indexes; the key the foreign key relies on orders them
        TableModel owners = TableModel.of("owners", List.of(new ColumnModel("id", "integer", true, null)), null,
                List.of(), List.of(), List.of(), List.of(new IndexModel("owners_id", true, "btree",
                        List.of(new IndexKey("id", null, false)), Map.of(), null)), List.of(), null);
        TableModel pets = TableModel.of("pets", List.of(new ColumnModel("owner_id", "integer", false, null)), null,
                List.of(), List.of(), List.of(new ForeignKeyModel("pets_owner_fk", List.of("owner_id"), "owners",
                        List.of("id"), ForeignKeyAction.NO_ACTION, ForeignKeyAction.NO_ACTION)), List.of(), List.of(), null);
        SchemaModel both = SchemaModel.of(List.of(), List.of(), List.of(owners, pets), List.of());
        List<Change> up = Differ.diff(SchemaModel.EMPTY, both);
        assertTrue(indexOf(up, c -> c instanceof Change.CreateIndex) < indexOf(up, c -> c instanceof Change.AddForeignKey), up.toString());
        List<Change> down = Differ.diff(both, SchemaModel.EMPTY);
        assertTrue(indexOf(down, c -> c instanceof Change.DropForeignKey) < indexOf(down, c -> c instanceof Change.DropIndex), down.toString());
    }
}
