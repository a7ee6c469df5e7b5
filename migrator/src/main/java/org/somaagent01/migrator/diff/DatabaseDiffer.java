package org.somaagent01.migrator.diff;

import java.util.ArrayList;
import java.util.List;
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
 * dropped last (after their objects); in between, each schema is diffed by {@link Differ} and the schemas' phases
 * are interleaved phase by phase (schemas in name order within a phase), so that what one schema's objects use in
 * another (an enum type, an FK target) exists before them and goes after them, as within one schema.
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
        List<List<List<Change>>> phases = new ArrayList<>();
        for (String s : schemas) {
            // a phase of its own before and after the differ's: what another schema's changes force to be rebuilt
            List<List<Change>> own = new ArrayList<>();
            own.add(new ArrayList<>());
            for (List<Change> phase : Differ.phases(model(from, s), model(to, s), Renames.NONE)) own.add(new ArrayList<>(phase));
            own.add(new ArrayList<>());
            phases.add(own);
        }
        usersElsewhere(schemas, phases, from, to);
        foreignKeysElsewhere(schemas, phases, from, to);
        List<Change> out = new ArrayList<>();
        for (String s : schemas) if (!from.schemas().containsKey(s)) out.add(new Change.CreateSchema(s));
        String current = null;
        int phaseCount = phases.isEmpty() ? 0 : phases.get(0).size();
        for (int p = 0; p < phaseCount; p++) {
            for (int i = 0; i < schemas.size(); i++) {
                List<Change> phase = phases.get(i).get(p);
                if (phase.isEmpty()) continue;
                if (!schemas.get(i).equals(current)) {
                    out.add(new Change.SetSearchPath(current, schemas.get(i)));
                    current = schemas.get(i);
                }
                out.addAll(phase);
            }
        }
        if (current != null) out.add(new Change.SetSearchPath(current, null));
        for (String s : schemas) if (!to.schemas().containsKey(s)) out.add(new Change.DropSchema(s));
        return List.copyOf(out);
    }

    private static SchemaModel model(DatabaseModel db, String schema) {
        return db.schemas().getOrDefault(schema, SchemaModel.EMPTY);
    }

    /**
     * An enum type's changes convert the columns of its type, and the Differ of its schema knows only its own: the
     * columns of kept tables of the other schemas (of type {@code schema.type}) are added to its users, and the
     * views of those schemas reading them are dropped before and created after (PostgreSQL cannot retype a column a
     * view reads).
     */
    private static void usersElsewhere(List<String> schemas, List<List<List<Change>>> phases, DatabaseModel from,
                                       DatabaseModel to) {
        for (int i = 0; i < schemas.size(); i++) {
            for (List<Change> phase : phases.get(i)) {
                for (int k = 0; k < phase.size(); k++) {
                    Change c = phase.get(k);
                    if (c instanceof Change.SwapEnumType swap) {
                        List<Change.EnumColumn> users = withUsers(swap.users(), schemas, i, swap.type(), phases, from, to);
                        phase.set(k, new Change.SwapEnumType(swap.type(), swap.fromLabels(), swap.toLabels(), swap.mapping(), users));
                    } else if (c instanceof Change.AddEnumValue add) {
                        List<Change.EnumColumn> users = withUsers(add.users(), schemas, i, add.type(), phases, from, to);
                        phase.set(k, new Change.AddEnumValue(add.type(), add.label(), add.neighbor(), add.before(),
                                add.labelsBefore(), users));
                    }
                }
            }
        }
    }

    private static List<Change.EnumColumn> withUsers(List<Change.EnumColumn> own, List<String> schemas, int typeSchema,
                                                     String type, List<List<List<Change>>> phases, DatabaseModel from,
                                                     DatabaseModel to) {
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
                    rebuildViewsReading(phases.get(o), before, after, t.name() + "." + col.name());
                }
            }
        }
        return users;
    }

    private static void rebuildViewsReading(List<List<Change>> phases, SchemaModel before, SchemaModel after, String column) {
        for (ViewModel v : before.views().values()) {
            ViewModel target = after.views().get(v.name());
            if (target == null || !v.reads().contains(column)) continue;
            boolean dropped = phases.stream().flatMap(List::stream)
                    .anyMatch(c -> c instanceof Change.DropView d && d.view().name().equals(v.name()));
            if (dropped) continue;
            phases.get(0).add(new Change.DropView(v));
            phases.get(phases.size() - 1).add(new Change.CreateView(target));
        }
    }
    /**
     * A foreign key on a table of another schema is dropped and added again by the Differ of its own schema only
     * when it changes there; when its target table loses its key, a column or its type in the target's schema
     * (PostgreSQL refuses to drop or retype what a key depends on), it is dropped first and added last here.
     */
    private static void foreignKeysElsewhere(List<String> schemas, List<List<List<Change>>> phases, DatabaseModel from,
                                             DatabaseModel to) {
        for (int o = 0; o < schemas.size(); o++) {
            List<List<Change>> own = phases.get(o);
            SchemaModel after = model(to, schemas.get(o));
            for (TableModel t : model(from, schemas.get(o)).tables().values()) {
                TableModel target = after.tables().get(t.name());
                if (target == null) continue;
                for (ForeignKeyModel fk : t.foreignKeys().values()) {
                    if (!fk.equals(target.foreignKeys().get(fk.name())) || dropsForeignKey(own, t.name(), fk.name())) {
                        continue;
                    }
                    for (int s = 0; s < schemas.size(); s++) {
                        if (s == o) continue;
                        for (String name : model(from, schemas.get(s)).tables().keySet()) {
                            if (!fk.targetTable().equals(Sql.ident(schemas.get(s)) + "." + Sql.ident(name))) continue;
                            if (!breaksKeys(phases.get(s), name)) continue;
                            own.get(0).add(new Change.DropForeignKey(t.name(), fk));
                            own.get(own.size() - 1).add(new Change.AddForeignKey(t.name(), fk));
                        }
                    }
                }
            }
        }
    }

    private static boolean dropsForeignKey(List<List<Change>> phases, String table, String name) {
        return phases.stream().flatMap(List::stream).anyMatch(c ->
                c instanceof Change.DropForeignKey d && d.table().equals(table) && d.foreignKey().name().equals(name));
    }

    /** Whether the changes drop a key, an index, a column or a column type of {@code table} a foreign key may need. */
    private static boolean breaksKeys(List<List<Change>> phases, String table) {
        return phases.stream().flatMap(List::stream).anyMatch(c ->
                c instanceof Change.DropTable d && d.table().name().equals(table)
                || c instanceof Change.DropPrimaryKey k && k.table().equals(table)
                || c instanceof Change.DropUnique u && u.table().equals(table)
                || c instanceof Change.DropIndex i && i.table().equals(table) && i.index().unique()
                || c instanceof Change.AlterColumnType a && a.table().equals(table)
                || c instanceof Change.DropColumn d && d.table().equals(table)
                || c instanceof Change.DropReplacedColumn r && r.table().equals(table));
    }
}
