package org.somaagent01.migrator.connect;

import java.util.Map;
import java.util.Properties;
import java.util.function.Consumer;
import org.somaagent01.db.InvalidDsnException;
import org.somaagent01.db.PgDsn;
import org.somaagent01.migrator.ExitCode;
import org.somaagent01.migrator.MigratorException;

/**
 * Where and as whom to connect: the migrator's view of {@link PgDsn}, which schema-dsl's shared parser produces (so
 * applications using {@code SomaDatabase} connect where the migrator does for the same text). {@code password} is empty when none was given; {@code params} are the remaining
 * query parameters in their original order (user, password and dbname given as query parameters are moved into
 * their components). Every rendering except {@link #password()} and {@link #jdbcProperties()} omits the password.
 */
public record Dsn(String host, int port, String database, String user, String password, Map<String, String> params) {
    public static final int DEFAULT_PORT = PgDsn.DEFAULT_PORT;
    public static final String ENV_VAR = PgDsn.ENV_VAR;
    public static final Dsn DEFAULT = of(PgDsn.DEFAULT);

    public Dsn {
        // the shared record holds the rules; this one only adds the migrator's exit codes around it
        params = new PgDsn(host, port, database, user, password, params).params();
    }

    /**
     * Reads a libpq URI ({@code postgresql://}, {@code postgres://}), an SQLAlchemy URL ({@code postgresql+driver://})
     * or a pgjdbc URL ({@code jdbc:postgresql://host:port/db?user=…&password=…}). As in libpq, a missing port is
     * 5432, a missing user is the operating-system user and a missing database is named like the user.
     *
     * @throws MigratorException with {@link ExitCode#USAGE} and a one-line message that shows the input masked
     */
    public static Dsn parse(String text) {
        try {
            return of(PgDsn.parse(text));
        } catch (InvalidDsnException e) {
            throw new MigratorException(ExitCode.USAGE, e.getMessage());
        }
    }

    public static Dsn of(PgDsn d) {
        return new Dsn(d.host(), d.port(), d.database(), d.user(), d.password(), d.params());
    }

    /** The shared form, for code in schema-dsl (e.g. {@code SomaDatabase}). */
    public PgDsn shared() {
        return new PgDsn(host, port, database, user, password, params);
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
        return shared().jdbcUrl();
    }

    /** user, password (if any) and the query parameters under pgjdbc's names. A new object on every call. */
    public Properties jdbcProperties() {
        return shared().jdbcProperties();
    }

    /** {@code postgresql://user:***@host:port/db?params}: a valid libpq URI with the password replaced. */
    public String redacted() {
        return shared().redacted();
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
}
