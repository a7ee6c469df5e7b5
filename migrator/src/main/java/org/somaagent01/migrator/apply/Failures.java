package org.somaagent01.migrator.apply;

import java.sql.SQLException;
import org.somaagent01.migrator.ExitCode;
import org.somaagent01.migrator.MigratorException;

/** Placeholder until the failure classes land: maps an SQLException raised while migrating to an exit code. */
public final class Failures {
    public interface SqlRunnable { void run() throws SQLException; }

    private Failures() {}

    public static MigratorException classify(SQLException e, String what, String stateReached) {
        String state = e.getSQLState() == null ? "" : e.getSQLState();
        String message = Applier.oneLine(e.getMessage());
        if (state.startsWith("08") || state.startsWith("57P")) {
            return new MigratorException(ExitCode.CONNECTION_LOST, what + ": connection lost (" + message + "); "
                    + stateReached + "; rerun apply to resume", e);
        }
        return new MigratorException(ExitCode.MIGRATION_FAILED, what + " failed: " + message + "; " + stateReached, e);
    }

    /** Runs cleanup on a connection that may be dead; its failure must never hide the error being reported. */
    public static void quietly(SqlRunnable r) {
        try {
            r.run();
        } catch (SQLException | RuntimeException ignored) {
            // the original error is the one worth reporting
        }
    }
}
