package org.somaagent01.migrator.apply;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.somaagent01.migrator.store.Segment;
import org.somaagent01.migrator.store.SqlLexer;

/**
 * The session settings a script changes with {@code SET} and {@code RESET} (e.g. a {@code SET search_path TO s}
 * that the statements after it rely on). A committed segment's settings outlive it in the session, so:
 * <ul>
 *   <li>a resume, which runs in a new session, replays the settings of the segments already applied before the
 *   first one it runs ({@link #replay}); without them the rest of the script would run in the wrong schema;</li>
 *   <li>after a script, the settings it changed go back to what they were before it ({@link #around}), so that a
 *   script's {@code SET} never leaks into the next script, as it would not if that script ran alone.</li>
 * </ul>
 * {@code SET LOCAL}, {@code SET TRANSACTION} and {@code SET CONSTRAINTS} end with their transaction and are left
 * alone, as is {@code set_config(…)} called from a query.
 */
public final class SessionSettings {
    private SessionSettings() {}

    /** Runs the session {@code SET}/{@code RESET} statements of {@code applied}, in order. */
    static void replay(Connection c, List<Segment> applied) throws SQLException {
        List<String> statements = statements(applied);
        if (statements.isEmpty()) return;
        try (var st = c.createStatement()) {
            for (String sql : statements) st.execute(sql);
        }
    }

    /** The session {@code SET}/{@code RESET} statements of {@code segments}, in order: what a resume replays. */
    public static List<String> statements(List<Segment> segments) {
        List<String> out = new ArrayList<>();
        for (Segment s : segments) {
            for (int i = 0; i < s.statements().size(); i++) if (setting(s, i) != null) out.add(s.statements().get(i).sql());
        }
        return out;
    }

    /**
     * The setting statement {@code i} of {@code segment} changes, or null: only a statement the store classified as
     * a {@code SET} or {@code RESET} is read again.
     */
    static String setting(Segment segment, int i) {
        String kind = segment.facts().get(i).kind();
        return kind.equals("SET") || kind.equals("RESET") ? setting(segment.statements().get(i).sql()) : null;
    }

    /**
     * Runs {@code body} (a script's segments from {@code segments}), then restores each setting those segments
     * change to its value before; on a failure the session ends with the run, so nothing is restored.
     */
    static void around(Connection c, List<Segment> segments, Body body) throws SQLException {
        Set<String> names = new LinkedHashSet<>();
        for (Segment s : segments) {
            for (int i = 0; i < s.statements().size(); i++) {
                String name = setting(s, i);
                if (name != null && !name.equals("all")) names.add(name);
            }
        }
        Map<String, String> before = new LinkedHashMap<>();
        for (String name : names) before.put(name, current(c, name));
        body.run();
        for (Map.Entry<String, String> e : before.entrySet()) {
            try (PreparedStatement ps = c.prepareStatement("SELECT set_config(?, ?, false)")) {
                ps.setString(1, e.getKey());
                ps.setString(2, e.getValue());
                ps.execute();
            }
        }
    }

    interface Body {
        void run() throws SQLException;
    }

    /**
     * The name of the setting a session-level {@code SET} or {@code RESET} statement changes ({@code "all"} for
     * {@code RESET ALL}), or null when the statement is none.
     */
    static String setting(String sql) {
        List<SqlLexer.Token> words = new ArrayList<>();
        for (SqlLexer.Token t : SqlLexer.tokens(sql)) {
            if (t.isComment()) continue;
            words.add(t);
            if (words.size() == 4) break;
        }
        if (words.isEmpty() || words.get(0).kind() != SqlLexer.Kind.WORD) return null;
        boolean reset = words.get(0).is("RESET");
        if (!reset && !words.get(0).is("SET")) return null;
        int i = 1;
        if (!reset && i < words.size() && words.get(i).is("SESSION")) {
            if (i + 1 < words.size() && words.get(i + 1).is("CHARACTERISTICS")) return null;
            if (i + 1 < words.size() && words.get(i + 1).is("AUTHORIZATION")) return "session_authorization";
            i++;
        }
        if (i >= words.size()) return null;
        SqlLexer.Token name = words.get(i);
        if (name.is("LOCAL") || name.is("TRANSACTION") || name.is("CONSTRAINTS")) return null;
        if (name.is("SCHEMA")) return "search_path";
        if (name.is("ROLE")) return "role";
        if (name.is("TIME") && i + 1 < words.size() && words.get(i + 1).is("ZONE")) return "TimeZone";
        if (name.kind() == SqlLexer.Kind.WORD) return name.text().toLowerCase(java.util.Locale.ROOT);
        if (name.kind() == SqlLexer.Kind.QUOTED_IDENT) return name.text().substring(1, name.text().length() - 1);
        return null;
    }

    private static String current(Connection c, String name) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT current_setting(?)")) {
            ps.setString(1, name);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getString(1);
            }
        }
    }
}
