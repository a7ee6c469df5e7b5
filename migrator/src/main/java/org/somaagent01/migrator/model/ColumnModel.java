package org.somaagent01.migrator.model;

/**
 * A column. {@code type} is PostgreSQL's {@code format_type} form ({@code text}, {@code character varying(255)},
 * {@code timestamp with time zone}, {@code vector(384)}, {@code text[]}); {@code defaultExpression} is the
 * {@code pg_get_expr} form ({@code now()}, {@code '{}'::jsonb}) or null.
 *
 * <p>{@code identity} is {@code ALWAYS} or {@code BY DEFAULT} for an identity column (which has no default and is
 * NOT NULL), else null; {@code generated} is the expression of a {@code GENERATED ALWAYS AS (…) STORED} column in
 * {@code pg_get_expr} form (no default either), else null; {@code comment} is its {@code COMMENT ON COLUMN} or null.
 * {@code identityOptions} are an identity's (or a serial column's) sequence options other than the defaults for its
 * type, else null.
 * Snapshots written before these existed read them as null, which is what such columns are.
 */
public record ColumnModel(String name, String type, boolean notNull, String defaultExpression, String identity,
                          String generated, String comment,
                          @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
                          String collation,
                          @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
                          IdentityOptions identityOptions) {

    public static final String ALWAYS = "ALWAYS";
    public static final String BY_DEFAULT = "BY DEFAULT";

    public ColumnModel(String name, String type, boolean notNull, String defaultExpression) {
        this(name, type, notNull, defaultExpression, null, null, null);
    }

    /** {@code collation}: a {@code COLLATE} other than its type's default ({@code C}), else null (left out of snapshots). */
    public ColumnModel(String name, String type, boolean notNull, String defaultExpression, String identity,
                       String generated, String comment) {
        this(name, type, notNull, defaultExpression, identity, generated, comment, null, null);
    }

    public ColumnModel(String name, String type, boolean notNull, String defaultExpression, String identity,
                       String generated, String comment, String collation) {
        this(name, type, notNull, defaultExpression, identity, generated, comment, collation, null);
    }

    public ColumnModel {
        if (identity != null && !identity.equals(ALWAYS) && !identity.equals(BY_DEFAULT)) {
            throw new IllegalArgumentException("identity of column " + name + " must be ALWAYS or BY DEFAULT: " + identity);
        }
        // only an identity has a sequence of its own; its defaults are no options
        // a serial column's (drawing from its sequence by default) are as its producer read them: relative to the
        // sequence's own type, which a retyped column leaves as it was
        identityOptions = identity != null ? IdentityOptions.unlessDefault(type, identityOptions)
                : callsNextval(defaultExpression) ? identityOptions : null;
    }

    /** A {@code serial}/{@code bigserial} column: its default draws from the sequence PostgreSQL names after it. */
    public boolean isSerial(String table) {
        // asked of every column by the differ: the expected text is built only for a default that draws from a sequence
        return drawsFromSequence()
                && defaultExpression.equals("nextval('" + table + "_" + name + "_seq'::regclass)")
                && (type.equals("bigint") || type.equals("integer") || type.equals("smallint"));
    }

    /** Whether the default calls {@code nextval}: a serial column's, or one drawing from another sequence. */
    public boolean drawsFromSequence() {
        return callsNextval(defaultExpression);
    }

    private static boolean callsNextval(String expression) {
        return expression != null && expression.startsWith("nextval(");
    }

    public ColumnModel withComment(String newComment) {
        return new ColumnModel(name, type, notNull, defaultExpression, identity, generated, newComment, collation,
                identityOptions);
    }

    /** This identity column with these sequence options (null or the defaults: none). */
    public ColumnModel withIdentityOptions(IdentityOptions options) {
        return new ColumnModel(name, type, notNull, defaultExpression, identity, generated, comment, collation, options);
    }

    public ColumnModel withCollation(String newCollation) {
        return new ColumnModel(name, type, notNull, defaultExpression, identity, generated, comment, newCollation,
                identityOptions);
    }
}
