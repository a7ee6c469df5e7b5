package org.somaagent01.migrator.apply;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.sql.Statement;
import java.util.UUID;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.somaagent01.migrator.ExitCode;
import org.somaagent01.migrator.connect.Lines;
import org.somaagent01.migrator.MigratorException;
import org.somaagent01.migrator.diff.Differ;
import org.somaagent01.migrator.history.SchemaHistory;
import org.somaagent01.migrator.history.SeedHistory;
import org.somaagent01.migrator.lock.AdvisoryLock;
import org.somaagent01.migrator.model.Renames;
import org.somaagent01.migrator.model.SchemaModel;
import org.somaagent01.migrator.plan.Plan;
import org.somaagent01.migrator.sql.Sql;
import org.somaagent01.seeds.SeedFiles;
import org.somaagent01.seeds.SeedReport;
import org.somaagent01.seeds.SeedRowException;
import org.somaagent01.seeds.SeedValidationException;
import org.somaagent01.seeds.Seeds;

/**
 * The seeds at the end of {@code apply}. When the shipped data files are byte-for-byte those seeded last time the
 * step costs one query and loads neither Exposed nor Jackson; otherwise it seeds under the migration lock (so
 * replicas starting together seed once) and records the new fingerprint. {@code force} seeds regardless, which
 * also restores catalog rows an operator deleted.
 */
public final class SeedStep {
    private final ApplyOptions options;
    private final Path dataDir;
    private final Consumer<String> log;

    /** @param dataDir a directory of data files replacing the shipped ones, or null for the shipped ones */
    public SeedStep(ApplyOptions options, Path dataDir, Consumer<String> log) {
        this.options = options;
        this.dataDir = dataDir;
        this.log = log;
    }

    private String fingerprint() {
        return dataDir == null ? SeedFiles.fingerprint() : SeedFiles.fingerprint(dataDir);
    }

    /**
     * The validated seeds to write, or null when the shipped files are byte-for-byte those seeded last and
     * {@code force} is off. Called before any script runs, so a bad data file stops {@code apply} before it changes
     * anything.
     */
    /** True when the data files are byte-for-byte those seeded last: apply skips them (one query, no Exposed). */
    public boolean unchanged(Connection c) throws SQLException {
        return fingerprint().equals(new SeedHistory(options.historySchema()).lastFingerprint(c));
    }

    public Seeds pending(Connection c, boolean force) throws SQLException {
        if (!force && unchanged(c)) return null;
        return load();
    }

    /** Writes {@code seeds} under the migration lock and records their fingerprint; null if a replica was first. */
    public SeedReport run(Connection c, DataSource dataSource, Seeds seeds, boolean force) throws SQLException {
        SeedHistory history = new SeedHistory(options.historySchema());
        String fingerprint = fingerprint();
        try (AdvisoryLock lock = MigrationLock.take(c, options, log)) {
            if (!force && fingerprint.equals(history.lastFingerprint(c))) return null;
            SeedReport report;
            try {
                report = seeds.apply(dataSource);
            } catch (SQLException e) {
                throw seedingFailed(c, e);
            }
            history.record(c, fingerprint, report.toString());
            return report;
        }
    }

    /**
     * After the scripts ran: they have committed, the seeds (one transaction) have not. A row the database rejects
     * is named with its file, row and constraint.
     */
    private MigratorException seedingFailed(Connection c, SQLException e) {
        String state = schemaState(c) + "; the seeds were not written (one transaction)";
        if (e instanceof SeedRowException row && SeedRejections.isDataError(row)) {
            return new MigratorException(ExitCode.SEED_INVALID, "invalid seed data: " + why(c, row) + "; " + state
                    + "; fix the data file and run 'seed'", e);
        }
        return new MigratorException(ExitCode.MIGRATION_FAILED, "seeding failed: " + Lines.oneLine(e.getMessage())
                + "; " + state + "; run 'seed' to retry", e);
    }

    /** The rejection in the data file's words; the server's own message if the catalog cannot be read. */
    private static String why(Connection c, SeedRowException e) {
        try {
            return SeedRejections.describe(c, e);
        } catch (SQLException lookup) {
            e.addSuppressed(lookup);
            return Lines.oneLine(e.getMessage());
        }
    }

    private String schemaState(Connection c) {
        try {
            return "the schema is at version " + new SchemaHistory(options.historySchema()).read(c).size();
        } catch (SQLException e) {
            return "the scripts applied before seeding stay applied";
        }
    }

    /**
     * Checks {@code seeds} against {@code head}, the schema the scripts lead to, before any script runs, with
     * PostgreSQL as the judge (CHECK, NOT NULL, keys, foreign keys, types) and changing nothing: in one transaction
     * that is always rolled back, {@code head} is built in a scratch schema and the rows are written there as
     * {@link #run} would write them.
     *
     * <p>The check takes its own connection from {@code dataSource} (the one seeding uses) and closes it: pgjdbc
     * caches the OID of each enum type by name per connection, so a connection that outlived the scratch schema
     * would go on sending the OIDs of its dropped enum types ("cache lookup failed for type …").
     *
     * <p>When the scratch schema cannot be built (no CREATE privilege on the database, say), the check is skipped
     * with a warning: the seeding after the scripts still names a rejected row, it just comes later.
     *
     * @throws MigratorException {@link ExitCode#SEED_INVALID} naming file, row, key and the violated constraint
     */
    public void validate(DataSource dataSource, Seeds seeds, SchemaModel head) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            check(c, seeds, head);
        }
    }

    private void check(Connection c, Seeds seeds, SchemaModel head) throws SQLException {
        String scratch = SCRATCH_PREFIX + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        long start = System.nanoTime();
        c.setAutoCommit(false);
        Throwable failure = null;
        try {
            if (!buildScratch(c, scratch, head)) return;
            Savepoint beforeRows = c.setSavepoint();
            try {
                seeds.applyWithin(c);
            } catch (SQLException e) {
                if (isConnectionFailure(e)) throw e;
                c.rollback(beforeRows); // the scratch tables stay, so their constraints can be looked up
                if (e instanceof SeedRowException row && SeedRejections.isDataError(row)) {
                    throw new MigratorException(ExitCode.SEED_INVALID, "invalid seed data: " + why(c, row)
                            + "; fix the data file; nothing was applied", e);
                }
                // the schema-dsl tables the seeder writes through differ from what the scripts build: a build bug
                throw new MigratorException(ExitCode.SEED_INVALID, "the seeds do not fit the schema the scripts build: "
                        + (e instanceof SeedRowException row ? why(c, row) : Lines.oneLine(e.getMessage()))
                        + "; nothing was applied", e);
            }
            log.accept("seeds checked against the schema of the scripts in " + (System.nanoTime() - start) / 1_000_000 + " ms");
        } catch (RuntimeException | SQLException e) {
            failure = e;
            throw e;
        } finally {
            end(c, failure);
        }
    }

    /** Scratch schemas are named so, with a random suffix; none outlives its transaction. */
    public static final String SCRATCH_PREFIX = "migrator_seedcheck_";

    /** False (with a warning) when PostgreSQL will not build it; the transaction must then be rolled back. */
    private boolean buildScratch(Connection c, String scratch, SchemaModel head) throws SQLException {
        try (Statement st = c.createStatement()) {
            st.execute("CREATE SCHEMA " + Sql.ident(scratch));
            // the application schema stays on the path after the scratch one, so an extension's types (vector)
            // installed there resolve; everything the DDL creates lands in the scratch schema
            String app = options.appSchema();
            st.execute("SET LOCAL search_path TO " + Sql.ident(scratch) + ", " + Sql.ident(app)
                    + (app.equals("public") ? "" : ", public"));
            for (String sql : new Plan(Differ.diff(SchemaModel.EMPTY, head, Renames.NONE)).upStatements()) {
                execute(c, st, sql);
            }
            return true;
        } catch (SQLException e) {
            if (isConnectionFailure(e)) throw e;
            log.accept("warning: seeds not checked before the scripts (cannot build the schema in a scratch schema: "
                    + Lines.oneLine(e.getMessage()) + "); they are checked when written");
            return false;
        }
    }

    /**
     * Another migrator may be creating an absent extension right now (replicas starting together on a new
     * database): its commit makes our CREATE fail on pg_extension's unique name. The extension then exists, and the
     * retry's IF NOT EXISTS passes.
     */
    private static void execute(Connection c, Statement st, String sql) throws SQLException {
        if (!sql.startsWith("CREATE EXTENSION")) {
            st.execute(sql);
            return;
        }
        Savepoint before = c.setSavepoint();
        try {
            st.execute(sql);
        } catch (SQLException e) {
            if (!"23505".equals(e.getSQLState())) throw e;
            c.rollback(before);
            st.execute(sql);
        }
    }

    private static boolean isConnectionFailure(SQLException e) {
        return e.getSQLState() != null && e.getSQLState().startsWith("08");
    }

    /** Rolls back (the scratch schema and every row with it) and restores autocommit, without hiding a failure. */
    private static void end(Connection c, Throwable failure) throws SQLException {
        try {
            c.rollback();
            c.setAutoCommit(true);
        } catch (SQLException e) {
            if (failure == null) throw e;
            failure.addSuppressed(e);
        }
    }

    /** Reads and validates the data files; a bad file is a one-line error naming file, row and field. */
    public Seeds load() {
        try {
            return dataDir == null ? Seeds.load() : Seeds.load(dataDir);
        } catch (SeedValidationException e) {
            throw new MigratorException(ExitCode.SEED_INVALID, "invalid seed data: " + e.getMessage()
                    + "; fix the data file and rebuild", e);
        }
    }
}
