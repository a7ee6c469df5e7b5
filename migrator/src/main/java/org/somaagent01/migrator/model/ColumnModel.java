package org.somaagent01.migrator.model;

/**
 * A column. {@code type} is PostgreSQL's {@code format_type} form ({@code text}, {@code character varying(255)},
 * {@code timestamp with time zone}, {@code vector(384)}, {@code text[]}); {@code defaultExpression} is the
 * {@code pg_get_expr} form ({@code now()}, {@code '{}'::jsonb}) or null.
 */
public record ColumnModel(String name, String type, boolean notNull, String defaultExpression) {

    /** A {@code serial}/{@code bigserial} column: its default draws from the sequence PostgreSQL names after it. */
    public boolean isSerial(String table) {
        return defaultExpression != null
                && defaultExpression.equals("nextval('" + table + "_" + name + "_seq'::regclass)")
                && (type.equals("bigint") || type.equals("integer") || type.equals("smallint"));
    }
}
