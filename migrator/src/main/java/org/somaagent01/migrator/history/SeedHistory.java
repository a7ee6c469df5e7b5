package org.somaagent01.migrator.history;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import org.somaagent01.migrator.sql.Sql;

/** {@code <schema>.seed_history}: the fingerprint of each seed data set applied, so unchanged seeds are skipped. */
public final class SeedHistory {
    private final String schema;
    private final String table;

    public SeedHistory(String schema) {
        this.schema = schema;
        this.table = Sql.ident(schema) + ".seed_history";
    }

    /** The fingerprint seeded last, or null (never seeded, or no table yet). */
    public String lastFingerprint(Connection c) throws SQLException {
        return MissingTable.query(c, "SELECT fingerprint FROM " + table + " ORDER BY seeded_at DESC LIMIT 1",
                rs -> rs.next() ? rs.getString(1) : null, null);
    }

    public void record(Connection c, String fingerprint, String summary) throws SQLException {
        try (Statement st = c.createStatement()) {
            st.execute("CREATE SCHEMA IF NOT EXISTS " + Sql.ident(schema));
            st.execute("CREATE TABLE IF NOT EXISTS " + table + " (fingerprint text NOT NULL, "
                    + "seeded_at timestamptz NOT NULL DEFAULT clock_timestamp(), seeded_by text NOT NULL DEFAULT current_user, "
                    + "summary text NOT NULL)");
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO " + table + " (fingerprint, summary) VALUES (?, ?)")) {
            ps.setString(1, fingerprint);
            ps.setString(2, summary);
            ps.executeUpdate();
        }
    }
}
