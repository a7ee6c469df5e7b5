package org.somaagent01.schema.pg;

/**
 * A function without arguments, e.g. a trigger function. {@code body} is the text between the dollar quotes,
 * kept verbatim (whitespace included) because PostgreSQL stores and compares it verbatim.
 */
public record PgFunction(String name, String returns, String language, String body) {
    public static PgFunction trigger(String name, String plpgsqlBody) {
        return new PgFunction(name, "trigger", "plpgsql", plpgsqlBody);
    }
}
