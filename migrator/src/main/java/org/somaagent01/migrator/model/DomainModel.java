package org.somaagent01.migrator.model;

import java.util.Collection;
import java.util.Map;
import java.util.SortedMap;

/**
 * {@code CREATE DOMAIN name AS type [COLLATE collation] [DEFAULT expression] [NOT NULL] [CONSTRAINT c CHECK (…)]…}.
 * {@code type} as {@code format_type} prints it (with its typmod), {@code collation} null for the base type's,
 * {@code defaultExpression} and each CHECK's expression as {@code pg_get_expr} prints them ({@code VALUE} for the
 * value checked).
 */
public record DomainModel(String name, String type, String collation, String defaultExpression, boolean notNull,
                          SortedMap<String, CheckModel> checks) {
    public DomainModel {
        checks = Names.sorted(checks == null ? Map.of() : checks);
    }

    public static DomainModel of(String name, String type, String collation, String defaultExpression, boolean notNull,
                                 Collection<CheckModel> checks) {
        return new DomainModel(name, type, collation, defaultExpression, notNull, Names.byName(checks, CheckModel::name));
    }

    /** Whether {@code other} is this domain but for what ALTER DOMAIN changes in place (default, NOT NULL, CHECKs). */
    public boolean sameBase(DomainModel other) {
        return type.equals(other.type) && java.util.Objects.equals(collation, other.collation);
    }
}
