package org.somaagent01.migrator.declared;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jetbrains.exposed.v1.core.Column;
import org.jetbrains.exposed.v1.core.ForeignKeyConstraint;
import org.somaagent01.migrator.model.CheckModel;
import org.somaagent01.migrator.model.ColumnModel;
import org.somaagent01.migrator.model.EnumType;
import org.somaagent01.migrator.model.Extension;
import org.somaagent01.migrator.model.ForeignKeyAction;
import org.somaagent01.migrator.model.ForeignKeyModel;
import org.somaagent01.migrator.model.FunctionModel;
import org.somaagent01.migrator.model.IndexModel;
import org.somaagent01.migrator.model.KeyConstraint;
import org.somaagent01.migrator.model.SchemaModel;
import org.somaagent01.migrator.model.TableModel;
import org.somaagent01.migrator.model.TriggerModel;
import org.somaagent01.schema.SomaSchema;
import org.somaagent01.schema.pg.Identity;
import org.somaagent01.schema.pg.IndexSpec;
import org.somaagent01.schema.pg.PgTable;
import org.somaagent01.schema.pg.PgTrigger;
import org.somaagent01.schema.pg.SchemaDeclaration;

/** Turns the declared Exposed objects ({@link SchemaDeclaration}) into the desired-state {@link SchemaModel}. */
public final class DeclaredSchema {
    private DeclaredSchema() {}

    /** The somaAgent01 schema as declared in {@code schema-dsl}. */
    public static SchemaModel soma() {
        return toModel(SomaSchema.DECLARATION);
    }

    public static SchemaModel toModel(SchemaDeclaration declaration) {
        List<TableModel> tables = declaration.tables().stream()
                .map(t -> table(t, declaration.triggers())).toList();
        return SchemaModel.of(
                declaration.extensions().stream().map(Extension::new).toList(),
                declaration.enumTypes().stream().map(e -> new EnumType(e.name(), e.labels())).toList(),
                tables,
                declaration.functions().stream()
                        .map(f -> new FunctionModel(f.name(), f.returns(), f.language(), f.body())).toList());
    }

    private static TableModel table(PgTable table, List<PgTrigger> triggers) {
        String name = table.getTableName();
        List<ColumnModel> columns = new ArrayList<>();
        List<ForeignKeyModel> foreignKeys = new ArrayList<>();
        for (Column<?> c : table.getColumns()) {
            refuseUnreadable(table, c);
            ColumnTypes.Declared type = ColumnTypes.of(c.getColumnType());
            String dflt = table.sqlDefault(c) != null ? table.sqlDefault(c)
                    : type.serial() ? "nextval('" + name + "_" + c.getName() + "_seq'::regclass)" : null;
            Identity identity = table.identityOf(c);
            String generated = table.generatedExpression(c);
            if ((identity != null || generated != null) && (table.sqlDefault(c) != null || type.serial())) {
                throw new IllegalArgumentException("column " + name + "." + c.getName() + " is " + (identity != null
                        ? "an identity" : "generated") + " and cannot have a default too; remove the default");
            }
            if (identity != null && c.getColumnType().getNullable()) {
                throw new IllegalArgumentException("identity column " + name + "." + c.getName()
                        + " is always NOT NULL; remove nullable(...)");
            }
            columns.add(new ColumnModel(c.getName(), type.sqlType(), !c.getColumnType().getNullable(), dflt,
                    identity == null ? null : identity.sql(), generated, table.columnComment(c)).withCollation(type.collation()));
            if (c.getForeignKey() != null) foreignKeys.add(foreignKey(c.getForeignKey()));
        }
        Map<String, Boolean> deferrable = table.deferrableConstraints();
        KeyConstraint pk = table.getPrimaryKey() == null ? null : key(table.getPrimaryKey().getName(),
                names(table.getPrimaryKey().getColumns()), deferrable);
        List<KeyConstraint> uniques = new ArrayList<>(table.uniqueConstraints().entrySet().stream()
                .map(e -> key(e.getKey(), e.getValue(), deferrable)).toList());
        foreignKeys.replaceAll(fk -> !deferrable.containsKey(fk.name()) ? fk : new ForeignKeyModel(fk.name(), fk.columns(),
                fk.targetTable(), fk.targetColumns(), fk.onDelete(), fk.onUpdate(), false, true, deferrable.get(fk.name()), false));
        for (String check : exposedCheckNames(table)) {
            if (!table.checks().containsKey(check)) {
                throw new IllegalArgumentException("check " + check + " on " + name + " is declared with "
                        + "Exposed's check { … }, whose SQL the migrator cannot read; declare it with check(name, sql)");
            }
        }
        List<CheckModel> checks = table.checks().entrySet().stream()
                .map(e -> new CheckModel(e.getKey(), e.getValue())).toList();
        List<IndexModel> indexes = new ArrayList<>(table.indexes().stream().map(DeclaredSchema::index).toList());
        exposedIndexes(table, uniques, indexes);
        List<TriggerModel> tableTriggers = triggers.stream().filter(t -> t.table().equals(name))
                .map(t -> new TriggerModel(t.name(), t.table(), t.timing(), t.events(), t.forEachRow(), t.function()))
                .toList();
        return TableModel.of(name, columns, pk, uniques, checks, foreignKeys, indexes, tableTriggers, table.comment());
    }

    private static ForeignKeyModel foreignKey(ForeignKeyConstraint fk) {
        // getFkName() needs a transaction; PgTable.references always sets the custom name
        String column = fk.getFrom().iterator().next().getName();
        if (fk.getCustomFkName() == null) {
            throw new IllegalArgumentException("the foreign key on " + fk.getFromTable().getTableName() + "." + column
                    + " has no name; name it in reference(…), or declare it with references(…)");
        }
        return new ForeignKeyModel(fk.getCustomFkName(), names(fk.getFrom().toArray(Column<?>[]::new)),
                fk.getTargetTable().getTableName(), names(fk.getTarget().toArray(Column<?>[]::new)),
                action(fk.getDeleteRule()), action(fk.getUpdateRule()));
    }

    /** Outside a transaction Exposed leaves an action it was not given null: its default, RESTRICT on PostgreSQL. */
    private static ForeignKeyAction action(org.jetbrains.exposed.v1.core.ReferenceOption option) {
        return option == null ? ForeignKeyAction.RESTRICT : ForeignKeyAction.valueOf(option.name());
    }

    /**
     * A column declared through Exposed's own API where PgTable's does not see it: a default that is not SQL text
     * ({@code default(v)}, {@code defaultExpression}) or an auto-increment with a sequence of its own. Exposed would
     * create them, the migrator would not: refused rather than left out.
     */
    private static void refuseUnreadable(PgTable table, Column<?> c) {
        String where = table.getTableName() + "." + c.getName();
        if (c.getDbDefaultValue$exposed_core() != null && table.sqlDefault(c) == null) {
            throw new IllegalArgumentException("column " + where + " has a default given to Exposed (default(…) or "
                    + "defaultExpression), which the migrator cannot read as SQL; declare it with withDefault(column, sql)");
        }
        // the sequence a serial column was given, if any: Exposed's getters need a transaction (for the dialect)
        if (c.getColumnType() instanceof org.jetbrains.exposed.v1.core.AutoIncColumnType<?> auto
                && (exposedField(auto, "_autoincSeq") != null || exposedField(auto, "_sequence") != null)) {
            throw new IllegalArgumentException("column " + where + " draws from a sequence of its own; declare it with "
                    + "bigserial(name) (sequence " + table.getTableName() + "_" + c.getName() + "_seq) or identity(…)");
        }
    }

    /**
     * Indexes declared with Exposed's own {@code index(…)} / {@code uniqueIndex(…)} rather than PgTable's: read when
     * they are on plain columns (a unique one without a method is the UNIQUE constraint Exposed creates), refused
     * when they have functions or a filter, whose SQL needs a transaction to render.
     */
    private static void exposedIndexes(PgTable table, List<KeyConstraint> uniques, List<IndexModel> indexes) {
        java.util.Set<String> known = new java.util.HashSet<>(table.uniqueConstraints().keySet());
        table.indexes().forEach(i -> known.add(i.name()));
        for (org.jetbrains.exposed.v1.core.Index ix : table.getIndices()) {
            String name = ix.getIndexName();
            if (known.contains(name)) continue;
            if (ix.getFilterCondition() != null || ix.getFunctions() != null && !ix.getFunctions().isEmpty()) {
                throw new IllegalArgumentException("index " + name + " on " + table.getTableName() + " is declared with "
                        + "Exposed's index(…) with functions or a filter, which the migrator cannot read; declare it with index(name)");
            }
            List<String> columns = names(ix.getColumns().toArray(Column<?>[]::new));
            if (ix.getUnique() && ix.getIndexType() == null) {
                uniques.add(new KeyConstraint(name, columns, false, false, false));
                continue;
            }
            List<IndexModel.IndexKey> keys = columns.stream()
                    .map(col -> new IndexModel.IndexKey(col, null, false, null, null)).toList();
            String method = ix.getIndexType() == null ? "btree" : ix.getIndexType().toLowerCase(java.util.Locale.ROOT);
            indexes.add(new IndexModel(name, ix.getUnique(), method, keys, List.of(), null, List.of(), false));
        }
    }

    private static KeyConstraint key(String name, List<String> columns, Map<String, Boolean> deferrable) {
        return new KeyConstraint(name, columns, false, deferrable.containsKey(name), deferrable.getOrDefault(name, false));
    }

    private static IndexModel index(IndexSpec spec) {
        List<IndexModel.IndexKey> keys = spec.keys().stream()
                .map(k -> new IndexModel.IndexKey(k.expression(), k.opclass(), k.descending(), null, k.nulls())).toList();
        List<String> with = new ArrayList<>();
        spec.withParameters().forEach((k, v) -> with.add(k + "=" + v));
        return new IndexModel(spec.name(), spec.isUnique(), spec.method(), keys, with, spec.predicate(),
                spec.includedColumns(), spec.isNullsNotDistinct());
    }

    /**
     * The names of the CHECKs declared with Exposed. Its public {@code checkConstraints()} needs a transaction (for
     * the dialect), so the list behind it is read directly.
     */
    private static List<String> exposedCheckNames(PgTable table) {
        List<String> out = new ArrayList<>();
        // Exposed adds range checks of its own for integer types, kept only for dialects without such types
        String generated = "chk_" + table.getTableName() + "_";
        for (Object pair : (List<?>) exposedField(table, "checkConstraints")) {
            String name = (String) ((kotlin.Pair<?, ?>) pair).getFirst();
            if (!name.startsWith(generated + "signed_") && !name.startsWith(generated + "unsigned_")) out.add(name);
        }
        return out;
    }

    /** A private field of an Exposed object, read where Exposed's getter needs a transaction. */
    private static Object exposedField(Object owner, String name) {
        for (Class<?> k = owner.getClass(); k != null; k = k.getSuperclass()) {
            try {
                java.lang.reflect.Field f = k.getDeclaredField(name);
                f.setAccessible(true);
                return f.get(owner);
            } catch (NoSuchFieldException e) {
                // declared higher up
            } catch (IllegalAccessException e) {
                throw new IllegalStateException("cannot read Exposed's " + name + ": " + e.getMessage(), e);
            }
        }
        throw new IllegalStateException("this Exposed version has no field " + name + " in " + owner.getClass().getName());
    }

    private static List<String> names(Column<?>[] columns) {
        List<String> names = new ArrayList<>();
        for (Column<?> c : columns) names.add(c.getName());
        return names;
    }
}
