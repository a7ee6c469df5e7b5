package org.somaagent01.migrator.service;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.somaagent01.migrator.ExitCode;
import org.somaagent01.migrator.MigratorException;
import org.somaagent01.migrator.apply.Adoption;
import org.somaagent01.migrator.apply.Applier;
import org.somaagent01.migrator.apply.ApplyOptions;
import org.somaagent01.migrator.apply.DriftReport;
import org.somaagent01.migrator.apply.ProgressEvent;
import org.somaagent01.migrator.apply.ProgressMonitor;
import org.somaagent01.migrator.apply.SeedStep;
import org.somaagent01.migrator.history.HistoryState;
import org.somaagent01.migrator.history.PartialVersion;
import org.somaagent01.migrator.history.SchemaHistory;
import org.somaagent01.migrator.inspect.CatalogInspector;
import org.somaagent01.migrator.inspect.UnmodelledObjects;
import org.somaagent01.migrator.model.SchemaModel;
import org.somaagent01.migrator.store.MigrationScript;
import org.somaagent01.migrator.store.Segment;
import org.somaagent01.migrator.store.Snapshots;
import org.somaagent01.seeds.SeedReport;
import org.somaagent01.seeds.Seeds;

/**
 * The one application service behind the CLI: status, plan, apply, down and verify of one database, each returning
 * a result record the commands print. Plan and apply compute what is pending the same way, from the same history
 * state, so {@code plan} foretells {@code apply}.
 */
public final class Migrator {
    /** Where the database is: a connection opener and, for the Exposed-based seeds, a DataSource on it. */
    public interface Target {
        Connection connect();

        DataSource dataSource();
    }

    private final Target target;
    private final List<MigrationScript> scripts;
    private final ApplyOptions options;
    private final Path seedsDir;
    private final Consumer<String> log;
    private final Consumer<ProgressEvent> progress;
    private boolean privileges;

    public Migrator(Target target, List<MigrationScript> scripts, ApplyOptions options, Path seedsDir, Consumer<String> log) {
        this(target, scripts, options, seedsDir, log, null);
    }

    private Migrator(Target target, List<MigrationScript> scripts, ApplyOptions options, Path seedsDir, Consumer<String> log,
                     Consumer<ProgressEvent> progress) {
        this.target = target;
        this.scripts = scripts;
        this.options = options;
        this.seedsDir = seedsDir;
        this.log = log;
        this.progress = progress;
    }

    /**
     * This service, reporting the progress of long statements of apply and down to {@code sink} (polled on a
     * second connection from the target); null: no progress.
     */
    public Migrator withProgress(Consumer<ProgressEvent> sink) {
        return new Migrator(target, scripts, options, seedsDir, log, sink).withPrivileges(privileges);
    }

    /** This service comparing privileges as part of the schema (plan's and verify's drift report). */
    public Migrator withPrivileges(boolean on) {
        Migrator out = new Migrator(target, scripts, options, seedsDir, log, progress);
        out.privileges = on;
        return out;
    }

    private Applier applier(ApplyOptions o) {
        return new Applier(o, log, progress == null ? null : new ProgressMonitor(target::connect, progress));
    }

    private SchemaHistory history() { return new SchemaHistory(options.historySchema()); }

    // ---- status

    /** One row per script: applied/adopted/partial/pending, with when, by whom and whether its checksum matches. */
    public record StatusRow(int version, String name, String state, String appliedAt, String appliedBy, Long durationMs,
                            Boolean checksumOk, String detail) {}

    public record Status(int version, int head, PartialVersion partial, List<StatusRow> scripts) {
        public String summary() {
            return "version " + version + " of " + head + (partial == null ? "" : " (partial: " + partial.describe() + ")");
        }
    }

    public Status status() throws SQLException {
        HistoryState state;
        try (Connection c = target.connect()) {
            state = history().state(c);
        }
        List<StatusRow> rows = new ArrayList<>();
        for (MigrationScript s : scripts) {
            var a = state.applied().stream().filter(v -> v.version() == s.version()).findFirst().orElse(null);
            PartialVersion p = state.partial() != null && state.partial().version() == s.version() ? state.partial() : null;
            if (a != null) {
                rows.add(new StatusRow(s.version(), s.name(), a.how(), a.appliedAt().toString(), a.appliedBy(), a.durationMs(),
                        a.checksum().equals(s.checksum()), null));
            } else if (p != null) {
                rows.add(new StatusRow(s.version(), s.name(), "partial", p.updatedAt().toString(), null, null, null,
                        p.describe() + "; rerun apply to resume, or down to revert the applied segments"));
            } else {
                rows.add(new StatusRow(s.version(), s.name(), "pending", null, null, null, null, null));
            }
        }
        return new Status(state.version(), scripts.size(), state.partial(), rows);
    }

    // ---- plan

    /** A version plan would run: the segments still to apply (all of them, or those after a partial's). */
    public record PlannedVersion(MigrationScript script, int fromSegment, List<Segment> segments, List<String> dataLoss) {
        public boolean destructive() { return segments.stream().anyMatch(s -> s.facts().stream().anyMatch(f -> f.destructive())); }
    }

    public record PlanResult(int version, int adoptAt, List<PlannedVersion> pending, List<String> drift, String seeds) {}

    /** What apply would do now; {@code offline}: every script from empty, without a database. */
    public PlanResult plan(boolean offline) throws SQLException {
        if (offline) {
            List<PlannedVersion> all = new ArrayList<>();
            for (MigrationScript s : scripts) all.add(new PlannedVersion(s, 1, s.up().segments(), List.of()));
            return new PlanResult(0, 0, all, List.of(), "seeds: not planned offline");
        }
        try (Connection c = target.connect()) {
            c.setAutoCommit(true);
            SchemaHistory history = history();
            HistoryState state = history.state(c);
            Applier.checkApplied(state, scripts);
            SchemaModel live = new CatalogInspector(options.appSchema()).withPrivileges(privileges).inspect(c);
            // apply adopts on the schema without privileges: plan must foretell it whatever --with-privileges says
            int adoptAt = history.exists(c) ? 0 : Adoption.matchingVersion(live.withGrants(List.of()), scripts, scripts.size());
            List<PlannedVersion> pending = new ArrayList<>();
            for (Applier.Step step : Applier.pending(state, adoptAt, scripts, scripts.size())) {
                pending.add(new PlannedVersion(step.script(), step.done() + 1, step.remaining(),
                        Applier.dataLoss(c, step)));
            }
            List<String> drift = state.version() == 0 && state.partial() == null ? List.of()
                    : DriftReport.describe(Snapshots.head(scripts.subList(0, state.version())), List.of(), live, outside(c));
            if (state.partial() != null) {
                drift = new ArrayList<>(drift);
                drift.add(0, "the history records a partial version (" + state.partial().describe()
                        + "): the live schema includes its applied segments");
            }
            // what apply will do with the seeds: skip unchanged data files (as apply does, without loading them)
            String seeds = !pending.isEmpty() ? "seeds run after the pending scripts (every row is inserted on a new database)"
                    : seedStep().unchanged(c) ? SEEDS_UNCHANGED : seedStep().load().plan(target.dataSource()).toString();
            return new PlanResult(state.version(), adoptAt, pending, drift, seeds);
        }
    }

    // ---- apply

    public static final String SEEDS_UNCHANGED = "seeds unchanged since the last run: skipped (use 'seed' to force)";

    public record ApplyResult(Applier.Result scripts, int version, String seeds) {}

    /**
     * Applies pending scripts, then the seeds when the schema is at the newest version. Changed seed files are
     * validated before any script runs, so a bad data file leaves the database untouched.
     */
    public ApplyResult apply(Integer goal, boolean allowDestructive, boolean withSeeds, boolean seedsOnly) throws SQLException {
        if (!withSeeds && seedsOnly) throw new MigratorException(ExitCode.USAGE, "--no-seeds and --seeds-only exclude each other");
        try (Connection c = target.connect()) {
            SeedStep seedStep = seedStep();
            boolean seedAtHead = withSeeds && (goal == null || goal == scripts.size());
            Seeds seeds = seedAtHead ? seedStep.pending(c, seedsOnly) : null;
            // the rows against every constraint of the schema the scripts lead to, before any script runs
            if (seeds != null && !seedsOnly) seedStep.validate(target.dataSource(), seeds, Snapshots.head(scripts));
            Applier.Result result = null;
            int version;
            if (seedsOnly) {
                version = history().state(c).version();
                if (version != scripts.size()) throw new MigratorException(ExitCode.USAGE, "the database is at version "
                        + version + ", not the newest (" + scripts.size() + "): run apply before seeding");
            } else {
                result = applier(options.withAllowDestructive(allowDestructive)).apply(c, scripts, goal);
                version = result.version();
            }
            if (!withSeeds) return new ApplyResult(result, version, null);
            if (version != scripts.size()) return new ApplyResult(result, version, "seeds skipped: the schema is not at the newest version");
            SeedReport report = seeds == null ? null : seedStep.run(c, target.dataSource(), seeds, seedsOnly);
            return new ApplyResult(result, version, report == null ? SEEDS_UNCHANGED
                    : "seeds: " + report.toString().replace("\n", "; "));
        }
    }

    // ---- down

    public record DownResult(List<String> reverted, int version) {}

    /** Reverts to version {@code to}, or by {@code steps} versions (a partial version counts as one). */
    public DownResult down(Integer to, Integer steps, boolean force) throws SQLException {
        if (steps != null && steps < 1) throw new MigratorException(ExitCode.USAGE, "--steps must be at least 1");
        try (Connection c = target.connect()) {
            HistoryState state = history().state(c);
            int goal = to != null ? to : state.version() - steps + (state.isPartial() ? 1 : 0);
            List<String> reverted = applier(options.withForce(force)).down(c, scripts, Math.min(goal, state.version()));
            return new DownResult(reverted, Math.min(goal, state.version()));
        }
    }

    // ---- verify

    /** Checksums, the live schema against the snapshot of its version, and the declared schema against the newest. */
    public List<String> verify(Supplier<SchemaModel> declared) throws SQLException {
        List<String> problems = new ArrayList<>();
        try (Connection c = target.connect()) {
            HistoryState state = history().state(c);
            Applier.checkApplied(state, scripts);
            if (state.partial() != null) problems.add("history: partial version " + state.partial().describe()
                    + " (rerun apply to resume)");
            for (String d : DriftReport.describe(Snapshots.head(scripts.subList(0, state.version())), List.of(),
                    new CatalogInspector(options.appSchema()).withPrivileges(privileges).inspect(c), outside(c))) {
                problems.add("live schema: " + d);
            }
        }
        for (String d : DriftReport.describe(Snapshots.head(scripts), declared.get())) {
            problems.add("declared schema vs newest script: " + d + " (run 'generate')");
        }
        return problems;
    }

    private List<UnmodelledObjects.Unmodelled> outside(Connection c) throws SQLException {
        return new UnmodelledObjects(options.appSchema(), options.historySchema()).withPrivileges(privileges).find(c);
    }

    private SeedStep seedStep() { return new SeedStep(options, seedsDir, log); }
}
