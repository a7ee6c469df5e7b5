package org.somaagent01.migrator.diff;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;
import org.somaagent01.migrator.model.ColumnModel;
import org.somaagent01.migrator.model.FunctionModel;
import org.somaagent01.migrator.model.SchemaModel;
import org.somaagent01.migrator.model.TableModel;

/**
 * Columns of tables on both sides, and column comments. PostgreSQL cannot reorder columns: a difference in column
 * order alone is not diffed, and added columns come last. Columns are dropped last-first, so a down re-adds them in
 * their original relative order, at the end. A generated column whose expression or type changes, or that reads a
 * column whose type changes, is dropped and added (destructive: {@link DiffContext#replacedColumns()}).
 */
final class ColumnDiffer {
    private ColumnDiffer() {}

    static List<Change> diff(DiffContext cx) {
        List<Change> out = new ArrayList<>();
        for (TableModel t : cx.from().tables().values()) {
            TableModel target = cx.to().tables().get(t.name());
            // a table that becomes a partition (or stops being one) has the parent's columns, attached or detached
            if (target == null || t.shape().isPartition() != target.shape().isPartition()) continue;
            for (int i = t.columns().size() - 1; i >= 0; i--) {
                ColumnModel c = t.columns().get(i);
                ColumnModel after = target.column(c.name()).orElse(null);
                if (after == null || cx.replaced(t.name(), c.name())) {
                    if (c.comment() != null) out.add(new Change.SetColumnComment(t.name(), c.name(), c.comment(), null));
                    out.add(after == null ? new Change.DropColumn(t.name(), c)
                            : new Change.DropReplacedColumn(t.name(), c, after, retypedReads(t, target, after, false),
                                    goingCalls(cx, true, c)));
                }
            }
            for (ColumnModel c : t.columns()) {
                if (cx.replaced(t.name(), c.name())) continue;
                target.column(c.name()).ifPresent(after -> alter(cx, t.name(), c, after, out));
            }
        }
        for (TableModel t : cx.to().tables().values()) {
            TableModel source = cx.from().tables().get(t.name());
            if (source != null && source.shape().isPartition() == t.shape().isPartition()) {
                for (ColumnModel c : t.columns()) {
                    if (source.column(c.name()).isEmpty()) {
                        out.add(new Change.AddColumn(t.name(), c));
                    } else if (cx.replaced(t.name(), c.name())) {
                        out.add(new Change.AddReplacedColumn(t.name(), c, source.column(c.name()).orElseThrow(),
                                retypedReads(source, t, c, true), goingCalls(cx, false, c)));
                    }
                }
            }
            for (ColumnModel c : t.columns()) {
                ColumnModel old = source == null || cx.replaced(t.name(), c.name()) ? null : source.column(c.name()).orElse(null);
                String was = old == null ? null : old.comment();
                if (!Objects.equals(was, c.comment())) out.add(new Change.SetColumnComment(t.name(), c.name(), was, c.comment()));
            }
        }
        return out;
    }

    /**
     * What goes away first (an identity, a default), then type and nullability, then what comes (a default, an
     * identity, which needs NOT NULL and no default). Reversed for the down, the same order holds.
     */
    private static void alter(DiffContext cx, String table, ColumnModel before, ColumnModel after, List<Change> out) {
        String name = before.name();
        boolean retype = !before.type().equals(after.type());
        boolean identityGoes = before.identity() != null && after.identity() == null;
        boolean identityComes = before.identity() == null && after.identity() != null;
        // around a type change an identity's options go back to the defaults before and are set after, each while
        // the sequence has the type they fit (the way back does the same in reverse)
        if ((identityGoes || retype && before.identity() != null && after.identity() != null)
                && before.identityOptions() != null) {
            // back to the defaults first, so that the way back, adding the identity, sets its options after it
            out.add(new Change.SetIdentityOptions(table, name, before.type(), before.identityOptions(), null));
        }
        // the identity change carries the default of the side without one
        if (identityGoes) out.add(new Change.SetIdentity(table, name, before.identity(), null, after.defaultExpression()));
        boolean identityChanges = identityGoes || identityComes;
        // a default may not cast to the new type, or may call a routine that is dropped (and created again): drop it
        // first, set the new one after
        boolean dropDefault = !identityChanges && before.defaultExpression() != null
                && (retype || after.defaultExpression() == null || cx.callsGoneRoutine(before.defaultExpression()));
        if (dropDefault) out.add(new Change.SetColumnDefault(table, name, before.defaultExpression(), null));
        if (retype) {
            SchemaModel from = cx.from();
            SchemaModel to = cx.to();
            boolean read = readByGenerated(from, table, name) || readByGenerated(to, table, name)
                    || from.views().values().stream().anyMatch(v -> v.readsColumn(table, name))
                    || to.views().values().stream().anyMatch(v -> v.readsColumn(table, name))
                    || policyReads(from, table, name) || policyReads(to, table, name)
                    || triggerReads(from, table, name) || triggerReads(to, table, name);
            if (before.collation() != null) {
                out.add(new Change.SetColumnCollation(table, name, before.type(), before.collation(), null));
            }
            out.add(new Change.AlterColumnType(table, name, before.type(), after.type(), read));
        }
        // a type change resets the collation: a collated column loses it just before, and gains it just after
        if (retype ? after.collation() != null : !Objects.equals(before.collation(), after.collation())) {
            out.add(new Change.SetColumnCollation(table, name, after.type(), retype ? null : before.collation(),
                    after.collation()));
        }
        if (before.notNull() != after.notNull()) out.add(new Change.SetNotNull(table, name, after.notNull()));
        String defaultBefore = dropDefault ? null : before.defaultExpression();
        if (!identityChanges && !Objects.equals(defaultBefore, after.defaultExpression())) {
            out.add(new Change.SetColumnDefault(table, name, defaultBefore, after.defaultExpression()));
        }
        if (identityComes) {
            out.add(new Change.SetIdentity(table, name, null, after.identity(), before.defaultExpression()));
        } else if (before.identity() != null && after.identity() != null && !after.identity().equals(before.identity())) {
            out.add(new Change.SetIdentity(table, name, before.identity(), after.identity()));
        }
        boolean bothIdentity = before.identity() != null && after.identity() != null;
        if (identityComes && after.identityOptions() != null) {
            out.add(new Change.SetIdentityOptions(table, name, after.type(), null, after.identityOptions()));
        } else if (bothIdentity && retype && after.identityOptions() != null) {
            out.add(new Change.SetIdentityOptions(table, name, after.type(), null, after.identityOptions()));
        } else if (bothIdentity && !retype && !Objects.equals(before.identityOptions(), after.identityOptions())) {
            out.add(new Change.SetIdentityOptions(table, name, after.type(), before.identityOptions(),
                    after.identityOptions()));
        }
    }

    /**
     * The routines that {@code column}'s generated expression calls and that go (dropped, or dropped and created
     * again) on the way to {@code to} ({@code forward}) or back to {@code from}, of this schema or another: the
     * column must go before them.
     */
    private static List<Change.CalledRoutine> goingCalls(DiffContext cx, boolean forward, ColumnModel column) {
        if (column.generated() == null) return List.of();
        List<Change.CalledRoutine> out = new ArrayList<>();
        for (FunctionModel f : forward ? RoutineDiffer.going(cx.from(), cx.to()) : RoutineDiffer.going(cx.to(), cx.from())) {
            if (Identifiers.calls(column.generated(), f.name())) out.add(new Change.CalledRoutine(null, f));
        }
        for (RoutinesElsewhere.Moved m : cx.elsewhere().moved()) {
            if (m.gone() == forward && Identifiers.calls(column.generated(), m.callName())) {
                out.add(new Change.CalledRoutine(m.schema(), m.function()));
            }
        }
        return out;
    }

    /**
     * Columns of the table that {@code generated} reads and whose type differs between {@code before} and
     * {@code after}, with the type on the far side of the drop: after it for a drop, before it for the add.
     */
    private static SortedMap<String, String> retypedReads(TableModel before, TableModel after, ColumnModel generated,
                                                          boolean beforeTypes) {
        SortedMap<String, String> out = new TreeMap<>();
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

    /** Whether a policy of the table reads the column (then a re-run must not retype it under the created policy). */
    private static boolean policyReads(SchemaModel schema, String table, String column) {
        TableModel t = schema.tables().get(table);
        return t != null && t.security().policies().values().stream()
                .anyMatch(p -> Identifiers.mentions(p.using(), column) || Identifiers.mentions(p.withCheck(), column));
    }

    /** Whether a trigger's WHEN or UPDATE OF reads the column (PostgreSQL then refuses even a same-type change). */
    private static boolean triggerReads(SchemaModel schema, String table, String column) {
        return schema.tables().get(table).triggers().values().stream().anyMatch(trg -> trg.updateColumns().contains(column)
                || Identifiers.mentionsInTrigger(trg.when(), column));
    }
}
