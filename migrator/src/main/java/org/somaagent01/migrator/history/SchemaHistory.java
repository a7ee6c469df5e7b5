package org.somaagent01.migrator.history;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import org.somaagent01.migrator.plan.Sql;
import org.somaagent01.migrator.store.MigrationScript;

/**
 * The history table, {@code <schema>.schema_history}, kept in its own schema so the application schema stays
 * exactly the reference. Reading it is the whole cost of an up-to-date {@code apply}: one query.
 */
public final class SchemaHistory {

    private final String schema;
    private final String table;

    public SchemaHistory(String schema) {
        this.schema = schema;
        this.table = Sql.ident(schema) + ".schema_history";
    }

    public String schema() { return schema; }

    /** Applied versions in order; empty when the history table does not exist yet. */
    public List<AppliedVersion> read(Connection c) throws SQLException {
        return MissingTable.query(c, "SELECT version, name, checksum, applied_by, applied_at, duration_ms, how FROM "
                + table + " ORDER BY version", rs -> {
                    List<AppliedVersion> out = new ArrayList<>();
                    while (rs.next()) {
                        out.add(new AppliedVersion(rs.getInt(1), rs.getString(2), rs.getString(3), rs.getString(4),
                                rs.getObject(5, OffsetDateTime.class), rs.getLong(6), rs.getString(7)));
                    }
                    return out;
                }, List.of());
    }

    public boolean exists(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT to_regclass(?) IS NOT NULL")) {
            ps.setString(1, table);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getBoolean(1);
            }
        }
    }

    public void ensure(Connection c) throws SQLException {
        try (Statement st = c.createStatement()) {
            st.execute("CREATE SCHEMA IF NOT EXISTS " + Sql.ident(schema));
            st.execute("CREATE TABLE IF NOT EXISTS " + table + " (\n"
                    + "    version integer PRIMARY KEY,\n"
                    + "    name text NOT NULL,\n"
                    + "    checksum text NOT NULL,\n"
                    + "    applied_by text NOT NULL DEFAULT current_user,\n"
                    + "    applied_at timestamptz NOT NULL DEFAULT now(),\n"
                    + "    duration_ms bigint NOT NULL,\n"
                    + "    how text NOT NULL CHECK (how IN ('applied', 'adopted'))\n"
                    + ")");
        }
    }

    public void record(Connection c, MigrationScript script, long durationMs, String how) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO " + table
                + " (version, name, checksum, duration_ms, how) VALUES (?, ?, ?, ?, ?)")) {
            ps.setInt(1, script.version());
            ps.setString(2, script.name());
            ps.setString(3, script.checksum());
            ps.setLong(4, durationMs);
            ps.setString(5, how);
            ps.executeUpdate();
        }
    }

    public void remove(Connection c, int version) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM " + table + " WHERE version = ?")) {
            ps.setInt(1, version);
            ps.executeUpdate();
        }
    }
}
