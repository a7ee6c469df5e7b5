package org.somaagent01.migrator.plan;

import static org.somaagent01.migrator.sql.Sql.ident;
import static org.somaagent01.migrator.sql.Sql.literal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.somaagent01.migrator.diff.Change;
import org.somaagent01.migrator.model.CheckModel;
import org.somaagent01.migrator.model.ForeignKeyModel;
import org.somaagent01.migrator.model.IndexModel;
import org.somaagent01.migrator.model.KeyConstraint;

/**
 * Lays changes out as {@link Step}s. {@link RenderMode#PLAIN}: one step per change, its {@link SqlRenderer} form.
 * {@link RenderMode#ONLINE}: on a table that exists before the script and stays, the forms that hold no long lock:
 * <ul>
 * <li>an index is created or dropped CONCURRENTLY, each in its own segment outside a transaction;</li>
 * <li>a changed index is built CONCURRENTLY under a temporary name, the old one dropped CONCURRENTLY, the new one
 *     renamed: there is always an index;</li>
 * <li>a foreign key or CHECK is added NOT VALID (a brief lock) and validated in a later transaction (no write lock);
 *     a changed one is added so under a temporary name and validated before the old one is dropped and the new one
 *     takes its name;</li>
 * <li>SET NOT NULL is proven first by a CHECK (col IS NOT NULL) added NOT VALID and validated, so SET NOT NULL
 *     skips its scan; the CHECK is dropped with it;</li>
 * <li>a UNIQUE or PRIMARY KEY constraint takes over a unique index built CONCURRENTLY (USING INDEX).</li>
 * </ul>
 * Removing one of these is the mirror of adding it ({@link Step#mirror}), so the down script is as lock-safe as the
 * up. Objects on a table the script creates or drops keep the plain form: no one uses it yet, or any more (but
 * an index on a table the script drops is dropped concurrently: DROP INDEX does not name its table, so a reviewer
 * or lint cannot see that its ACCESS EXCLUSIVE lock is on a table going away).
 * Every statement stays idempotent (IF [NOT] EXISTS, catalog checks): a segment outside a transaction is re-run
 * after a crash.
 */
public final class Planner {
    private Planner() {}

    public static List<Step> steps(List<Change> changes, RenderMode mode) {
        if (mode == RenderMode.PLAIN) {
            List<Step> out = new ArrayList<>();
            for (Change c : changes) out.add(plain(c));
            return out;
        }
        return new Online(changes).steps();
    }

    public static List<PlannedSegment> segments(List<Change> changes, RenderMode mode) {
        return PlannedSegment.of(steps(changes, mode));
    }

    static Step plain(Change c) {
        boolean alone = c.commitBeforeUse() || c.inverse().commitBeforeUse();
        return new Step(SqlRenderer.render(c), SqlRenderer.render(c.inverse()), false, false, alone, false);
    }

    private static final class Online {
        private final List<Change> changes;
        private final Set<String> newTables = new HashSet<>();
        private final Set<String> createdTables = new HashSet<>();
        // "table.column" whose type changes or that goes: an index on one is dropped before, as the differ orders it
        private final Set<String> touchedColumns = new HashSet<>();
        // the same columns by table: an expression is searched for its own table's only
        private final Map<String, List<String>> touchedByTable = new HashMap<>();
        // "table.index" -> the old definition, for a changed index replaced in place
        private final Map<String, IndexModel> replaced = new HashMap<>();
        // "table.constraint" -> the old CheckModel or ForeignKeyModel, for a changed one replaced in place
        private final Map<String, Object> replacedConstraints = new HashMap<>();

        Online(List<Change> changes) {
            this.changes = changes;
            for (Change c : changes) {
                if (c instanceof Change.CreateTable t) {
                    newTables.add(t.table().name());
                    createdTables.add(t.table().name());
                }
                if (c instanceof Change.DropTable t) newTables.add(t.table().name());
                if (c instanceof Change.CreatePartitioned t) {
                    for (String name : partitionTree(t.table(), t.partitions())) {
                        newTables.add(name);
                        createdTables.add(name);
                    }
                }
                if (c instanceof Change.DropPartitioned t) newTables.addAll(partitionTree(t.table(), t.partitions()));
                if (c instanceof Change.RenameTable t) {
                    newTables.add(t.from());
                    newTables.add(t.to());
                }
                if (c instanceof Change.AlterColumnType a) touch(a.table(), a.column());
                if (c instanceof Change.SetColumnCollation a) touch(a.table(), a.column());
                if (c instanceof Change.DropColumn d) touch(d.table(), d.column().name());
                if (c instanceof Change.DropReplacedColumn d) touch(d.table(), d.column().name());
                if (c instanceof Change.SwapEnumType s) for (Change.EnumColumn u : s.users()) touch(u.table(), u.column());
            }
            Map<String, IndexModel> dropped = new HashMap<>();
            for (Change c : changes) {
                if (c instanceof Change.DropIndex d && !createdTables.contains(d.table())) dropped.put(d.table() + "." + d.index().name(), d.index());
            }
            for (Change c : changes) {
                if (!(c instanceof Change.CreateIndex ci)) continue;
                String key = ci.table() + "." + ci.index().name();
                IndexModel old = dropped.get(key);
                if (old != null && !old.equals(ci.index()) && !touched(ci.table(), old)) replaced.put(key, old);
            }
            replacedConstraints();
        }

        /**
         * A CHECK or foreign key whose definition changes, on a table that stays, is replaced in place: the old one
         * stays until the new one is validated. Not when the old one cannot stay that long: it names a column that
         * changes or goes, or (a foreign key) its target table or a key of that table goes.
         */
        private void replacedConstraints() {
            Map<String, Object> dropped = new HashMap<>();
            Set<String> keysDropped = new HashSet<>();
            for (Change c : changes) {
                if (c instanceof Change.DropCheck d && online(d.table())) dropped.put(d.table() + "." + d.check().name(), d.check());
                if (c instanceof Change.DropForeignKey d && online(d.table())) {
                    dropped.put(d.table() + "." + d.foreignKey().name(), d.foreignKey());
                }
                if (c instanceof Change.DropPrimaryKey d) keysDropped.add(d.table());
                if (c instanceof Change.DropUnique d) keysDropped.add(d.table());
                if (c instanceof Change.DropIndex d && d.index().unique()) keysDropped.add(d.table());
            }
            for (Change c : changes) {
                // a NOT VALID one, old or new, is never validated, so it cannot take part in a validated replacement
                // (the down would validate the old one)
                if (c instanceof Change.AddCheck a && online(a.table()) && !a.check().notValid()) {
                    String key = a.table() + "." + a.check().name();
                    if (dropped.get(key) instanceof CheckModel old && !old.equals(a.check()) && !old.notValid()
                            && !touched(a.table(), old.expression())) replacedConstraints.put(key, old);
                }
                if (c instanceof Change.AddForeignKey a && online(a.table()) && !a.foreignKey().notValid()) {
                    String key = a.table() + "." + a.foreignKey().name();
                    if (dropped.get(key) instanceof ForeignKeyModel old && !old.equals(a.foreignKey()) && !old.notValid()
                            && online(old.targetTable()) && !keysDropped.contains(old.targetTable())
                            && !touchedColumns(a.table(), old.columns()) && !touchedColumns(old.targetTable(), old.targetColumns())) {
                        replacedConstraints.put(key, old);
                    }
                }
            }
        }

        private static List<String> partitionTree(org.somaagent01.migrator.model.TableModel root,
                                                  List<org.somaagent01.migrator.model.TableModel> partitions) {
            List<String> out = new ArrayList<>(List.of(root.name()));
            for (org.somaagent01.migrator.model.TableModel p : partitions) out.add(p.name());
            return out;
        }

        private void touch(String table, String column) {
            if (touchedColumns.add(table + "." + column)) touchedByTable.computeIfAbsent(table, t -> new ArrayList<>()).add(column);
        }

        private boolean touchedColumns(String table, List<String> columns) {
            for (String column : columns) if (touchedColumns.contains(table + "." + column)) return true;
            return false;
        }

        /** The old index names a column that changes before the new one is built: it cannot stay until then. */
        private boolean touched(String table, IndexModel ix) {
            StringBuilder text = new StringBuilder(ix.predicate() == null ? "" : ix.predicate());
            for (IndexModel.IndexKey k : ix.keys()) text.append(' ').append(k.expression());
            // INCLUDE columns are part of the index as much as its keys
            for (String included : ix.include()) text.append(' ').append(included);
            return touched(table, text);
        }

        /** {@code text} (an expression) names a column of {@code table} that changes type or goes. */
        private boolean touched(String table, CharSequence text) {
            for (String column : touchedByTable.getOrDefault(table, List.of())) {
                if (java.util.regex.Pattern.compile("(?<![A-Za-z0-9_$])" + java.util.regex.Pattern.quote(column)
                        + "(?![A-Za-z0-9_$])").matcher(text).find()) return true;
            }
            return false;
        }

        private boolean online(String table) {
            return !newTables.contains(table);
        }

        List<Step> steps() {
            List<Step> out = new ArrayList<>();
            for (Change c : changes) out.addAll(steps(c));
            return out;
        }

        private List<Step> steps(Change change) {
            if (change instanceof Change.CreateIndex c && online(c.table())) {
                IndexModel old = replaced.get(c.table() + "." + c.index().name());
                return old != null ? replaceIndex(c.table(), old, c.index()) : createIndex(c.table(), c.index());
            }
            // also on a table dropped later in the script: DROP INDEX names no table, so a reader (lint) cannot
            // tell that the lock it takes is on a table going away
            if (change instanceof Change.DropIndex c && !createdTables.contains(c.table())) {
                // a replaced index goes when its successor is built
                if (replaced.containsKey(c.table() + "." + c.index().name())) return List.of();
                return Step.mirror(createIndex(c.table(), c.index()));
            }
            if (change instanceof Change.AddForeignKey c && online(c.table())) {
                Object old = replacedConstraints.get(c.table() + "." + c.foreignKey().name());
                return old != null ? replaceConstraint(c.table(), c.foreignKey().name(), SqlRenderer.foreignKey((ForeignKeyModel) old),
                        SqlRenderer.foreignKey(c.foreignKey())) : addForeignKey(c);
            }
            if (change instanceof Change.DropForeignKey c && online(c.table())) {
                // a replaced one goes when its successor is validated
                if (replacedConstraints.containsKey(c.table() + "." + c.foreignKey().name())) return List.of();
                return Step.mirror(addForeignKey((Change.AddForeignKey) c.inverse()));
            }
            if (change instanceof Change.AddCheck c && online(c.table())) {
                Object old = replacedConstraints.get(c.table() + "." + c.check().name());
                return old != null ? replaceConstraint(c.table(), c.check().name(), checkBody(((CheckModel) old).expression()),
                        checkBody(c.check().expression())) : addCheck(c);
            }
            if (change instanceof Change.DropCheck c && online(c.table())) {
                if (replacedConstraints.containsKey(c.table() + "." + c.check().name())) return List.of();
                return Step.mirror(addCheck((Change.AddCheck) c.inverse()));
            }
            if (change instanceof Change.AddUnique c && online(c.table())) return addKey(c.table(), c.key(), "UNIQUE");
            if (change instanceof Change.DropUnique c && online(c.table())) return Step.mirror(addKey(c.table(), c.key(), "UNIQUE"));
            if (change instanceof Change.AddPrimaryKey c && online(c.table())) return addKey(c.table(), c.key(), "PRIMARY KEY");
            if (change instanceof Change.DropPrimaryKey c && online(c.table())) {
                return Step.mirror(addKey(c.table(), c.key(), "PRIMARY KEY"));
            }
            if (change instanceof Change.SetNotNull c && online(c.table())) {
                return c.notNull() ? setNotNull(c) : Step.mirror(setNotNull((Change.SetNotNull) c.inverse()));
            }
            return List.of(plain(change));
        }

        private static List<Step> createIndex(String table, IndexModel ix) {
            return List.of(Step.outside(SqlRenderer.createIndex(table, ix, ix.name(), true), dropIndex(ix.name())));
        }

        /** Build the new definition beside the old one, drop the old one, take its name. */
        private static List<Step> replaceIndex(String table, IndexModel old, IndexModel ix) {
            String temp = Names.derived(ix.name(), "__new");
            return List.of(
                    Step.outside(SqlRenderer.createIndex(table, ix, temp, true), dropIndex(temp)),
                    Step.outside(dropIndex(ix.name()), SqlRenderer.createIndex(table, old, old.name(), true)),
                    Step.inTransaction(List.of(renameIndex(temp, ix.name())), List.of(renameIndex(ix.name(), temp))));
        }

        /** Added NOT VALID, validated later; a key meant to stay NOT VALID is not validated. */
        private static List<Step> addForeignKey(Change.AddForeignKey c) {
            String name = c.foreignKey().name();
            Step add = Step.inTransaction(List.of(SqlRenderer.addForeignKey(c.table(), c.foreignKey().withNotValid(true))),
                    List.of(SqlRenderer.dropConstraint(c.table(), name)));
            if (c.foreignKey().notValid()) return List.of(add);
            return List.of(add, Step.deferred(List.of(validate(c.table(), name))));
        }

        /**
         * A changed CHECK or foreign key: the new definition added NOT VALID under a temporary name, validated (no
         * write lock), then in one brief transaction the old one dropped and the new one renamed: the rows are
         * checked all along. The down mirrors it: the old definition comes back NOT VALID under its name (the new
         * one renamed aside), is validated, and the new one goes.
         *
         * @param oldBody the old definition after the constraint name ("CHECK (…)", "FOREIGN KEY … REFERENCES …")
         */
        private static List<Step> replaceConstraint(String table, String name, String oldBody, String newBody) {
            String temp = Names.derived(name, "__new");
            return List.of(
                    Step.inTransaction(List.of(addNotValid(table, temp, newBody)), List.of(SqlRenderer.dropConstraint(table, temp))),
                    Step.later(List.of(validate(table, temp)), List.of(validate(table, name))),
                    Step.later(List.of(SqlRenderer.dropConstraint(table, name), renameConstraint(table, temp, name)),
                            List.of(renameConstraint(table, name, temp), addNotValid(table, name, oldBody))));
        }

        private static String checkBody(String expression) {
            return "CHECK (" + expression + ")";
        }

        private static String addNotValid(String table, String name, String body) {
            return SqlRenderer.unlessConstraintExists(table, name, "ALTER TABLE " + ident(table) + " ADD CONSTRAINT "
                    + ident(name) + " " + body + " NOT VALID");
        }

        /** Renames {@code from} when it exists and {@code to} does not yet: a re-run changes nothing. */
        private static String renameConstraint(String table, String from, String to) {
            String exists = "SELECT 1 FROM pg_constraint WHERE conrelid = to_regclass(" + literal(ident(table)) + ") AND conname = ";
            return "DO $$ BEGIN\n    IF EXISTS (" + exists + literal(from) + ") AND NOT EXISTS (" + exists + literal(to)
                    + ") THEN\n        ALTER TABLE " + ident(table) + " RENAME CONSTRAINT " + ident(from) + " TO " + ident(to)
                    + ";\n    END IF;\nEND $$";
        }

        private static List<Step> addCheck(Change.AddCheck c) {
            String table = c.table();
            Step add = Step.inTransaction(List.of(SqlRenderer.addCheck(table, c.check().withNotValid(true))),
                    List.of(SqlRenderer.dropConstraint(table, c.check().name())));
            if (c.check().notValid()) return List.of(add);
            return List.of(add, Step.deferred(List.of(validate(table, c.check().name()))));
        }

        private static Step addCheckNotValid(String table, String name, String expression) {
            return Step.inTransaction(List.of(SqlRenderer.unlessConstraintExists(table, name, "ALTER TABLE " + ident(table)
                    + " ADD CONSTRAINT " + ident(name) + " CHECK (" + expression + ") NOT VALID")),
                    List.of(SqlRenderer.dropConstraint(table, name)));
        }

        /**
         * A key takes over a unique index built concurrently. Should the index be missing when the second step runs
         * (a partly reverted version applied again), the constraint builds its own, as the plain form does.
         */
        private static List<Step> addKey(String table, KeyConstraint key, String kind) {
            String name = key.name();
            String index = "CREATE UNIQUE INDEX CONCURRENTLY IF NOT EXISTS " + ident(name) + " ON " + ident(table)
                    + " (" + SqlRenderer.columns(key.columns()) + ")" + (key.nullsNotDistinct() ? " NULLS NOT DISTINCT" : "");
            String alter = "ALTER TABLE " + ident(table) + " ADD CONSTRAINT " + ident(name) + " " + kind;
            String deferral = SqlRenderer.deferral(key.deferrable(), key.initiallyDeferred());
            String attach = "DO $$ BEGIN\n    IF NOT EXISTS (SELECT 1 FROM pg_constraint WHERE conrelid = to_regclass("
                    + literal(ident(table)) + ") AND conname = " + literal(name) + ") THEN\n"
                    + "        IF to_regclass(" + literal(ident(name)) + ") IS NOT NULL THEN\n"
                    + "            " + alter + " USING INDEX " + ident(name) + deferral + ";\n"
                    + "        ELSE\n"
                    + "            " + alter + (key.nullsNotDistinct() ? " NULLS NOT DISTINCT" : "") + " ("
                    + SqlRenderer.columns(key.columns()) + ")" + deferral + ";\n"
                    + "        END IF;\n    END IF;\nEND $$";
            return List.of(
                    Step.outside(index, dropIndex(name)),
                    Step.inTransaction(List.of(attach), List.of(SqlRenderer.dropConstraint(table, name))));
        }

        /** CHECK (col IS NOT NULL) NOT VALID, VALIDATE, then SET NOT NULL needs no scan and the CHECK goes. */
        private static List<Step> setNotNull(Change.SetNotNull c) {
            String check = Names.derived(c.table() + "_" + c.column(), "__not_null");
            List<Step> out = new ArrayList<>();
            out.add(addCheckNotValid(c.table(), check, ident(c.column()) + " IS NOT NULL"));
            out.add(Step.later(List.of(validate(c.table(), check)), List.of()));
            out.add(Step.later(List.of(SqlRenderer.alterColumn(c.table(), c.column()) + "SET NOT NULL",
                            SqlRenderer.dropConstraint(c.table(), check)),
                    List.of(SqlRenderer.alterColumn(c.table(), c.column()) + "DROP NOT NULL")));
            return out;
        }

        private static String validate(String table, String constraint) {
            return SqlRenderer.validate(table, constraint);
        }

        private static String dropIndex(String name) {
            return "DROP INDEX CONCURRENTLY IF EXISTS " + ident(name);
        }

        private static String renameIndex(String from, String to) {
            return "ALTER INDEX IF EXISTS " + ident(from) + " RENAME TO " + ident(to);
        }
    }
}
