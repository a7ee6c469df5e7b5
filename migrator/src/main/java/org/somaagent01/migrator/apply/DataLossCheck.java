package org.somaagent01.migrator.apply;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.somaagent01.migrator.diff.ColumnTypes;
import org.somaagent01.migrator.sql.Sql;
import org.somaagent01.migrator.store.Segment;
import org.somaagent01.migrator.store.StatementFacts;

/**
 * Looks at the data before segments run: for each table, column or cast column their statements would destroy,
 * how many rows or non-null values are there now. Objects that do not exist (yet) hold nothing. Counting stops at
 * {@link #CAP}, so a huge table costs a bounded scan.
 */
final class DataLossCheck {
    static final long CAP = 1_000_000;

    private DataLossCheck() {}

    /**
     * One line per object that holds data, e.g. {@code column task_registry.owner (12 values)}. Names are resolved
     * as the segments will resolve them: under the search path the segments {@code before} them set, and their own
     * up to each statement (restored afterwards). Other settings (a {@code SET ROLE}) are not taken over: the counts
     * are read as the migrator's own user.
     */
    static List<String> losses(Connection c, List<Segment> before, List<Segment> segments) throws SQLException {
        List<String> out = new ArrayList<>();
        List<Segment> all = new ArrayList<>(before);
        all.addAll(segments);
        SessionSettings.around(c, all, () -> {
            for (Segment segment : before) {
                for (int i = 0; i < segment.facts().size(); i++) searchPath(c, segment, i);
            }
            for (Segment segment : segments) {
                for (int i = 0; i < segment.facts().size(); i++) {
                    searchPath(c, segment, i);
                    collect(c, segment.facts().get(i), out);
                }
            }
        });
        return out;
    }

    private static void searchPath(Connection c, Segment segment, int i) throws SQLException {
        if (!"search_path".equals(SessionSettings.setting(segment, i))) return;
        try (Statement st = c.createStatement()) {
            st.execute(segment.statements().get(i).sql());
        }
    }

    private static void collect(Connection c, StatementFacts f, List<String> out) throws SQLException {
        for (StatementFacts.DataLoss loss : f.losses()) {
            String line = describe(c, loss);
            if (line != null && !out.contains(line)) out.add(line);
        }
        for (StatementFacts.TypeChange t : f.typeChanges()) {
            String current = currentType(c, t.table(), t.column());
            if (current == null || ColumnTypes.widens(current, t.newType().toLowerCase(java.util.Locale.ROOT))) continue;
            long values = nonNull(c, t.table(), t.column());
            String line = "column " + t.table() + "." + t.column() + " (" + count(values, "value")
                    + ", changed to " + t.newType() + ": the cast may fail or lose precision)";
            if (values > 0 && !out.contains(line)) out.add(line);
        }
    }

    private static String describe(Connection c, StatementFacts.DataLoss loss) throws SQLException {
        switch (loss.kind()) {
            case TABLE:
            case TRUNCATE: {
                long rows = rows(c, loss.table());
                return rows > 0 ? "table " + loss.table() + " (" + count(rows, "row") + ")" : null;
            }
            case COLUMN: {
                long values = nonNull(c, loss.table(), loss.column());
                return values > 0 ? "column " + loss.table() + "." + loss.column() + " (" + count(values, "value") + ")" : null;
            }
            default:
                return null;
        }
    }

    /** The column's type as PostgreSQL prints it, or null when there is no such column. */
    private static String currentType(Connection c, String table, String column) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT format_type(atttypid, atttypmod) FROM pg_attribute "
                + "WHERE attrelid = to_regclass(?) AND attname = ? AND attnum > 0 AND NOT attisdropped")) {
            ps.setString(1, qualified(table));
            ps.setString(2, column);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
    }

    private static long rows(Connection c, String table) throws SQLException {
        if (!exists(c, table, null)) return 0;
        return scalar(c, "SELECT count(*) FROM (SELECT 1 FROM " + qualified(table) + " LIMIT " + CAP + ") r");
    }

    private static long nonNull(Connection c, String table, String column) throws SQLException {
        if (!exists(c, table, column)) return 0;
        return scalar(c, "SELECT count(*) FROM (SELECT 1 FROM " + qualified(table) + " WHERE " + Sql.ident(column)
                + " IS NOT NULL LIMIT " + CAP + ") r");
    }

    private static boolean exists(Connection c, String table, String column) throws SQLException {
        String sql = column == null ? "SELECT to_regclass(?) IS NOT NULL"
                : "SELECT EXISTS (SELECT 1 FROM pg_attribute WHERE attrelid = to_regclass(?) AND attname = ? AND attnum > 0 AND NOT attisdropped)";
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, qualified(table));
            if (column != null) ps.setString(2, column);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getBoolean(1);
            }
        }
    }

    private static long scalar(Connection c, String sql) throws SQLException {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static String qualified(String name) {
        int dot = name.indexOf('.');
        return dot < 0 ? Sql.ident(name) : Sql.ident(name.substring(0, dot)) + "." + Sql.ident(name.substring(dot + 1));
    }

    private static String count(long n, String unit) {
        return (n >= CAP ? "at least " + n : String.valueOf(n)) + " " + unit + (n == 1 ? "" : "s");
    }
}
