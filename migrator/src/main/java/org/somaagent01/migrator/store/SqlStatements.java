package org.somaagent01.migrator.store;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a script into statements at top-level semicolons, skipping those inside quotes, quoted identifiers,
 * dollar-quoted bodies and comments. Needed for scripts that run outside a transaction: PostgreSQL runs several
 * statements sent at once in one implicit transaction, where {@code CREATE INDEX CONCURRENTLY} is refused.
 */
public final class SqlStatements {
    private SqlStatements() {}

    /** A statement and the 1-based line of the script its first non-comment token is on. */
    public record Statement(String sql, int line) {}

    // placeholder until the lexer-based version lands: line from the statement's position in the text
    public static List<Statement> parse(String sql) {
        List<Statement> out = new ArrayList<>();
        int from = 0;
        for (String s : split(sql)) {
            String body = s.lines().filter(l -> !l.strip().startsWith("--") && !l.isBlank()).findFirst().orElse(s);
            int at = sql.indexOf(body, from);
            if (at < 0) at = from;
            out.add(new Statement(s, 1 + (int) sql.substring(0, at).chars().filter(ch -> ch == '\n').count()));
            from = at;
        }
        return out;
    }

    public static List<String> split(String sql) {
        List<String> out = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        int i = 0;
        int n = sql.length();
        while (i < n) {
            char ch = sql.charAt(i);
            int end = i + 1;
            if (ch == '\'' || ch == '"') {
                end = closing(sql, i + 1, ch);
            } else if (ch == '-' && i + 1 < n && sql.charAt(i + 1) == '-') {
                end = sql.indexOf('\n', i);
                end = end < 0 ? n : end;
            } else if (ch == '/' && i + 1 < n && sql.charAt(i + 1) == '*') {
                end = sql.indexOf("*/", i + 2);
                end = end < 0 ? n : end + 2;
            } else if (ch == '$') {
                String tag = dollarTag(sql, i);
                if (tag != null) {
                    int close = sql.indexOf(tag, i + tag.length());
                    end = close < 0 ? n : close + tag.length();
                }
            } else if (ch == ';') {
                add(out, current);
                current.setLength(0);
                i++;
                continue;
            }
            current.append(sql, i, end);
            i = end;
        }
        add(out, current);
        return out;
    }

    private static int closing(String sql, int from, char quote) {
        int i = from;
        while (i < sql.length()) {
            if (sql.charAt(i) == quote) {
                if (i + 1 < sql.length() && sql.charAt(i + 1) == quote) { i += 2; continue; }
                return i + 1;
            }
            i++;
        }
        return sql.length();
    }

    /** {@code $tag$} starting at {@code i}, or null when the dollar sign does not open a dollar quote. */
    private static String dollarTag(String sql, int i) {
        int j = i + 1;
        while (j < sql.length() && (Character.isLetterOrDigit(sql.charAt(j)) || sql.charAt(j) == '_')) j++;
        if (j < sql.length() && sql.charAt(j) == '$' && (j == i + 1 || !Character.isDigit(sql.charAt(i + 1)))) {
            return sql.substring(i, j + 1);
        }
        return null;
    }

    private static void add(List<String> out, StringBuilder statement) {
        String s = statement.toString().strip();
        if (!s.isEmpty() && !isOnlyComments(s)) out.add(s);
    }

    private static boolean isOnlyComments(String s) {
        return s.lines().allMatch(l -> l.isBlank() || l.strip().startsWith("--"));
    }
}
