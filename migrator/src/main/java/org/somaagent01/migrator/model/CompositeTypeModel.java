package org.somaagent01.migrator.model;

import java.util.List;
import java.util.Optional;

/**
 * {@code CREATE TYPE name AS (attribute type [COLLATE collation], …)}; attributes in order (PostgreSQL cannot
 * reorder them: added ones come last), each {@code type} as {@code format_type} prints it, {@code collation} null
 * for the type's own.
 */
public record CompositeTypeModel(String name, List<Attribute> attributes) {
    public record Attribute(String name, String type, String collation) {
        public Attribute(String name, String type) {
            this(name, type, null);
        }
    }

    public CompositeTypeModel {
        attributes = List.copyOf(attributes);
    }

    public Optional<Attribute> attribute(String attributeName) {
        return attributes.stream().filter(a -> a.name().equals(attributeName)).findFirst();
    }
}
