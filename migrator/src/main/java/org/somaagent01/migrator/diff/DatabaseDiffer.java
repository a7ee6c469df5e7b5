package org.somaagent01.migrator.diff;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.somaagent01.migrator.model.ColumnModel;
import org.somaagent01.migrator.model.DatabaseModel;
import org.somaagent01.migrator.model.ForeignKeyModel;
import org.somaagent01.migrator.model.Renames;
import org.somaagent01.migrator.model.SchemaModel;
import org.somaagent01.migrator.model.TableModel;
import org.somaagent01.migrator.model.ViewModel;
import org.somaagent01.migrator.sql.Sql;

/**
 * The pure differ of databases of several schemas. Schemas that come are created first and schemas that go are
 * dropped last (after their objects); in between, each schema is diffed by {@link Differ} and all schemas' changes
 * are ordered together by {@link ChangeOrder}, ties broken by rank and then schema name. Each schema's object keys
 * are in its own space, except that a name qualified by another schema (an FK target {@code b.owners}, a column of
 * type {@code b.mood}) is that schema's object: what one schema's objects use in another exists before them and goes
 * after them, as within one schema. (Views' reads are what the inspector records in their own schema only.)
 *
 * <p>The changes of one schema are written unqualified: each run of one schema's changes is opened by a
 * {@link Change.SetSearchPath} to it, and the last run is closed by one back to the session's default.
 */
public final class DatabaseDiffer {
    private DatabaseDiffer() {}

    public static List<Change> diff(DatabaseModel from, DatabaseModel to) {
        TreeSet<String> names = new TreeSet<>(from.schemas().keySet());
        names.addAll(to.schemas().keySet());
        List<String> schemas = List.copyOf(names);
        List<List<ChangeOrder.Entry>> own = new ArrayList<>();
        // a schema's expressions may call another's routines: those that go or come are passed to each schema's diff
        List<List<RoutinesElsewhere.Moved>> moved = new ArrayList<>();
        for (String s : schemas) moved.add(RoutinesElsewhere.of(s, model(from, s), model(to, s)));
        for (int i = 0; i < schemas.size(); i++) {
            List<RoutinesElsewhere.Moved> others = new ArrayList<>();
            for (int o = 0; o < schemas.size(); o++) if (o != i) others.addAll(moved.get(o));
            String s = schemas.get(i);
            own.add(new ArrayList<>(Differ.entries(model(from, s), model(to, s), Renames.NONE, new RoutinesElsewhere(others))));
        }
        usersElsewhere(schemas, own, from, to);
        foreignKeysElsewhere(schemas, own, from, to);
        viewsElsewhere(schemas, own, from, to);
        List<ChangeOrder.Entry> all = new ArrayList<>();
        List<String> schemaOf = new ArrayList<>();
        for (int i = 0; i < schemas.size(); i++) {
            java.util.function.UnaryOperator<String> space = inSchema(schemas.get(i), schemas);
            for (ChangeOrder.Entry e : own.get(i)) {
                all.add(new ChangeOrder.Entry(e.change(), e.rank(), e.keys().qualified(space)));
                schemaOf.add(schemas.get(i));
            }
        }
        List<Change> out = new ArrayList<>();
        for (String s : schemas) if (!from.schemas().containsKey(s)) out.add(new Change.CreateSchema(s));
        String current = null;
        for (int i : ChangeOrder.order(all)) {
            if (!schemaOf.get(i).equals(current)) {
                out.add(new Change.SetSearchPath(current, schemaOf.get(i)));
                current = schemaOf.get(i);
            }
            out.add(all.get(i).change());
        }
        if (current != null) out.add(new Change.SetSearchPath(current, null));
        for (String s : schemas) if (!to.schemas().containsKey(s)) out.add(new Change.DropSchema(s));
        return List.copyOf(out);
    }

    /**
     * A schema's key in the database's key space: under its own schema, or, naming an object of another schema
     * ({@code other.t}, as a foreign key's target or a column's type does), under that one.
     */
    private static java.util.function.UnaryOperator<String> inSchema(String own, List<String> schemas) {
        // asked for every key of every change: the schemas' qualifiers and spaces are spelled once
        List<String> qualifiers = new ArrayList<>(schemas.size());
        List<String> spaces = new ArrayList<>(schemas.size());
        for (String s : schemas) {
            qualifiers.add(Sql.ident(s) + ".");
            spaces.add(space(s));
        }
        String ownSpace = space(own);
        return key -> {
            int colon = key.indexOf(':');
            for (int i = 0; i < qualifiers.size(); i++) {
                String qualifier = qualifiers.get(i);
                if (key.startsWith(qualifier, colon + 1) && key.length() - colon - 1 > qualifier.length()) {
                    return spaces.get(i) + key.substring(0, colon + 1) + key.substring(colon + 1 + qualifier.length());
                }
            }
            return ownSpace + key;
        };
    }

    private static String space(String schema) {
        return schema.length() + ":" + schema + "|";
    }

    private static SchemaModel model(DatabaseModel db, String schema) {
        return db.schemas().getOrDefault(schema, SchemaModel.EMPTY);
    }

    /**
     * An enum type's changes convert the columns of its type, and the Differ of its schema knows only its own: the
     * columns of kept tables of the other schemas (of type {@code schema.type}) are added to its users, and the
     * views of those schemas reading them are dropped first and created last (PostgreSQL cannot retype a column a
     * view reads).
     */
    private static void usersElsewhere(List<String> schemas, List<List<ChangeOrder.Entry>> own, DatabaseModel from,
                                       DatabaseModel to) {
        for (int i = 0; i < schemas.size(); i++) {
            List<ChangeOrder.Entry> entries = own.get(i);
            Dependencies deps = new Dependencies(model(from, schemas.get(i)), model(to, schemas.get(i)));
            for (int k = 0; k < entries.size(); k++) {
                Change c = entries.get(k).change();
                Change with = null;
                if (c instanceof Change.SwapEnumType swap) {
                    List<Change.EnumColumn> users = withUsers(swap.users(), schemas, i, swap.type(), own, from, to);
                    with = new Change.SwapEnumType(swap.type(), swap.fromLabels(), swap.toLabels(), swap.mapping(), users);
                } else if (c instanceof Change.AddEnumValue add) {
                    List<Change.EnumColumn> users = withUsers(add.users(), schemas, i, add.type(), own, from, to);
                    with = new Change.AddEnumValue(add.type(), add.label(), add.neighbor(), add.before(),
                            add.labelsBefore(), users);
                }
                if (with != null) entries.set(k, new ChangeOrder.Entry(with, entries.get(k).rank(), deps.of(with)));
            }
        }
    }

    private static List<Change.EnumColumn> withUsers(List<Change.EnumColumn> own, List<String> schemas, int typeSchema,
                                                     String type, List<List<ChangeOrder.Entry>> entries,
                                                     DatabaseModel from, DatabaseModel to) {
        String qualified = Sql.ident(schemas.get(typeSchema)) + "." + Sql.ident(type);
        List<Change.EnumColumn> users = new ArrayList<>(own);
        for (int o = 0; o < schemas.size(); o++) {
            if (o == typeSchema) continue;
            SchemaModel before = model(from, schemas.get(o));
            SchemaModel after = model(to, schemas.get(o));
            for (TableModel t : before.tables().values()) {
                TableModel target = after.tables().get(t.name());
                if (target == null) continue;
                for (ColumnModel col : t.columns()) {
                    boolean scalar = col.type().equals(qualified);
                    if (!scalar && !col.type().equals(qualified + "[]") || target.column(col.name()).isEmpty()) continue;
                    users.add(new Change.EnumColumn(Sql.ident(schemas.get(o)) + "." + Sql.ident(t.name()), col.name(),
                            !scalar, col.defaultExpression()));
                    rebuildViewsReading(entries.get(o), before, after, t.name() + "." + col.name());
                }
            }
        }
        return users;
    }

    private static void rebuildViewsReading(List<ChangeOrder.Entry> entries, SchemaModel before, SchemaModel after,
                                            String column) {
        Dependencies deps = new Dependencies(before, after);
        for (ViewModel v : before.views().values()) {
            ViewModel target = after.views().get(v.name());
            if (target == null || !v.reads().contains(column)) continue;
            boolean dropped = entries.stream()
                    .anyMatch(e -> e.change() instanceof Change.DropView d && d.view().name().equals(v.name()));
            if (dropped) continue;
            first(entries, new Change.DropView(v), deps);
            last(entries, new Change.CreateView(target), deps);
        }
    }

    /** A change ranked before every other (as its dependencies allow). */
    private static void first(List<ChangeOrder.Entry> entries, Change c, Dependencies deps) {
        entries.add(new ChangeOrder.Entry(c, -ChangeRank.COUNT, deps.of(c)));
    }

    /** A change ranked after every other (as its dependencies allow). */
    private static void last(List<ChangeOrder.Entry> entries, Change c, Dependencies deps) {
        entries.add(new ChangeOrder.Entry(c, ChangeRank.COUNT, deps.of(c)));
    }

    /**
     * A foreign key on a table of another schema is dropped and added again by the Differ of its own schema only
     * when it changes there; when its target table loses its key, a column or its type in the target's schema
     * (PostgreSQL refuses to drop or retype what a key depends on), it is dropped first and added last here.
     */
    private static void foreignKeysElsewhere(List<String> schemas, List<List<ChangeOrder.Entry>> all, DatabaseModel from,
                                             DatabaseModel to) {
        if (schemas.size() < 2) return;
        // the qualified names of the tables whose keys the changes of their schema break: computed once
        Set<String> breaking = new HashSet<>();
        for (int s = 0; s < schemas.size(); s++) {
            for (String name : breaksKeys(all.get(s))) breaking.add(Sql.ident(schemas.get(s)) + "." + Sql.ident(name));
        }
        for (int o = 0; o < schemas.size(); o++) {
            List<ChangeOrder.Entry> own = all.get(o);
            SchemaModel before = model(from, schemas.get(o));
            SchemaModel after = model(to, schemas.get(o));
            Dependencies deps = new Dependencies(before, after);
            Set<String> droppedForeignKeys = droppedForeignKeys(own);
            for (TableModel t : before.tables().values()) {
                TableModel target = after.tables().get(t.name());
                if (target == null) continue;
                for (ForeignKeyModel fk : t.foreignKeys().values()) {
                    if (!fk.equals(target.foreignKeys().get(fk.name()))
                            || droppedForeignKeys.contains(t.name() + "." + fk.name())) {
                        continue;
                    }
                    // a target of another schema is qualified; one of its own schema is not, so never in breaking
                    if (breaking.contains(fk.targetTable())) {
                        first(own, new Change.DropForeignKey(t.name(), fk), deps);
                        last(own, new Change.AddForeignKey(t.name(), fk), deps);
                    }
                }
            }
        }
    }

    /**
     * A view reading a column or relation of another schema ({@code schema:t.c} in its reads) that the changes there
     * retype, drop or rebuild is dropped first and created last, as are the views (of any schema) reading a view so
     * dropped: PostgreSQL refuses those changes under a view, and a view's drop under another view.
     */
    private static void viewsElsewhere(List<String> schemas, List<List<ChangeOrder.Entry>> all, DatabaseModel from,
                                       DatabaseModel to) {
        for (boolean grew = true; grew; ) {
            grew = false;
            List<Set<String>> touched = new ArrayList<>();
            for (List<ChangeOrder.Entry> entries : all) touched.add(touchedReads(entries));
            for (int p = 0; p < schemas.size(); p++) {
                SchemaModel before = model(from, schemas.get(p));
                SchemaModel after = model(to, schemas.get(p));
                Dependencies deps = new Dependencies(before, after);
                for (ViewModel v : before.views().values()) {
                    ViewModel target = after.views().get(v.name());
                    if (target == null || touched.get(p).contains(v.name())) continue;
                    if (!readsTouched(v, schemas, p, touched)) continue;
                    first(all.get(p), new Change.DropView(v), deps);
                    last(all.get(p), new Change.CreateView(target), deps);
                    grew = true;
                }
            }
        }
    }

    /** What the changes of one schema retype, drop or rebuild, as views' reads name it: {@code t.c} or {@code t}. */
    private static Set<String> touchedReads(List<ChangeOrder.Entry> entries) {
        Set<String> out = new HashSet<>();
        for (Change c : Differ.underlying(entries.stream().map(ChangeOrder.Entry::change).toList())) {
            if (c instanceof Change.AlterColumnType a) out.add(a.table() + "." + a.column());
            if (c instanceof Change.SetColumnCollation a) out.add(a.table() + "." + a.column());
            if (c instanceof Change.DropColumn d) out.add(d.table() + "." + d.column().name());
            if (c instanceof Change.DropReplacedColumn d) out.add(d.table() + "." + d.column().name());
            if (c instanceof Change.DropTable d) out.add(d.table().name());
            if (c instanceof Change.DropView d) out.add(d.view().name());
            if (c instanceof Change.SwapEnumType w) {
                for (Change.EnumColumn u : w.users()) if (!u.table().contains(".")) out.add(u.table() + "." + u.column());
            }
        }
        return out;
    }

    /** Whether one of the view's reads, in schema {@code own} or another, is touched there. */
    private static boolean readsTouched(ViewModel v, List<String> schemas, int own, List<Set<String>> touched) {
        for (String read : v.reads()) {
            int colon = read.indexOf(':');
            int schema = colon < 0 ? own : schemas.indexOf(read.substring(0, colon));
            if (schema < 0) continue;
            String local = read.substring(colon + 1);
            int dot = local.indexOf('.');
            if (touched.get(schema).contains(local) || dot > 0 && touched.get(schema).contains(local.substring(0, dot))) {
                return true;
            }
        }
        return false;
    }

    /** {@code table.name} of each foreign key the changes drop: looked up per foreign key, so one pass. */
    private static Set<String> droppedForeignKeys(List<ChangeOrder.Entry> entries) {
        Set<String> out = new HashSet<>();
        for (ChangeOrder.Entry e : entries) {
            if (e.change() instanceof Change.DropForeignKey d) out.add(d.table() + "." + d.foreignKey().name());
        }
        return out;
    }

    /** The tables of which the changes drop a key, an index, a column or a column type a foreign key may need. */
    private static Set<String> breaksKeys(List<ChangeOrder.Entry> entries) {
        Set<String> out = new HashSet<>();
        for (ChangeOrder.Entry e : entries) {
            Change c = e.change();
            if (c instanceof Change.DropTable d) out.add(d.table().name());
            if (c instanceof Change.DropPrimaryKey k) out.add(k.table());
            if (c instanceof Change.DropUnique u) out.add(u.table());
            if (c instanceof Change.DropIndex i && i.index().unique()) out.add(i.table());
            if (c instanceof Change.AlterColumnType a) out.add(a.table());
            if (c instanceof Change.DropColumn d) out.add(d.table());
            if (c instanceof Change.DropReplacedColumn r) out.add(r.table());
        }
        return out;
    }
}
