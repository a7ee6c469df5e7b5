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
        SortedMap<String, FunctionModel> functions,
        SortedMap<String, SequenceModel> sequences,
        SortedMap<String, ViewModel> views,
        @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_EMPTY)
        List<GrantModel> grants,
        @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_EMPTY)
        SortedMap<String, String> comments) {

    public static final SchemaModel EMPTY = new SchemaModel(Map.of(), Map.of(), Map.of(), Map.of());

    public SchemaModel(Map<String, Extension> extensions, Map<String, EnumType> enums, Map<String, TableModel> tables,
                       Map<String, FunctionModel> functions) {
        this(extensions, enums, tables, functions, Map.of(), Map.of());
    }

    public SchemaModel(Map<String, Extension> extensions, Map<String, EnumType> enums, Map<String, TableModel> tables,
                       Map<String, FunctionModel> functions, Map<String, SequenceModel> sequences,
                       Map<String, ViewModel> views) {
        this(Names.sorted(extensions), Names.sorted(enums), Names.sorted(tables), Names.sorted(functions),
                Names.sorted(orEmpty(sequences)), Names.sorted(orEmpty(views)), List.of(), new java.util.TreeMap<>());
    }

    // sequences and views are absent from snapshots written before they were modelled: null reads as none
    public SchemaModel {
        extensions = Names.sorted(extensions);
        enums = Names.sorted(enums);
        tables = Names.sorted(tables);
        functions = Names.sorted(functions);
        sequences = Names.sorted(orEmpty(sequences));
        views = Names.sorted(orEmpty(views));
        // privileges are modelled only when asked for (--with-privileges); absent from snapshots otherwise
        grants = GrantModel.sorted(grants);
        comments = Names.sorted(orEmpty(comments));
    }

    /**
     * Comment kinds, what follows COMMENT ON, for comments on views, materialized views, their columns, sequences,
     * indexes and constraints (a table's and its columns' are in TableModel and ColumnModel).
     */
    public static final List<String> COMMENT_KINDS = List.of("VIEW", "MATERIALIZED VIEW", "COLUMN", "SEQUENCE", "INDEX",
            "CONSTRAINT");

    /**
     * {@code kind name}: {@code VIEW v}, {@code MATERIALIZED VIEW m}, {@code SEQUENCE s}, {@code INDEX i},
     * {@code COLUMN view.column} (a view's column; a table's is in its ColumnModel), {@code CONSTRAINT table.name}.
     */
    public static String commentKey(String kind, String name) {
        if (!COMMENT_KINDS.contains(kind)) throw new IllegalArgumentException("comment on " + kind + " is not one of " + COMMENT_KINDS);
        return kind + " " + name;
    }

    /** The same schema with these comments (commentKey to text) instead of its own. */
    public SchemaModel withComments(Map<String, String> newComments) {
        return new SchemaModel(extensions, enums, tables, functions, sequences, views, grants, Names.sorted(newComments));
    }

    private static <T> Map<String, T> orEmpty(Map<String, T> map) {
        return map == null ? Map.of() : map;
    }

    /** The same schema with other tables. */
    /** The same schema with other extensions. */
    public SchemaModel withExtensions(java.util.Collection<Extension> newExtensions) {
        return new SchemaModel(Names.byName(newExtensions, Extension::name), enums, tables, functions, sequences, views,
                grants, comments);
    }

    public SchemaModel withTables(Map<String, TableModel> newTables) {
        return new SchemaModel(extensions, enums, Names.sorted(newTables), functions, sequences, views, grants, comments);
    }

    public static SchemaModel of(Collection<Extension> extensions, Collection<EnumType> enums,
                                 Collection<TableModel> tables, Collection<FunctionModel> functions) {
        return new SchemaModel(Names.byName(extensions, Extension::name), Names.byName(enums, EnumType::name),
                Names.byName(tables, TableModel::name), Names.byName(functions, FunctionModel::name));
    }

    public static SchemaModel of(Collection<Extension> extensions, Collection<EnumType> enums,
                                 Collection<TableModel> tables, Collection<FunctionModel> functions,
                                 Collection<SequenceModel> sequences, Collection<ViewModel> views) {
        return new SchemaModel(Names.byName(extensions, Extension::name), Names.byName(enums, EnumType::name),
                Names.byName(tables, TableModel::name), Names.byName(functions, FunctionModel::name),
                Names.byName(sequences, SequenceModel::name), Names.byName(views, ViewModel::name));
    }

    /** All triggers of all tables. */
    public List<TriggerModel> triggers() {
        return tables.values().stream().flatMap(t -> t.triggers().values().stream()).toList();
    }

    /** The same schema with these privileges instead of its own. */
    public SchemaModel withGrants(List<GrantModel> newGrants) {
        return new SchemaModel(extensions, enums, tables, functions, sequences, views, newGrants, comments);
    }
}
