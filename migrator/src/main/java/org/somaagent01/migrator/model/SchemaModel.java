package org.somaagent01.migrator.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;

/**
 * One PostgreSQL schema, immutable, in normalized form: the declared Exposed objects, a live catalog and a
 * script snapshot all become one of these, and two schemas are equal exactly when their models are equal.
 * Objects are keyed by name (sorted), except where PostgreSQL itself keeps an order (columns, enum labels,
 * index keys); functions by signature.
 */
public record SchemaModel(
        SortedMap<String, Extension> extensions,
        SortedMap<String, EnumType> enums,
        SortedMap<String, TableModel> tables,
        SortedMap<String, FunctionModel> functions,
        SortedMap<String, SequenceModel> sequences,
        SortedMap<String, ViewModel> views,
        @JsonInclude(JsonInclude.Include.NON_EMPTY) List<GrantModel> grants,
        @JsonInclude(JsonInclude.Include.NON_EMPTY) SortedMap<String, String> comments,
        @JsonInclude(JsonInclude.Include.NON_EMPTY) SortedMap<String, DomainModel> domains,
        @JsonInclude(JsonInclude.Include.NON_EMPTY) SortedMap<String, CompositeTypeModel> compositeTypes,
        @JsonInclude(JsonInclude.Include.NON_EMPTY) SortedMap<String, CollationModel> collations) {

    public static final SchemaModel EMPTY = new SchemaModel(Map.of(), Map.of(), Map.of(), Map.of());

    public SchemaModel(Map<String, Extension> extensions, Map<String, EnumType> enums, Map<String, TableModel> tables,
                       Map<String, FunctionModel> functions) {
        this(extensions, enums, tables, functions, Map.of(), Map.of());
    }

    public SchemaModel(Map<String, Extension> extensions, Map<String, EnumType> enums, Map<String, TableModel> tables,
                       Map<String, FunctionModel> functions, Map<String, SequenceModel> sequences,
                       Map<String, ViewModel> views) {
        this(Names.sorted(extensions), Names.sorted(enums), Names.sorted(tables), Names.sorted(functions),
                Names.sorted(orEmpty(sequences)), Names.sorted(orEmpty(views)), null, null, null, null, null);
    }

    // what was modelled later is absent from older snapshots (and privileges unless --with-privileges): null is none
    public SchemaModel {
        extensions = Names.sorted(extensions);
        enums = Names.sorted(enums);
        tables = Names.sorted(tables);
        functions = Names.sorted(functions);
        sequences = Names.sorted(orEmpty(sequences));
        views = Names.sorted(orEmpty(views));
        grants = GrantModel.sorted(grants);
        comments = Names.sorted(orEmpty(comments));
        domains = Names.sorted(orEmpty(domains));
        compositeTypes = Names.sorted(orEmpty(compositeTypes));
        collations = Names.sorted(orEmpty(collations));
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

    private static <T> Map<String, T> orEmpty(Map<String, T> map) {
        return map == null ? Map.of() : map;
    }

    /** The same schema with these comments (commentKey to text) instead of its own. */
    public SchemaModel withComments(Map<String, String> newComments) {
        return new SchemaModel(extensions, enums, tables, functions, sequences, views, grants, Names.sorted(newComments),
                domains, compositeTypes, collations);
    }

    /** The same schema with other extensions. */
    public SchemaModel withExtensions(Collection<Extension> newExtensions) {
        return new SchemaModel(Names.byName(newExtensions, Extension::name), enums, tables, functions, sequences, views,
                grants, comments, domains, compositeTypes, collations);
    }

    /** The same schema with other tables. */
    public SchemaModel withTables(Map<String, TableModel> newTables) {
        return new SchemaModel(extensions, enums, Names.sorted(newTables), functions, sequences, views, grants, comments,
                domains, compositeTypes, collations);
    }

    /** The same schema with other enum types. */
    public SchemaModel withEnums(Map<String, EnumType> newEnums) {
        return new SchemaModel(extensions, Names.sorted(newEnums), tables, functions, sequences, views, grants, comments,
                domains, compositeTypes, collations);
    }

    /** The same schema with these domains instead of its own. */
    public SchemaModel withDomains(Collection<DomainModel> list) {
        return new SchemaModel(extensions, enums, tables, functions, sequences, views, grants, comments,
                Names.byName(list, DomainModel::name), compositeTypes, collations);
    }

    /** The same schema with these composite types instead of its own. */
    public SchemaModel withCompositeTypes(Collection<CompositeTypeModel> list) {
        return new SchemaModel(extensions, enums, tables, functions, sequences, views, grants, comments, domains,
                Names.byName(list, CompositeTypeModel::name), collations);
    }

    /** The same schema with these privileges instead of its own. */
    public SchemaModel withGrants(List<GrantModel> newGrants) {
        return new SchemaModel(extensions, enums, tables, functions, sequences, views, newGrants, comments, domains,
                compositeTypes, collations);
    }

    /** The same schema with these collations instead of its own. */
    public SchemaModel withCollations(Collection<CollationModel> list) {
        return new SchemaModel(extensions, enums, tables, functions, sequences, views, grants, comments, domains,
                compositeTypes, Names.byName(list, CollationModel::name));
    }

    public static SchemaModel of(Collection<Extension> extensions, Collection<EnumType> enums,
                                 Collection<TableModel> tables, Collection<FunctionModel> functions) {
        return new SchemaModel(Names.byName(extensions, Extension::name), Names.byName(enums, EnumType::name),
                Names.byName(tables, TableModel::name), Names.byName(functions, FunctionModel::signature));
    }

    public static SchemaModel of(Collection<Extension> extensions, Collection<EnumType> enums,
                                 Collection<TableModel> tables, Collection<FunctionModel> functions,
                                 Collection<SequenceModel> sequences, Collection<ViewModel> views) {
        return new SchemaModel(Names.byName(extensions, Extension::name), Names.byName(enums, EnumType::name),
                Names.byName(tables, TableModel::name), Names.byName(functions, FunctionModel::signature),
                Names.byName(sequences, SequenceModel::name), Names.byName(views, ViewModel::name));
    }

    /**
     * A schema of all kinds of objects at once, each by name (routines by signature), {@code grants} null when they
     * were not read: one model built, where a chain of {@code with…} copies every map at each step.
     */
    public static SchemaModel of(Collection<Extension> extensions, Collection<EnumType> enums,
                                 Collection<TableModel> tables, Collection<FunctionModel> functions,
                                 Collection<SequenceModel> sequences, Collection<ViewModel> views, List<GrantModel> grants,
                                 Map<String, String> comments, Collection<DomainModel> domains,
                                 Collection<CompositeTypeModel> compositeTypes, Collection<CollationModel> collations) {
        return new SchemaModel(Names.byName(extensions, Extension::name), Names.byName(enums, EnumType::name),
                Names.byName(tables, TableModel::name), Names.byName(functions, FunctionModel::signature),
                Names.byName(sequences, SequenceModel::name), Names.byName(views, ViewModel::name), grants,
                Names.sorted(comments), Names.byName(domains, DomainModel::name),
                Names.byName(compositeTypes, CompositeTypeModel::name), Names.byName(collations, CollationModel::name));
    }

    /** All triggers of all tables. */
    public List<TriggerModel> triggers() {
        return tables.values().stream().flatMap(t -> t.triggers().values().stream()).toList();
    }
}
