package org.somaagent01.migrator.diff;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Column references in a trigger's {@code WHEN} condition, which {@code pg_get_triggerdef} prints qualified by
 * {@code old.} or {@code new.}: word matching, like {@link Identifiers}, on that form.
 */
final class TriggerConditions {
    private TriggerConditions() {}

    static boolean mentions(String when, String column) {
        return when != null && pattern(column).matcher(when).find();
    }

    static String rename(String when, String from, String to) {
        if (when == null) return null;
        return pattern(from).matcher(when).replaceAll("$1" + Matcher.quoteReplacement(org.somaagent01.migrator.sql.Sql.ident(to)));
    }

    private static Pattern pattern(String column) {
        return Pattern.compile("(?i)(?<![\\w.$])((?:old|new)\\.)(?-i:" + Pattern.quote(column) + "|"
                + Pattern.quote('"' + column.replace("\"", "\"\"") + '"') + ")(?![\\w$])");
    }
}
