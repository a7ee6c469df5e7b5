package org.somaagent01.migrator.diff;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.somaagent01.migrator.model.CheckModel;
import org.somaagent01.migrator.model.ColumnModel;
import org.somaagent01.migrator.model.CompositeTypeModel;
import org.somaagent01.migrator.model.DomainModel;
import org.somaagent01.migrator.model.EnumType;
import org.somaagent01.migrator.model.ExclusionModel;
import org.somaagent01.migrator.model.ForeignKeyModel;
import org.somaagent01.migrator.model.FunctionModel;
import org.somaagent01.migrator.model.IndexModel;
import org.somaagent01.migrator.model.KeyConstraint;
import org.somaagent01.migrator.model.Renames;
import org.somaagent01.migrator.model.SchemaModel;
import org.somaagent01.migrator.model.TableModel;
import org.somaagent01.migrator.model.SequenceModel;
import org.somaagent01.migrator.model.TriggerModel;
import org.somaagent01.migrator.model.ViewModel;

/**
 * The pure differ: two schema models in, the ordered changes that turn {@code from} into {@code to} out.
 *
 * <p>Order: privileges revoked and comments removed from objects that go or are rebuilt (while they exist under
 * their old names); views that go or must be rebuilt (dependents first); declared renames; policies that go or must be
 * rebuilt, row-level security of dropped tables; sequence owners let go; then
 * everything that goes away, dependents first (triggers, foreign keys, indexes, constraints, tables and columns,
 * functions); then what PostgreSQL alters in place (enum labels, sequences, column types, nullability, defaults,
 * identity); then everything that comes, dependencies first (extensions, enum types and sequences before the tables
 * that use them, functions and procedures before the tables and defaults that may call them, tables before
 * constraints, keys before the foreign keys that need them,
 * views after everything they may read, each after the views it reads), then row-level security and policies,
 * comments, privileges last. Since a plan's down part is the inverses in reverse order, the same order is right
 * on the way back.
 *
 * <p>An object PostgreSQL cannot keep across a change is dropped and recreated around it: foreign keys, indexes,
 * CHECKs and views (as {@code pg_depend} records what they read) on a column whose type changes or that goes away,
 * generated columns reading such a column or whose expression changes (dropped and added: destructive), foreign keys
 * on a key that is dropped, triggers on a function that is recreated. A changed option of an index or constraint is
 * a changed object, dropped and added (the online planner swaps indexes in place), except that a CHECK or foreign
 * key that differs only in being NOT VALID is validated in place ({@link Change.SetCheckValidated},
 * {@link Change.SetForeignKeyValidated}).
 *
 * <p>PostgreSQL cannot reorder columns: a difference in column order alone is not diffed, and added columns come
 * last. Columns are dropped last-first, so a down re-adds them in their original relative order, at the end.
 */
public final class Differ {
    private final SchemaModel to;
    private SchemaModel from;

    private final List<Change> dropViews = new ArrayList<>();
    private final List<Change> renames = new ArrayList<>();
    private final List<Change> unownSequences = new ArrayList<>();
    private final List<Change> dropTriggers = new ArrayList<>();
    private final List<Change> dropForeignKeys = new ArrayList<>();
    private final List<Change> dropIndexes = new ArrayList<>();
    private final List<Change> dropConstraints = new ArrayList<>();
    private final List<Change> dropTables = new ArrayList<>();
    private final List<Change> dropColumns = new ArrayList<>();
    private final List<Change> dropFunctions = new ArrayList<>();
    private final List<Change> createExtensions = new ArrayList<>();
    private final List<Change> createEnums = new ArrayList<>();
    private final List<Change> createSequences = new ArrayList<>();
    private final List<Change> alterEnums = new ArrayList<>();
    private final List<Change> alterColumns = new ArrayList<>();
    private final List<Change> createTables = new ArrayList<>();
    private final List<Change> addColumns = new ArrayList<>();
    private final List<Change> ownSequences = new ArrayList<>();
    private final List<Change> dropSequences = new ArrayList<>();
    private final List<Change> dropEnums = new ArrayList<>();
    private final List<Change> dropExtensions = new ArrayList<>();
    private final List<Change> addConstraints = new ArrayList<>();
    private final List<Change> createFunctions = new ArrayList<>();
    private final List<Change> addForeignKeys = new ArrayList<>();
    private final List<Change> createIndexes = new ArrayList<>();
    private final List<Change> createTriggers = new ArrayList<>();
    private final List<Change> createViews = new ArrayList<>();
    private final List<Change> comments = new ArrayList<>();
    private final List<Change> dropPolicies = new ArrayList<>();
    private final List<Change> createPolicies = new ArrayList<>();
    private final List<Change> revokes = new ArrayList<>();
    private final List<Change> grants = new ArrayList<>();
    private final List<Change> uncomments = new ArrayList<>();
    private final List<Change> objectComments = new ArrayList<>();
    private final List<Change> createDomains = new ArrayList<>();
    private final List<Change> alterDomains = new ArrayList<>();
    private final List<Change> dropDomains = new ArrayList<>();
    private final List<Change> createCompositeTypes = new ArrayList<>();
    private final List<Change> alterCompositeTypes = new ArrayList<>();
    private final List<Change> dropCompositeTypes = new ArrayList<>();
    // partitions attached (and detached from a parent that stays) and parents inherited, once columns are in place
    private final List<Change> attachPartitions = new ArrayList<>();
    private final List<TableModel> tableDrops = new ArrayList<>();
    private final List<TableModel> tableCreates = new ArrayList<>();

    // objects unchanged in the models that must still be dropped and recreated; "table.name" keys
    private final Set<String> touchedColumns = new HashSet<>();
    // columns on both sides that are dropped and added again: a generated column whose expression or type changes,
    // or that reads a touched column (PostgreSQL can neither alter the expression nor retype what it reads)
    private final Set<String> replacedColumns = new HashSet<>();
    private final Set<String> forcedIndexes = new HashSet<>();
    private final Set<String> forcedChecks = new HashSet<>();
    private final Set<String> forcedExclusions = new HashSet<>();
    private final Set<String> forcedForeignKeys = new HashSet<>();
    private final Set<String> recreatedFunctions = new HashSet<>();
    /** Dropped primary keys, unique constraints and indexes by table; built by the first {@link #keyGoes}. */
    private Map<String, List<Change>> keyDrops;

    private Differ(SchemaModel from, SchemaModel to) {
        this.from = from;
        this.to = to;
    }

    public static List<Change> diff(SchemaModel from, SchemaModel to) {
        return diff(from, to, Renames.NONE);
    }

    /** Like {@link #diff(SchemaModel, SchemaModel)}, renaming what {@code renames} declares instead of drop + add. */
    public static List<Change> diff(SchemaModel from, SchemaModel to, Renames renames) {
        Dependencies dependencies = new Dependencies(from, to);
        List<ChangeOrder.Entry> entries = new ArrayList<>();
        List<List<Change>> phases = phases(from, to, renames);
        for (int p = 0; p < phases.size(); p++) {
            for (Change c : phases.get(p)) entries.add(new ChangeOrder.Entry(c, p, dependencies.of(c)));
        }
        return List.copyOf(ChangeOrder.sort(entries));
    }

    /**
     * The same changes as {@link #diff(SchemaModel, SchemaModel, Renames)}, grouped in their phases, in order (some
     * phases may be empty); a database of several schemas interleaves its schemas' phases one by one, so that e.g.
     * every schema's types come before any schema's tables.
     */
    public static List<List<Change>> phases(SchemaModel from, SchemaModel to, Renames renames) {
        // a partition key or the parents a table inherits cannot change: the table goes, with its partitions (or
        // inheriting tables) and what refers to them, and comes back
        Set<String> rebuilt = Partitions.rebuilt(from, to);
        if (!rebuilt.isEmpty()) {
            SchemaModel between = Partitions.without(from, Partitions.withDescendants(from, rebuilt));
            // the way there, all of it, opens the first phase of the way on: the phases keep their number, so that
            // a database's schemas still interleave phase by phase
            List<List<Change>> out = new ArrayList<>(new Differ(between, to).run(renames));
            List<Change> first = new ArrayList<>();
            new Differ(from, between).run(Renames.NONE).forEach(first::addAll);
            first.addAll(out.get(0));
            out.set(0, List.copyOf(first));
            return List.copyOf(out);
        }
        return new Differ(from, to).run(renames);
    }

    private List<List<Change>> run(Renames hints) {
        applyRenames(hints);
        findTouchedColumns();
        functions();
        triggers();
        indexesAndChecks();
        keys();
        foreignKeys();
        tablesAndColumns();
        tableHierarchies();
        layouts();
        extensions();
        enums(hints);
        sequences();
        views();
        rowSecurity();
        privileges();
        objectComments();
        domains();
        compositeTypes();
        List<List<Change>> out = new ArrayList<>();
        for (List<Change> phase : List.of(revokes, uncomments, dropViews, renames, dropPolicies, unownSequences,
                dropTriggers, dropForeignKeys, dropIndexes, dropConstraints, dropTables, dropColumns, dropFunctions,
                createExtensions, createEnums, createSequences, alterEnums, createDomains, alterDomains,
                createCompositeTypes, alterCompositeTypes, createFunctions, alterColumns, createTables, addColumns,
                attachPartitions, ownSequences, dropSequences, dropCompositeTypes, dropDomains, dropEnums, dropExtensions, addConstraints,
                addForeignKeys, createIndexes, createTriggers, createViews, createPolicies, comments, objectComments,
                grants)) {
            out.add(List.copyOf(plainOnPartitioned(phase)));
        }
        return List.copyOf(out);
    }

    private void applyRenames(Renames hints) {
        hints.tables().forEach((newName, oldName) -> {
            if (from.tables().containsKey(oldName) && !from.tables().containsKey(newName)
                    && to.tables().containsKey(newName) && !to.tables().containsKey(oldName)) {
                renames.add(new Change.RenameTable(oldName, newName));
                from = Renaming.table(from, oldName, newName);
            }
        });
        for (TableModel target : to.tables().values()) {
            hints.columnsOf(target.name()).forEach((newName, oldName) -> {
                TableModel source = from.tables().get(target.name());
                if (source != null && source.column(oldName).isPresent() && source.column(newName).isEmpty()
                        && target.column(newName).isPresent() && target.column(oldName).isEmpty()) {
                    renames.add(new Change.RenameColumn(target.name(), oldName, newName));
                    from = Renaming.column(from, target.name(), oldName, newName);
                }
            });
        }
        for (EnumType target : to.enums().values()) {
            hints.labelsOf(target.name()).forEach((oldLabel, newLabel) -> {
                EnumType source = from.enums().get(target.name());
                if (source != null && source.labels().contains(oldLabel) && !source.labels().contains(newLabel)
                        && target.labels().contains(newLabel) && !target.labels().contains(oldLabel)) {
                    renames.add(new Change.RenameEnumValue(target.name(), oldLabel, newLabel));
                    from = Renaming.enumLabel(from, target.name(), oldLabel, newLabel);
                }
            });
        }
    }

    /** Columns whose type changes or that go away: what depends on them cannot stay. */
    private void findTouchedColumns() {
        for (TableModel t : from.tables().values()) {
            TableModel target = to.tables().get(t.name());
            if (target == null) continue;
            for (ColumnModel c : t.columns()) {
                ColumnModel after = target.column(c.name()).orElse(null);
                // a collation change rewrites the column as a type change does
                if (after == null || !after.type().equals(c.type()) || !Objects.equals(after.collation(), c.collation())) {
                    touchedColumns.add(key(t.name(), c.name()));
                }
            }
        }
        for (TableModel t : from.tables().values()) {
            TableModel target = to.tables().get(t.name());
            if (target == null) continue;
            for (ColumnModel c : t.columns()) {
                ColumnModel after = target.column(c.name()).orElse(null);
                if (after == null || c.generated() == null && after.generated() == null) continue;
                if (!Objects.equals(c.generated(), after.generated()) || !c.type().equals(after.type())
                        || c.generated() != null && touches(t.name(), c.generated())) {
                    replacedColumns.add(key(t.name(), c.name()));
                }
            }
        }
        touchedColumns.addAll(replacedColumns);
    }

    private boolean replaced(String table, String column) {
        return replacedColumns.contains(key(table, column));
    }

    private boolean touches(String table, List<String> columns) {
        return columns.stream().anyMatch(c -> touchedColumns.contains(key(table, c)));
    }

    private boolean touches(String table, String expression) {
        TableModel t = from.tables().get(table);
        return t.columns().stream().anyMatch(c -> touchedColumns.contains(key(table, c.name()))
                && Identifiers.mentions(expression, c.name()));
    }

    /**
     * Routines keyed by signature: a changed one is replaced in place when PostgreSQL allows it (same kind, result
     * and arguments: {@code CREATE OR REPLACE} can change neither, nor remove a default), else dropped and created,
     * and the triggers on it with it.
     */
    private void functions() {
        for (FunctionModel f : from.functions().values()) {
            FunctionModel target = to.functions().get(f.signature());
            if (target == null) {
                dropFunctions.add(new Change.DropFunction(f));
            } else if (!target.equals(f) && replaceable(f, target)) {
                createFunctions.add(new Change.ReplaceFunction(f, target));
            } else if (!target.equals(f)) {
                recreatedFunctions.add(f.signature());
                dropFunctions.add(new Change.DropFunction(f));
                createFunctions.add(new Change.CreateFunction(target));
            }
        }
        for (FunctionModel f : to.functions().values()) {
            if (!from.functions().containsKey(f.signature())) createFunctions.add(new Change.CreateFunction(f));
        }
    }

    private static boolean replaceable(FunctionModel a, FunctionModel b) {
        return a.procedure() == b.procedure() && Objects.equals(a.returns(), b.returns())
                && a.arguments().equals(b.arguments());
    }

    /**
     * A changed trigger is dropped and created (with its new enabled state); one that differs only in that state is
     * enabled or disabled in place. A trigger on a recreated function, or whose {@code WHEN} or {@code UPDATE OF}
     * reads a column whose type changes or that goes, is dropped before and created after (PostgreSQL refuses the
     * column change under it).
     */
    private void triggers() {
        Set<String> forced = new HashSet<>();
        for (TableModel t : from.tables().values()) {
            TableModel target = to.tables().get(t.name());
            for (TriggerModel trg : t.triggers().values()) {
                TriggerModel after = target == null ? null : target.triggers().get(trg.name());
                boolean force = recreatedFunctions.contains(trg.function()) || target != null && readsTouched(trg);
                if (force) forced.add(key(t.name(), trg.name()));
                if (force || after == null || !trg.sameButEnabled(after)) dropTriggers.add(new Change.DropTrigger(trg));
            }
        }
        for (TableModel t : to.tables().values()) {
            TableModel source = from.tables().get(t.name());
            for (TriggerModel trg : t.triggers().values()) {
                TriggerModel before = source == null ? null : source.triggers().get(trg.name());
                if (forced.contains(key(t.name(), trg.name())) || before == null || !trg.sameButEnabled(before)) {
                    createTriggers.add(new Change.CreateTrigger(trg));
                } else if (!Objects.equals(before.enabled(), trg.enabled())) {
                    createTriggers.add(new Change.SetTriggerEnabled(trg, before.enabled(), trg.enabled()));
                }
            }
        }
    }

    /** Whether a trigger's WHEN or UPDATE OF reads the column (PostgreSQL then refuses even a same-type change). */
    private static boolean triggerReads(SchemaModel schema, String table, String column) {
        return schema.tables().get(table).triggers().values().stream().anyMatch(trg -> trg.updateColumns().contains(column)
                || Identifiers.mentionsInTrigger(trg.when(), column));
    }

    private boolean readsTouched(TriggerModel trg) {
        return touches(trg.table(), trg.updateColumns()) || trg.when() != null && from.tables().get(trg.table()).columns()
                .stream().anyMatch(c -> touchedColumns.contains(key(trg.table(), c.name()))
                        && Identifiers.mentionsInTrigger(trg.when(), c.name()));
    }

    private void indexesAndChecks() {
        for (TableModel t : from.tables().values()) {
            TableModel target = to.tables().get(t.name());
            for (IndexModel ix : t.indexes().values()) {
                boolean forced = target != null && ix.keys().stream().anyMatch(k -> k.expression().startsWith("(")
                        ? touches(t.name(), k.expression()) : touches(t.name(), List.of(k.expression())))
                        || target != null && touches(t.name(), ix.predicate());
                if (forced) forcedIndexes.add(key(t.name(), ix.name()));
                if (target == null || forced || !ix.equals(target.indexes().get(ix.name()))) {
                    dropIndexes.add(new Change.DropIndex(t.name(), ix));
                }
            }
            if (target == null) continue; // dropped with the table; CreateTable brings CHECKs back
            for (CheckModel ck : t.checks().values()) {
                boolean forced = touches(t.name(), ck.expression());
                if (forced) forcedChecks.add(key(t.name(), ck.name()));
                CheckModel after = target.checks().get(ck.name());
                if (forced || !ck.equals(after) && !onlyValidationDiffers(ck, after)) {
                    dropConstraints.add(new Change.DropCheck(t.name(), ck));
                }
            }
            for (ExclusionModel ex : t.exclusions().values()) {
                boolean forced = touches(t.name(), ex.definition());
                if (forced) forcedExclusions.add(key(t.name(), ex.name()));
                if (forced || !ex.equals(target.exclusions().get(ex.name()))) {
                    dropConstraints.add(new Change.DropExclusion(t.name(), ex));
                }
            }
        }
        for (TableModel t : to.tables().values()) {
            TableModel source = from.tables().get(t.name());
            for (IndexModel ix : t.indexes().values()) {
                if (source == null || forcedIndexes.contains(key(t.name(), ix.name()))
                        || !ix.equals(source.indexes().get(ix.name()))) {
                    createIndexes.add(new Change.CreateIndex(t.name(), ix));
                }
            }
            if (source == null) continue;
            for (CheckModel ck : t.checks().values()) {
                CheckModel before = source.checks().get(ck.name());
                if (forcedChecks.contains(key(t.name(), ck.name()))) {
                    addConstraints.add(new Change.AddCheck(t.name(), ck));
                } else if (onlyValidationDiffers(before, ck)) {
                    addConstraints.add(new Change.SetCheckValidated(t.name(), ck, !ck.notValid()));
                } else if (!ck.equals(before)) {
                    addConstraints.add(new Change.AddCheck(t.name(), ck));
                }
            }
            for (ExclusionModel ex : t.exclusions().values()) {
                if (forcedExclusions.contains(key(t.name(), ex.name())) || !ex.equals(source.exclusions().get(ex.name()))) {
                    addConstraints.add(new Change.AddExclusion(t.name(), ex));
                }
            }
        }
    }

    /** Same CHECK, one side NOT VALID: validated in place (or made NOT VALID again on the way back). */
    private static boolean onlyValidationDiffers(CheckModel a, CheckModel b) {
        return a != null && b != null && a.notValid() != b.notValid() && a.withNotValid(false).equals(b.withNotValid(false));
    }

    private static boolean onlyValidationDiffers(ForeignKeyModel a, ForeignKeyModel b) {
        return a != null && b != null && a.notValid() != b.notValid() && a.withNotValid(false).equals(b.withNotValid(false));
    }

    /** Primary keys and unique constraints of tables on both sides; a changed one is dropped and added. */
    private void keys() {
        for (TableModel t : from.tables().values()) {
            TableModel target = to.tables().get(t.name());
            if (target == null) continue;
            for (KeyConstraint u : t.uniques().values()) {
                if (!u.equals(target.uniques().get(u.name()))) dropConstraints.add(new Change.DropUnique(t.name(), u));
            }
            if (t.primaryKey() != null && !t.primaryKey().equals(target.primaryKey())) {
                dropConstraints.add(new Change.DropPrimaryKey(t.name(), t.primaryKey()));
            }
        }
        for (TableModel t : to.tables().values()) {
            TableModel source = from.tables().get(t.name());
            if (source == null) continue;
            if (t.primaryKey() != null && !t.primaryKey().equals(source.primaryKey())) {
                addConstraints.add(0, new Change.AddPrimaryKey(t.name(), t.primaryKey()));
            }
            for (KeyConstraint u : t.uniques().values()) {
                if (!u.equals(source.uniques().get(u.name()))) addConstraints.add(new Change.AddUnique(t.name(), u));
            }
        }
    }

    private void foreignKeys() {
        for (TableModel t : from.tables().values()) {
            TableModel target = to.tables().get(t.name());
            for (ForeignKeyModel fk : t.foreignKeys().values()) {
                boolean forced = target != null && (touches(t.name(), fk.columns())
                        || from.tables().containsKey(fk.targetTable()) && to.tables().containsKey(fk.targetTable())
                        && (touches(fk.targetTable(), fk.targetColumns()) || keyGoes(fk.targetTable(), fk.targetColumns())));
                if (forced) forcedForeignKeys.add(key(t.name(), fk.name()));
                ForeignKeyModel after = target == null ? null : target.foreignKeys().get(fk.name());
                if (target == null || forced || !fk.equals(after) && !onlyValidationDiffers(fk, after)) {
                    dropForeignKeys.add(new Change.DropForeignKey(t.name(), fk));
                }
            }
        }
        for (TableModel t : to.tables().values()) {
            TableModel source = from.tables().get(t.name());
            for (ForeignKeyModel fk : t.foreignKeys().values()) {
                ForeignKeyModel before = source == null ? null : source.foreignKeys().get(fk.name());
                if (source == null || forcedForeignKeys.contains(key(t.name(), fk.name()))) {
                    addForeignKeys.add(new Change.AddForeignKey(t.name(), fk));
                } else if (onlyValidationDiffers(before, fk)) {
                    addForeignKeys.add(new Change.SetForeignKeyValidated(t.name(), fk, !fk.notValid()));
                } else if (!fk.equals(before)) {
                    addForeignKeys.add(new Change.AddForeignKey(t.name(), fk));
                }
            }
        }
    }

    /** Whether the key (primary, unique constraint or unique index) a foreign key relies on is dropped. */
    private boolean keyGoes(String table, List<String> columns) {
        Set<String> wanted = Set.copyOf(columns);
        if (keyDrops == null) {
            // asked once per foreign key, after every drop is listed: scanning all drops each time is quadratic
            keyDrops = new HashMap<>();
            for (Change c : dropConstraints) {
                if (c instanceof Change.DropPrimaryKey d) keyDrops.computeIfAbsent(d.table(), k -> new ArrayList<>()).add(c);
                if (c instanceof Change.DropUnique d) keyDrops.computeIfAbsent(d.table(), k -> new ArrayList<>()).add(c);
            }
            for (Change c : dropIndexes) {
                if (c instanceof Change.DropIndex d) keyDrops.computeIfAbsent(d.table(), k -> new ArrayList<>()).add(c);
            }
        }
        for (Change c : keyDrops.getOrDefault(table, List.of())) {
            if (c instanceof Change.DropPrimaryKey d && Set.copyOf(d.key().columns()).equals(wanted)) return true;
            if (c instanceof Change.DropUnique d && Set.copyOf(d.key().columns()).equals(wanted)) return true;
            if (c instanceof Change.DropIndex d && d.index().unique()
                    && Set.copyOf(d.index().keys().stream().map(IndexModel.IndexKey::expression).toList()).equals(wanted)) {
                return true;
            }
        }
        return false;
    }

    private void tablesAndColumns() {
        for (TableModel t : from.tables().values()) {
            TableModel target = to.tables().get(t.name());
            if (target == null) {
                // comments go first, so that the down, recreating the table, puts them back
                if (t.comment() != null) dropTables.add(new Change.SetTableComment(t.name(), t.comment(), null));
                for (ColumnModel c : t.columns()) {
                    if (c.comment() != null) dropTables.add(new Change.SetColumnComment(t.name(), c.name(), c.comment(), null));
                }
                // a partition whose parent goes too goes with it
                String parent = t.shape().partitionOf();
                if (parent == null || to.tables().containsKey(parent) || !from.tables().containsKey(parent)) tableDrops.add(t);
                continue;
            }
            // a table that becomes a partition (or stops being one) has the parent's columns, attached or detached
            if (t.shape().isPartition() != target.shape().isPartition()) continue;
            for (int i = t.columns().size() - 1; i >= 0; i--) {
                ColumnModel c = t.columns().get(i);
                ColumnModel after = target.column(c.name()).orElse(null);
                if (after == null || replaced(t.name(), c.name())) {
                    if (c.comment() != null) dropColumns.add(new Change.SetColumnComment(t.name(), c.name(), c.comment(), null));
                    dropColumns.add(after == null ? new Change.DropColumn(t.name(), c)
                            : new Change.DropReplacedColumn(t.name(), c, after, retypedReads(t, target, after, false)));
                }
            }
            for (ColumnModel c : t.columns()) {
                if (replaced(t.name(), c.name())) continue;
                target.column(c.name()).ifPresent(after -> alterColumn(t.name(), c, after));
            }
        }
        for (TableModel t : to.tables().values()) {
            TableModel source = from.tables().get(t.name());
            if (source == null) {
                // a partition of a new parent is created with it
                String parent = t.shape().partitionOf();
                if (parent == null || from.tables().containsKey(parent) || !to.tables().containsKey(parent)) tableCreates.add(t);
            } else if (source.shape().isPartition() == t.shape().isPartition()) {
                for (ColumnModel c : t.columns()) {
                    if (source.column(c.name()).isEmpty()) addColumns.add(new Change.AddColumn(t.name(), c));
                    else if (replaced(t.name(), c.name())) {
                        addColumns.add(new Change.AddReplacedColumn(t.name(), c, source.column(c.name()).orElseThrow(),
                                retypedReads(source, t, c, true)));
                    }
                }
            }
            String before = source == null ? null : source.comment();
            if (!Objects.equals(before, t.comment())) comments.add(new Change.SetTableComment(t.name(), before, t.comment()));
            for (ColumnModel c : t.columns()) {
                ColumnModel old = source == null || replaced(t.name(), c.name()) ? null : source.column(c.name()).orElse(null);
                String was = old == null ? null : old.comment();
                if (!Objects.equals(was, c.comment())) comments.add(new Change.SetColumnComment(t.name(), c.name(), was, c.comment()));
            }
        }
    }

    /**
     * Tables are created each after its parent (a partitioned table with its new partitions, in one change) and
     * dropped each before it (a partitioned table with its partitions: one DROP).
     */
    private void tableHierarchies() {
        List<TableModel> drops = Partitions.parentsFirst(tableDrops);
        for (int i = drops.size() - 1; i >= 0; i--) {
            TableModel t = drops.get(i);
            dropTables.add(t.shape().isPartitioned()
                    ? new Change.DropPartitioned(t, Partitions.partitions(from, t.name(), n -> !to.tables().containsKey(n)))
                    : new Change.DropTable(t));
        }
        for (TableModel t : Partitions.parentsFirst(tableCreates)) {
            createTables.add(t.shape().isPartitioned()
                    ? new Change.CreatePartitioned(t, Partitions.partitions(to, t.name(), n -> !from.tables().containsKey(n)))
                    : new Change.CreateTable(t));
        }
    }

    /**
     * Layout changes of tables on both sides (a partition key change is a rebuild, see {@link #diff}): a partition
     * whose bound or parent changes is detached and attached, after column changes on the parent reached it (but
     * before its old parent is dropped); a table becomes (un)logged. (A change of parents is a rebuild, as
     * {@code NO INHERIT} would turn the inherited columns into the table's own.)
     */
    private void layouts() {
        for (TableModel t : from.tables().values()) {
            TableModel target = to.tables().get(t.name());
            if (target == null) continue;
            org.somaagent01.migrator.model.TableLayout a = t.shape();
            org.somaagent01.migrator.model.TableLayout b = target.shape();
            if (!Objects.equals(a.partitionOf(), b.partitionOf()) || !Objects.equals(a.bound(), b.bound())) {
                if (a.isPartition()) {
                    Change detach = new Change.DetachPartition(t.name(), a.partitionOf(), a.bound());
                    (to.tables().containsKey(a.partitionOf()) ? attachPartitions : dropConstraints).add(detach);
                }
                if (b.isPartition()) attachPartitions.add(new Change.AttachPartition(t.name(), b.partitionOf(), b.bound()));
            }
            if (a.unlogged() != b.unlogged()) alterColumns.add(new Change.SetUnlogged(t.name(), b.unlogged()));
        }
    }

    /** Index and constraint changes on a partitioned table, or a foreign key onto one, keep their plain form. */
    private List<Change> plainOnPartitioned(List<Change> changes) {
        Set<String> partitioned = new HashSet<>();
        for (SchemaModel s : List.of(from, to)) {
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
     * What goes away first (an identity, a default), then type and nullability, then what comes (a default, an
     * identity, which needs NOT NULL and no default). Reversed for the down, the same order holds.
     */
    private void alterColumn(String table, ColumnModel before, ColumnModel after) {
        String name = before.name();
        boolean retype = !before.type().equals(after.type());
        boolean identityGoes = before.identity() != null && after.identity() == null;
        boolean identityComes = before.identity() == null && after.identity() != null;
        // around a type change an identity's options go back to the defaults before and are set after, each while
        // the sequence has the type they fit (the way back does the same in reverse)
        if ((identityGoes || retype && before.identity() != null && after.identity() != null)
                && before.identityOptions() != null) {
            // back to the defaults first, so that the way back, adding the identity, sets its options after it
            alterColumns.add(new Change.SetIdentityOptions(table, name, before.type(), before.identityOptions(), null));
        }
        // the identity change carries the default of the side without one
        if (identityGoes) alterColumns.add(new Change.SetIdentity(table, name, before.identity(), null, after.defaultExpression()));
        boolean identityChanges = identityGoes || identityComes;
        // a default may not cast to the new type: drop it first, set the new one after
        boolean dropDefault = !identityChanges && before.defaultExpression() != null
                && (retype || after.defaultExpression() == null);
        if (dropDefault) alterColumns.add(new Change.SetColumnDefault(table, name, before.defaultExpression(), null));
        if (retype) {
            boolean read = readByGenerated(from, table, name) || readByGenerated(to, table, name)
                    || from.views().values().stream().anyMatch(v -> v.readsColumn(table, name))
                    || to.views().values().stream().anyMatch(v -> v.readsColumn(table, name))
                    || policyReads(from, table, name) || policyReads(to, table, name)
                    || triggerReads(from, table, name) || triggerReads(to, table, name);
            if (before.collation() != null) {
                alterColumns.add(new Change.SetColumnCollation(table, name, before.type(), before.collation(), null));
            }
            alterColumns.add(new Change.AlterColumnType(table, name, before.type(), after.type(), read));
        }
        // a type change resets the collation: a collated column loses it just before, and gains it just after
        if (retype ? after.collation() != null : !Objects.equals(before.collation(), after.collation())) {
            alterColumns.add(new Change.SetColumnCollation(table, name, after.type(), retype ? null : before.collation(),
                    after.collation()));
        }
        if (before.notNull() != after.notNull()) alterColumns.add(new Change.SetNotNull(table, name, after.notNull()));
        String defaultBefore = dropDefault ? null : before.defaultExpression();
        if (!identityChanges && !Objects.equals(defaultBefore, after.defaultExpression())) {
            alterColumns.add(new Change.SetColumnDefault(table, name, defaultBefore, after.defaultExpression()));
        }
        if (identityComes) {
            alterColumns.add(new Change.SetIdentity(table, name, null, after.identity(), before.defaultExpression()));
        } else if (before.identity() != null && after.identity() != null && !after.identity().equals(before.identity())) {
            alterColumns.add(new Change.SetIdentity(table, name, before.identity(), after.identity()));
        }
        boolean bothIdentity = before.identity() != null && after.identity() != null;
        if (identityComes && after.identityOptions() != null) {
            alterColumns.add(new Change.SetIdentityOptions(table, name, after.type(), null, after.identityOptions()));
        } else if (bothIdentity && retype && after.identityOptions() != null) {
            alterColumns.add(new Change.SetIdentityOptions(table, name, after.type(), null, after.identityOptions()));
        } else if (bothIdentity && !retype && !Objects.equals(before.identityOptions(), after.identityOptions())) {
            alterColumns.add(new Change.SetIdentityOptions(table, name, after.type(), before.identityOptions(),
                    after.identityOptions()));
        }
    }

    /**
     * Columns of the table that {@code generated} reads and whose type differs between {@code before} and
     * {@code after}, with the type on the far side of the drop: after it for a drop, before it for the add.
     */
    private static java.util.SortedMap<String, String> retypedReads(TableModel before, TableModel after, ColumnModel generated, boolean beforeTypes) {
        java.util.SortedMap<String, String> out = new java.util.TreeMap<>();
        if (generated.generated() == null) return out;
        for (ColumnModel c : before.columns()) {
            ColumnModel a = after.column(c.name()).orElse(null);
            if (a != null && !a.type().equals(c.type()) && Identifiers.mentions(generated.generated(), c.name())) {
                out.put(c.name(), beforeTypes ? c.type() : a.type());
            }
        }
        return out;
    }

    private static boolean readByGenerated(SchemaModel schema, String table, String column) {
        return schema.tables().get(table).columns().stream()
                .anyMatch(g -> g.generated() != null && Identifiers.mentions(g.generated(), column));
    }

    /**
     * Sequences are created before the tables and defaults that draw from them and dropped after those went; an
     * owner is let go before anything is dropped (dropping the owning column would take the sequence along) and
     * set once tables and columns exist. A serial column's sequence is implicit in the model: where one side has it
     * and the other has a sequence of that name of its own, it is the same sequence, re-owned and altered.
     */
    private void sequences() {
        for (SequenceModel s : from.sequences().values()) {
            SequenceModel target = to.sequences().get(s.name());
            if (target == null) target = keptSerialSequence(to, s.name());
            pairSequences(s, target);
        }
        for (SequenceModel s : to.sequences().values()) {
            if (from.sequences().containsKey(s.name())) continue;
            SequenceModel source = keptSerialSequence(from, s.name());
            if (source != null) {
                pairSequences(source, s);
                continue;
            }
            String column = serialColumn(to, s.name());
            if (column != null && !kept(column)) {
                // a new serial column makes this sequence itself (CREATE SEQUENCE first would have it take another
                // name): once it exists, it is let go and given its own options
                SequenceModel made = serialSequence(to, column);
                if (!made.options().equals(s.options())) ownSequences.add(new Change.AlterSequence(made, s));
                ownSequences.add(new Change.SetSequenceOwner(s.name(), column, s.ownedBy()));
                continue;
            }
            createSequences.add(new Change.CreateSequence(s));
            if (s.ownedBy() != null) ownSequences.add(new Change.SetSequenceOwner(s.name(), null, s.ownedBy()));
        }
        // a kept column that becomes serial needs its sequence made before its default draws from it (ALTER COLUMN
        // cannot make one); one that stops being serial lets its sequence go after the default went
        for (TableModel t : to.tables().values()) {
            for (ColumnModel c : t.columns()) {
                String name = t.name() + "_" + c.name() + "_seq";
                if (c.isSerial(t.name()) && !c.notNull() && !kept(key(t.name(), c.name()))) {
                    // a new column is made serial, which makes it NOT NULL too: a nullable one is let go of that
                    ownSequences.add(new Change.SetNotNull(t.name(), c.name(), false));
                }
                String column = key(t.name(), c.name());
                if (from.sequences().containsKey(name) || to.sequences().containsKey(name) || !kept(column)) continue;
                boolean wasSerial = from.tables().get(t.name()).column(c.name()).orElseThrow().isSerial(t.name());
                if (c.isSerial(t.name()) && !wasSerial) {
                    SequenceModel made = serialSequence(to, column);
                    createSequences.add(new Change.CreateSequence(made));
                    ownSequences.add(new Change.SetSequenceOwner(name, null, column));
                } else if (wasSerial && !c.isSerial(t.name())) {
                    unownSequences.add(new Change.SetSequenceOwner(name, column, null));
                    dropSequences.add(new Change.DropSequence(serialSequence(from, column)));
                }
            }
        }
    }

    private void pairSequences(SequenceModel s, SequenceModel target) {
        boolean ownerStays = target != null && Objects.equals(s.ownedBy(), target.ownedBy())
                && (s.ownedBy() == null || !replacedColumns.contains(s.ownedBy()));
        if (s.ownedBy() != null && !ownerStays) unownSequences.add(new Change.SetSequenceOwner(s.name(), s.ownedBy(), null));
        if (target == null) {
            dropSequences.add(new Change.DropSequence(s));
            return;
        }
        if (!s.options().equals(target.options())) createSequences.add(new Change.AlterSequence(s, target));
        if (target.ownedBy() != null && !ownerStays) {
            ownSequences.add(new Change.SetSequenceOwner(s.name(), null, target.ownedBy()));
        }
    }

    /** The sequence {@code name} as a serial column of {@code schema} that both sides keep owns it, or null. */
    private SequenceModel keptSerialSequence(SchemaModel schema, String name) {
        String column = serialColumn(schema, name);
        return column != null && kept(column) ? serialSequence(schema, column) : null;
    }

    /** Whether {@code table.column} is on both sides and not dropped and added again. */
    private boolean kept(String column) {
        String table = column.substring(0, column.indexOf('.'));
        String col = column.substring(column.indexOf('.') + 1);
        return from.tables().containsKey(table) && from.tables().get(table).column(col).isPresent()
                && to.tables().containsKey(table) && to.tables().get(table).column(col).isPresent() && !replaced(table, col);
    }

    /** {@code table.column} of {@code schema} whose serial default draws from the sequence {@code name}, or null. */
    private static String serialColumn(SchemaModel schema, String name) {
        for (TableModel t : schema.tables().values()) {
            for (ColumnModel c : t.columns()) {
                if (name.equals(t.name() + "_" + c.name() + "_seq") && c.isSerial(t.name())) return key(t.name(), c.name());
            }
        }
        return null;
    }

    /** The sequence PostgreSQL makes for the serial {@code table.column} of {@code schema}. */
    private static SequenceModel serialSequence(SchemaModel schema, String column) {
        String table = column.substring(0, column.indexOf('.'));
        String type = schema.tables().get(table).column(column.substring(column.indexOf('.') + 1)).orElseThrow().type();
        long max = switch (type) {
            case "smallint" -> Short.MAX_VALUE;
            case "integer" -> Integer.MAX_VALUE;
            default -> Long.MAX_VALUE;
        };
        return new SequenceModel(table + "_" + column.substring(column.indexOf('.') + 1) + "_seq", type, 1, 1, 1, max, 1,
                false, column);
    }

    /**
     * Views go first and come last. Besides new, removed and changed ones, a view is dropped and created again when
     * something it reads cannot change under it: a column whose type changes (also by an enum swap) or that goes, a
     * relation that goes, or a view that is itself dropped. Dependents are dropped before what they read, and
     * created after it.
     */
    private void views() {
        Set<String> touched = new HashSet<>(touchedColumns);
        for (Change c : alterEnums) {
            if (c instanceof Change.SwapEnumType swap) for (Change.EnumColumn u : swap.users()) touched.add(key(u.table(), u.column()));
            // an added label is undone by a swap: the down converts the columns, so views on them cannot stay either
            if (c instanceof Change.AddEnumValue add) for (Change.EnumColumn u : add.users()) touched.add(key(u.table(), u.column()));
        }
        Set<String> dropped = new HashSet<>();
        for (ViewModel v : from.views().values()) {
            ViewModel target = to.views().get(v.name());
            if (target == null || !target.equals(v) || v.reads().stream().anyMatch(touched::contains)
                    || v.triggers().values().stream().anyMatch(t -> recreatedFunctions.contains(t.function()))
                    || v.reads().stream().map(Differ::readRelation)
                            .anyMatch(r -> from.tables().containsKey(r) && !to.tables().containsKey(r))) {
                dropped.add(v.name());
            }
        }
        for (boolean grew = true; grew; ) {
            grew = false;
            for (ViewModel v : from.views().values()) {
                if (!dropped.contains(v.name()) && dropped.stream().anyMatch(v::readsRelation)) grew = dropped.add(v.name()) || grew;
            }
        }
        List<ViewModel> drops = ordered(from.views(), dropped);
        for (int i = drops.size() - 1; i >= 0; i--) dropViews.add(new Change.DropView(drops.get(i)));
        Set<String> created = new HashSet<>();
        for (ViewModel v : to.views().values()) {
            if (!from.views().containsKey(v.name()) || dropped.contains(v.name())) created.add(v.name());
        }
        for (ViewModel v : ordered(to.views(), created)) createViews.add(new Change.CreateView(v));
    }

    /** The relation of a view's read: {@code t} for {@code t} and for its column {@code t.c}. */
    private static String readRelation(String read) {
        int dot = read.indexOf('.');
        return dot < 0 ? read : read.substring(0, dot);
    }

    /** The named views, each after the views it reads. */
    private static List<ViewModel> ordered(Map<String, ViewModel> views, Set<String> names) {
        List<ViewModel> out = new ArrayList<>();
        Set<String> placed = new HashSet<>();
        while (out.size() < names.size()) {
            int before = out.size();
            for (ViewModel v : views.values()) {
                if (!names.contains(v.name()) || placed.contains(v.name())) continue;
                boolean ready = names.stream().noneMatch(n -> !placed.contains(n) && !n.equals(v.name()) && v.readsRelation(n));
                if (ready) {
                    out.add(v);
                    placed.add(v.name());
                }
            }
            if (out.size() == before) throw new IllegalStateException("views read each other in a cycle: " + names);
        }
        return out;
    }

    /**
     * Domains come before the composite types, routines and tables that use them and go after those went; a changed
     * base type or collation is a new domain (dropped and created), the rest is altered in place: CHECKs dropped
     * first, then default and NOT NULL, then CHECKs added.
     */
    private void domains() {
        for (DomainModel d : from.domains().values()) {
            DomainModel target = to.domains().get(d.name());
            if (target == null) {
                dropDomains.add(new Change.DropDomain(d));
                continue;
            }
            if (!d.sameBase(target)) {
                createDomains.add(new Change.ReplaceDomain(d, target));
                continue;
            }
            for (CheckModel ck : d.checks().values()) {
                if (!ck.equals(target.checks().get(ck.name()))) alterDomains.add(new Change.DropDomainCheck(d.name(), ck));
            }
            if (!Objects.equals(d.defaultExpression(), target.defaultExpression())) {
                alterDomains.add(new Change.SetDomainDefault(d.name(), d.defaultExpression(), target.defaultExpression()));
            }
            if (d.notNull() != target.notNull()) alterDomains.add(new Change.SetDomainNotNull(d.name(), target.notNull()));
            for (CheckModel ck : target.checks().values()) {
                if (!ck.equals(d.checks().get(ck.name()))) alterDomains.add(new Change.AddDomainCheck(d.name(), ck));
            }
        }
        for (DomainModel d : to.domains().values()) {
            if (!from.domains().containsKey(d.name())) createDomains.add(new Change.CreateDomain(d));
        }
    }

    /**
     * Composite types: attributes that go are dropped last-first, kept ones retyped, new ones added at the end (like
     * columns, a difference in order alone is not diffed).
     */
    private void compositeTypes() {
        for (CompositeTypeModel t : from.compositeTypes().values()) {
            CompositeTypeModel target = to.compositeTypes().get(t.name());
            if (target == null) {
                dropCompositeTypes.add(new Change.DropCompositeType(t));
                continue;
            }
            for (int i = t.attributes().size() - 1; i >= 0; i--) {
                CompositeTypeModel.Attribute a = t.attributes().get(i);
                if (target.attribute(a.name()).isEmpty()) alterCompositeTypes.add(new Change.DropAttribute(t.name(), a));
            }
            for (CompositeTypeModel.Attribute a : t.attributes()) {
                target.attribute(a.name()).filter(after -> !after.equals(a))
                        .ifPresent(after -> alterCompositeTypes.add(new Change.AlterAttributeType(t.name(), a, after)));
            }
            for (CompositeTypeModel.Attribute a : target.attributes()) {
                if (t.attribute(a.name()).isEmpty()) alterCompositeTypes.add(new Change.AddAttribute(t.name(), a));
            }
        }
        for (CompositeTypeModel t : to.compositeTypes().values()) {
            if (!from.compositeTypes().containsKey(t.name())) createCompositeTypes.add(new Change.CreateCompositeType(t));
        }
    }

    private void extensions() {
        from.extensions().forEach((name, e) -> { if (!to.extensions().containsKey(name)) dropExtensions.add(new Change.DropExtension(e)); });
        to.extensions().forEach((name, e) -> { if (!from.extensions().containsKey(name)) createExtensions.add(new Change.CreateExtension(e)); });
    }

    private void enums(Renames hints) {
        for (EnumType e : from.enums().values()) {
            EnumType target = to.enums().get(e.name());
            if (target == null) {
                dropEnums.add(new Change.DropEnum(e));
            } else if (!target.equals(e)) {
                alterEnum(e, target, hints.labelsOf(e.name()));
            }
        }
        for (EnumType e : to.enums().values()) {
            if (!from.enums().containsKey(e.name())) createEnums.add(new Change.CreateEnum(e));
        }
    }

    private void alterEnum(EnumType before, EnumType after, Map<String, String> labelHints) {
        List<Change.EnumColumn> users = enumUsers(before.name());
        if (isSubsequence(before.labels(), after.labels())) {
            List<String> current = new ArrayList<>(before.labels());
            for (int i = 0; i < after.labels().size(); i++) {
                String label = after.labels().get(i);
                if (current.contains(label)) continue;
                // after the previous label, which exists by now; the first one goes before the current first
                boolean first = i == 0;
                String neighbor = first ? (current.isEmpty() ? null : current.get(0)) : after.labels().get(i - 1);
                alterEnums.add(new Change.AddEnumValue(before.name(), label, neighbor, first, current, users));
                current.add(neighbor == null ? 0 : current.indexOf(neighbor) + (first ? 0 : 1), label);
            }
            return;
        }
        // labels go away or change order: swap the type, converting removed labels as declared
        Map<String, String> mapping = new java.util.TreeMap<>();
        labelHints.forEach((oldLabel, newLabel) -> {
            if (before.labels().contains(oldLabel) && !after.labels().contains(oldLabel) && after.labels().contains(newLabel)) {
                mapping.put(oldLabel, newLabel);
            }
        });
        alterEnums.add(new Change.SwapEnumType(before.name(), before.labels(), after.labels(), mapping, users));
    }

    /** Columns of the enum type that exist when enums are altered: kept columns of kept tables, old types. */
    private List<Change.EnumColumn> enumUsers(String type) {
        List<Change.EnumColumn> users = new ArrayList<>();
        for (TableModel t : from.tables().values()) {
            TableModel target = to.tables().get(t.name());
            if (target == null) continue;
            for (ColumnModel c : t.columns()) {
                boolean scalar = c.type().equals(type);
                if ((scalar || c.type().equals(type + "[]")) && target.column(c.name()).isPresent()) {
                    users.add(new Change.EnumColumn(t.name(), c.name(), !scalar, c.defaultExpression()));
                }
            }
        }
        return users;
    }

    private static boolean isSubsequence(List<String> part, List<String> whole) {
        int i = 0;
        for (String s : whole) if (i < part.size() && part.get(i).equals(s)) i++;
        return i == part.size();
    }

    private static String key(String table, String name) {
        return table + "." + name;
    }

    /**
     * Row-level security and policies. Policies go early and come late (just after views, which they may read):
     * removed, changed beyond what ALTER POLICY can do, or reading a column of their table whose type changes or that
     * goes (PostgreSQL refuses to alter a column a policy uses). A dropped table first loses its policies and flags,
     * so that the down, recreating the table, puts them back; a created table gets them after.
     */
    private void rowSecurity() {
        Set<String> touched = new HashSet<>(touchedColumns);
        for (Change c : alterEnums) {
            if (c instanceof Change.SwapEnumType swap) for (Change.EnumColumn u : swap.users()) touched.add(key(u.table(), u.column()));
        }
        for (TableModel t : from.tables().values()) {
            TableModel target = to.tables().get(t.name());
            org.somaagent01.migrator.model.RowSecurity before = t.security();
            org.somaagent01.migrator.model.RowSecurity after = target == null
                    ? org.somaagent01.migrator.model.RowSecurity.NONE : target.security();
            for (org.somaagent01.migrator.model.PolicyModel p : before.policies().values()) {
                org.somaagent01.migrator.model.PolicyModel next = after.policies().get(p.name());
                boolean forced = target != null && readsTouched(t, p, touched);
                if (next == null || forced || !p.equals(next) && !p.alterableTo(next)) {
                    dropPolicies.add(new Change.DropPolicy(t.name(), p));
                    if (next != null) createPolicies.add(new Change.CreatePolicy(t.name(), next));
                } else if (!p.equals(next)) {
                    createPolicies.add(new Change.AlterPolicy(t.name(), p, next));
                }
            }
            // flags that go are turned off early, flags that come are turned on late
            List<Change> off = target == null ? dropPolicies : createPolicies;
            if (before.forced() && !after.forced()) off.add(new Change.SetForceRowSecurity(t.name(), false));
            if (before.enabled() && !after.enabled()) off.add(new Change.SetRowSecurity(t.name(), false));
            if (!before.enabled() && after.enabled()) createPolicies.add(new Change.SetRowSecurity(t.name(), true));
            if (!before.forced() && after.forced()) createPolicies.add(new Change.SetForceRowSecurity(t.name(), true));
        }
        for (TableModel t : to.tables().values()) {
            TableModel source = from.tables().get(t.name());
            org.somaagent01.migrator.model.RowSecurity after = t.security();
            if (source != null) {
                for (org.somaagent01.migrator.model.PolicyModel p : after.policies().values()) {
                    if (!source.security().policies().containsKey(p.name())) createPolicies.add(new Change.CreatePolicy(t.name(), p));
                }
                continue;
            }
            if (after.enabled()) createPolicies.add(new Change.SetRowSecurity(t.name(), true));
            if (after.forced()) createPolicies.add(new Change.SetForceRowSecurity(t.name(), true));
            for (org.somaagent01.migrator.model.PolicyModel p : after.policies().values()) {
                createPolicies.add(new Change.CreatePolicy(t.name(), p));
            }
        }
    }

    private static boolean readsTouched(TableModel table, org.somaagent01.migrator.model.PolicyModel p, Set<String> touched) {
        return table.columns().stream().anyMatch(c -> touched.contains(key(table.name(), c.name()))
                && (Identifiers.mentions(p.using(), c.name()) || Identifiers.mentions(p.withCheck(), c.name())));
    }

    /** Whether a policy of the table reads the column (then a re-run must not retype it under the created policy). */
    private static boolean policyReads(SchemaModel schema, String table, String column) {
        TableModel t = schema.tables().get(table);
        return t != null && t.security().policies().values().stream()
                .anyMatch(p -> Identifiers.mentions(p.using(), column) || Identifiers.mentions(p.withCheck(), column));
    }

    /**
     * Privileges (present only when both models were read with them): revoked first of all, while every object still
     * has its old name and exists, granted last, once every object exists. A grant on an object the changes drop (or
     * drop and create again: a rebuilt view, a recreated function, a dropped or replaced column) is revoked before
     * and, if it is wanted, granted again after, so the down puts it back too.
     */
    private void privileges() {
        Set<String> dropped = new HashSet<>();
        for (List<Change> phase : List.of(dropViews, dropTables, dropColumns, dropFunctions, dropSequences)) {
            for (Change c : underlying(phase)) {
                if (c instanceof Change.DropView d) dropped.add("TABLE " + d.view().name());
                if (c instanceof Change.DropTable d) dropped.add("TABLE " + d.table().name());
                if (c instanceof Change.DropColumn d) dropped.add("COLUMN " + key(d.table(), d.column().name()));
                if (c instanceof Change.DropReplacedColumn d) dropped.add("COLUMN " + key(d.table(), d.column().name()));
                if (c instanceof Change.DropFunction d) dropped.add("FUNCTION " + d.function().callSignature());
                if (c instanceof Change.DropSequence d) dropped.add("SEQUENCE " + d.sequence().name());
            }
        }
        Set<org.somaagent01.migrator.model.GrantModel> before = new HashSet<>(from.grants());
        Set<org.somaagent01.migrator.model.GrantModel> after = new HashSet<>(to.grants());
        // revoking a privilege on a table revokes it on each of its columns too (either way: the down revokes what
        // the up grants): a column grant under a table grant that changes is revoked first and granted again after
        Set<String> tableGrantsChanging = new HashSet<>();
        for (var g : from.grants()) if (g.kind().equals("TABLE") && !after.contains(g)) tableGrantsChanging.add(g.object() + " " + g.grantee() + " " + g.privilege());
        for (var g : to.grants()) if (g.kind().equals("TABLE") && !before.contains(g)) tableGrantsChanging.add(g.object() + " " + g.grantee() + " " + g.privilege());
        java.util.function.Predicate<org.somaagent01.migrator.model.GrantModel> goes = g -> dropped.contains(g.kind() + " " + g.object())
                || g.kind().equals("COLUMN") && (dropped.contains("TABLE " + g.relation())
                        || tableGrantsChanging.contains(g.relation() + " " + g.grantee() + " " + g.privilege()));
        for (org.somaagent01.migrator.model.GrantModel g : from.grants()) {
            if (!after.contains(g) || goes.test(g)) revokes.add(new Change.Revoke(g));
        }
        for (org.somaagent01.migrator.model.GrantModel g : to.grants()) {
            if (!before.contains(g) || goes.test(g)) grants.add(new Change.Grant(g));
        }
    }

    /**
     * Comments on views, their columns, sequences, indexes and constraints. The comment of an object the changes
     * drop, or drop and create again (a rebuilt view or index, a re-added constraint, one made NOT VALID again on the
     * way back), is removed first of all and set again last, so that the down, too, ends with it.
     */
    private void objectComments() {
        Set<String> dropped = new HashSet<>();
        for (List<Change> phase : List.of(dropViews, dropTables, dropIndexes, dropConstraints, dropForeignKeys, dropSequences,
                addConstraints, addForeignKeys)) {
            for (Change c : underlying(phase)) {
                if (c instanceof Change.DropView d) {
                    dropped.add(SchemaModel.commentKey(d.view().materialized() ? "MATERIALIZED VIEW" : "VIEW", d.view().name()));
                    dropped.add("COLUMN " + d.view().name() + ".*");
                }
                if (c instanceof Change.DropTable d) {
                    for (IndexModel ix : d.table().indexes().values()) dropped.add("INDEX " + ix.name());
                    if (d.table().primaryKey() != null) dropped.add("INDEX " + d.table().primaryKey().name());
                    for (String u : d.table().uniques().keySet()) dropped.add("INDEX " + u);
                    for (String x : d.table().exclusions().keySet()) dropped.add("INDEX " + x);
                    dropped.add("CONSTRAINT " + d.table().name() + ".*");
                }
                if (c instanceof Change.DropIndex d) dropped.add("INDEX " + d.index().name());
                if (c instanceof Change.DropSequence d) dropped.add("SEQUENCE " + d.sequence().name());
                String constraint = c instanceof Change.DropCheck d ? key(d.table(), d.check().name())
                        : c instanceof Change.DropUnique d ? key(d.table(), d.key().name())
                        : c instanceof Change.DropPrimaryKey d ? key(d.table(), d.key().name())
                        : c instanceof Change.DropExclusion d ? key(d.table(), d.exclusion().name())
                        : c instanceof Change.DropForeignKey d ? key(d.table(), d.foreignKey().name())
                        : c instanceof Change.SetCheckValidated d ? key(d.table(), d.check().name())
                        : c instanceof Change.SetForeignKeyValidated d ? key(d.table(), d.foreignKey().name()) : null;
                if (constraint != null) {
                    dropped.add("CONSTRAINT " + constraint);
                    // a key's or exclusion's index is named after it and goes with it
                    dropped.add("INDEX " + constraint.substring(constraint.indexOf('.') + 1));
                }
            }
        }
        java.util.function.Predicate<String> goes = k -> dropped.contains(k) || k.startsWith("COLUMN ")
                && dropped.contains("COLUMN " + k.substring(7, k.lastIndexOf('.')) + ".*")
                || k.startsWith("CONSTRAINT ") && dropped.contains("CONSTRAINT " + k.substring(11, k.lastIndexOf('.')) + ".*");
        from.comments().forEach((k, text) -> {
            if (goes.test(k)) uncomments.add(comment(k, text, null));
            else if (!to.comments().containsKey(k)) objectComments.add(comment(k, text, null));
        });
        to.comments().forEach((k, text) -> {
            String before = goes.test(k) ? null : from.comments().get(k);
            if (!Objects.equals(before, text)) objectComments.add(comment(k, before, text));
        });
    }

    /**
     * The changes as what they do to single objects: a partitioned table's drop drops it and each partition, and a
     * change on a partitioned table is the change itself.
     */
    private static List<Change> underlying(List<Change> changes) {
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

    private static Change comment(String key, String from, String to) {
        String kind = key.startsWith("MATERIALIZED VIEW ") ? "MATERIALIZED VIEW" : key.substring(0, key.indexOf(' '));
        return new Change.SetObjectComment(kind, key.substring(kind.length() + 1), from, to);
    }
}
