package org.somaagent01.migrator.store;

import java.util.List;

/**
 * What one SQL statement does, as far as apply, plan, down and lint need to know: read from the statement's tokens
 * by {@link StatementClassifier}, never from markers a person can forget to write.
 *
 * @param kind                 the leading keywords, upper case, e.g. {@code "ALTER TABLE"}, {@code "CREATE INDEX"}
 * @param outsideTransaction   PostgreSQL refuses it inside a transaction block (CREATE/DROP INDEX CONCURRENTLY,
 *                             REINDEX CONCURRENTLY, VACUUM, CREATE/DROP DATABASE, ALTER SYSTEM, ...)
 * @param losses               data it destroys when the objects hold rows (dropped tables and columns, truncates)
 * @param typeChanges          columns whose type it changes (a rewrite; a cast can fail or lose precision)
 * @param addedEnumValues      enum values it adds ({@code ALTER TYPE t ADD VALUE 'x'}): usable only after a commit
 * @param relations            tables, indexes and other relations it locks, as written (unquoted, schema-qualified
 *                             only when written so), for naming the sessions that block it
 * @param opaque               a DO block or function call whose effects cannot be read from its text
 */
public record StatementFacts(String kind, boolean outsideTransaction, List<DataLoss> losses,
                             List<TypeChange> typeChanges, List<EnumValue> addedEnumValues, List<String> relations,
                             boolean opaque) {
    public StatementFacts {
        losses = List.copyOf(losses);
        typeChanges = List.copyOf(typeChanges);
        addedEnumValues = List.copyOf(addedEnumValues);
        relations = List.copyOf(relations);
    }

    /** Destroys data (or may, by a cast) when the objects it names hold rows. */
    public boolean destructive() { return !losses.isEmpty() || !typeChanges.isEmpty(); }

    public enum LossKind { TABLE, COLUMN, TYPE, SCHEMA, TRUNCATE, VIEW, SEQUENCE, FUNCTION }

    /**
     * One object whose data goes: {@code table} is schema-qualified only when written so; {@code column} is set for
     * {@link LossKind#COLUMN} only; for TYPE/SCHEMA/VIEW/SEQUENCE/FUNCTION the object's name is in {@code table}.
     */
    public record DataLoss(LossKind kind, String table, String column) {}

    public record TypeChange(String table, String column, String newType) {}

    public record EnumValue(String type, String label) {}
}
