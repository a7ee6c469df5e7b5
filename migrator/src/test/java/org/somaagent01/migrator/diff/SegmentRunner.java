package org.somaagent01.migrator.diff;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.somaagent01.migrator.plan.PlannedSegment;

/** Runs planned segments on one connection as the applier does: a transactional one in one transaction, others alone. */
final class SegmentRunner {
    private SegmentRunner() {}

    static void up(Connection c, List<PlannedSegment> segments) throws SQLException {
        for (PlannedSegment s : segments) run(c, s.transactional(), s.up());
    }

    /** The down part: each segment's down, last segment first. */
    static void down(Connection c, List<PlannedSegment> segments) throws SQLException {
        for (int i = segments.size() - 1; i >= 0; i--) run(c, segments.get(i).transactional(), segments.get(i).down());
    }

    private static void run(Connection c, boolean transactional, List<String> statements) throws SQLException {
        c.setAutoCommit(!transactional);
        try (Statement st = c.createStatement()) {
            for (String sql : statements) {
                try {
                    st.execute(sql);
                } catch (SQLException e) {
                    if (transactional) c.rollback();
                    throw new SQLException(e.getMessage() + "\n-- while running:\n" + sql, e.getSQLState(), e);
                }
            }
            if (transactional) c.commit();
        } finally {
            c.setAutoCommit(true);
        }
    }
}
