package org.somaagent01.migrator.model;

/**
 * An exclusion constraint, its definition as {@code pg_get_constraintdef} prints it, e.g.
 * {@code EXCLUDE USING gist (room WITH =, during WITH &&) WHERE ((active)) DEFERRABLE}: its elements, operators,
 * predicate and deferrability are compared as that text.
 */
public record ExclusionModel(String name, String definition) {}
