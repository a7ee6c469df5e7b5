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

    static String rename(String expression, String from, String to) {
        if (expression == null) return null;
        return pattern(from).matcher(expression).replaceAll(Matcher.quoteReplacement(quoted(to)));
    }

    private static Pattern pattern(String name) {
        // the bare or double-quoted name, not part of a longer word or a qualified name's tail
        return Pattern.compile("(?<![\\w.$])(?:" + Pattern.quote(name) + "|" + Pattern.quote(quotedAlways(name))
                + ")(?![\\w$])");
    }

    private static String quoted(String name) {
        return org.somaagent01.migrator.sql.Sql.ident(name);
    }

    private static String quotedAlways(String name) {
        return '"' + name.replace("\"", "\"\"") + '"';
    }
}
