package org.somaagent01.migrator.apply;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.somaagent01.migrator.ExitCode;
import org.somaagent01.migrator.MigratorException;
import org.somaagent01.migrator.store.Segment;
import org.somaagent01.migrator.store.SqlLexer;

/**
 * Extensions seldom ship the scripts to go back a version: an {@code ALTER EXTENSION … UPDATE TO} without an update
 * path on this server would fail half-way through. Checked before the first DDL, in the order the statements run
 * (a version one statement reaches is where the next starts), and only when the segments update an extension.
 */
final class ExtensionPaths {
    private ExtensionPaths() {}

    /**
     * What a statement does to an extension's installed version: {@code CREATE EXTENSION} (to its {@code VERSION}, or
     * null for the default one), {@code DROP EXTENSION} ({@code dropped}), {@code ALTER EXTENSION … UPDATE TO}.
     */
    record Step(String extension, String kind, String version) {}

    /** The step a statement makes, or null when it makes none. */
    static Step step(String sql) {
        List<SqlLexer.Token> t = new ArrayList<>();
        for (SqlLexer.Token token : SqlLexer.tokens(sql)) if (!token.isComment()) t.add(token);
        if (t.size() < 3 || !t.get(1).is("EXTENSION")) return null;
        int at = 2;
        if (t.get(0).is("CREATE") || t.get(0).is("DROP")) {
            while (at < t.size() && (t.get(at).is("IF") || t.get(at).is("NOT") || t.get(at).is("EXISTS"))) at++;
        }
        if (at >= t.size()) return null;
        String extension = name(t.get(at));
        if (t.get(0).is("CREATE")) {
            boolean ifNotExists = at > 2;
            for (int i = at + 1; i + 1 < t.size(); i++) {
                if (t.get(i).is("VERSION")) return new Step(extension, ifNotExists ? "create-if-absent" : "create", name(t.get(i + 1)));
            }
            return new Step(extension, ifNotExists ? "create-if-absent" : "create", null);
        }
        if (t.get(0).is("DROP")) return new Step(extension, "drop", null);
        if (t.get(0).is("ALTER") && t.size() == 6 && t.get(3).is("UPDATE") && t.get(4).is("TO")) {
            return new Step(extension, "update", name(t.get(5)));
        }
        return null;
    }

    /** An identifier or a string literal as it reads. */
    private static String name(SqlLexer.Token token) {
        String text = token.text();
        if (token.kind() == SqlLexer.Kind.QUOTED_IDENT) return text.substring(1, text.length() - 1).replace("\"\"", "\"");
        if (token.kind() == SqlLexer.Kind.STRING) return text.substring(1, text.length() - 1).replace("''", "'");
        return text.toLowerCase(java.util.Locale.ROOT);
    }

    /** @throws MigratorException {@link ExitCode#CONFIGURATION} naming the extension and the versions without a path */
    static void check(Connection c, List<Segment> segments) throws SQLException {
        List<Step> steps = new ArrayList<>();
        boolean updates = false;
        for (Segment s : segments) {
            for (int i = 0; i < s.statements().size(); i++) {
                // only what the store classified as an extension statement is read again
                if (!s.facts().get(i).kind().endsWith(" EXTENSION")) continue;
                Step step = step(s.statements().get(i).sql());
                if (step == null) continue;
                steps.add(step);
                updates |= step.kind().equals("update");
            }
        }
        if (!updates) return;
        Map<String, String> installed = new HashMap<>();
        Map<String, String> defaults = new HashMap<>();
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT name, default_version, "
                + "installed_version FROM pg_available_extensions")) {
            while (rs.next()) {
                defaults.put(rs.getString(1), rs.getString(2));
                if (rs.getString(3) != null) installed.put(rs.getString(1), rs.getString(3));
            }
        }
        for (Step step : steps) {
            String current = installed.get(step.extension());
            switch (step.kind()) {
                case "drop" -> installed.remove(step.extension());
                case "create", "create-if-absent" -> {
                    if (current == null || step.kind().equals("create")) {
                        installed.put(step.extension(), step.version() != null ? step.version() : defaults.get(step.extension()));
                    }
                }
                default -> {
                    if (current != null && !current.equals(step.version()) && !hasPath(c, step.extension(), current, step.version())) {
                        throw new MigratorException(ExitCode.CONFIGURATION, "extension " + step.extension() + " cannot go from version "
                                + current + " to " + step.version() + ": this server has no update path for it (extensions "
                                + "seldom ship downgrades); keep " + current + ", install the extension's scripts for "
                                + step.version() + ", or restore a backup (nothing was changed)");
                    }
                    installed.put(step.extension(), step.version());
                }
            }
        }
    }

    private static boolean hasPath(Connection c, String extension, String from, String to) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM pg_extension_update_paths(?) "
                + "WHERE source = ? AND target = ? AND path IS NOT NULL")) {
            ps.setString(1, extension);
            ps.setString(2, from);
            ps.setString(3, to);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }
}
