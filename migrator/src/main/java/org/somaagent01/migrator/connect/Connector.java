package org.somaagent01.migrator.connect;

import java.net.ConnectException;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Objects;
import java.util.Properties;
import java.util.function.Consumer;
import org.somaagent01.migrator.ExitCode;
import org.somaagent01.migrator.MigratorException;

/**
 * Opens the migrator's single connection, riding out a database that is still starting (container start order)
 * with a few retries, and failing with a message that names host, port, database and user but never the password.
 * Authentication failures and a missing database are not retried: waiting cannot fix them.
 */
public final class Connector {
    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(10);
    public static final String APPLICATION_NAME = "sa01-migrator";

    /** Retry {@code retries} times, waiting {@code firstDelay}, then twice as long before each further retry. */
    public record Backoff(int retries, Duration firstDelay) {
        public static final Backoff DEFAULT = new Backoff(3, Duration.ofMillis(500));

        public Backoff {
            if (retries < 0) throw new IllegalArgumentException("retries < 0");
            if (firstDelay.isNegative()) throw new IllegalArgumentException("negative delay");
        }

        /** The wait before retry number {@code retry} (1-based). */
        public Duration delayBefore(int retry) {
            return firstDelay.multipliedBy(1L << (retry - 1));
        }
    }

    // Used directly rather than through DriverManager, which would scan the class path for every JDBC driver.
    private static final Driver DRIVER = new org.postgresql.Driver();

    private final Backoff backoff;
    private final Duration connectTimeout;
    private final Consumer<String> log;

    /**
     * @param connectTimeout bounds the TCP connect and, separately, the whole login handshake of each attempt
     * @param log            receives one line per retry
     */
    public Connector(Backoff backoff, Duration connectTimeout, Consumer<String> log) {
        this.backoff = Objects.requireNonNull(backoff);
        this.connectTimeout = Objects.requireNonNull(connectTimeout);
        this.log = Objects.requireNonNull(log);
    }

    public static Connector withDefaults(Consumer<String> log) {
        return new Connector(Backoff.DEFAULT, DEFAULT_CONNECT_TIMEOUT, log);
    }

    /**
     * @throws MigratorException {@link ExitCode#DB_UNREACHABLE} when the server stays unreachable after the
     *                           retries, rejects the login, or has no such database
     */
    public Connection connect(Dsn dsn) {
        Properties props = properties(dsn);
        String url = dsn.jdbcUrl();
        Secrets secrets = Secrets.of(dsn);
        for (int attempt = 0; ; attempt++) {
            try {
                return DRIVER.connect(url, props);
            } catch (SQLException e) {
                String reason = oneLine(secrets.mask(reason(e)));
                String state = e.getSQLState() == null ? "" : e.getSQLState();
                if (state.equals("28P01") || state.equals("28000")) {
                    throw new MigratorException(ExitCode.DB_UNREACHABLE, "PostgreSQL rejected the login at " + dsn.describe()
                            + ": " + reason + "; check the user and password in " + Dsn.ENV_VAR + " / --dsn", e);
                }
                if (state.equals("3D000")) {
                    throw new MigratorException(ExitCode.DB_UNREACHABLE, "the database does not exist at " + dsn.describe()
                            + ": " + reason + "; create it or fix the database name in " + Dsn.ENV_VAR + " / --dsn", e);
                }
                boolean retryable = isTransient(state);
                if (!retryable || attempt == backoff.retries()) {
                    throw new MigratorException(ExitCode.DB_UNREACHABLE, "cannot connect to PostgreSQL at " + dsn.describe()
                            + ": " + reason + "; " + (retryable ? "gave up after " + backoff.retries() + " retries; " : "")
                            + "check " + Dsn.ENV_VAR + " / --dsn and that the server is running", e);
                }
                Duration delay = backoff.delayBefore(attempt + 1);
                log.accept("database not reachable (" + dsn.describe() + "): " + reason + "; retry " + (attempt + 1)
                        + "/" + backoff.retries() + " in " + delay.toMillis() + " ms");
                sleep(delay);
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
     * Class 08 (connection exception) covers refused, unresolvable and timed-out connections (pgjdbc: 08001); 57P03 is "the
     * database system is starting up"; 53300 (too many connections) passes when replicas starting together settle.
     */
    private static boolean isTransient(String state) {
        return state.startsWith("08") || state.equals("57P03") || state.equals("53300");
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

    private static String oneLine(String s) {
        // without the final '.' the reason reads well before the "; retry …" or "; check …" that follows
        return s.strip().replaceAll("\\s*\\R\\s*", " ").replaceFirst("\\.$", "");
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
