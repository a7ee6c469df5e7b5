package org.somaagent01.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.zaxxer.hikari.HikariConfig;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.somaagent01.testdb.TestDatabase;
import org.somaagent01.testdb.TestServer;

/** Connecting: the pool gets what the DSN says, a failure is one line, and the password shows nowhere. */
class SomaDatabaseConnectTest {
    private static final String SECRET = "§Wr0ng-p@ss w/ord§";

    @Test
    void thePoolConnectsWhereTheDsnSaysWithTheDefaults() {
        PgDsn dsn = PgDsn.parse("postgresql+asyncpg://app:pw@db.internal:6543/soma?sslmode=require&application_name=worker");
        HikariConfig c = SomaDatabase.poolConfig(dsn, PoolSettings.DEFAULTS);
        MaskingDriverDataSource source = (MaskingDriverDataSource) c.getDataSource();
        assertEquals(dsn.jdbcUrl(), source.url());
        assertEquals("jdbc:postgresql://db.internal:6543/soma", source.url());
        assertEquals(Map.of("sslmode", "require", "ApplicationName", "worker", "reWriteBatchedInserts", "true"),
                Map.copyOf(source.settings()));
        assertEquals(10, c.getMaximumPoolSize());
        assertEquals(10_000, c.getConnectionTimeout());

        HikariConfig plain = SomaDatabase.poolConfig(PgDsn.parse("postgresql://u@h/d"), PoolSettings.DEFAULTS.withMaximumPoolSize(3));
        assertEquals("somaagent01", ((MaskingDriverDataSource) plain.getDataSource()).settings().getProperty("ApplicationName"));
        assertEquals(3, plain.getMaximumPoolSize());
    }

    @Test
    void connectsAndSetsApplicationNameAndBatchRewriting() {
        try (TestDatabase tdb = TestServer.get().createDatabase(); SomaDatabase db = SomaDatabase.connect(tdb.uri())) {
            String name = db.readOnly(tx -> scalar(tx, "SELECT current_setting('application_name')"));
            assertEquals("somaagent01", name);
            String isolation = db.readOnly(tx -> scalar(tx, "SHOW transaction_isolation"));
            assertEquals("read committed", isolation);
        }
    }

    @Test
    void anUnsetOrEmptyVariableMeansTheMigratorsDefault() {
        assertEquals(PgDsn.DEFAULT, SomaDatabase.dsnFrom(Map.of()));
        assertEquals(PgDsn.DEFAULT, SomaDatabase.dsnFrom(Map.of(PgDsn.ENV_VAR, " ")));
        assertEquals(PgDsn.parse("postgres://a:b@h:1/d"), SomaDatabase.dsnFrom(Map.of(PgDsn.ENV_VAR, "postgres://a:b@h:1/d")));
        assertEquals(new PgDsn("localhost", 5432, "somaagent01", "soma", "soma", Map.of()), PgDsn.DEFAULT);
    }

    @Test
    void aConnectionFailureNamesTheDatabaseInOneLine() {
        DatabaseException e = assertThrows(DatabaseException.class, () -> SomaDatabase.connect(
                PgDsn.parse("postgresql://u:pw@127.0.0.1:1/appdb"), PoolSettings.DEFAULTS.withConnectionTimeout(java.time.Duration.ofMillis(250))));
        assertTrue(e.getMessage().startsWith("cannot connect to postgresql://u:***@127.0.0.1:1/appdb: "), e.getMessage());
        assertTrue(e.getMessage().endsWith("and that the server is up"), e.getMessage());
        assertEquals("08001", e.sqlState());
    }

    @Test
    void aBadVariableSaysSo() {
        InvalidDsnException e = assertThrows(InvalidDsnException.class,
                () -> SomaDatabase.connect(Map.of(PgDsn.ENV_VAR, "mysql://u:" + SECRET + "@h/db"), PoolSettings.DEFAULTS));
        assertTrue(e.getMessage().startsWith(PgDsn.ENV_VAR + ": invalid DSN"), e.getMessage());
        assertFalse(e.getMessage().contains(SECRET), e.getMessage());
    }

    @Test
    void aWrongPasswordIsOneLineWithoutThePasswordInMessagesOrLogs() {
        ListAppender<ILoggingEvent> log = capture();
        try (TestDatabase tdb = TestServer.get().createDatabase()) {
            TestServer s = TestServer.get();
            String dsn = "postgresql://" + DsnForms.enc(s.user()) + ":" + DsnForms.enc(SECRET) + "@" + s.host() + ":" + s.port()
                    + "/" + tdb.name();
            DatabaseException e = assertThrows(DatabaseException.class, () -> SomaDatabase.connect(dsn));
            assertTrue(e.getMessage().startsWith("cannot connect to postgresql://"), e.getMessage());
            assertTrue(e.getMessage().contains("password authentication failed"), e.getMessage());
            assertFalse(e.getMessage().contains("\n"), e.getMessage());
            assertNoSecret(e, log);

            // a server message that quotes the secret (here as part of a database name) is masked, and the cause dropped
            String quoting = "postgresql://" + DsnForms.enc(s.user()) + ":" + DsnForms.enc(SECRET) + "@" + s.host() + ":"
                    + s.port() + "/" + DsnForms.enc("no_db_" + SECRET);
            DatabaseException q = assertThrows(DatabaseException.class, () -> SomaDatabase.connect(quoting));
            assertNoSecret(q, log);
        } finally {
            release(log);
        }
    }

    @Test
    void aFailingStatementIsAnUncheckedExceptionWithItsSqlState() {
        try (TestDatabase tdb = TestServer.get().createDatabase(); SomaDatabase db = SomaDatabase.connect(tdb.uri())) {
            DatabaseException e = assertThrows(DatabaseException.class, () -> db.inTx(tx -> tx.exec("SELECT * FROM no_such_table")));
            assertEquals("42P01", e.sqlState());
            assertTrue(e.getMessage().contains("no_such_table"), e.getMessage());
            DatabaseException ro = assertThrows(DatabaseException.class, () -> db.readOnly(tx -> {
                tx.exec("CREATE TABLE t (x int)");
                return null;
            }));
            assertEquals("25006", ro.sqlState());
        }
    }

    private static String scalar(Tx tx, String sql) {
        try (var st = tx.jdbc().createStatement(); var rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void assertNoSecret(Throwable e, ListAppender<ILoggingEvent> log) {
        StringWriter trace = new StringWriter();
        e.printStackTrace(new PrintWriter(trace));
        for (String text : List.of(trace.toString(), String.join("\n", log.list.stream().map(ILoggingEvent::getFormattedMessage).toList()))) {
            assertFalse(text.contains(SECRET), text);
            assertFalse(text.contains(DsnForms.enc(SECRET)), text);
            assertEquals(text, Secrets.of(SECRET).mask(text));
        }
        for (ILoggingEvent ev : log.list) {
            if (ev.getThrowableProxy() != null) assertFalse(ev.getThrowableProxy().getMessage() != null
                    && ev.getThrowableProxy().getMessage().contains(SECRET));
        }
    }

    /** Everything at DEBUG from the pool, the driver, Exposed and us, for the duration of one test. */
    private static ListAppender<ILoggingEvent> capture() {
        LoggerContext ctx = (LoggerContext) LoggerFactory.getILoggerFactory();
        ListAppender<ILoggingEvent> appender = new ListAppender<>();
        appender.setContext(ctx);
        appender.start();
        for (String name : List.of("com.zaxxer.hikari", "org.postgresql", "Exposed", "org.jetbrains.exposed", "org.somaagent01")) {
            Logger l = ctx.getLogger(name);
            l.setLevel(Level.DEBUG);
            l.setAdditive(false);
            l.addAppender(appender);
        }
        return appender;
    }

    private static void release(ListAppender<ILoggingEvent> appender) {
        LoggerContext ctx = (LoggerContext) LoggerFactory.getILoggerFactory();
        for (String name : List.of("com.zaxxer.hikari", "org.postgresql", "Exposed", "org.jetbrains.exposed", "org.somaagent01")) {
            Logger l = ctx.getLogger(name);
            l.detachAppender(appender);
            l.setLevel(null);
            l.setAdditive(true);
        }
    }
}
