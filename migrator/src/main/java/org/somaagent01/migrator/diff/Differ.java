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
 * <p>Order: views that go or must be rebuilt (dependents first); declared renames; sequence owners let go; then
 * everything that goes away, dependents first (triggers, foreign keys, indexes, constraints, tables and columns,
 * functions); then what PostgreSQL alters in place (enum labels, sequences, column types, nullability, defaults,
 * identity); then everything that comes, dependencies first (extensions, enum types and sequences before the tables
 * that use them, tables before constraints, keys before the foreign keys that need them, functions before triggers,
 * views after everything they may read, each after the views it reads), comments last. Since a plan's down part is the inverses in reverse order, the same order is right
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
        return new Differ(from, to).run(renames);
    }

    private List<Change> run(Renames hints) {
        applyRenames(hints);
        findTouchedColumns();
        functions();
        triggers();
        indexesAndChecks();
        keys();
        foreignKeys();
        tablesAndColumns();
        extensions();
        enums(hints);
        sequences();
        views();
        List<Change> out = new ArrayList<>();
        for (List<Change> phase : List.of(dropViews, renames, unownSequences, dropTriggers, dropForeignKeys, dropIndexes,
                dropConstraints, dropTables, dropColumns, dropFunctions, createExtensions, createEnums, createSequences,
                alterEnums, alterColumns, createTables, addColumns, ownSequences, dropSequences, dropEnums, dropExtensions,
                addConstraints, createFunctions, addForeignKeys, createIndexes, createTriggers, createViews, comments)) {
            out.addAll(phase);
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
                if (after == null || !after.type().equals(c.type())) touchedColumns.add(key(t.name(), c.name()));
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

    private void functions() {
        for (FunctionModel f : from.functions().values()) {
            FunctionModel target = to.functions().get(f.name());
            if (target == null) {
                dropFunctions.add(new Change.DropFunction(f));
            } else if (!target.equals(f) && target.returns().equals(f.returns())) {
                createFunctions.add(new Change.ReplaceFunction(f, target));
            } else if (!target.equals(f)) {
                // CREATE OR REPLACE cannot change the return type
                recreatedFunctions.add(f.name());
                dropFunctions.add(new Change.DropFunction(f));
                createFunctions.add(new Change.CreateFunction(target));
            }
        }
        for (FunctionModel f : to.functions().values()) {
            if (!from.functions().containsKey(f.name())) createFunctions.add(new Change.CreateFunction(f));
        }
    }

    private void triggers() {
        for (TableModel t : from.tables().values()) {
            TableModel target = to.tables().get(t.name());
            for (TriggerModel trg : t.triggers().values()) {
                if (target == null || !trg.equals(target.triggers().get(trg.name()))
                        || recreatedFunctions.contains(trg.function())) {
                    dropTriggers.add(new Change.DropTrigger(trg));
                }
            }
        }
        for (TableModel t : to.tables().values()) {
            TableModel source = from.tables().get(t.name());
            for (TriggerModel trg : t.triggers().values()) {
                if (source == null || !trg.equals(source.triggers().get(trg.name()))
                        || recreatedFunctions.contains(trg.function())) {
                    createTriggers.add(new Change.CreateTrigger(trg));
                }
            }
        }
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
                dropTables.add(new Change.DropTable(t));
                continue;
            }
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
                createTables.add(new Change.CreateTable(t));
            } else {
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
     * What goes away first (an identity, a default), then type and nullability, then what comes (a default, an
     * identity, which needs NOT NULL and no default). Reversed for the down, the same order holds.
     */
    private void alterColumn(String table, ColumnModel before, ColumnModel after) {
        String name = before.name();
        boolean retype = !before.type().equals(after.type());
        boolean identityGoes = before.identity() != null && after.identity() == null;
        boolean identityComes = before.identity() == null && after.identity() != null;
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
                    || to.views().values().stream().anyMatch(v -> v.readsColumn(table, name));
            alterColumns.add(new Change.AlterColumnType(table, name, before.type(), after.type(), read));
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
     * set once tables and columns exist.
     */
    private void sequences() {
        for (SequenceModel s : from.sequences().values()) {
            SequenceModel target = to.sequences().get(s.name());
            boolean ownerStays = target != null && Objects.equals(s.ownedBy(), target.ownedBy())
                    && (s.ownedBy() == null || !replacedColumns.contains(s.ownedBy()));
            if (s.ownedBy() != null && !ownerStays) unownSequences.add(new Change.SetSequenceOwner(s.name(), s.ownedBy(), null));
            if (target == null) {
                dropSequences.add(new Change.DropSequence(s));
                continue;
            }
            if (!s.options().equals(target.options())) createSequences.add(new Change.AlterSequence(s, target));
            if (target.ownedBy() != null && !ownerStays) {
                ownSequences.add(new Change.SetSequenceOwner(s.name(), null, target.ownedBy()));
            }
        }
        for (SequenceModel s : to.sequences().values()) {
            if (from.sequences().containsKey(s.name())) continue;
            createSequences.add(new Change.CreateSequence(s));
            if (s.ownedBy() != null) ownSequences.add(new Change.SetSequenceOwner(s.name(), null, s.ownedBy()));
        }
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
        }
        Set<String> dropped = new HashSet<>();
        for (ViewModel v : from.views().values()) {
            ViewModel target = to.views().get(v.name());
            if (target == null || !target.equals(v) || v.reads().stream().anyMatch(touched::contains)
                    || v.reads().stream().anyMatch(r -> !r.contains(".") && from.tables().containsKey(r) && !to.tables().containsKey(r))) {
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
}
