package org.somaagent01.migrator;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import javax.sql.DataSource;
import org.somaagent01.migrator.apply.Applier;
import org.somaagent01.migrator.apply.ApplyOptions;
import org.somaagent01.migrator.store.MigrationScript;
import org.somaagent01.migrator.store.ScriptSource;
import org.somaagent01.migrator.store.ScriptStore;

/**
 * The migrator as a library, for applications' tests: builds the somaAgent01 schema in a database exactly as
 * {@code migrator apply} does in production (the shipped scripts, under the lock, recorded in the history), which
 * Exposed's {@code SchemaUtils.create} cannot (enum types, triggers, the ivfflat opclass and lists, comments).
 *
 * <pre>{@code
 * // test scope: org.somaagent01:migrator
 * try (SomaDatabase db = SomaDatabase.connect(testDsn)) {
 *     Migrations.migrate(db.getDataSource());
 *     ...
 * }
 * }</pre>
 */
public final class Migrations {
    private Migrations() {}

    /**
     * Applies every pending shipped script; a database already at the head is left as it is (one query). Seeds are
     * not loaded.
     *
     * @return the schema version the database is at afterwards
     * @throws MigratorException as {@code apply} would fail (its exit code says why)
     */
    public static int migrate(DataSource dataSource) throws SQLException {
        List<MigrationScript> scripts = ScriptStore.load(ScriptSource.classpath(ScriptStore.CLASSPATH_PREFIX));
        try (Connection c = dataSource.getConnection()) {
            int version = new Applier(ApplyOptions.defaults(), line -> { }).apply(c, scripts, null).version();
            // the connection may go back to a pool: drop apply's session timeouts (not DISCARD ALL, which would also
            // drop pgjdbc's server-side prepared statements)
            c.setAutoCommit(true);
            try (Statement s = c.createStatement()) {
                s.execute("RESET ALL");
            }
            return version;
        }
    }
}
