package org.somaagent01.migrator.diff;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.somaagent01.migrator.model.ColumnModel;
import org.somaagent01.migrator.model.IndexModel;
import org.somaagent01.migrator.model.IndexModel.IndexKey;
import org.somaagent01.migrator.model.KeyConstraint;
import org.somaagent01.migrator.model.SchemaModel;
import org.somaagent01.migrator.model.SequenceModel;
import org.somaagent01.migrator.model.TableModel;
import org.somaagent01.migrator.model.ViewModel;

/** The dependency sort alone: edges from keys, ties by rank then emission, cycles broken by rank. */
class ChangeOrderTest {
    private static final Dependencies DEPS = new Dependencies(SchemaModel.EMPTY, SchemaModel.EMPTY);

    private static TableModel table(String name, String... columns) {
        List<ColumnModel> cols = new ArrayList<>();
        for (String c : columns) cols.add(new ColumnModel(c, "integer", false, null));
        return TableModel.of(name, cols, null, List.of(), List.of(), List.of(), List.of(), List.of(), null);
    }

    private static List<Change> sort(int[] ranks, Change... changes) {
        List<ChangeOrder.Entry> entries = new ArrayList<>();
        for (int i = 0; i < changes.length; i++) entries.add(new ChangeOrder.Entry(changes[i], ranks[i], DEPS.of(changes[i])));
        return ChangeOrder.sort(entries);
    }

    private static ViewModel view(String name, String... reads) {
        return new ViewModel(name, false, "SELECT 1", Map.of(), List.of(reads));
    }

    @Test
    void withoutDependenciesRankThenEmissionDecides() {
        Change a = new Change.CreateTable(table("a"));
        Change b = new Change.CreateTable(table("b"));
        Change c = new Change.CreateTable(table("c"));
        assertEquals(List.of(b, c, a), sort(new int[] {2, 1, 1}, a, b, c));
    }

    @Test
    void aViewIsCreatedAfterWhatItReadsAndDroppedBeforeWhatItReads() {
        Change top = new Change.CreateView(view("top", "mid.x"));
        Change mid = new Change.CreateView(view("mid", "t.x"));
        Change t = new Change.CreateTable(table("t", "x"));
        // emitted (and ranked) the wrong way round: the dependencies win
        assertEquals(List.of(t, mid, top), sort(new int[] {0, 0, 0}, top, mid, t));
        assertEquals(List.of(top.inverse(), mid.inverse(), t.inverse()),
                sort(new int[] {0, 0, 0}, t.inverse(), mid.inverse(), top.inverse()));
    }

    @Test
    void aDropComesBeforeTheCreateOfTheSameObject() {
        Change create = new Change.CreateView(view("v", "t.x"));
        Change drop = new Change.DropView(view("v", "t.y"));
        assertEquals(List.of(drop, create), sort(new int[] {5, 9}, create, drop));
    }

    @Test
    void dependentsAreDroppedBeforeAndCreatedAfterAColumnTypeChange() {
        IndexModel ix = new IndexModel("ix_t_x", false, "btree", List.of(new IndexKey("x", null, false)), Map.of(), null);
        Change alter = new Change.AlterColumnType("t", "x", "integer", "bigint");
        Change dropView = new Change.DropView(view("v", "t.x"));
        Change createView = new Change.CreateView(view("v", "t.x"));
        Change dropIndex = new Change.DropIndex("t", ix);
        Change createIndex = new Change.CreateIndex("t", ix);
        // ready at once, the drops go in emission order, as do the creations
        assertEquals(List.of(dropIndex, dropView, alter, createView, createIndex),
                sort(new int[] {0, 0, 0, 0, 0}, createView, createIndex, alter, dropIndex, dropView));
    }

    @Test
    void aForeignKeyWaitsForItsTargetKeyAndGoesBeforeIt() {
        var fk = new org.somaagent01.migrator.model.ForeignKeyModel("fk", List.of("p"), "parent", List.of("id"),
                org.somaagent01.migrator.model.ForeignKeyAction.NO_ACTION, org.somaagent01.migrator.model.ForeignKeyAction.NO_ACTION);
        Change addKey = new Change.AddUnique("parent", new KeyConstraint("parent_id_key", List.of("id")));
        Change addFk = new Change.AddForeignKey("child", fk);
        assertEquals(List.of(addKey, addFk), sort(new int[] {1, 0}, addFk, addKey));
        assertEquals(List.of(addFk.inverse(), addKey.inverse()), sort(new int[] {0, 1}, addKey.inverse(), addFk.inverse()));
    }

    @Test
    void aSequenceIsCreatedBeforeTheColumnDrawingFromItAndOwnedAfterIt() {
        Change sequence = new Change.CreateSequence(SequenceModel.defaults("s"));
        Change column = new Change.AddColumn("t", new ColumnModel("id", "bigint", false, "nextval('s'::regclass)"));
        Change owner = new Change.SetSequenceOwner("s", null, "t.id");
        assertEquals(List.of(sequence, column, owner), sort(new int[] {0, 0, 0}, owner, column, sequence));
    }

    @Test
    void aCycleIsBrokenByRankThenEmissionDeterministically() {
        // two views each recorded as reading the other (PostgreSQL cannot make this, a wrong read can): the lower
        // ranked one goes first, whatever the emission order
        Change a = new Change.CreateView(view("a", "b.x"));
        Change b = new Change.CreateView(view("b", "a.x"));
        Change t = new Change.CreateTable(table("t"));
        assertEquals(List.of(t, b, a), sort(new int[] {3, 2, 0}, a, b, t));
        assertEquals(List.of(t, b, a), sort(new int[] {2, 0, 3}, b, t, a));
        // same rank: emission order
        assertEquals(List.of(a, b), sort(new int[] {1, 1}, a, b));
        assertEquals(List.of(b, a), sort(new int[] {1, 1}, b, a));
    }

    @Test
    void aCycleDoesNotHoldBackWhatDependsOnIt() {
        Change a = new Change.CreateView(view("a", "b.x"));
        Change b = new Change.CreateView(view("b", "a.x"));
        Change c = new Change.CreateView(view("c", "a.x", "b.x"));
        assertEquals(List.of(a, b, c), sort(new int[] {0, 0, 0}, c, a, b));
    }
}
