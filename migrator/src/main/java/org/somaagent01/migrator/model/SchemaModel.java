package org.somaagent01.migrator.model;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;

/**
 * One PostgreSQL schema, immutable, in normalized form: the declared Exposed objects, a live catalog and a
 * script snapshot all become one of these, and two schemas are equal exactly when their models are equal.
 * Objects are keyed by name (sorted), except where PostgreSQL itself keeps an order (columns, enum labels,
 * index keys).
 */
public record SchemaModel(
        SortedMap<String, Extension> extensions,
        SortedMap<String, EnumType> enums,
        SortedMap<String, TableModel> tables,
        SortedMap<String, FunctionModel> functions) {

    public static final SchemaModel EMPTY = new SchemaModel(Map.of(), Map.of(), Map.of(), Map.of());

    public SchemaModel(Map<String, Extension> extensions, Map<String, EnumType> enums, Map<String, TableModel> tables,
                       Map<String, FunctionModel> functions) {
        this(Names.sorted(extensions), Names.sorted(enums), Names.sorted(tables), Names.sorted(functions));
    }

    public SchemaModel {
        extensions = Names.sorted(extensions);
        enums = Names.sorted(enums);
        tables = Names.sorted(tables);
        functions = Names.sorted(functions);
    }

    public static SchemaModel of(Collection<Extension> extensions, Collection<EnumType> enums,
                                 Collection<TableModel> tables, Collection<FunctionModel> functions) {
        return new SchemaModel(Names.byName(extensions, Extension::name), Names.byName(enums, EnumType::name),
                Names.byName(tables, TableModel::name), Names.byName(functions, FunctionModel::name));
    }

    /** All triggers of all tables. */
    public List<TriggerModel> triggers() {
        return tables.values().stream().flatMap(t -> t.triggers().values().stream()).toList();
    }
}
