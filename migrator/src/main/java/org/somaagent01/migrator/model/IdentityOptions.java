package org.somaagent01.migrator.model;

/**
 * The sequence options of an identity column that differ from PostgreSQL's defaults for its type, kept whole (all
 * six, as {@code pg_sequence} holds them) so that one set can be altered into another. A column whose options are
 * the defaults has none (null), so snapshots written before these were modelled read back equal.
 */
public record IdentityOptions(long start, long increment, long min, long max, long cache, boolean cycle) {

    /** What {@code GENERATED … AS IDENTITY} without options gives a column of this type. */
    public static IdentityOptions defaults(String type) {
        long max = switch (type) {
            case "smallint" -> Short.MAX_VALUE;
            case "integer" -> Integer.MAX_VALUE;
            default -> Long.MAX_VALUE;
        };
        return new IdentityOptions(1, 1, 1, max, 1, false);
    }

    /** These options, or null when they are the type's defaults. */
    public static IdentityOptions unlessDefault(String type, IdentityOptions options) {
        return options == null || options.equals(defaults(type)) ? null : options;
    }

    /** The options as {@code GENERATED … AS IDENTITY (…)} takes them. */
    public String clause() {
        return "START WITH " + start + " INCREMENT BY " + increment + " MINVALUE " + min + " MAXVALUE " + max
                + " CACHE " + cache + (cycle ? " CYCLE" : " NO CYCLE");
    }

    /** The options as {@code ALTER COLUMN … SET …} takes them, each option its own SET. */
    public String setClauses() {
        return "SET START WITH " + start + " SET INCREMENT BY " + increment + " SET MINVALUE " + min + " SET MAXVALUE "
                + max + " SET CACHE " + cache + (cycle ? " SET CYCLE" : " SET NO CYCLE");
    }
}
