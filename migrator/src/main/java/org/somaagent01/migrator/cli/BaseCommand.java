package org.somaagent01.migrator.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import javax.sql.DataSource;
import org.postgresql.ds.PGSimpleDataSource;
import org.somaagent01.migrator.ExitCode;
import org.somaagent01.migrator.MigratorException;
import org.somaagent01.migrator.apply.ApplyOptions;
import org.somaagent01.migrator.canonical.Canonicalizer;
import org.somaagent01.migrator.connect.Connector;
import org.somaagent01.migrator.connect.Dsn;
import org.somaagent01.migrator.connect.Secrets;
import org.somaagent01.migrator.declared.DeclaredSchema;
import org.somaagent01.migrator.model.SchemaModel;
import org.somaagent01.migrator.service.Migrator;
import org.somaagent01.migrator.store.MigrationScript;
import org.somaagent01.migrator.store.ScriptSource;
import org.somaagent01.migrator.store.ScriptStore;
import picocli.CommandLine.Option;

/** Options every command shares, and the few things they all need: a connection, the scripts, the options. */
abstract class BaseCommand implements Callable<Integer> {
    Console console;

    @Option(names = "--dsn", paramLabel = "URL", description = "database URL (overrides SA01_DB_DSN): postgresql://, "
            + "postgres://, postgresql+driver:// or jdbc:postgresql://; apply, status, verify and plan take it repeatedly "
            + "(a fleet)")
    List<String> dsns = new java.util.ArrayList<>();

    /** The one --dsn, or null; more than one is a fleet, which only the fleet commands accept. */
    String dsnFlag() {
        if (dsns.size() > 1) throw new MigratorException(ExitCode.USAGE, "--dsn given " + dsns.size()
                + " times: only apply, status, verify and plan work on several databases");
        return dsns.isEmpty() ? null : dsns.get(0);
    }

    @Option(names = {"-v", "--verbose"}, description = "show stack traces on errors")
    boolean verbose;

    @Option(names = {"-q", "--quiet"}, description = "no progress lines on stderr")
    boolean quiet;

    @Option(names = "--dir", paramLabel = "PATH", description = "script directory (default: the scripts inside the jar)")
    Path dir;

    @Option(names = "--history-schema", paramLabel = "NAME", defaultValue = "migrator",
            description = "schema of the history table (default: ${DEFAULT-VALUE})")
    String historySchema;

    @Option(names = "--lock-timeout", paramLabel = "SECONDS", defaultValue = "120",
            description = "how long to wait for another migrator's lock (default: ${DEFAULT-VALUE})")
    long lockTimeoutSeconds;

    @Option(names = "--ddl-lock-timeout", paramLabel = "SECONDS", defaultValue = "2",
            description = "how long one attempt of a DDL step may wait for a table lock; application queries on that "
                    + "table queue behind it for at most this long (default: ${DEFAULT-VALUE})")
    double ddlLockTimeoutSeconds;

    @Option(names = "--ddl-lock-retries", paramLabel = "N", defaultValue = "10",
            description = "attempts after a table-lock timeout, with backoff, before naming the blocking sessions "
                    + "(default: ${DEFAULT-VALUE})")
    int ddlLockRetries;

    @Option(names = "--connect-timeout", paramLabel = "SECONDS", defaultValue = "30",
            description = "bound on the TCP connect and on the login of each connection attempt (default: ${DEFAULT-VALUE})")
    int connectTimeoutSeconds;

    @Option(names = "--connect-retries", paramLabel = "N", defaultValue = "5",
            description = "retries of a connection that fails transiently (refused, timed out, server starting, "
                    + "too many clients), with backoff (default: ${DEFAULT-VALUE})")
    int connectRetries;

    @Override
    public final Integer call() throws Exception {
        console.verbose = verbose;
        console.quiet = quiet;
        return execute();
    }

    abstract int execute() throws Exception;

    Dsn dsn() {
        Dsn parsed = Dsn.fromEnvironment(dsnFlag(), console.env, console::log);
        console.secrets = Secrets.of(parsed);
        return parsed;
    }

    private Dsn connected;

    Connection connect() {
        connected = dsn();
        return connector().connect(connected);
    }

    /** A plain DataSource on the database {@link #connect()} opened, for the Exposed-based seeds. */
    DataSource dataSource() {
        return dataSource(connected);
    }

    /** A plain DataSource on {@code dsn}, for the Exposed-based seeds. */
    static DataSource dataSource(Dsn dsn) {
        PGSimpleDataSource ds = new PGSimpleDataSource();
        ds.setURL(dsn.jdbcUrl());
        dsn.jdbcProperties().forEach((k, v) -> {
            try {
                ds.setProperty(k.toString(), v.toString());
            } catch (java.sql.SQLException e) {
                throw new MigratorException(ExitCode.USAGE, "connection parameter " + k + " is not valid: " + e.getMessage());
            }
        });
        return ds;
    }

    /** Whether privileges are modelled (--with-privileges, on the commands that take it). */
    boolean withPrivileges() { return false; }

    /** The application service on the database of --dsn / SA01_DB_DSN. */
    Migrator migrator(Path seedsDir, ApplyOptions options) {
        List<MigrationScript> scripts = scripts();
        return new Migrator(new Migrator.Target() {
            public Connection connect() { return BaseCommand.this.connect(); }

            public DataSource dataSource() { return BaseCommand.this.dataSource(); }
        }, scripts, options, seedsDir, console::log).withPrivileges(withPrivileges());
    }

    /** Help text of {@code --dev-url}, which generate, diff and verify declare. */
    static final String DEV_URL_HELP = "a PostgreSQL server where the migrator may create a scratch database: the "
            + "declared schema is built there and read back, so CHECKs, defaults and index predicates compare in "
            + "PostgreSQL's own spelling (default: the declared schema as written)";

    /**
     * The declared schema; with a dev URL, as PostgreSQL prints it ({@link Canonicalizer}). Without one it is used as
     * written, so the commands that do not compare against a database never need one.
     */
    SchemaModel declared(String devUrl) {
        SchemaModel declared = DeclaredSchema.soma();
        if (devUrl == null) return declared;
        Dsn dev;
        try {
            dev = Dsn.parse(devUrl);
        } catch (MigratorException e) {
            throw new MigratorException(e.exitCode(), "--dev-url: " + e.getMessage());
        }
        console.secrets = console.secrets.and(dev);
        try {
            return new Canonicalizer(dev, options().appSchema(), connector(), console::log)
                    .canonicalize(declared);
        } catch (MigratorException e) {
            if (e.exitCode() != ExitCode.DB_UNREACHABLE && e.exitCode() != ExitCode.CONFIGURATION) throw e;
            // the connector's advice names the main DSN; here the server that failed is the dev one
            throw new MigratorException(e.exitCode(), "--dev-url: "
                    + e.getMessage().replace(Dsn.ENV_VAR + " / --dsn", "--dev-url"), e.getCause());
        }
    }

    List<MigrationScript> scripts() {
        // a mistyped --dir would otherwise read as "no scripts": apply would exit 0 having done nothing
        if (dir != null && !Files.isDirectory(dir)) {
            throw new MigratorException(ExitCode.USAGE, "--dir " + dir + " is not a directory");
        }
        return ScriptStore.load(dir != null ? ScriptSource.directory(dir) : ScriptSource.classpath(ScriptStore.CLASSPATH_PREFIX));
    }

    Connector connector() {
        if (connectTimeoutSeconds < 1) throw new MigratorException(ExitCode.USAGE, "--connect-timeout must be at least 1 second");
        if (connectRetries < 0) throw new MigratorException(ExitCode.USAGE, "--connect-retries must not be negative");
        return new Connector(new Connector.Backoff(connectRetries, Connector.Backoff.DEFAULT.firstDelay()),
                Duration.ofSeconds(connectTimeoutSeconds), console::log);
    }

    ApplyOptions options() {
        if (ddlLockTimeoutSeconds <= 0) throw new MigratorException(ExitCode.USAGE, "--ddl-lock-timeout must be positive");
        if (ddlLockRetries < 0) throw new MigratorException(ExitCode.USAGE, "--ddl-lock-retries must not be negative");
        ApplyOptions d = ApplyOptions.defaults();
        return new ApplyOptions(historySchema, d.appSchema(), Duration.ofSeconds(lockTimeoutSeconds),
                Duration.ofMillis(Math.round(ddlLockTimeoutSeconds * 1000)), ddlLockRetries, d.statementTimeout(), false, false);
    }
}
