package org.somaagent01.migrator.diff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.somaagent01.migrator.model.CheckModel;
import org.somaagent01.migrator.model.ColumnModel;
import org.somaagent01.migrator.model.ForeignKeyAction;
import org.somaagent01.migrator.model.ForeignKeyModel;
import org.somaagent01.migrator.model.IndexModel;
import org.somaagent01.migrator.model.IndexModel.IndexKey;
import org.somaagent01.migrator.model.KeyConstraint;
import org.somaagent01.migrator.model.PolicyModel;
import org.somaagent01.migrator.model.SchemaModel;
import org.somaagent01.migrator.model.TableModel;
import org.somaagent01.migrator.model.TriggerModel;
import org.somaagent01.migrator.model.ViewModel;

/** The object keys each change needs and provides, from the change and the models. */
class DependenciesTest {
    private static final TableModel T = TableModel.of("t", List.of(new ColumnModel("id", "bigint", true, "nextval('t_seq'::regclass)"),
                    new ColumnModel("mood", "mood[]", false, null), new ColumnModel("price", "numeric(10,2)", false, null)),
            new KeyConstraint("t_pkey", List.of("id")), List.of(), List.of(new CheckModel("ck_price", "(price > (0)::numeric)")),
            List.of(), List.of(), List.of(), null);
    private static final SchemaModel SIDE = SchemaModel.EMPTY.withTables(Map.of("t", T));
    private static final Dependencies DEPS = new Dependencies(SIDE, SIDE);

    @Test
    void aTableProvidesItsColumnsAndKeysAndReadsTheirTypesAndSequences() {
        Dependencies.Keys k = DEPS.of(new Change.CreateTable(T));
        assertTrue(k.made().containsAll(Set.of("rel:t", "column:t.id", "column:t.mood", "constraint:t.t_pkey",
                "index:t_pkey", "key:t(id)", "constraint:t.ck_price")), k.toString());
        assertTrue(k.after().containsAll(Set.of("type:bigint", "type:mood", "type:numeric", "sequence:t_seq")), k.toString());
        assertTrue(k.gone().isEmpty() && k.before().isEmpty(), k.toString());
        // dropped, the same keys, the other way round
        Dependencies.Keys d = DEPS.of(new Change.DropTable(T));
        assertEquals(k.made(), d.gone());
        assertEquals(k.after(), d.before());
    }

    @Test
    void aViewReadsWhatPgDependRecorded() {
        Dependencies.Keys k = DEPS.of(new Change.CreateView(new ViewModel("v", false, "SELECT", Map.of(), List.of("t.id", "w"))));
        assertEquals(Set.of("rel:v"), k.made());
        assertEquals(Set.of("rel:t", "column:t.id", "rel:w"), k.after());
    }

    @Test
    void aForeignKeyReadsItsColumnsItsTargetAndTheTargetKey() {
        ForeignKeyModel fk = new ForeignKeyModel("fk", List.of("b", "a"), "p", List.of("y", "x"), ForeignKeyAction.NO_ACTION,
                ForeignKeyAction.NO_ACTION);
        Dependencies.Keys k = DEPS.of(new Change.AddForeignKey("c", fk));
        assertEquals(Set.of("constraint:c.fk"), k.made());
        assertTrue(k.after().containsAll(Set.of("column:c.a", "column:c.b", "rel:p", "column:p.x", "key:p(x,y)")), k.toString());
        // a unique index on the same columns, in another order, is such a key
        IndexModel ix = new IndexModel("p_x_y", true, "btree", List.of(new IndexKey("y", null, false), new IndexKey("x", null, false)),
                Map.of(), null);
        assertTrue(DEPS.of(new Change.CreateIndex("p", ix)).made().contains("key:p(x,y)"));
    }

    @Test
    void checksIndexesPoliciesAndTriggersReadTheColumnsTheyMention() {
        assertTrue(DEPS.of(new Change.AddCheck("t", new CheckModel("ck", "(price > 1)"))).after().contains("column:t.price"));
        IndexModel ix = new IndexModel("ix", false, "btree", List.of(new IndexKey("(lower((mood)::text))", null, false)), Map.of(), "(id > 0)");
        assertTrue(DEPS.of(new Change.CreateIndex("t", ix)).after().containsAll(Set.of("column:t.mood", "column:t.id")));
        PolicyModel p = new PolicyModel("p", true, "ALL", List.of("public"), "(id = 1)", null);
        assertTrue(DEPS.of(new Change.CreatePolicy("t", p)).after().contains("column:t.id"));
        TriggerModel trg = new TriggerModel("trg", "t", "BEFORE", List.of("UPDATE"), true, "touch").withCondition(List.of("price"), null);
        assertTrue(DEPS.of(new Change.CreateTrigger(trg)).after().containsAll(Set.of("function:touch()", "column:t.price", "rel:t")));
    }

    @Test
    void aTypeChangeAltersTheColumnWhileCommentsAndDefaultsOnlyUseIt() {
        Dependencies.Keys alter = DEPS.of(new Change.AlterColumnType("t", "price", "numeric(10,2)", "text"));
        assertEquals(Set.of("column:t.price"), alter.alters());
        assertEquals(Set.of("type:numeric"), alter.before());
        assertEquals(Set.of("type:text"), alter.after());
        assertEquals(Set.of("column:t.price"), DEPS.of(new Change.SetColumnComment("t", "price", "x", null)).usesOld());
        assertEquals(Set.of("column:t.price"), DEPS.of(new Change.SetNotNull("t", "price", true)).usesNew());
    }

    @Test
    void addedColumnsFollowTheColumnsBeforeThemAndDropsGoLastFirst() {
        Dependencies.Keys add = DEPS.of(new Change.AddColumn("t", T.columns().get(2)));
        assertEquals(Set.of("column:t.id", "column:t.mood"), add.usesNew());
        Dependencies.Keys drop = DEPS.of(new Change.DropColumn("t", T.columns().get(1)));
        assertEquals(Set.of("column:t.id"), drop.usesOld());
    }

    @Test
    void keysAreQualifiedBySchema() {
        Dependencies.Keys k = DEPS.of(new Change.CreateView(new ViewModel("v", false, "SELECT", Map.of(), List.of("t.id"))));
        Dependencies.Keys q = k.qualified(key -> "s|" + key);
        assertEquals(Set.of("s|rel:v"), q.made());
        assertEquals(Set.of("s|rel:t", "s|column:t.id"), q.after());
    }
}
