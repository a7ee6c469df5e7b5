package org.somaagent01.migrator.model;

import java.util.Map;
import java.util.SortedMap;

/**
 * The user schemas of one database, each a {@link SchemaModel} whose names are unqualified within it (references to
 * another schema's objects are qualified). An extension belongs to the schema it is installed in.
 */
public record DatabaseModel(SortedMap<String, SchemaModel> schemas) {
    public static final DatabaseModel EMPTY = new DatabaseModel(Map.of());

    public DatabaseModel(Map<String, SchemaModel> schemas) {
        this(Names.sorted(schemas));
    }

    public DatabaseModel {
        schemas = Names.sorted(schemas);
    }

    /** A database of one schema. */
    public static DatabaseModel of(String schema, SchemaModel model) {
        return new DatabaseModel(Map.of(schema, model));
    }
}
