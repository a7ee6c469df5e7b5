package org.somaagent01.migrator.apply;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.somaagent01.migrator.ExitCode;
import org.somaagent01.migrator.MigratorException;
import org.somaagent01.testdb.TestDatabase;
import org.somaagent01.testdb.TestServer;

/** Failures and Preflight against real server errors: a killed backend, a role without privileges, a read-only database. */
class FailuresTest {
    private static final String WHAT = "0002_add_owner segment 2/3";
    private static final String STATE = "the database is at version 1 (0002_add_owner: 1 of 3 segments applied)";

    private TestDatabase db;
    private String role;

    @BeforeEach
    void createDatabase() {
        db = TestServer.get().createDatabase();
    }

    @AfterEach
    void dropDatabaseAndRole() throws SQLException {
        if (role != null) {
            try (Connection c = db.connect()) {
                // roles are server-wide: revoke its grants here (DROP OWNED includes the database's), then drop it
                c.createStatement().execute("DROP OWNED BY " + role);
                c.createStatement().execute("DROP ROLE " + role);
            }
        }
        db.close();
    }

    @Test
    void terminatedBackendIsConnectionLostAndKeepsTheServerMessage() throws Exception {
        try (Connection victim = db.connect(); Connection admin = db.connect()) {
            int pid = intValue(victim, "SELECT pg_backend_pid()");
            victim.setAutoCommit(false);
            victim.createStatement().execute("CREATE TABLE t (id int)");
            assertEquals(1, intValue(admin, "SELECT count(*) FROM pg_terminate_backend(" + pid + ") WHERE pg_terminate_backend"));
            waitUntilGone(admin, pid);

            SQLException first = assertThrows(SQLException.class, () -> victim.createStatement().execute("CREATE TABLE u (id int)"));
            MigratorException e = Failures.classify(first, WHAT, STATE);
            assertEquals(ExitCode.CONNECTION_LOST, e.exitCode(), e.getMessage());
            assertEquals(10, e.exitCode().code);
            assertTrue(e.getMessage().startsWith(WHAT + ": connection lost (" + firstLine(first)), e.getMessage());
            assertTrue(e.getMessage().endsWith("; " + STATE + "; rerun apply to resume"), e.getMessage());
            assertFalse(e.getMessage().contains("\n"), e.getMessage());

            // the clean-up calls fail on the dead connection and must not replace the original error
            Failures.quietly(victim::rollback);
            Failures.quietly(first, () -> victim.setAutoCommit(true));

            // the next use: pgjdbc's 08003 "This connection has been closed."
            SQLException closed = assertThrows(SQLException.class, () -> victim.createStatement().execute("SELECT 1"));
            assertEquals("08003", closed.getSQLState());
            assertEquals(ExitCode.CONNECTION_LOST, Failures.classify(closed, WHAT, STATE).exitCode());
        }
    }

    @Test
    void quietlyKeepsTheCleanUpFailureAsSuppressed() {
        SQLException original = new SQLException("original", "42P01");
        Failures.quietly(original, () -> { throw new SQLException("rollback failed", "08003"); });
        assertEquals(1, original.getSuppressed().length);
        assertEquals("rollback failed", original.getSuppressed()[0].getMessage());
        Failures.quietly(() -> { throw new SQLException("swallowed"); });
    }

    @Test
    void missingCreatePrivilegeIsPermissionDeniedNamingTheSchemaAndUser() throws SQLException {
        try (Connection c = asRoleWithoutPrivileges()) {
            SQLException denied = assertThrows(SQLException.class, () -> c.createStatement().execute("CREATE TABLE public.t (id int)"));
            MigratorException e = Failures.classify(denied, WHAT, STATE, role);
            assertEquals(ExitCode.PERMISSION_DENIED, e.exitCode(), e.getMessage());
            assertEquals(11, e.exitCode().code);
            assertTrue(e.getMessage().contains("permission denied for schema public (SQLSTATE 42501)"), e.getMessage());
            assertTrue(e.getMessage().endsWith("grant the privilege it needs on schema public to " + role + " or run as the owner"),
                    e.getMessage());
            assertTrue(e.getMessage().contains(STATE), e.getMessage());

            MigratorException pre = assertThrows(MigratorException.class, () -> Preflight.check(c, "migrator", "public"));
            assertEquals(ExitCode.PERMISSION_DENIED, pre.exitCode());
            assertEquals("user " + role + " cannot create the history schema migrator in database " + db.name()
                    + " (no CREATE privilege on the database); GRANT CREATE ON DATABASE " + db.name() + " TO " + role
                    + ", create the schema beforehand, or run as the database owner", pre.getMessage());
        }
        try (Connection owner = db.connect()) {
            owner.createStatement().execute("GRANT CREATE ON DATABASE " + db.name() + " TO " + role);
        }
        try (Connection c = asRole()) {
            MigratorException pre = assertThrows(MigratorException.class, () -> Preflight.check(c, "migrator", "public"));
            assertEquals(ExitCode.PERMISSION_DENIED, pre.exitCode());
            assertEquals("user " + role + " has no CREATE privilege on schema public in database " + db.name()
                    + "; GRANT CREATE ON SCHEMA public TO " + role + " or run as the schema's owner", pre.getMessage());
        }
        try (Connection owner = db.connect()) {
            owner.createStatement().execute("GRANT CREATE ON SCHEMA public TO " + role);
        }
        try (Connection c = asRole()) {
            Preflight.check(c, "migrator", "public");
        }
    }

    @Test
    void mustBeOwnerNamesTheObject() throws SQLException {
        try (Connection owner = db.connect()) {
            owner.createStatement().execute("CREATE TABLE owned (id int)");
        }
        try (Connection c = asRoleWithoutPrivileges()) {
            SQLException denied = assertThrows(SQLException.class, () -> c.createStatement().execute("ALTER TABLE owned ADD COLUMN x int"));
            MigratorException e = Failures.classify(denied, WHAT, STATE, role);
            assertEquals(ExitCode.PERMISSION_DENIED, e.exitCode(), e.getMessage());
            assertTrue(e.getMessage().endsWith("run as the owner of table owned or make " + role + " its owner"), e.getMessage());
        }
    }

    @Test
    void readOnlyDatabaseIsCaughtByPreflightAndClassified() throws SQLException {
        try (Connection owner = db.connect()) {
            owner.createStatement().execute("ALTER DATABASE " + db.name() + " SET default_transaction_read_only = on");
        }
        try (Connection c = db.connect()) {
            MigratorException pre = assertThrows(MigratorException.class, () -> Preflight.check(c, "migrator", "public"));
            assertEquals(ExitCode.READ_ONLY, pre.exitCode());
            assertEquals(12, pre.exitCode().code);
            assertEquals("database " + db.name() + " is a read-only database (default_transaction_read_only=on); point "
                    + "SA01_DB_DSN at the primary, or run ALTER DATABASE " + db.name()
                    + " SET default_transaction_read_only = off", pre.getMessage());

            SQLException refused = assertThrows(SQLException.class, () -> c.createStatement().execute("CREATE TABLE t (id int)"));
            assertEquals("25006", refused.getSQLState());
            MigratorException e = Failures.classify(refused, WHAT, STATE);
            assertEquals(ExitCode.READ_ONLY, e.exitCode(), e.getMessage());
            assertTrue(e.getMessage().endsWith("; point SA01_DB_DSN at the primary"), e.getMessage());
        }
    }

    @Test
    void writablePrimaryPassesPreflight() throws SQLException {
        try (Connection c = db.connect()) {
            Preflight.check(c, "migrator", "public");
            Preflight.Facts f = Preflight.facts(c, "migrator", "public");
            assertFalse(f.inRecovery());
            assertEquals(null, f.createOnHistorySchema(), "no history schema yet");
            assertEquals(Boolean.TRUE, f.createOnAppSchema());
        }
    }

    @Test
    void standbyIsReadOnly() {
        // the facts a standby reports (no replica here): the same decision as for a live one
        Preflight.Facts standby = new Preflight.Facts(true, true, false, "soma", "app", true, true, true);
        MigratorException e = assertThrows(MigratorException.class, () -> Preflight.check(standby, "migrator", "public"));
        assertEquals(ExitCode.READ_ONLY, e.exitCode());
        assertEquals("database app is a read-only database (it is a standby, in recovery); point SA01_DB_DSN at the primary",
                e.getMessage());
    }

    @Test
    void lockTimeoutIsLeftToTheCaller() throws SQLException {
        try (Connection holder = db.connect(); Connection waiter = db.connect()) {
            holder.createStatement().execute("CREATE TABLE t (id int)");
            holder.setAutoCommit(false);
            holder.createStatement().execute("LOCK TABLE t IN ACCESS EXCLUSIVE MODE");
            waiter.createStatement().execute("SET lock_timeout = '50ms'");
            SQLException timeout = assertThrows(SQLException.class, () -> waiter.createStatement().execute("ALTER TABLE t ADD COLUMN x int"));
            assertTrue(Failures.isLockTimeout(timeout));
            assertEquals(ExitCode.LOCK_TIMEOUT, Failures.classify(timeout, WHAT, STATE).exitCode());
            holder.rollback();
        }
    }

    @Test
    void anyOtherErrorIsMigrationFailedWithStateAndWhereTheDatabaseIs() throws SQLException {
        try (Connection c = db.connect()) {
            SQLException bad = assertThrows(SQLException.class, () -> c.createStatement().execute("CREATE TABLE t (id nosuchtype)"));
            MigratorException e = Failures.classify(bad, WHAT, STATE);
            assertEquals(ExitCode.MIGRATION_FAILED, e.exitCode());
            assertEquals(WHAT + " failed: type \"nosuchtype\" does not exist (SQLSTATE 42704); " + STATE,
                    e.getMessage());
        }
    }

    @Test
    void longServerMessagesAreCut() throws SQLException {
        try (Connection c = db.connect()) {
            String name = "x".repeat(5000);
            SQLException bad = assertThrows(SQLException.class, () -> c.createStatement().execute("SELECT '" + name + "'::nosuchtype"));
            MigratorException e = Failures.classify(bad, WHAT, STATE);
            assertTrue(e.getMessage().length() < 600, e.getMessage());
            assertTrue(e.getMessage().endsWith(STATE), e.getMessage());
        }
    }

    private Connection asRoleWithoutPrivileges() throws SQLException {
        role = "sa01_t_role_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        try (Connection owner = db.connect()) {
            owner.createStatement().execute("CREATE ROLE " + role + " LOGIN PASSWORD 'pw'");
            // PostgreSQL 15 grants PUBLIC no CREATE on schema public; revoked for older servers too
            owner.createStatement().execute("REVOKE CREATE ON SCHEMA public FROM PUBLIC");
        }
        return asRole();
    }

    private Connection asRole() throws SQLException {
        return DriverManager.getConnection(db.jdbcUrl(), role, "pw");
    }

    /** The server's sentence, or pgjdbc's own message for an I/O failure, as Failures quotes it. */
    private static String firstLine(SQLException e) {
        String original = e instanceof org.postgresql.util.PSQLException p && p.getServerErrorMessage() != null
                ? p.getServerErrorMessage().getMessage() : e.getMessage();
        return original.strip().split("\\R")[0].replaceFirst("\\.$", "");
    }

    private static int intValue(Connection c, String sql) throws SQLException {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getInt(1);
        }
    }

    private static void waitUntilGone(Connection admin, int pid) throws Exception {
        for (int i = 0; i < 200; i++) {
            if (intValue(admin, "SELECT count(*) FROM pg_stat_activity WHERE pid = " + pid) == 0) return;
            Thread.sleep(10);
        }
        throw new AssertionError("backend " + pid + " still there");
    }
}
