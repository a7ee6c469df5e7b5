package org.somaagent01.migrator.connect;

import java.io.FileNotFoundException;
import java.net.ConnectException;
import java.security.GeneralSecurityException;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Objects;
import java.util.Properties;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.random.RandomGenerator;
import javax.net.ssl.SSLPeerUnverifiedException;
import org.somaagent01.migrator.ExitCode;
import org.somaagent01.migrator.MigratorException;

/**
 * Opens the migrator's single connection, riding out a database that is still starting (container start order)
 * with a few retries, and failing with a message that names host, port, database and user but never the password.
 * Only transient failures are retried: a rejected login, a missing database and settings the driver or server
 * refuse (sslmode, SSL required but not offered, bad parameter values) fail at once, since waiting cannot fix them.
 */
public final class Connector {
    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(30);
    public static final String APPLICATION_NAME = "sa01-migrator";

    /**
     * Retry {@code retries} times; the n-th wait is drawn between half and all of {@code firstDelay}·2<sup>n-1</sup>
     * (capped at {@link #MAX_DELAY}). The random half keeps replicas that start together from retrying in lock-step
     * (each retry wave would hit the server at the same instant); the fixed half keeps the waits growing.
     */
    public record Backoff(int retries, Duration firstDelay) {
        public static final Backoff DEFAULT = new Backoff(5, Duration.ofMillis(500));
        public static final Duration MAX_DELAY = Duration.ofSeconds(30);

        public Backoff {
            if (retries < 0) throw new IllegalArgumentException("retries < 0");
            if (firstDelay.isNegative()) throw new IllegalArgumentException("negative delay");
        }

        /** The longest wait before retry number {@code retry} (1-based). */
        public Duration delayBefore(int retry) {
            if (retry < 1) throw new IllegalArgumentException("retry < 1");
            Duration d = retry > 31 ? MAX_DELAY : firstDelay.multipliedBy(1L << (retry - 1));
            return d.compareTo(MAX_DELAY) > 0 ? MAX_DELAY : d;
        }

        /** The wait before retry number {@code retry}: between half of {@link #delayBefore(int)} and all of it. */
        public Duration delayBefore(int retry, RandomGenerator random) {
            long max = delayBefore(retry).toMillis();
            long half = max / 2;
            return Duration.ofMillis(half + (max - half == 0 ? 0 : random.nextLong(max - half + 1)));
        }
    }

    /** What a failed attempt means for the next one. */
    enum Failure { LOGIN_REJECTED, NO_DATABASE, CONFIGURATION, TRANSIENT, OTHER }

    // Used directly rather than through DriverManager, which would scan the class path for every JDBC driver.
    private static final Driver DRIVER = new org.postgresql.Driver();
    // pgjdbc logs through java.util.logging to stderr, bypassing the password mask and the line bound (a stack
    // trace for every broken login); its failures reach us as exceptions anyway. Held here: JUL keeps loggers weakly.
    private static final Logger PGJDBC_LOG = Logger.getLogger("org.postgresql");

    static {
        PGJDBC_LOG.setLevel(Level.OFF);
    }

    private final Backoff backoff;
    private final Duration connectTimeout;
    private final Consumer<String> log;
    private final RandomGenerator random;

    /**
     * @param connectTimeout bounds the TCP connect and, separately, the whole login handshake of each attempt
     * @param log            receives one line per retry, and warnings about ignored parameters
     */
    public Connector(Backoff backoff, Duration connectTimeout, Consumer<String> log) {
        this(backoff, connectTimeout, log, ThreadLocalRandom.current());
    }

    Connector(Backoff backoff, Duration connectTimeout, Consumer<String> log, RandomGenerator random) {
        this.backoff = Objects.requireNonNull(backoff);
        this.connectTimeout = Objects.requireNonNull(connectTimeout);
        this.log = Objects.requireNonNull(log);
        this.random = Objects.requireNonNull(random);
    }

    public static Connector withDefaults(Consumer<String> log) {
        return new Connector(Backoff.DEFAULT, DEFAULT_CONNECT_TIMEOUT, log);
    }

    /**
     * @throws MigratorException {@link ExitCode#CONFIGURATION} when the settings are refused (not retried);
     *                           {@link ExitCode#DB_UNREACHABLE} when the server stays unreachable after the
     *                           retries, rejects the login, or has no such database
     */
    public Connection connect(Dsn dsn) {
        Properties props = properties(dsn);
        ConnectSettings.check(dsn, props, log);
        String url = dsn.jdbcUrl();
        Secrets secrets = Secrets.of(dsn);
        long start = System.nanoTime();
        for (int attempt = 0; ; attempt++) {
            try {
                return DRIVER.connect(url, props);
            } catch (SQLException e) {
                // masked before it is cut: a password cut in two would no longer be recognised
                String reason = Lines.quote(secrets.mask(reason(e)), 300);
                String at = dsn.describe();
                String state = e.getSQLState() == null ? "?" : e.getSQLState();
                switch (classify(e)) {
                    case LOGIN_REJECTED -> throw new MigratorException(ExitCode.DB_UNREACHABLE, "PostgreSQL rejected the login at "
                            + at + ": " + reason + "; check the user and password in " + Dsn.ENV_VAR + " / --dsn", e);
                    case NO_DATABASE -> throw new MigratorException(ExitCode.DB_UNREACHABLE, "the database does not exist at "
                            + at + ": " + reason + "; create it or fix the database name in " + Dsn.ENV_VAR + " / --dsn", e);
                    case CONFIGURATION -> throw new MigratorException(ExitCode.CONFIGURATION, "PostgreSQL or its driver "
                            + "refused the connection settings at " + at + ": " + reason + " (SQLSTATE " + state + "); "
                            + advice(e) + " in " + Dsn.ENV_VAR + " / --dsn; retrying would not help", e);
                    case OTHER -> throw new MigratorException(ExitCode.DB_UNREACHABLE, "cannot connect to PostgreSQL at " + at
                            + ": " + reason + " (SQLSTATE " + state + "); check " + Dsn.ENV_VAR + " / --dsn", e);
                    case TRANSIENT -> {
                        if (attempt == backoff.retries()) {
                            long seconds = (System.nanoTime() - start) / 1_000_000_000L;
                            throw new MigratorException(ExitCode.DB_UNREACHABLE, "cannot connect to PostgreSQL at " + at
                                    + ": " + reason + "; gave up after " + backoff.retries() + " retries (" + seconds
                                    + " s); check " + Dsn.ENV_VAR + " / --dsn and that the server is running", e);
                        }
                        Duration delay = backoff.delayBefore(attempt + 1, random);
                        log.accept("database not reachable (" + at + "): " + reason + "; retry " + (attempt + 1)
                                + "/" + backoff.retries() + " in " + delay.toMillis() + " ms");
                        sleep(delay);
                    }
                }
            }
        }
    }

    private Properties properties(Dsn dsn) {
        Properties p = dsn.jdbcProperties();
        // pgjdbc takes whole seconds; round up so a sub-second setting does not mean "no timeout" (0)
        String seconds = String.valueOf(Math.max(1, (connectTimeout.toMillis() + 999) / 1000));
        p.putIfAbsent("connectTimeout", seconds);
        p.putIfAbsent("loginTimeout", seconds);
        p.putIfAbsent("ApplicationName", APPLICATION_NAME);
        return p;
    }

    /**
     * By SQLSTATE, and by cause where pgjdbc uses one state for both kinds. Class 08 (connection exception) covers
     * refused, unresolvable and timed-out connections (pgjdbc: 08001), except 08004, pgjdbc's "server rejected the
     * connection" (no SSL where sslmode requires it, channel binding required without SSL). 57P03 is "the database
     * system is starting up", 57P01/57P02 a server shutting down or restarting; 53300 (too many connections) passes
     * when replicas starting together settle. 22023 and 42704 are parameter values the driver or the server (for
     * options=-c …) rejects.
     */
    static Failure classify(SQLException e) {
        String state = e.getSQLState() == null ? "" : e.getSQLState();
        switch (state) {
            case "28P01", "28000" -> { return Failure.LOGIN_REJECTED; }
            case "3D000" -> { return Failure.NO_DATABASE; }
            case "08004", "22023", "42704", "22P02", "0A000" -> { return Failure.CONFIGURATION; }
            default -> { }
        }
        if (hasCause(e, GeneralSecurityException.class) || hasCause(e, SSLPeerUnverifiedException.class)
                || hasCause(e, FileNotFoundException.class)) {
            // a certificate that does not verify, or an sslrootcert/sslcert file that is not there
            return Failure.CONFIGURATION;
        }
        if (state.startsWith("08") || state.equals("57P01") || state.equals("57P02") || state.equals("57P03")
                || state.equals("53300")) {
            return Failure.TRANSIENT;
        }
        return Failure.OTHER;
    }

    private static String advice(SQLException e) {
        String state = e.getSQLState() == null ? "" : e.getSQLState();
        if (state.equals("08004") || hasCause(e, GeneralSecurityException.class)
                || hasCause(e, SSLPeerUnverifiedException.class) || hasCause(e, FileNotFoundException.class)) {
            return "check sslmode (and sslrootcert, sslcert) against the server's SSL setup";
        }
        return "fix the parameter named above";
    }

    static boolean hasCause(Throwable t, Class<? extends Throwable> type) {
        Throwable c = t.getCause();
        for (int depth = 0; c != null && depth < 20; depth++, c = c.getCause()) {
            if (type.isInstance(c)) return true;
        }
        return false;
    }

    private static String reason(SQLException e) {
        String message = String.valueOf(e.getMessage());
        Throwable cause = e.getCause();
        // pgjdbc's "The connection attempt failed." hides the useful part (e.g. an unknown host) in the cause;
        // a refused connection already says so in the message
        if (cause != null && cause.getMessage() != null && !(cause instanceof ConnectException)
                && !message.contains(cause.getMessage())) {
            message += " (" + cause.getClass().getSimpleName() + ": " + cause.getMessage() + ")";
        }
        return message;
    }

    private static void sleep(Duration delay) {
        try {
            Thread.sleep(delay.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new MigratorException(ExitCode.DB_UNREACHABLE, "interrupted while waiting to retry the connection", e);
        }
    }
}
