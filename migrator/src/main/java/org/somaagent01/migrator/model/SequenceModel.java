package org.somaagent01.migrator.model;

/**
 * A sequence of its own: not the one a {@code serial} column or an identity column brings (those are part of their
 * column). Every option is kept explicitly, as {@code pg_sequence} holds it. {@code ownedBy} is
 * {@code table.column} for {@code OWNED BY}, or null.
 */
public record SequenceModel(String name, String type, long start, long increment, long min, long max, long cache,
                            boolean cycle, String ownedBy) {

    /** {@code CREATE SEQUENCE name} with PostgreSQL's defaults for a bigint sequence. */
    public static SequenceModel defaults(String name) {
        return new SequenceModel(name, "bigint", 1, 1, 1, Long.MAX_VALUE, 1, false, null);
    }

    public SequenceModel withOwner(String newOwner) {
        return new SequenceModel(name, type, start, increment, min, max, cache, cycle, newOwner);
    }

    /** The same sequence without its owner: what {@code ALTER SEQUENCE} compares. */
    public SequenceModel options() {
        return withOwner(null);
    }

    public String ownerTable() {
        return ownedBy == null ? null : ownedBy.substring(0, ownedBy.indexOf('.'));
    }

    public String ownerColumn() {
        return ownedBy == null ? null : ownedBy.substring(ownedBy.indexOf('.') + 1);
    }
}
