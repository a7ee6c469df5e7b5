package org.somaagent01.migrator.apply;

import java.io.IOException;
import java.sql.SQLException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.postgresql.util.PSQLException;
import org.somaagent01.migrator.ExitCode;
import org.somaagent01.migrator.MigratorException;
import org.somaagent01.migrator.connect.Lines;

/**
 * Turns an SQLException raised while migrating into the failure the user can act on: a lost connection (rerun to
 * resume), a missing privilege (grant it), a read-only database (point at the primary), or a failed statement.
 * Every message says what was running and which state the database reached, so the rerun holds no surprise.
 */
public final class Failures {
    /** The longest server message quoted; the whole line is bounded again when printed. */
    static final int MAX_QUOTED = 300;

    /** A JDBC call that may fail, such as rollback() on a connection that may be dead. */
    @FunctionalInterface
    public interface SqlRunnable {
        void run() throws SQLException;
    }

    private Failures() {}

    /**
     * @param what         what was running, e.g. {@code 0002_add_owner segment 2/3}
     * @param stateReached where the database is, e.g. {@code the database is at version 1 (0002_add_owner: 1 of 3
     *                     segments applied)}
     * @param user         the database user, named in the advice for a missing privilege
     * @return the failure to throw; {@link ExitCode#LOCK_TIMEOUT} for a lock timeout, which callers that retry
     * should recognise first with {@link #isLockTimeout}
     */
    public static MigratorException classify(SQLException e, String what, String stateReached, String user) {
        String state = e.getSQLState() == null ? "" : e.getSQLState();
        String message = Lines.quote(serverMessage(e), MAX_QUOTED);
        if (isConnectionLost(e)) {
            return new MigratorException(ExitCode.CONNECTION_LOST, what + ": connection lost (" + message + "); "
                    + stateReached + "; rerun apply to resume", e);
        }
        if (state.equals("42501")) {
            return new MigratorException(ExitCode.PERMISSION_DENIED, what + " failed: " + message + " (SQLSTATE 42501); "
                    + stateReached + "; " + grantAdvice(serverMessage(e), user), e);
        }
        if (isReadOnly(e)) {
            return new MigratorException(ExitCode.READ_ONLY, what + " failed: " + message + " (SQLSTATE " + state
                    + "): the database is read-only (a standby, or default_transaction_read_only=on); " + stateReached
                    + "; point " + org.somaagent01.migrator.connect.Dsn.ENV_VAR + " at the primary", e);
        }
        if (isLockTimeout(e)) {
            return new MigratorException(ExitCode.LOCK_TIMEOUT, what + " did not get its lock: " + message
                    + " (SQLSTATE 55P03); " + stateReached + "; rerun apply when the blocking sessions are done", e);
        }
        return new MigratorException(ExitCode.MIGRATION_FAILED, what + " failed: " + message
                + (state.isEmpty() ? "" : " (SQLSTATE " + state + ")") + "; " + stateReached, e);
    }

    /**
     * The server's own sentence ("permission denied for schema app") when the error came from the server; pgjdbc's
     * getMessage() adds the severity and lines such as "Position: 14" that mean nothing without the statement.
     */
    static String serverMessage(SQLException e) {
        if (e instanceof PSQLException p && p.getServerErrorMessage() != null && p.getServerErrorMessage().getMessage() != null) {
            return p.getServerErrorMessage().getMessage();
        }
        return String.valueOf(e.getMessage());
    }

    /** {@link #classify(SQLException, String, String, String)} when the user name is not at hand. */
    public static MigratorException classify(SQLException e, String what, String stateReached) {
        return classify(e, what, stateReached, "the migrator's database user");
    }

    /**
     * From the server's "permission denied for schema app" or "must be owner of table t": the object, so the
     * advice says what to grant on. The message may be in another language (lc_messages); then it stays general.
     */
    static String grantAdvice(String serverMessage, String user) {
        Matcher owner = MUST_BE_OWNER.matcher(serverMessage);
        if (owner.find()) return "run as the owner of " + Lines.quote(owner.group(1), 80) + " or make " + user + " its owner";
        Matcher denied = DENIED.matcher(serverMessage);
        String object = denied.find() ? Lines.quote(denied.group(1), 80) : "the object named above";
        return "grant the privilege it needs on " + object + " to " + user + " or run as the owner";
    }

    private static final Pattern DENIED = Pattern.compile("permission denied for (.+)");
    private static final Pattern MUST_BE_OWNER = Pattern.compile("must be owner of (.+)");

    /** lock_not_available: lock_timeout expired (or NOWAIT); callers retry these with backoff. */
    public static boolean isLockTimeout(SQLException e) {
        return "55P03".equals(e.getSQLState());
    }

    /**
     * Class 08 (connection exception, including pgjdbc's 08003 "This connection has been closed." and 08006 for I/O
     * errors), 57P01-57P03 (the backend was terminated, the server crashed or is restarting), or an I/O error as the
     * cause. The session and its open transaction are gone; what was committed stays.
     */
    public static boolean isConnectionLost(SQLException e) {
        String state = e.getSQLState() == null ? "" : e.getSQLState();
        if (state.startsWith("08") || state.equals("57P01") || state.equals("57P02") || state.equals("57P03")) return true;
        Throwable c = e.getCause();
        for (int depth = 0; c != null && depth < 20; depth++, c = c.getCause()) {
            if (c instanceof IOException) return true;
        }
        return false;
    }

    /**
     * read_only_sql_transaction (25006: default_transaction_read_only, or any write on a hot standby), and the
     * standby's refusal of DDL locks while in recovery (55000, matched by its text: that state has other uses).
     */
    static boolean isReadOnly(SQLException e) {
        if ("25006".equals(e.getSQLState())) return true;
        String m = serverMessage(e).toLowerCase(Locale.ROOT);
        return m.contains("in a read-only transaction") || m.contains("while recovery is in progress")
                || m.contains("during recovery");
    }

    /**
     * Runs a clean-up call (rollback(), setAutoCommit(true)) whose own failure must not hide the error being
     * handled: on a dead connection it fails too, with a less useful message. Its failure is dropped.
     */
    public static void quietly(SqlRunnable r) {
        try {
            r.run();
        } catch (SQLException | RuntimeException ignored) {
            // the original error is the one to report
        }
    }

    /** As {@link #quietly(SqlRunnable)}, keeping the clean-up's failure as a suppressed exception of {@code original}. */
    public static void quietly(Throwable original, SqlRunnable r) {
        try {
            r.run();
        } catch (SQLException | RuntimeException e) {
            if (e != original) original.addSuppressed(e);
        }
    }
}
