package org.somaagent01.migrator.connect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.somaagent01.migrator.ExitCode;
import org.somaagent01.migrator.MigratorException;
import org.somaagent01.testdb.TestDatabase;
import org.somaagent01.testdb.TestServer;

/** Against the real test server (SA01_TEST_DSN). Delays are tiny; only their logged values are asserted. */
class ConnectorTest {
    private static final Pattern RETRY_LINE = Pattern.compile(
            "database not reachable \\(host 127\\.0\\.0\\.1 port \\d+ database \\w+ user \\w+\\): .+; retry (\\d)/3 in (\\d+) ms");

    private final List<String> log = new CopyOnWriteArrayList<>();
    private TestDatabase db;

    @BeforeEach
    void createDatabase() {
        db = TestServer.get().createDatabase();
    }

    @AfterEach
    void dropDatabase() {
        db.close();
    }

    private Connector connector() {
        return new Connector(new Connector.Backoff(3, Duration.ofMillis(5)), Duration.ofSeconds(5), log::add);
    }

    @Test
    void connectsThroughEveryFormOfTheTestDatabaseDsn() throws SQLException {
        Dsn dsn = Dsn.parse(db.uri());
        String jdbcForm = db.jdbcUrl() + "?user=" + DsnPropertiesTest.enc(db.user())
                + "&password=" + DsnPropertiesTest.enc(db.password());
        String asyncpgForm = db.uri().replace("postgresql://", "postgresql+asyncpg://");
        for (Dsn each : List.of(dsn, Dsn.parse(jdbcForm), Dsn.parse(asyncpgForm))) {
            try (Connection c = connector().connect(each)) {
                assertEquals(List.of(db.name(), db.user(), Connector.APPLICATION_NAME),
                        row(c, "SELECT current_database(), current_user, current_setting('application_name')"));
            }
        }
        assertEquals(List.of(), log);
    }

    @Test
    void applicationNameFromTheDsnWins() throws SQLException {
        try (Connection c = connector().connect(Dsn.parse(db.uri() + "?application_name=mine"))) {
            assertEquals(List.of("mine"), row(c, "SELECT current_setting('application_name')"));
        }
    }

    @Test
    void sessionTimeoutsApply() throws SQLException {
        try (Connection c = connector().connect(Dsn.parse(db.uri()))) {
            SessionTimeouts.apply(c, Duration.ofMillis(1500), Duration.ofMillis(250));
            assertEquals(List.of("1500ms", "250ms"), row(c, "SELECT current_setting('statement_timeout'), current_setting('lock_timeout')"));
            SessionTimeouts.apply(c, Duration.ZERO, Duration.ofNanos(1));
            assertEquals(List.of("0", "1ms"), row(c, "SELECT current_setting('statement_timeout'), current_setting('lock_timeout')"));
        }
    }

    @Test
    void wrongPasswordFailsAtOnceWithoutShowingIt() {
        String wrong = "Wr0ng§" + UUID.randomUUID();
        Dsn dsn = new Dsn(TestServer.get().host(), TestServer.get().port(), db.name(), db.user(), wrong, Map.of());
        MigratorException e = assertThrows(MigratorException.class, () -> connector().connect(dsn));
        assertEquals(ExitCode.DB_UNREACHABLE, e.exitCode());
        assertEquals(5, e.exitCode().code);
        assertTrue(e.getMessage().startsWith("PostgreSQL rejected the login at " + dsn.describe() + ": "), e.getMessage());
        assertTrue(e.getMessage().endsWith("check the user and password in SA01_DB_DSN / --dsn"), e.getMessage());
        DsnPropertiesTest.assertNoPassword(e.getMessage(), wrong);
        assertEquals(List.of(), log, "no retries for a rejected login");
    }

    /** The command line's PBKDF2 (installed by LoginWarmup) derives the key a SCRAM login proves: right in, wrong out. */
    @Test
    void aScramLoginThroughTheCommandLinesKeyProvider() throws Exception {
        ScramKeyProvider.install();
        assertEquals(ScramKeyProvider.NAME, javax.crypto.SecretKeyFactory.getInstance(ScramKeyProvider.ALGORITHM)
                .getProvider().getName());
        try (Connection c = connector().connect(Dsn.parse(db.uri()));
             Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT current_setting('password_encryption')")) {
            rs.next();
            assertEquals("scram-sha-256", rs.getString(1), "the test server's passwords are SCRAM verifiers");
        }
        Dsn wrong = new Dsn(TestServer.get().host(), TestServer.get().port(), db.name(), db.user(), "not-it", Map.of());
        assertEquals(ExitCode.DB_UNREACHABLE,
                assertThrows(MigratorException.class, () -> connector().connect(wrong)).exitCode());
    }

    @Test
    void missingDatabaseFailsAtOnce() {
        Dsn dsn = new Dsn(TestServer.get().host(), TestServer.get().port(), "sa01_t_does_not_exist", db.user(),
                db.password(), Map.of());
        MigratorException e = assertThrows(MigratorException.class, () -> connector().connect(dsn));
        assertEquals(ExitCode.DB_UNREACHABLE, e.exitCode());
        assertTrue(e.getMessage().startsWith("the database does not exist at " + dsn.describe()), e.getMessage());
        assertEquals(List.of(), log, "no retries for a missing database");
    }

    @Test
    void unreachablePortIsRetriedWithGrowingDelaysThenFails() {
        String password = "Cl0sed§" + UUID.randomUUID();
        Dsn dsn = new Dsn("127.0.0.1", closedPort(), "somedb", "someone", password, Map.of());
        MigratorException e = assertThrows(MigratorException.class, () -> connector().connect(dsn));

        assertEquals(ExitCode.DB_UNREACHABLE, e.exitCode());
        assertTrue(e.getMessage().startsWith("cannot connect to PostgreSQL at " + dsn.describe() + ": "), e.getMessage());
        assertTrue(e.getMessage().contains("gave up after 3 retries"), e.getMessage());
        assertFalse(e.getMessage().contains("\n"), e.getMessage());
        DsnPropertiesTest.assertNoPassword(e.getMessage(), password);
        log.forEach(line -> DsnPropertiesTest.assertNoPassword(line, password));

        assertEquals(3, log.size(), () -> String.join("\n", log));
        for (int i = 0; i < 3; i++) {
            Matcher m = RETRY_LINE.matcher(log.get(i));
            assertTrue(m.matches(), log.get(i));
            assertEquals(i + 1, Integer.parseInt(m.group(1)));
            // between half and all of 5 ms · 2^i: growing, with a random part (see BackoffProperties)
            long delay = Long.parseLong(m.group(2));
            long max = 5L << i;
            assertTrue(delay >= max / 2 && delay <= max, log.get(i));
        }
    }

    @Test
    void databaseComingUpDuringTheRetriesIsReached() throws Exception {
        int port = closedPort();
        TestServer server = TestServer.get();
        Dsn dsn = new Dsn("127.0.0.1", port, db.name(), db.user(), db.password(), Map.of());
        TcpProxy[] proxy = new TcpProxy[1];
        // the "server" comes up while the connector waits after its first failed attempt
        Connector connector = new Connector(new Connector.Backoff(3, Duration.ofMillis(5)), Duration.ofSeconds(5), line -> {
            log.add(line);
            if (proxy[0] == null) {
                try {
                    proxy[0] = new TcpProxy(port, server.host(), server.port());
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        });
        try (Connection c = connector.connect(dsn)) {
            assertEquals(List.of(db.name()), row(c, "SELECT current_database()"));
        } finally {
            if (proxy[0] != null) proxy[0].close();
        }
        assertNotNull(proxy[0]);
        assertEquals(1, log.size(), () -> String.join("\n", log));
        assertTrue(RETRY_LINE.matcher(log.get(0)).matches(), log.get(0));
    }

    @Test
    void startingUpServerIs57P03AndIsRetried() throws Exception {
        int port = closedPort();
        TestServer server = TestServer.get();
        Dsn dsn = new Dsn("127.0.0.1", port, db.name(), db.user(), db.password(), Map.of());
        TcpProxy[] proxy = new TcpProxy[1];
        StartingUpServer starting = new StartingUpServer(port);
        Connector connector = new Connector(new Connector.Backoff(3, Duration.ofMillis(5)), Duration.ofSeconds(5), line -> {
            log.add(line);
            starting.close(); // it may not have released the port yet
            try {
                proxy[0] = new TcpProxy(port, server.host(), server.port());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        try (starting; Connection c = connector.connect(dsn)) {
            assertEquals(List.of(db.name()), row(c, "SELECT current_database()"));
        } finally {
            if (proxy[0] != null) proxy[0].close();
        }
        assertEquals(1, log.size(), () -> String.join("\n", log));
        assertTrue(RETRY_LINE.matcher(log.get(0)).matches(), log.get(0));
        assertTrue(log.get(0).contains("the database system is starting up"), log.get(0));
    }

    @Test
    void bogusSslmodeIsAConfigurationErrorNotRetried() {
        Dsn dsn = Dsn.parse(db.uri() + "?sslmode=bogus");
        long start = System.nanoTime();
        MigratorException e = assertThrows(MigratorException.class, () -> connector().connect(dsn));
        assertEquals(ExitCode.CONFIGURATION, e.exitCode());
        assertEquals(14, e.exitCode().code);
        assertTrue(e.getMessage().startsWith("connection parameter sslmode has the value \"bogus\""), e.getMessage());
        assertTrue(e.getMessage().contains("disable, allow, prefer, require, verify-ca, verify-full"), e.getMessage());
        assertEquals(List.of(), log, "not retried");
        assertTrue(System.nanoTime() - start < 2_000_000_000L, "fast");
    }

    @Test
    void bogusTargetSessionAttrsIsAConfigurationError() {
        MigratorException e = assertThrows(MigratorException.class,
                () -> connector().connect(Dsn.parse(db.uri() + "?target_session_attrs=primary-please")));
        assertEquals(ExitCode.CONFIGURATION, e.exitCode());
        assertTrue(e.getMessage().contains("target_session_attrs/targetServerType"), e.getMessage());
        assertEquals(List.of(), log);
    }

    @Test
    void sslmodeUppercaseIsAcceptedAsPgjdbcDoes() throws SQLException {
        try (Connection c = connector().connect(Dsn.parse(db.uri() + "?sslmode=DISABLE"))) {
            assertEquals(List.of(db.name()), row(c, "SELECT current_database()"));
        }
    }

    @Test
    void sslRequiredAgainstAServerWithoutSslIsAConfigurationErrorNotRetried() throws SQLException {
        TestServer plain = NonSslServer.get();
        Dsn dsn = new Dsn(plain.host(), plain.port(), "postgres", plain.user(), plain.password(), Map.of("sslmode", "require"));
        MigratorException e = assertThrows(MigratorException.class, () -> connector().connect(dsn));
        assertEquals(ExitCode.CONFIGURATION, e.exitCode());
        assertTrue(e.getMessage().contains("The server does not support SSL (SQLSTATE 08004)"), e.getMessage());
        assertTrue(e.getMessage().contains("check sslmode"), e.getMessage());
        assertFalse(e.getMessage().contains("server is running"), e.getMessage());
        assertEquals(List.of(), log, "not retried");
    }

    @Test
    void hugeDatabaseNameIsRefusedBeforeConnectingWithABoundedMessage() {
        String name = "x".repeat(100_000);
        Dsn dsn = Dsn.parse(db.uri().substring(0, db.uri().lastIndexOf('/') + 1) + name);
        long start = System.nanoTime();
        MigratorException e = assertThrows(MigratorException.class, () -> connector().connect(dsn));
        assertEquals(ExitCode.CONFIGURATION, e.exitCode());
        assertTrue(e.getMessage().length() < 400, e.getMessage());
        assertTrue(e.getMessage().contains("database name"), e.getMessage());
        assertTrue(e.getMessage().contains("100000 bytes"), e.getMessage());
        assertEquals(List.of(), log, "not retried");
        assertTrue(System.nanoTime() - start < 2_000_000_000L, "fast");
    }

    @Test
    void hugeOptionsThatTheServerWouldDropSilentlyAreAConfigurationError() {
        Dsn dsn = Dsn.parse(db.uri() + "?options=" + PercentCodec.encode("-c application_name=" + "a".repeat(20_000)));
        MigratorException e = assertThrows(MigratorException.class, () -> connector().connect(dsn));
        assertEquals(ExitCode.CONFIGURATION, e.exitCode());
        assertTrue(e.getMessage().contains("shorten options"), e.getMessage());
        assertTrue(e.getMessage().length() < 400, e.getMessage());
        assertEquals(List.of(), log);
    }

    @Test
    void parameterValuesTheDriverOrServerRejectAreConfigurationErrors() {
        for (String query : List.of("?connectTimeout=soon", "?options=" + PercentCodec.encode("-c statement_timeout=abc"),
                "?options=" + PercentCodec.encode("-c no_such_setting=1"))) {
            MigratorException e = assertThrows(MigratorException.class, () -> connector().connect(Dsn.parse(db.uri() + query)));
            assertEquals(ExitCode.CONFIGURATION, e.exitCode(), query + ": " + e.getMessage());
            assertTrue(e.getMessage().contains("retrying would not help"), e.getMessage());
        }
        assertEquals(List.of(), log, "not retried");
    }

    @Test
    void unknownParameterIsConnectedWithAWarning() throws SQLException {
        try (Connection c = connector().connect(Dsn.parse(db.uri() + "?sslmdoe=require"))) {
            assertEquals(List.of(db.name()), row(c, "SELECT current_database()"));
        }
        assertEquals(1, log.size(), () -> String.join("\n", log));
        assertTrue(log.get(0).startsWith("warning: connection parameter sslmdoe is unknown"), log.get(0));
    }

    @Test
    void unknownHostIsTransientAndRetried() {
        Dsn dsn = new Dsn("no-such-host.invalid", 5432, "somedb", "someone", "", Map.of());
        MigratorException e = assertThrows(MigratorException.class,
                () -> new Connector(new Connector.Backoff(2, Duration.ofMillis(5)), Duration.ofSeconds(5), log::add).connect(dsn));
        assertEquals(ExitCode.DB_UNREACHABLE, e.exitCode());
        assertTrue(e.getMessage().contains("UnknownHostException"), e.getMessage());
        assertTrue(e.getMessage().contains("gave up after 2 retries"), e.getMessage());
        assertEquals(2, log.size(), () -> String.join("\n", log));
    }

    @Test
    void aServerThatAcceptsButNeverAnswersTimesOutAndIsRetried() throws Exception {
        try (ServerSocket silent = new ServerSocket(0, 10, InetAddress.getLoopbackAddress())) {
            Thread acceptor = new Thread(() -> {
                List<java.net.Socket> held = new java.util.ArrayList<>();
                try {
                    while (true) held.add(silent.accept()); // accepted, never read nor answered
                } catch (IOException closed) {
                    held.forEach(h -> { try { h.close(); } catch (IOException ignored) { } });
                }
            });
            acceptor.setDaemon(true);
            acceptor.start();
            Dsn dsn = new Dsn("127.0.0.1", silent.getLocalPort(), "somedb", "someone", "secret", Map.of());
            long start = System.nanoTime();
            MigratorException e = assertThrows(MigratorException.class,
                    () -> new Connector(new Connector.Backoff(1, Duration.ofMillis(5)), Duration.ofSeconds(1), log::add)
                            .connect(dsn));
            long seconds = (System.nanoTime() - start) / 1_000_000_000L;
            assertEquals(ExitCode.DB_UNREACHABLE, e.exitCode());
            assertTrue(e.getMessage().contains("gave up after 1 retries"), e.getMessage());
            assertEquals(1, log.size(), () -> String.join("\n", log));
            assertTrue(seconds < 10, "two attempts of a 1 s login bound took " + seconds + " s");
        }
    }

    @Test
    void theLoginBoundIsNotLeftOnTheConnection() throws SQLException {
        Dsn plain = new Dsn(TestServer.get().host(), TestServer.get().port(), db.name(), db.user(), db.password(), Map.of());
        try (Connection c = connector().connect(plain)) {
            assertEquals(0, c.getNetworkTimeout(), "a long statement must not hit the login's bound");
        }
        Dsn own = new Dsn(TestServer.get().host(), TestServer.get().port(), db.name(), db.user(), db.password(),
                Map.of("socketTimeout", "7"));
        try (Connection c = connector().connect(own)) {
            assertEquals(7000, c.getNetworkTimeout(), "the DSN's own socketTimeout stays");
        }
    }

    /** A loopback port nobody listens on: bound and released, and ephemeral ports are not reused right away. */
    private static int closedPort() {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> row(Connection c, String sql) throws SQLException {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            assertTrue(rs.next());
            int n = rs.getMetaData().getColumnCount();
            String[] values = new String[n];
            for (int i = 0; i < n; i++) values[i] = rs.getString(i + 1);
            return List.of(values);
        }
    }
}
