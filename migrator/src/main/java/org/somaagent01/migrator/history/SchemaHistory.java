package org.somaagent01.migrator.history;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.somaagent01.migrator.sql.Sql;
import org.somaagent01.migrator.store.MigrationScript;

/**
 * The history: {@code <schema>.schema_history} holds versions applied in full, {@code <schema>.schema_progress} the
 * one version applied in part (per-segment progress), both in their own schema so the application schema stays
 * exactly the reference. Reading both is one query, the whole cost of an up-to-date {@code apply}.
 *
 * <p>Progress is written in the transaction of the segment it records, so history and schema cannot disagree for
 * transactional segments; for a segment outside a transaction the start is recorded first ({@code in_flight}), so
 * a death in between is reported as "outcome unknown", never hidden.
 */
public final class SchemaHistory {

    private final String schema;
    private final String table;
    private final String progress;

    public SchemaHistory(String schema) {
        this.schema = schema;
        this.table = Sql.ident(schema) + ".schema_history";
        this.progress = Sql.ident(schema) + ".schema_progress";
    }

    public String schema() { return schema; }

    /** The whole state; empty when no history table exists yet. */
    public HistoryState state(Connection c) throws SQLException {
        String both = "SELECT version, name, checksum, applied_by, applied_at, duration_ms, how, "
                + "NULL::int, NULL::int, NULL::text[], NULL::int, NULL::text, NULL::text FROM " + table
                + " UNION ALL SELECT version, name, checksum, updated_by, updated_at, 0, 'partial', segments_done, "
                + "segments_total, segment_checksums, in_flight, direction, last_error FROM " + progress + " ORDER BY 1";
        HistoryState state = MissingTable.query(c, both, SchemaHistory::rows, null);
        // a history table from before per-segment progress existed: read it alone
        return state != null ? state : MissingTable.query(c, "SELECT version, name, checksum, applied_by, applied_at, "
                + "duration_ms, how FROM " + table + " ORDER BY version", SchemaHistory::rows, HistoryState.EMPTY);
    }

    /** Versions applied in full, in order. */
    public List<AppliedVersion> read(Connection c) throws SQLException {
        return state(c).applied();
    }

    private static HistoryState rows(ResultSet rs) throws SQLException {
        List<AppliedVersion> applied = new ArrayList<>();
        PartialVersion partial = null;
        boolean withProgress = rs.getMetaData().getColumnCount() > 7;
        while (rs.next()) {
            OffsetDateTime at = rs.getObject(5, OffsetDateTime.class);
            if (withProgress && "partial".equals(rs.getString(7))) {
                Array checksums = rs.getArray(10);
                partial = new PartialVersion(rs.getInt(1), rs.getString(2), rs.getString(3), rs.getInt(8), rs.getInt(9),
                        checksums == null ? List.of() : Arrays.asList((String[]) checksums.getArray()),
                        (Integer) rs.getObject(11), rs.getString(12), rs.getString(13), at);
            } else {
                applied.add(new AppliedVersion(rs.getInt(1), rs.getString(2), rs.getString(3), rs.getString(4), at,
                        rs.getLong(6), rs.getString(7)));
            }
        }
        return new HistoryState(applied, partial);
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
            st.execute("CREATE TABLE IF NOT EXISTS " + progress + " (\n"
                    + "    version integer PRIMARY KEY,\n"
                    + "    name text NOT NULL,\n"
                    + "    checksum text NOT NULL,\n"
                    + "    segments_done integer NOT NULL,\n"
                    + "    segments_total integer NOT NULL,\n"
                    + "    segment_checksums text[] NOT NULL,\n"
                    + "    in_flight integer,\n"
                    + "    direction text NOT NULL CHECK (direction IN ('up', 'down')),\n"
                    + "    last_error text,\n"
                    + "    updated_by text NOT NULL DEFAULT current_user,\n"
                    + "    updated_at timestamptz NOT NULL DEFAULT now()\n"
                    + ")");
        }
    }

    /** Records a version applied in full, and clears its progress. */
    public void record(Connection c, MigrationScript script, long durationMs, String how) throws SQLException {
        clearProgress(c, script.version());
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

    /** Removes a version from the history altogether (reverted in full). */
    public void remove(Connection c, int version) throws SQLException {
        clearProgress(c, version);
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM " + table + " WHERE version = ?")) {
            ps.setInt(1, version);
            ps.executeUpdate();
        }
    }

    /**
     * Records that segments 1..done of the script are applied, and no more: the version leaves the full history
     * (when a down starts reverting it) and its progress row says how far it is.
     */
    public void progress(Connection c, MigrationScript script, int done, Integer inFlight, String direction)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM " + table + " WHERE version = ?")) {
            ps.setInt(1, script.version());
            ps.executeUpdate();
        }
        String[] checksums = script.up().segments().subList(0, done).stream().map(s -> s.checksum()).toArray(String[]::new);
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO " + progress + " (version, name, checksum, "
                + "segments_done, segments_total, segment_checksums, in_flight, direction) VALUES (?, ?, ?, ?, ?, ?, ?, ?) "
                + "ON CONFLICT (version) DO UPDATE SET name = excluded.name, checksum = excluded.checksum, "
                + "segments_done = excluded.segments_done, segments_total = excluded.segments_total, "
                + "segment_checksums = excluded.segment_checksums, in_flight = excluded.in_flight, "
                + "direction = excluded.direction, last_error = NULL, updated_by = current_user, updated_at = now()")) {
            ps.setInt(1, script.version());
            ps.setString(2, script.name());
            ps.setString(3, script.checksum());
            ps.setInt(4, done);
            ps.setInt(5, script.segmentCount());
            ps.setArray(6, c.createArrayOf("text", checksums));
            ps.setObject(7, inFlight, java.sql.Types.INTEGER);
            ps.setString(8, direction);
            ps.executeUpdate();
        }
    }

    /** Notes the error that stopped a partial version (best effort, after the failed segment rolled back). */
    public void recordError(Connection c, int version, String error) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE " + progress + " SET last_error = ?, updated_at = now() "
                + "WHERE version = ?")) {
            ps.setString(1, error);
            ps.setInt(2, version);
            ps.executeUpdate();
        }
    }

    private void clearProgress(Connection c, int version) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM " + progress + " WHERE version = ?")) {
            ps.setInt(1, version);
            ps.executeUpdate();
        }
    }
}
