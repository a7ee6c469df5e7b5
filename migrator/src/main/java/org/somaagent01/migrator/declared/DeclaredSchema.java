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
                    identity == null ? null : identity.sql(), generated, table.columnComment(c)));
            if (c.getForeignKey() != null) foreignKeys.add(foreignKey(c.getForeignKey()));
        }
        Map<String, Boolean> deferrable = table.deferrableConstraints();
        KeyConstraint pk = table.getPrimaryKey() == null ? null : key(table.getPrimaryKey().getName(),
                names(table.getPrimaryKey().getColumns()), deferrable);
        List<KeyConstraint> uniques = table.uniqueConstraints().entrySet().stream()
                .map(e -> key(e.getKey(), e.getValue(), deferrable)).toList();
        foreignKeys.replaceAll(fk -> !deferrable.containsKey(fk.name()) ? fk : new ForeignKeyModel(fk.name(), fk.columns(),
                fk.targetTable(), fk.targetColumns(), fk.onDelete(), fk.onUpdate(), false, true, deferrable.get(fk.name()), false));
        List<CheckModel> checks = table.checks().entrySet().stream()
                .map(e -> new CheckModel(e.getKey(), e.getValue())).toList();
        List<IndexModel> indexes = table.indexes().stream().map(DeclaredSchema::index).toList();
        List<TriggerModel> tableTriggers = triggers.stream().filter(t -> t.table().equals(name))
                .map(t -> new TriggerModel(t.name(), t.table(), t.timing(), t.events(), t.forEachRow(), t.function()))
                .toList();
        return TableModel.of(name, columns, pk, uniques, checks, foreignKeys, indexes, tableTriggers, table.comment());
    }

    private static ForeignKeyModel foreignKey(ForeignKeyConstraint fk) {
        // getFkName() needs a transaction; PgTable.references always sets the custom name
        return new ForeignKeyModel(fk.getCustomFkName(), names(fk.getFrom().toArray(Column<?>[]::new)),
                fk.getTargetTable().getTableName(), names(fk.getTarget().toArray(Column<?>[]::new)),
                action(fk.getDeleteRule()), action(fk.getUpdateRule()));
    }

    private static ForeignKeyAction action(org.jetbrains.exposed.v1.core.ReferenceOption option) {
        return option == null ? ForeignKeyAction.NO_ACTION : ForeignKeyAction.valueOf(option.name());
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

    private static List<String> names(Column<?>[] columns) {
        List<String> names = new ArrayList<>();
        for (Column<?> c : columns) names.add(c.getName());
        return names;
    }
}
