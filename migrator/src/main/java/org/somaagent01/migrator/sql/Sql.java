package org.somaagent01.migrator.sql;

import java.util.Set;
import java.util.regex.Pattern;

/**
 * Quoting of identifiers and literals the way PostgreSQL's {@code quote_ident}/{@code quote_literal} do. A leaf
 * package that depends on nothing of the migrator: inspector, differ, planner, history and applier all quote here.
 */
public final class Sql {
    // PostgreSQL keywords that quote_ident quotes (reserved, type/function-name and column-name keywords)
    private static final Set<String> KEYWORDS = Set.of(
            "all", "analyse", "analyze", "and", "any", "array", "as", "asc", "asymmetric", "authorization", "between",
            "bigint", "binary", "bit", "boolean", "both", "case", "cast", "char", "character", "check", "coalesce",
            "collate", "collation", "column", "concurrently", "constraint", "create", "cross", "current_catalog",
            "current_date", "current_role", "current_schema", "current_time", "current_timestamp", "current_user",
            "dec", "decimal", "default", "deferrable", "desc", "distinct", "do", "else", "end", "except", "exists",
            "extract", "false", "fetch", "float", "for", "foreign", "freeze", "from", "full", "grant", "greatest",
            "group", "grouping", "having", "ilike", "in", "initially", "inner", "inout", "int", "integer",
            "intersect", "interval", "into", "is", "isnull", "join", "lateral", "leading", "least", "left", "like",
            "limit", "localtime", "localtimestamp", "national", "natural", "nchar", "none", "normalize", "not",
            "notnull", "null", "nullif", "numeric", "offset", "on", "only", "or", "order", "out", "outer",
            "overlaps", "overlay", "placing", "position", "precision", "primary", "real", "references", "returning",
            "right", "row", "select", "session_user", "setof", "similar", "smallint", "some", "substring",
            "symmetric", "system_user", "table", "tablesample", "then", "time", "timestamp", "to", "trailing",
            "treat", "trim", "true", "union", "unique", "user", "using", "values", "varchar", "variadic", "verbose",
            "when", "where", "window", "with");

    private Sql() {}

    public static String ident(String name) {
        if (plain(name) && !KEYWORDS.contains(name)) return name;
        return '"' + name.replace("\"", "\"\"") + '"';
    }

    /** {@code [a-z_][a-z0-9_$]*}, checked by hand: every name of every statement is quoted through here. */
    static boolean plain(String name) {
        if (name.isEmpty()) return false;
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            boolean letter = c >= 'a' && c <= 'z' || c == '_';
            if (!letter && (i == 0 || !(c >= '0' && c <= '9' || c == '$'))) return false;
        }
        return true;
    }

    private static final String PART = "(?:\"(?:[^\"]|\"\")+\"|[a-z_][a-z0-9_$]*)";
    private static final Pattern QUALIFIED = Pattern.compile(PART + "\\." + PART);

    /**
     * A relation name as SQL: a name of the same schema is quoted as needed; one of another schema is kept as the
     * inspector wrote it, already quoted and qualified ({@code other.t}, {@code "Other".t}).
     */
    public static String relation(String name) {
        return QUALIFIED.matcher(name).matches() ? name : ident(name);
    }

    public static String literal(String text) {
        return "'" + text.replace("'", "''") + "'";
    }

    /** A dollar-quoted string whose tag does not occur in the text. */
    public static String dollarQuoted(String text, String preferredTag) {
        String tag = preferredTag;
        for (int i = 1; text.contains("$" + tag + "$"); i++) tag = preferredTag + i;
        return "$" + tag + "$" + text + "$" + tag + "$";
    }
}
