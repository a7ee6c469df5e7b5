package org.somaagent01.migrator.apply;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.somaagent01.migrator.ExitCode;
import org.somaagent01.migrator.MigratorException;
import org.somaagent01.migrator.connect.SessionTimeouts;
import org.somaagent01.migrator.history.AppliedVersion;
import org.somaagent01.migrator.history.SchemaHistory;
import org.somaagent01.migrator.inspect.CatalogInspector;
import org.somaagent01.migrator.lock.AdvisoryLock;
import org.somaagent01.migrator.model.SchemaModel;
import org.somaagent01.migrator.store.MigrationScript;
import org.somaagent01.migrator.store.Snapshots;
import org.somaagent01.migrator.store.SqlStatements;

/**
 * Runs scripts against one database: each in its own transaction (unless it says otherwise), recorded in the
 * history in that same transaction, under the advisory lock. The up-to-date case costs one query and takes
 * no lock; only when something is pending do we lock and read the history again, since another replica may
 * have applied it while we waited.
 */
public final class Applier {
    /** What {@code apply} did. */
    public record Result(List<String> applied, List<String> adopted, int version) {}

    private final ApplyOptions options;
    private final SchemaHistory history;
    private final Consumer<String> log;

    public Applier(ApplyOptions options, Consumer<String> log) {
        this.options = options;
        this.history = new SchemaHistory(options.historySchema());
        this.log = log;
    }

    public Result apply(Connection c, List<MigrationScript> scripts, Integer target) throws SQLException {
        int goal = target == null ? scripts.size() : target;
        if (goal < 0 || goal > scripts.size()) {
            throw new MigratorException(ExitCode.USAGE, "--target " + goal + " is not a version of this build (1.." + scripts.size() + ")");
        }
        c.setAutoCommit(true);
        List<AppliedVersion> applied = history.read(c);
        checkApplied(applied, scripts);
        if (applied.size() >= goal) return new Result(List.of(), List.of(), applied.size());

        try (AdvisoryLock lock = MigrationLock.take(c, options, log)) {
            SessionTimeouts.apply(c, options.statementTimeout(), options.ddlLockTimeout());
            boolean fresh = !history.exists(c);
            history.ensure(c);
            applied = history.read(c);
            checkApplied(applied, scripts);
            List<String> adopted = fresh ? adopt(c, scripts, goal) : List.of();
            applied = history.read(c);
            List<String> ran = new ArrayList<>();
            List<MigrationScript> pending = scripts.subList(applied.size(), goal);
            refuseDestructive(pending);
            for (MigrationScript s : pending) {
                run(c, s, s.upSql(), s.transactional(), ms -> history.record(c, s, ms, AppliedVersion.APPLIED), true);
                ran.add(s.id());
            }
            if (!ran.isEmpty()) reportDrift(c, scripts.subList(0, goal));
            return new Result(ran, adopted, goal);
        }
    }

    /**
     * A database the legacy init scripts built has our schema but no history. If it equals the snapshot of some
     * version, record versions up to it as adopted and run no DDL for them.
     */
    private List<String> adopt(Connection c, List<MigrationScript> scripts, int goal) throws SQLException {
        SchemaModel live = new CatalogInspector(options.appSchema()).inspect(c);
        int v = Adoption.matchingVersion(live, scripts, goal);
        if (v > 0) {
            List<String> adopted = new ArrayList<>();
            c.setAutoCommit(false);
            try {
                for (MigrationScript a : scripts.subList(0, v)) {
                    history.record(c, a, 0, AppliedVersion.ADOPTED);
                    adopted.add(a.id());
                }
                c.commit();
            } finally {
                c.setAutoCommit(true);
            }
            log.accept("adopted existing schema at version " + v + " (no DDL run)");
            return adopted;
        }
        if (Adoption.isEmpty(live)) return List.of();
        log.accept("existing objects in schema " + options.appSchema() + " match no known version; "
                + "running the scripts, which skip objects that already exist");
        return List.of();
    }

    /** Runs down scripts from the current version to {@code toVersion}, newest first. */
    public List<String> down(Connection c, List<MigrationScript> scripts, int toVersion) throws SQLException {
        c.setAutoCommit(true);
        try (AdvisoryLock lock = MigrationLock.take(c, options, log)) {
            SessionTimeouts.apply(c, options.statementTimeout(), options.ddlLockTimeout());
            List<AppliedVersion> applied = history.read(c);
            checkApplied(applied, scripts);
            if (toVersion < 0 || toVersion > applied.size()) {
                throw new MigratorException(ExitCode.USAGE, "cannot go down to version " + toVersion
                        + ": the database is at version " + applied.size());
            }
            List<String> reverted = new ArrayList<>();
            for (int v = applied.size(); v > toVersion; v--) {
                MigrationScript s = scripts.get(v - 1);
                if (!options.force()) DataLossCheck.refuseIfRowsLost(c, s);
                run(c, s, s.downSql(), s.downTransactional(), ms -> history.remove(c, s.version()), false);
                reverted.add(s.id());
            }
            return reverted;
        }
    }

    /** Records the outcome in the history, given the elapsed milliseconds. */
    private interface HistoryUpdate { void run(long elapsedMs) throws SQLException; }

    private void run(Connection c, MigrationScript s, String sql, boolean transactional, HistoryUpdate record, boolean up)
            throws SQLException {
        String what = s.id() + (up ? " (up)" : " (down)");
        log.accept((up ? "applying " : "reverting ") + s.id());
        long start = System.nanoTime();
        c.setAutoCommit(!transactional);
        try (Statement st = c.createStatement()) {
            if (transactional) {
                st.execute(sql);
            } else {
                // one statement at a time: several at once would share one implicit transaction
                for (String statement : SqlStatements.split(sql)) st.execute(statement);
            }
            record.run((System.nanoTime() - start) / 1_000_000);
            if (transactional) c.commit();
        } catch (SQLException e) {
            if (transactional) c.rollback();
            throw new MigratorException(ExitCode.MIGRATION_FAILED, what + " failed: " + oneLine(e.getMessage())
                    + (transactional ? "; rolled back, the database stays at the previous version" : ""), e);
        } finally {
            c.setAutoCommit(true);
        }
        log.accept("  done in " + (System.nanoTime() - start) / 1_000_000 + " ms");
    }

    private void refuseDestructive(List<MigrationScript> pending) {
        if (options.allowDestructive()) return;
        for (MigrationScript s : pending) {
            if (s.upSql().contains(DESTRUCTIVE_MARK)) {
                throw new MigratorException(ExitCode.DESTRUCTIVE_REFUSED, s.id() + " contains destructive changes "
                        + "(see 'plan'); rerun with --allow-destructive once you accept the data loss");
            }
        }
    }

    public static final String DESTRUCTIVE_MARK = "-- DESTRUCTIVE";

    /** Fails when the database is ahead of this build or an applied script's checksum changed. */
    public static void checkApplied(List<AppliedVersion> applied, List<MigrationScript> scripts) {
        for (AppliedVersion a : applied) {
            if (a.version() > scripts.size()) {
                throw new MigratorException(ExitCode.INTEGRITY, "the database is at version " + a.version()
                        + " but this build only knows versions up to " + scripts.size() + "; deploy a newer migrator");
            }
            MigrationScript s = scripts.get(a.version() - 1);
            if (!s.checksum().equals(a.checksum())) {
                throw new MigratorException(ExitCode.INTEGRITY, s.id() + ".up.sql differs from the script applied on "
                        + a.appliedAt() + " (checksum " + a.checksum().substring(0, 12) + "… vs "
                        + s.checksum().substring(0, 12) + "…); applied scripts must not change: add a new script instead");
            }
        }
    }

    private void reportDrift(Connection c, List<MigrationScript> upTo) throws SQLException {
        SchemaModel expected = Snapshots.head(upTo);
        SchemaModel live = new CatalogInspector(options.appSchema()).inspect(c);
        if (!expected.equals(live)) {
            for (String line : DriftReport.describe(expected, live)) log.accept("warning: drift: " + line);
        }
    }

    static String oneLine(String message) {
        return message == null ? "" : message.replaceAll("\\s*\\n\\s*", " ").trim();
    }
}
