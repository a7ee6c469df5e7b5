package org.somaagent01.migrator.diff;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds and renames column names inside expressions as {@code pg_get_expr} prints them (CHECKs, index keys and
 * predicates, defaults). Word matching, not parsing: a name that also occurs inside a string literal counts too,
 * which at worst makes the differ drop and recreate an object it could have kept.
 */
final class Identifiers {
    private Identifiers() {}

    static boolean mentions(String expression, String name) {
        return expression != null && pattern(name).matcher(expression).find();
    }

    /** Whether the expression calls a routine of that name (unqualified, as PostgreSQL prints one on the path). */
    static boolean calls(String expression, String name) {
        // asked for every default, CHECK and index expression of a diff that drops a routine: compiled once a name
        return expression != null && CALLS.computeIfAbsent(name, n -> Pattern.compile(pattern(n).pattern() + "\\s*\\("))
                .matcher(expression).find();
    }

    private static final java.util.Map<String, Pattern> CALLS = new java.util.concurrent.ConcurrentHashMap<>();

    static String rename(String expression, String from, String to) {
        if (expression == null) return null;
        return pattern(from).matcher(expression).replaceAll(Matcher.quoteReplacement(quoted(to)));
    }

    /**
     * Whether a trigger's {@code WHEN} condition reads the column: {@code pg_get_triggerdef} prints its references
     * qualified by {@code old.} or {@code new.}.
     */
    static boolean mentionsInTrigger(String when, String column) {
        return when != null && pattern(TRIGGER_ROW, column).matcher(when).find();
    }

    static String renameInTrigger(String when, String from, String to) {
        if (when == null) return null;
        return pattern(TRIGGER_ROW, from).matcher(when).replaceAll("$1" + Matcher.quoteReplacement(quoted(to)));
    }

    private static final String TRIGGER_ROW = "(?i:(?:old|new)\\.)";

    private static Pattern pattern(String name) {
        return pattern("", name);
    }

    /**
     * The bare or double-quoted name after {@code qualifier} (a regex, captured as group 1), not part of a longer
     * word or another qualified name's tail.
     */
    private static Pattern pattern(String qualifier, String name) {
        return Pattern.compile("(?<![\\w.$])(" + qualifier + ")(?:" + Pattern.quote(name) + "|"
                + Pattern.quote(quotedAlways(name)) + ")(?![\\w$])");
    }

    private static String quoted(String name) {
        return org.somaagent01.migrator.sql.Sql.ident(name);
    }

    private static String quotedAlways(String name) {
        return '"' + name.replace("\"", "\"\"") + '"';
    }
}
