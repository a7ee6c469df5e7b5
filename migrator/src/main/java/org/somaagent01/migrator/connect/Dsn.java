package org.somaagent01.migrator.connect;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.function.Consumer;
import org.somaagent01.migrator.ExitCode;
import org.somaagent01.migrator.MigratorException;

/**
 * Where and as whom to connect. {@code password} is empty when none was given; {@code params} are the remaining
 * query parameters in their original order (user, password and dbname given as query parameters are moved into
 * their components). Every rendering except {@link #password()} and {@link #jdbcProperties()} omits the password.
 */
public record Dsn(String host, int port, String database, String user, String password, Map<String, String> params) {
    public static final int DEFAULT_PORT = 5432;
    public static final String ENV_VAR = "SA01_DB_DSN";
    public static final Dsn DEFAULT = new Dsn("localhost", DEFAULT_PORT, "somaagent01", "soma", "soma", Map.of());

    public Dsn {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(database, "database");
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(password, "password");
        if (host.isEmpty()) throw new IllegalArgumentException("empty host");
        if (port < 1 || port > 65535) throw new IllegalArgumentException("port out of range: " + port);
        params = Collections.unmodifiableMap(new LinkedHashMap<>(params));
    }

    /**
     * Reads a libpq URI ({@code postgresql://}, {@code postgres://}), an SQLAlchemy URL ({@code postgresql+driver://})
     * or a pgjdbc URL ({@code jdbc:postgresql://host:port/db?user=…&password=…}). As in libpq, a missing port is
     * 5432, a missing user is the operating-system user and a missing database is named like the user.
     *
     * @throws MigratorException with {@link ExitCode#USAGE} and a one-line message that shows the input masked
     */
    public static Dsn parse(String text) {
        return DsnParser.parse(text, System.getProperty("user.name", "postgres"));
    }

    /**
     * The DSN to use: {@code flagValue} (--dsn) if given, else {@value #ENV_VAR} from {@code env}, else
     * {@link #DEFAULT} after one line to {@code warn}. An empty --dsn is a usage error; an empty variable counts as
     * unset, as compose files often leave it so.
     */
    public static Dsn fromEnvironment(String flagValue, Map<String, String> env, Consumer<String> warn) {
        if (flagValue != null) return parseFrom("--dsn", flagValue);
        String fromEnv = env.get(ENV_VAR);
        if (fromEnv != null && !fromEnv.isBlank()) return parseFrom(ENV_VAR, fromEnv);
        warn.accept("warning: " + ENV_VAR + " is " + (fromEnv == null ? "not set" : "empty") + " and no --dsn given; using "
                + DEFAULT.redacted());
        return DEFAULT;
    }

    private static Dsn parseFrom(String source, String text) {
        try {
            return parse(text);
        } catch (MigratorException e) {
            throw new MigratorException(e.exitCode(), source + ": " + e.getMessage());
        }
    }

    /** pgjdbc URL without credentials or parameters; pass {@link #jdbcProperties()} along with it. */
    public String jdbcUrl() {
        return "jdbc:postgresql://" + hostPort() + "/" + PercentCodec.encode(database);
    }

    /** user, password (if any) and the query parameters under pgjdbc's names. A new object on every call. */
    public Properties jdbcProperties() {
        Properties p = new Properties();
        PgjdbcParams.putAll(params, p);
        p.setProperty("user", user);
        if (!password.isEmpty()) p.setProperty("password", password);
        return p;
    }

    /** {@code postgresql://user:***@host:port/db?params}: a valid libpq URI with the password replaced. */
    public String redacted() {
        StringBuilder s = new StringBuilder("postgresql://").append(PercentCodec.encode(user));
        if (!password.isEmpty()) s.append(':').append(Secrets.MASK);
        s.append('@').append(hostPort()).append('/').append(PercentCodec.encode(database));
        char sep = '?';
        for (Map.Entry<String, String> e : params.entrySet()) {
            s.append(sep).append(PercentCodec.encode(e.getKey())).append('=').append(PercentCodec.encode(e.getValue()));
            sep = '&';
        }
        return s.toString();
    }

    /**
     * For error messages: {@code host H port P database D user U}, each name cut to {@value #DESCRIBED_NAME} characters
     * so that a runaway DSN (a 100 kB database name) does not turn every message into a wall of text.
     */
    public String describe() {
        return "host " + Lines.cut(host, DESCRIBED_NAME) + " port " + port + " database " + Lines.cut(database, DESCRIBED_NAME)
                + " user " + Lines.cut(user, DESCRIBED_NAME);
    }

    static final int DESCRIBED_NAME = 80;

    @Override
    public String toString() {
        return redacted();
    }

    private String hostPort() {
        return (host.indexOf(':') >= 0 ? "[" + host + "]" : host) + ":" + port;
    }
}
