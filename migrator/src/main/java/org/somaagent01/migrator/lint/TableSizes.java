package org.somaagent01.migrator.lint;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;

/** Live sizes of the tables findings name: the planner's row estimate and the bytes with indexes and TOAST. */
public final class TableSizes {
    /** {@code rows} is -1 when the table was never analyzed. */
    public record Size(long rows, long bytes) {
        public String describe() {
            return (rows < 0 ? "rows unknown (never analyzed)" : "~" + rows + " rows") + ", " + human(bytes);
        }
    }

    private final Connection connection;
    private final Map<String, Size> cache = new HashMap<>();

    public TableSizes(Connection connection) { this.connection = connection; }

    /** The size of {@code relation} as written in the script (resolved by search_path), or null when it is not there. */
    public Size of(String relation) throws SQLException {
        if (cache.containsKey(relation)) return cache.get(relation);
        Size size = null;
        try (PreparedStatement ps = connection.prepareStatement("SELECT c.reltuples::bigint, pg_total_relation_size(c.oid) "
                + "FROM pg_class c WHERE c.oid = to_regclass(?)")) {
            ps.setString(1, relation);
            try (ResultSet rs = ps.executeQuery()) {
                if (rs.next()) size = new Size(rs.getLong(1), rs.getLong(2));
            }
        }
        cache.put(relation, size);
        return size;
    }

    static String human(long bytes) {
        String[] units = {"B", "kB", "MB", "GB", "TB"};
        double v = bytes;
        int u = 0;
        while (v >= 1024 && u < units.length - 1) {
            v /= 1024;
            u++;
        }
        return (u == 0 ? String.valueOf(bytes) : String.format(java.util.Locale.ROOT, "%.1f", v)) + " " + units[u];
    }
}
