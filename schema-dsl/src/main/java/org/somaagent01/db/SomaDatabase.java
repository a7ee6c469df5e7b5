package org.somaagent01.db;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.SQLException;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.function.Consumer;
import java.util.function.Function;
import javax.sql.DataSource;
import kotlin.Unit;
import org.jetbrains.exposed.v1.core.DatabaseConfig;
import org.jetbrains.exposed.v1.jdbc.Database;
import org.jetbrains.exposed.v1.jdbc.ExposedConnectionImpl;
import org.jetbrains.exposed.v1.jdbc.transactions.TransactionManager;
import org.jetbrains.exposed.v1.jdbc.transactions.TransactionsKt;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The somaAgent01 database for application code: a HikariCP pool on the DSN in {@value PgDsn#ENV_VAR} (read by the
 * same parser as the migrator, so both reach the same database), the Exposed {@link Database} on it, and
 * transactions that read like Java:
 *
 * <pre>{@code
 * try (SomaDatabase db = SomaDatabase.connect()) {
 *     List<String> ids = db.readOnly(tx -> tx.selectWhere(caps, eq(caps.enabled, true)).stream()
 *             .map(r -> r.get(caps.toolId)).toList());
 * }
 * }</pre>
 *
 * A transaction runs once (Exposed's automatic retry of the whole body is off: a body with side effects must not run
 * twice unasked), at the server's default isolation (READ COMMITTED), and is rolled back if the body throws.
 * Thread-safe; make one per process and close it at shutdown.
 */
public final class SomaDatabase implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(SomaDatabase.class);
    private static final DatabaseConfig CONFIG = DatabaseConfig.Companion.invoke(b -> {
        b.setDefaultMaxAttempts(1);
        return Unit.INSTANCE;
    });

    private final Database exposed;
    private final DataSource dataSource;
    private final HikariDataSource ownedPool;
    private final Secrets secrets;
    private final String described;

    private SomaDatabase(DataSource dataSource, HikariDataSource ownedPool, Secrets secrets, String described) {
        this.dataSource = dataSource;
        this.ownedPool = ownedPool;
        this.secrets = secrets;
        this.described = described;
        // the connection registration is named rather than found through ServiceLoader, so shaded jars need no
        // merged META-INF/services entry for it
        this.exposed = Database.Companion.connect(new KnownIsolation(dataSource), c -> Unit.INSTANCE, CONFIG, new ExposedConnectionImpl(),
                d -> new TransactionManager(d, null));
    }

    /**
     * A pool on {@value PgDsn#ENV_VAR}; when it is unset or empty, on {@link PgDsn#DEFAULT} (the migrator's default),
     * with one warning in the log.
     */
    public static SomaDatabase connect() {
        return connect(System.getenv(), PoolSettings.DEFAULTS);
    }

    /** As {@link #connect()} with other pool settings. */
    public static SomaDatabase connect(PoolSettings settings) {
        return connect(System.getenv(), settings);
    }

    static SomaDatabase connect(Map<String, String> env, PoolSettings settings) {
        return connect(dsnFrom(env), settings);
    }

    /** The DSN {@link #connect()} uses: {@value PgDsn#ENV_VAR}, or the migrator's default after one warning. */
    static PgDsn dsnFrom(Map<String, String> env) {
        String text = PgDsn.fromEnvironment(env);
        if (text == null) {
            LOG.warn("{} is not set; connecting to {}", PgDsn.ENV_VAR, PgDsn.DEFAULT.redacted());
            return PgDsn.DEFAULT;
        }
        try {
            return PgDsn.parse(text);
        } catch (InvalidDsnException e) {
            throw new InvalidDsnException(PgDsn.ENV_VAR + ": " + e.getMessage());
        }
    }

    /** A pool on {@code dsn}, in any form the migrator accepts. */
    public static SomaDatabase connect(String dsn) {
        return connect(PgDsn.parse(dsn), PoolSettings.DEFAULTS);
    }

    public static SomaDatabase connect(String dsn, PoolSettings settings) {
        return connect(PgDsn.parse(dsn), settings);
    }

    /**
     * A pool on {@code dsn}. Opens one connection before returning, so a wrong host or password fails here, in one
     * line, rather than at the first query.
     *
     * @throws DatabaseException when no connection can be opened; the message never holds the password
     */
    public static SomaDatabase connect(PgDsn dsn, PoolSettings settings) {
        Secrets secrets = Secrets.of(dsn);
        HikariDataSource pool;
        try {
            pool = new HikariDataSource(poolConfig(dsn, settings));
        } catch (RuntimeException e) {
            throw failure(secrets, "cannot connect to " + dsn.redacted(), e,
                    "check the host, port, database, user and password in " + PgDsn.ENV_VAR + " and that the server is up");
        }
        return new SomaDatabase(pool, pool, secrets, dsn.redacted());
    }

    /** On a DataSource the application manages (its own pool, a test container); {@link #close()} leaves it open. */
    public static SomaDatabase connect(DataSource dataSource) {
        return new SomaDatabase(Objects.requireNonNull(dataSource, "dataSource"), null, Secrets.NONE, "the given DataSource");
    }

    /**
     * The pool's configuration: the DSN's URL and properties (exactly as the migrator connects) plus
     * {@code ApplicationName} and {@code reWriteBatchedInserts=true} (batch inserts become multi-row INSERTs) unless
     * the DSN sets them. Package-private for the tests.
     */
    static HikariConfig poolConfig(PgDsn dsn, PoolSettings settings) {
        Properties props = dsn.jdbcProperties();
        props.putIfAbsent("ApplicationName", settings.applicationName());
        props.putIfAbsent("reWriteBatchedInserts", "true");
        HikariConfig c = new HikariConfig();
        // not the database name: the pool name is in every pool log line, and names are not always harmless
        c.setPoolName("soma-" + POOLS.incrementAndGet());
        c.setDataSource(new MaskingDriverDataSource(dsn.jdbcUrl(), props, Secrets.of(dsn)));
        c.setMaximumPoolSize(settings.maximumPoolSize());
        c.setMinimumIdle(settings.minimumIdle());
        c.setConnectionTimeout(settings.connectionTimeout().toMillis());
        c.setIdleTimeout(settings.idleTimeout().toMillis());
        c.setMaxLifetime(settings.maxLifetime().toMillis());
        // Exposed turns autocommit off for each transaction itself; start from pgjdbc's default
        c.setAutoCommit(true);
        return c;
    }

    private static final java.util.concurrent.atomic.AtomicInteger POOLS = new java.util.concurrent.atomic.AtomicInteger();

    /** The Exposed database, for Exposed's own API (from Kotlin: {@code transaction(db.exposed) { … }}). */
    public Database getExposed() {
        return exposed;
    }

    /** The pool (or the DataSource given to {@link #connect(DataSource)}). */
    public DataSource getDataSource() {
        return dataSource;
    }

    /** Runs {@code body} in a read-write transaction and returns its result: committed if it returns, rolled back if it throws. */
    public <T> T tx(Function<Tx, T> body) {
        return run(false, body);
    }

    /** {@link #tx} for a body with no result. */
    public void inTx(Consumer<Tx> body) {
        run(false, tx -> {
            body.accept(tx);
            return null;
        });
    }

    /** Runs {@code body} in a READ ONLY transaction: any write fails (SQLSTATE 25006). */
    public <T> T readOnly(Function<Tx, T> body) {
        return run(true, body);
    }

    private <T> T run(boolean readOnly, Function<Tx, T> body) {
        try {
            return TransactionsKt.transaction(exposed, null, readOnly, t -> body.apply(new Tx(t)));
        } catch (DatabaseException e) {
            throw e;
        } catch (Exception e) {
            SQLException sql = sqlCause(e);
            if (sql == null) throw sneaky(e);
            throw failure(secrets, "database error on " + described, sql, null);
        }
    }

    /**
     * Runs statements that cannot run inside a transaction ({@code REINDEX … CONCURRENTLY}, {@code VACUUM}), each in
     * autocommit on one pooled connection. Only the caller's own SQL text: no values.
     */
    public void autocommit(String... statements) {
        try (java.sql.Connection c = dataSource.getConnection()) {
            boolean before = c.getAutoCommit();
            c.setAutoCommit(true);
            try (java.sql.Statement s = c.createStatement()) {
                for (String sql : statements) s.execute(sql);
            } finally {
                c.setAutoCommit(before);
            }
        } catch (SQLException e) {
            throw failure(secrets, "database error on " + described, e, null);
        }
    }

    /** Closes the pool SomaDatabase made (waiting for connections in use to come back) and forgets the Exposed database. */
    @Override
    public void close() {
        TransactionManager.Companion.closeAndUnregister(exposed);
        if (ownedPool != null) ownedPool.close();
    }

    private static SQLException sqlCause(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException s) return s;
        }
        return null;
    }

    /** Unchecked rethrow: Exposed's Kotlin code may throw checked exceptions other than SQLException from a body. */
    @SuppressWarnings("unchecked")
    private static <E extends Throwable> RuntimeException sneaky(Throwable e) throws E {
        throw (E) e;
    }

    static DatabaseException failure(Secrets secrets, String what, Throwable cause, String advice) {
        SQLException sql = sqlCause(cause);
        Throwable root = cause;
        while (root.getCause() != null && root.getCause() != root) root = root.getCause();
        String reason = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
        // all of it: a user or database name may hold the password too (a short password then hides more than it
        // should, which beats printing it)
        String message = BoundedText.cut(secrets.mask(oneLine(what + ": " + reason + (advice == null ? "" : "; " + advice))), 500);
        boolean clean = true;
        for (Throwable t = cause; t != null; t = t.getCause()) {
            String m = t.getMessage();
            if (m != null && !secrets.mask(m).equals(m)) clean = false;
            if (t.getCause() == t) break;
        }
        return new DatabaseException(message, sql == null ? null : sql.getSQLState(), clean ? cause : null);
    }

    private static String oneLine(String text) {
        return text.strip().replaceAll("\\s*\\R\\s*", " ");
    }

    @Override
    public String toString() {
        return "SomaDatabase[" + described + "]";
    }
}
