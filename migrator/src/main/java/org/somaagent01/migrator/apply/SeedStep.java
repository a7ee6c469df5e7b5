package org.somaagent01.migrator.apply;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.somaagent01.migrator.ExitCode;
import org.somaagent01.migrator.MigratorException;
import org.somaagent01.migrator.history.SeedHistory;
import org.somaagent01.migrator.lock.AdvisoryLock;
import org.somaagent01.seeds.SeedFiles;
import org.somaagent01.seeds.SeedReport;
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
    public Seeds pending(Connection c, boolean force) throws SQLException {
        if (!force && fingerprint().equals(new SeedHistory(options.historySchema()).lastFingerprint(c))) return null;
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
                throw new MigratorException(ExitCode.MIGRATION_FAILED, "seeding failed, nothing was written: "
                        + Applier.oneLine(e.getMessage()), e);
            }
            history.record(c, fingerprint, report.toString());
            return report;
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
