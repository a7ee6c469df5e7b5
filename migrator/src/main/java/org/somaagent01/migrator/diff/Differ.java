package org.somaagent01.migrator.diff;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.somaagent01.migrator.model.EnumType;
import org.somaagent01.migrator.model.Renames;
import org.somaagent01.migrator.model.SchemaModel;
import org.somaagent01.migrator.model.TableModel;

/**
 * The pure differ: two schema models in, the ordered changes that turn {@code from} into {@code to} out. It renames
 * what is declared, computes once what changes under what ({@link DiffContext}), asks each per-kind differ for its
 * changes (unordered), and orders them all by their dependencies ({@link ChangeOrder} over {@link Dependencies}),
 * ties broken by {@link ChangeRank}. Since a plan's down part is the inverses in reverse order, the same order is
 * right on the way back.
 *
 * <p>An object PostgreSQL cannot keep across a change is dropped and recreated around it: foreign keys, indexes,
 * CHECKs, policies, triggers and views on a column whose type changes or that goes, generated columns reading such a
 * column or whose expression changes (dropped and added: destructive), foreign keys on a key that is dropped,
 * triggers on a function that is recreated. A changed option of an index or constraint is a changed object,
 * dropped and added (the online planner swaps indexes in place), except that a CHECK or foreign key that differs
 * only in being NOT VALID is validated in place.
 */
public final class Differ {
    private Differ() {}

    public static List<Change> diff(SchemaModel from, SchemaModel to) {
        return diff(from, to, Renames.NONE);
    }

    /** Like {@link #diff(SchemaModel, SchemaModel)}, renaming what {@code renames} declares instead of drop + add. */
    public static List<Change> diff(SchemaModel from, SchemaModel to, Renames renames) {
        return List.copyOf(ChangeOrder.sort(entries(from, to, renames)));
    }

    /**
     * The changes with their ranks and keys, unordered; {@link DatabaseDiffer} sorts several schemas' together.
     * A partition key or the parents a table inherits cannot change: the table goes, with its partitions (or
     * inheriting tables) and what refers to them, before anything else, and comes back.
     */
    static List<ChangeOrder.Entry> entries(SchemaModel from, SchemaModel to, Renames renames) {
        return entries(from, to, renames, RoutinesElsewhere.NONE);
    }

    /** The same, with the routines of other schemas of the database that go or come ({@link DatabaseDiffer}). */
    static List<ChangeOrder.Entry> entries(SchemaModel from, SchemaModel to, Renames renames, RoutinesElsewhere elsewhere) {
        Set<String> rebuilt = Partitions.rebuilt(from, to);
        if (rebuilt.isEmpty()) return ranked(from, to, renames, 0, elsewhere);
        SchemaModel between = Partitions.without(from, Partitions.withDescendants(from, rebuilt));
        List<ChangeOrder.Entry> out = new ArrayList<>(ranked(from, between, Renames.NONE, -ChangeRank.COUNT, elsewhere));
        out.addAll(ranked(between, to, renames, 0, elsewhere));
        return out;
    }

    private static List<ChangeOrder.Entry> ranked(SchemaModel from, SchemaModel to, Renames hints, int offset,
                                                  RoutinesElsewhere elsewhere) {
        List<Change> renames = new ArrayList<>();
        SchemaModel renamed = rename(from, to, hints, renames);
        DiffContext cx = DiffContext.of(renamed, to, elsewhere);
        List<Change> changes = new ArrayList<>(renames);
        changes.addAll(ExtensionDiffer.diff(cx));
        changes.addAll(CollationDiffer.diff(cx));
        changes.addAll(TypeDiffer.diff(cx, hints));
        changes.addAll(SequenceDiffer.diff(cx));
        changes.addAll(RoutineDiffer.diff(cx));
        changes.addAll(TableDiffer.diff(cx));
        changes.addAll(ColumnDiffer.diff(cx));
        changes.addAll(ConstraintDiffer.diff(cx));
        changes.addAll(ForeignKeyDiffer.diff(cx));
        changes.addAll(IndexDiffer.diff(cx));
        changes.addAll(TriggerDiffer.diff(cx));
        changes.addAll(ViewDiffer.diff(cx));
        changes.addAll(SecurityDiffer.rowSecurity(cx));
        List<Change> all = List.copyOf(changes);
        changes.addAll(SecurityDiffer.privileges(cx, all));
        changes.addAll(CommentDiffer.diff(cx, all));
        Dependencies dependencies = new Dependencies(renamed, to, elsewhere);
        List<ChangeOrder.Entry> out = new ArrayList<>();
        for (Change c : plainOnPartitioned(cx, changes)) {
            out.add(new ChangeOrder.Entry(c, offset + ChangeRank.of(c, to), dependencies.of(c)));
        }
        return out;
    }

    /** The declared renames that apply, added to {@code out}; returns {@code from} renamed by them. */
    private static SchemaModel rename(SchemaModel from, SchemaModel to, Renames hints, List<Change> out) {
        SchemaModel[] renamed = {from};
        hints.tables().forEach((newName, oldName) -> {
            if (renamed[0].tables().containsKey(oldName) && !renamed[0].tables().containsKey(newName)
                    && to.tables().containsKey(newName) && !to.tables().containsKey(oldName)) {
                out.add(new Change.RenameTable(oldName, newName));
                renamed[0] = Renaming.table(renamed[0], oldName, newName);
            }
        });
        for (TableModel target : to.tables().values()) {
            hints.columnsOf(target.name()).forEach((newName, oldName) -> {
                TableModel source = renamed[0].tables().get(target.name());
                if (source != null && source.column(oldName).isPresent() && source.column(newName).isEmpty()
                        && target.column(newName).isPresent() && target.column(oldName).isEmpty()) {
                    out.add(new Change.RenameColumn(target.name(), oldName, newName));
                    renamed[0] = Renaming.column(renamed[0], target.name(), oldName, newName);
                }
            });
        }
        for (EnumType target : to.enums().values()) {
            hints.labelsOf(target.name()).forEach((oldLabel, newLabel) -> {
                EnumType source = renamed[0].enums().get(target.name());
                if (source != null && source.labels().contains(oldLabel) && !source.labels().contains(newLabel)
                        && target.labels().contains(newLabel) && !target.labels().contains(oldLabel)) {
                    out.add(new Change.RenameEnumValue(target.name(), oldLabel, newLabel));
                    renamed[0] = Renaming.enumLabel(renamed[0], target.name(), oldLabel, newLabel);
                }
            });
        }
        return renamed[0];
    }

    /** Index and constraint changes on a partitioned table, or a foreign key onto one, keep their plain form. */
    private static List<Change> plainOnPartitioned(DiffContext cx, List<Change> changes) {
        Set<String> partitioned = new HashSet<>();
        for (SchemaModel s : List.of(cx.from(), cx.to())) {
            s.tables().values().forEach(t -> { if (t.shape().isPartitioned()) partitioned.add(t.name()); });
        }
        if (partitioned.isEmpty()) return changes;
        List<Change> out = new ArrayList<>();
        for (Change c : changes) {
            String table = null;
            String target = null;
            if (c instanceof Change.CreateIndex x) table = x.table();
            if (c instanceof Change.DropIndex x) table = x.table();
            if (c instanceof Change.AddCheck x) table = x.table();
            if (c instanceof Change.DropCheck x) table = x.table();
            if (c instanceof Change.SetCheckValidated x) table = x.table();
            if (c instanceof Change.AddUnique x) table = x.table();
            if (c instanceof Change.DropUnique x) table = x.table();
            if (c instanceof Change.AddPrimaryKey x) table = x.table();
            if (c instanceof Change.DropPrimaryKey x) table = x.table();
            if (c instanceof Change.SetNotNull x) table = x.table();
            if (c instanceof Change.AddForeignKey x) { table = x.table(); target = x.foreignKey().targetTable(); }
            if (c instanceof Change.DropForeignKey x) { table = x.table(); target = x.foreignKey().targetTable(); }
            if (c instanceof Change.SetForeignKeyValidated x) { table = x.table(); target = x.foreignKey().targetTable(); }
            out.add(partitioned.contains(table) || partitioned.contains(target) ? new Change.OnPartitionedTable(c) : c);
        }
        return out;
    }

    /**
     * The changes as what they do to single objects: a partitioned table's drop drops it and each partition, and a
     * change on a partitioned table is the change itself.
     */
    static List<Change> underlying(List<Change> changes) {
        List<Change> out = new ArrayList<>();
        for (Change c : changes) {
            if (c instanceof Change.OnPartitionedTable p) {
                out.add(p.change());
            } else if (c instanceof Change.DropPartitioned d) {
                out.add(new Change.DropTable(d.table()));
                for (TableModel t : d.partitions()) out.add(new Change.DropTable(t));
            } else {
                out.add(c);
            }
        }
        return out;
    }
}
