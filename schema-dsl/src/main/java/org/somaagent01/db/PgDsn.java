package org.somaagent01.db;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;

/**
 * Where and as whom to connect, read from a DSN by the one parser the migrator and applications share.
 * {@code password} is empty when none was given; {@code params} are the remaining query parameters in their original
 * order (user, password and dbname given as query parameters are moved into their components). Every rendering
 * except {@link #password()} and {@link #jdbcProperties()} omits the password.
 */
public record PgDsn(String host, int port, String database, String user, String password, Map<String, String> params) {
    public static final int DEFAULT_PORT = 5432;
    public static final String ENV_VAR = "SA01_DB_DSN";
    /** What the migrator and {@code SomaDatabase.connect()} use when {@value #ENV_VAR} is unset or empty. */
    public static final PgDsn DEFAULT = new PgDsn("localhost", DEFAULT_PORT, "somaagent01", "soma", "soma", Map.of());
    /** The end of every parse error message: the accepted forms. */
    public static final String EXPECTED = DsnParser.EXPECTED;

    public PgDsn {
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
     * @throws InvalidDsnException with a one-line message that shows the input masked
     */
    public static PgDsn parse(String text) {
        return parse(text, System.getProperty("user.name", "postgres"));
    }

    /** As {@link #parse(String)}, with {@code defaultUser} for a DSN that names no user. */
    public static PgDsn parse(String text, String defaultUser) {
        return DsnParser.parse(text, defaultUser);
    }

    /** {@value #ENV_VAR} from {@code env} if set and not blank (compose files often leave it empty), else null. */
    public static String fromEnvironment(Map<String, String> env) {
        String value = env.get(ENV_VAR);
        return value == null || value.isBlank() ? null : value;
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

    @Override
    public String toString() {
        return redacted();
    }

    private String hostPort() {
        return (host.indexOf(':') >= 0 ? "[" + host + "]" : host) + ":" + port;
    }
}
