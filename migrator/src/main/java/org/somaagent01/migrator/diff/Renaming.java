package org.somaagent01.migrator.diff;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.somaagent01.migrator.model.CheckModel;
import org.somaagent01.migrator.model.ColumnModel;
import org.somaagent01.migrator.model.EnumType;
import org.somaagent01.migrator.model.ExclusionModel;
import org.somaagent01.migrator.model.ForeignKeyModel;
import org.somaagent01.migrator.model.IndexModel;
import org.somaagent01.migrator.model.KeyConstraint;
import org.somaagent01.migrator.model.SchemaModel;
import org.somaagent01.migrator.model.TableModel;
import org.somaagent01.migrator.model.TriggerModel;

/**
 * Applies a rename to a model the way PostgreSQL applies it to the catalog: references follow the object
 * (foreign keys, triggers, index keys, CHECK and predicate texts). The differ renames the {@code from} model first
 * and diffs the result, so every later change already speaks of the new names.
 */
final class Renaming {
    private Renaming() {}

    static SchemaModel table(SchemaModel schema, String from, String to) {
        Map<String, TableModel> tables = new LinkedHashMap<>();
        for (TableModel t : schema.tables().values()) {
            String name = t.name().equals(from) ? to : t.name();
            List<ForeignKeyModel> fks = t.foreignKeys().values().stream().map(fk -> fk.targetTable().equals(from)
                    ? fk.with(fk.columns(), to, fk.targetColumns()) : fk).toList();
            List<TriggerModel> triggers = t.triggers().values().stream().map(tg -> tg.withTable(name)).toList();
            tables.put(name, TableModel.of(name, t.columns(), t.primaryKey(), t.uniques().values(),
                    t.checks().values(), fks, t.indexes().values(), triggers, t.comment()).withExclusions(t.exclusions().values())
                    .withRowSecurity(t.rowSecurity()).withLayout(renamedParent(t.shape(), from, to)));
        }
        return schema.withTables(tables);
    }

    static SchemaModel column(SchemaModel schema, String table, String from, String to) {
        UnaryOperator<String> expr = e -> Identifiers.rename(e, from, to);
        UnaryOperator<List<String>> names = l -> l.stream().map(n -> n.equals(from) ? to : n).toList();
        Map<String, TableModel> tables = new LinkedHashMap<>();
        for (TableModel t : schema.tables().values()) {
            List<ForeignKeyModel> fks = t.foreignKeys().values().stream().map(fk -> fk.with(
                    t.name().equals(table) ? names.apply(fk.columns()) : fk.columns(), fk.targetTable(),
                    fk.targetTable().equals(table) ? names.apply(fk.targetColumns()) : fk.targetColumns())).toList();
            if (!t.name().equals(table)) {
                tables.put(t.name(), TableModel.of(t.name(), t.columns(), t.primaryKey(), t.uniques().values(),
                        t.checks().values(), fks, t.indexes().values(), t.triggers().values(), t.comment())
                        .withExclusions(t.exclusions().values()).withRowSecurity(t.rowSecurity()).withLayout(t.layout()));
                continue;
            }
            List<ColumnModel> columns = t.columns().stream().map(c -> new ColumnModel(c.name().equals(from) ? to : c.name(),
                    c.type(), c.notNull(), c.defaultExpression(), c.identity(), expr.apply(c.generated()), c.comment(),
                    c.collation(), c.identityOptions())).toList();
            KeyConstraint pk = t.primaryKey() == null ? null
                    : renamed(t.primaryKey(), names);
            List<KeyConstraint> uniques = t.uniques().values().stream().map(u -> renamed(u, names)).toList();
            List<CheckModel> checks = t.checks().values().stream()
                    .map(c -> new CheckModel(c.name(), expr.apply(c.expression()), c.notValid())).toList();
            List<IndexModel> indexes = t.indexes().values().stream().map(ix -> new IndexModel(ix.name(), ix.unique(),
                    ix.method(), ix.keys().stream().map(k -> new IndexModel.IndexKey(k.expression().equals(from) ? to
                            : expr.apply(k.expression()), k.opclass(), k.descending(), k.collation(), k.nulls())).toList(),
                    ix.with(), expr.apply(ix.predicate()), names.apply(ix.include()), ix.nullsNotDistinct())).toList();
            List<ExclusionModel> exclusions = t.exclusions().values().stream()
                    .map(x -> new ExclusionModel(x.name(), expr.apply(x.definition()))).toList();
            List<TriggerModel> triggers = t.triggers().values().stream()
                    .map(tg -> tg.withCondition(names.apply(tg.updateColumns()), Identifiers.renameInTrigger(tg.when(), from, to))).toList();
            tables.put(t.name(), TableModel.of(t.name(), columns, pk, uniques, checks, fks, indexes,
                    triggers, t.comment()).withExclusions(exclusions)
                    .withRowSecurity(renamedPolicies(t.security(), expr))
                    .withLayout(t.layout()));
        }
        return schema.withTables(tables);
    }

    private static org.somaagent01.migrator.model.RowSecurity renamedPolicies(
            org.somaagent01.migrator.model.RowSecurity security, UnaryOperator<String> expr) {
        return org.somaagent01.migrator.model.RowSecurity.of(security.enabled(), security.forced(),
                security.policies().values().stream().map(p -> new org.somaagent01.migrator.model.PolicyModel(p.name(),
                        p.permissive(), p.command(), p.roles(), expr.apply(p.using()), expr.apply(p.withCheck()))).toList());
    }

    private static org.somaagent01.migrator.model.TableLayout renamedParent(org.somaagent01.migrator.model.TableLayout l,
                                                                         String from, String to) {
        return l.withPartitionOf(from.equals(l.partitionOf()) ? to : l.partitionOf(), l.bound())
                .withInherits(l.inherits().stream().map(p -> p.equals(from) ? to : p).toList());
    }

    private static KeyConstraint renamed(KeyConstraint k, UnaryOperator<List<String>> names) {
        return new KeyConstraint(k.name(), names.apply(k.columns()), k.nullsNotDistinct(), k.deferrable(),
                k.initiallyDeferred());
    }

    static SchemaModel enumLabel(SchemaModel schema, String type, String from, String to) {
        Map<String, EnumType> enums = new LinkedHashMap<>(schema.enums());
        List<String> labels = new ArrayList<>(enums.get(type).labels());
        labels.set(labels.indexOf(from), to);
        enums.put(type, new EnumType(type, labels));
        return schema.withEnums(enums);
    }
}
