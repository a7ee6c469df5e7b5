package org.somaagent01.migrator.service;

import java.util.ArrayList;
import java.util.List;

/**
 * The targets file of a fleet run: one database URL per line; blank lines and lines starting with '#' are skipped,
 * as is a comment after whitespace ({@code postgresql://… # tenant a}). A '#' inside a URL (percent-encode it as
 * %23 in a password) is kept.
 */
public final class Targets {
    /** One URL and the line it came from (1-based), for error messages. */
    public record Line(int number, String url) {}

    private Targets() {}

    public static List<Line> parse(String content) {
        List<Line> lines = new ArrayList<>();
        String[] raw = content.split("\\R", -1);
        for (int i = 0; i < raw.length; i++) {
            String s = raw[i];
            int comment = s.strip().startsWith("#") ? 0 : commentAfterSpace(s);
            if (comment >= 0) s = s.substring(0, comment);
            s = s.strip();
            if (!s.isEmpty()) lines.add(new Line(i + 1, s));
        }
        return lines;
    }

    private static int commentAfterSpace(String s) {
        for (int i = 1; i < s.length(); i++) {
            if (s.charAt(i) == '#' && Character.isWhitespace(s.charAt(i - 1))) return i;
        }
        return -1;
    }
}
