package org.somaagent01.migrator.apply;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.somaagent01.migrator.ExitCode;
import org.somaagent01.migrator.MigratorException;
import org.somaagent01.migrator.connect.Lines;
import org.somaagent01.migrator.connect.SessionTimeouts;
import org.somaagent01.migrator.history.AppliedVersion;
import org.somaagent01.migrator.history.HistoryState;
import org.somaagent01.migrator.history.PartialVersion;
import org.somaagent01.migrator.history.SchemaHistory;
import org.somaagent01.migrator.inspect.CatalogInspector;
import org.somaagent01.migrator.inspect.UnmodelledObjects;
import org.somaagent01.migrator.lock.AdvisoryLock;
import org.somaagent01.migrator.model.SchemaModel;
import org.somaagent01.migrator.store.MigrationScript;
import org.somaagent01.migrator.store.Segment;
import org.somaagent01.migrator.store.Snapshots;
import org.somaagent01.migrator.store.SqlStatements;

/**
 * Runs scripts against one database, segment by segment, under the advisory lock. A transactional segment commits
 * together with the history record of its progress, so a failure leaves the database at a state the history names
 * exactly: versions applied in full, and at most one version applied in part, which the next {@code apply} resumes
 * and {@code down} reverts. Every check (checksums, snapshots, data that would be lost, a read-only or standby
 * server, privileges) runs before the first DDL. The up-to-date case costs one query and takes no lock.
 */
public final class Applier {
    /** What {@code apply} did. */
    public record Result(List<String> applied, List<String> adopted, int version) {}

    private final ApplyOptions options;
    private final SchemaHistory history;
    private final Consumer<String> log;
    private final LockRetry lockRetry;
    private final ProgressMonitor progress;

    public Applier(ApplyOptions options, Consumer<String> log) {
        this(options, log, null);
    }

    /** @param progress reports on long statements (index builds, VALIDATE, rewrites) while they run; null: none */
    public Applier(ApplyOptions options, Consumer<String> log, ProgressMonitor progress) {
        this.options = options;
        this.history = new SchemaHistory(options.historySchema());
        this.log = log;
        this.lockRetry = LockRetry.of(options, log);
        this.progress = progress;
    }

    public Result apply(Connection c, List<MigrationScript> scripts, Integer target) throws SQLException {
        int goal = target == null ? scripts.size() : target;
        if (goal < 0 || goal > scripts.size()) {
            throw new MigratorException(ExitCode.USAGE, "--target " + goal + " is not a version of this build (0.." + scripts.size() + ")");
        }
        c.setAutoCommit(true);
        HistoryState state = history.state(c);
        checkApplied(state, scripts);
        if (upToDate(state, goal)) return new Result(List.of(), List.of(), state.version());

        try (AdvisoryLock lock = MigrationLock.take(c, options, log)) {
            // another replica may have applied it while we waited
            state = history.state(c);
            checkApplied(state, scripts);
            if (upToDate(state, goal)) return new Result(List.of(), List.of(), state.version());
            Preflight.check(c, options.historySchema(), options.appSchema());
            SessionTimeouts.apply(c, options.statementTimeout(), options.ddlLockTimeout());

            // every check before the first DDL
            boolean fresh = !history.exists(c);
            int adoptAt = fresh ? adoptableVersion(c, scripts, goal) : 0;
            SchemaModel expected = Snapshots.head(scripts.subList(0, goal));
            PolicyRoles.check(c, expected);
            List<Step> steps = pending(state, adoptAt, scripts, goal);
            for (Step step : steps) step.script().validate();
            ExtensionPaths.check(c, steps.stream().flatMap(s -> s.remaining().stream()).toList());
            if (!options.allowDestructive()) refuseDataLoss(c, steps, true);

            history.ensure(c);
            List<String> adopted = adoptAt > 0 ? recordAdopted(c, scripts.subList(0, adoptAt)) : List.of();
            List<String> ran = new ArrayList<>();
            for (Step step : steps) {
                applyVersion(c, step.script(), step.done());
                ran.add(step.script().id());
            }
            if (!ran.isEmpty()) reportDrift(c, expected);
            return new Result(ran, adopted, goal);
        }
    }

    /** A version to run (or revert) and how many of its up segments are applied now. */
    public record Step(MigrationScript script, int done) {
        /** The up segments still to run. */
        public List<Segment> remaining() { return script.up().segments().subList(done, script.segmentCount()); }

        /** The up segments applied before, whose session settings (a search path) the remaining ones run under. */
        public List<Segment> applied() { return script.up().segments().subList(0, done); }
    }

    /**
     * What apply runs to reach {@code goal}: the versions after those applied (or adopted), a partial version from
     * its first segment not known to be applied. {@code plan} shows exactly this.
     */
    public static List<Step> pending(HistoryState state, int adoptAt, List<MigrationScript> scripts, int goal) {
        List<Step> steps = new ArrayList<>();
        int from = Math.max(state.version(), adoptAt);
        for (MigrationScript s : scripts.subList(Math.min(from, goal), goal)) {
            PartialVersion p = state.partial();
            steps.add(new Step(s, p != null && p.version() == s.version() ? p.applyFrom() : 0));
        }
        return steps;
    }

    /** Every version up to {@code goal} applied in full, and none of them in part: nothing for apply to do. */
    public static boolean upToDate(HistoryState state, int goal) {
        return state.version() >= goal && (state.partial() == null || state.partial().version() > goal);
    }

    /**
     * A database the legacy init scripts built has our schema but no history. If it equals the snapshot of some
     * version, versions up to it are recorded as adopted and no DDL runs for them.
     */
    private int adoptableVersion(Connection c, List<MigrationScript> scripts, int goal) throws SQLException {
        SchemaModel live = new CatalogInspector(options.appSchema()).inspect(c);
        int v = Adoption.matchingVersion(live, scripts, goal);
        if (v > 0) {
            for (UnmodelledObjects.Unmodelled u : outsideTheModel(c)) {
                log.accept("warning: the adopted schema also holds " + u.describe() + " (outside the model: not compared)");
            }
        }
        if (v == 0 && !Adoption.isEmpty(live)) {
            log.accept("existing objects in schema " + options.appSchema() + " match no known version; "
                    + "running the scripts, which skip objects that already exist");
        }
        return v;
    }

    private List<String> recordAdopted(Connection c, List<MigrationScript> versions) throws SQLException {
        List<String> adopted = new ArrayList<>();
        c.setAutoCommit(false);
        try {
            for (MigrationScript a : versions) {
                history.record(c, a, 0, AppliedVersion.ADOPTED);
                adopted.add(a.id());
            }
            c.commit();
        } catch (SQLException e) {
            Failures.quietly(c::rollback);
            throw e;
        } finally {
            Failures.quietly(() -> c.setAutoCommit(true));
        }
        log.accept("adopted existing schema at version " + versions.size() + " (no DDL run)");
        return adopted;
    }

    /** Runs the up segments after the first {@code done}; the last one records the version as applied. */
    private void applyVersion(Connection c, MigrationScript s, int done) throws SQLException {
        int n = s.segmentCount();
        log.accept(done == 0 ? "applying " + s.id() : "resuming " + s.id() + " at segment " + (done + 1) + " of " + n);
        long start = System.nanoTime();
        if (n == 0) {
            inTransaction(c, () -> history.record(c, s, 0, AppliedVersion.APPLIED));
            return;
        }
        List<Segment> ups = s.up().segments();
        SessionSettings.around(c, ups, () -> {
            SessionSettings.replay(c, ups.subList(0, done));
            for (int k = done + 1; k <= n; k++) {
                int reached = k;
                runSegment(c, s, ups.get(k - 1), k, true, () -> {
                    if (reached == n) history.record(c, s, (System.nanoTime() - start) / 1_000_000, AppliedVersion.APPLIED);
                    else history.progress(c, s, reached, null, "up");
                }, k - 1);
            }
        });
        log.accept("  done in " + (System.nanoTime() - start) / 1_000_000 + " ms");
    }

    /** Runs down scripts from the current version to {@code toVersion}, newest first; a partial version first. */
    public List<String> down(Connection c, List<MigrationScript> scripts, int toVersion) throws SQLException {
        c.setAutoCommit(true);
        try (AdvisoryLock lock = MigrationLock.take(c, options, log)) {
            HistoryState state = history.state(c);
            checkApplied(state, scripts);
            if (toVersion < 0 || toVersion > state.version()) {
                throw new MigratorException(ExitCode.USAGE, "cannot go down to version " + toVersion
                        + ": the database is at " + state.describe(scripts.size()));
            }
            Preflight.check(c, options.historySchema(), options.appSchema());
            SessionTimeouts.apply(c, options.statementTimeout(), options.ddlLockTimeout());
            List<Step> steps = new ArrayList<>();
            if (state.partial() != null) steps.add(new Step(scripts.get(state.partial().version() - 1), state.partial().revertFrom()));
            for (int v = state.version(); v > toVersion; v--) {
                MigrationScript s = scripts.get(v - 1);
                steps.add(new Step(s, s.segmentCount()));
            }
            if (steps.isEmpty()) return List.of();
            for (Step step : steps) step.script().validate();
            PolicyRoles.check(c, Snapshots.head(scripts.subList(0, toVersion)));
            ExtensionPaths.check(c, steps.stream().flatMap(s -> downSegmentsFor(s.script(), s.done()).stream()).toList());
            if (!options.force()) refuseDataLoss(c, steps, false);
            history.ensure(c);
            List<String> reverted = new ArrayList<>();
            for (Step step : steps) {
                revertVersion(c, step.script(), step.done());
                reverted.add(step.script().id());
            }
            return reverted;
        }
    }

    /** Reverts up segments {@code done} down to 1 with the down segments that mirror them. */
    private void revertVersion(Connection c, MigrationScript s, int done) throws SQLException {
        log.accept("reverting " + s.id() + (done < s.segmentCount() ? " (" + done + " of " + s.segmentCount() + " segments applied)" : ""));
        long start = System.nanoTime();
        List<Segment> downs = downSegmentsFor(s, done);
        if (downs.isEmpty()) {
            inTransaction(c, () -> history.remove(c, s.version()));
            return;
        }
        SessionSettings.around(c, s.down().segments(), () -> {
            SessionSettings.replay(c, skippedDownSegments(s, done));
            for (int i = 0; i < downs.size(); i++) {
                int remaining = done - 1 - i;
                runSegment(c, s, downs.get(i), downs.get(i).number(), false, () -> {
                    if (remaining == 0) history.remove(c, s.version());
                    else history.progress(c, s, remaining, null, "down");
                }, remaining + 1);
            }
        });
        log.accept("  done in " + (System.nanoTime() - start) / 1_000_000 + " ms");
    }

    /** The down segments that revert up segments done..1, in the order they run. */
    private static List<Segment> downSegmentsFor(MigrationScript s, int done) {
        List<Segment> downs = s.down().segments();
        return downs.isEmpty() ? downs : downs.subList(s.segmentCount() - done, downs.size());
    }

    /** The down segments that mirror up segments never applied: they come first, and a partial revert skips them. */
    private static List<Segment> skippedDownSegments(MigrationScript s, int done) {
        List<Segment> downs = s.down().segments();
        return downs.subList(0, downs.size() - downSegmentsFor(s, done).size());
    }

    /** Writes the history record of a segment's outcome, inside its transaction when it has one. */
    private interface Record { void run() throws SQLException; }

    /**
     * Runs one segment with its progress record: a transactional one in one transaction (retried as a whole on a
     * table-lock timeout); one outside a transaction after marking it in flight, then the record. On failure the
     * error is noted in the progress row (best effort) and reported with the state reached.
     *
     * @param doneBefore up segments applied before this one ran (for the "state reached" of the message)
     */
    private void runSegment(Connection c, MigrationScript s, Segment segment, int number, boolean up, Record record,
                            int doneBefore) throws SQLException {
        int n = s.segmentCount();
        String what = s.id() + (up ? " (up)" : " (down)") + (n > 1 ? " segment " + number + "/" + n : "");
        String direction = up ? "up" : "down";
        int[] at = {-1};
        boolean marked = false;
        try {
            if (segment.transactional()) {
                lockRetry.run(c, segment.relations(), what, () -> inTransaction(c, () -> {
                    execute(c, segment, at, what);
                    record.run();
                }));
            } else {
                history.progress(c, s, doneBefore, up ? doneBefore + 1 : doneBefore, direction);
                marked = true;
                lockRetry.run(c, segment.relations(), what, () -> {
                    // in the attempt: a concurrent build that timed out on a lock leaves an invalid index too
                    InvalidIndexRepair.before(c, segment.statements().get(0).sql(), log);
                    execute(c, segment, at, what);
                });
                inTransaction(c, record::run);
            }
        } catch (SQLException e) {
            String statement = at[0] < 0 ? "" : " at line " + segment.statements().get(at[0]).line() + " ("
                    + segment.facts().get(at[0]).kind() + ")";
            noteFailure(c, s, doneBefore, direction, e, marked);
            String reached = reached(s, doneBefore, n);
            // a commit whose answer was lost may or may not have happened: say so rather than guess
            if (Failures.isConnectionLost(e)) reached += " (or segment " + number + " too, if it completed on the "
                    + "server: 'status' tells)";
            throw Failures.classify(e, what + statement, reached);
        }
    }

    private void execute(Connection c, Segment segment, int[] at, String what) throws SQLException {
        try (Statement st = c.createStatement()) {
            List<SqlStatements.Statement> statements = segment.statements();
            for (int i = 0; i < statements.size(); i++) {
                at[0] = i;
                String sql = statements.get(i).sql();
                if (progress == null) {
                    st.execute(sql);
                    continue;
                }
                try (ProgressMonitor.Watch watch = progress.watch(c, what, segment.facts().get(i), sql)) {
                    st.execute(sql);
                }
            }
        }
    }

    private static void inTransaction(Connection c, Record body) throws SQLException {
        c.setAutoCommit(false);
        try {
            body.run();
            c.commit();
        } catch (SQLException | RuntimeException e) {
            Failures.quietly(c::rollback);
            throw e;
        } finally {
            Failures.quietly(() -> c.setAutoCommit(true));
        }
    }

    /**
     * Leaves the failure in the progress row so status can name it: the failed segment rolled back (or, outside a
     * transaction, its one statement raised), so {@code done} segments stand. A version still applied in full
     * stays (or, if its in-flight mark took it out, goes back) in the full history. After a lost connection nothing
     * can be written: an in-flight mark then stays, saying the outcome is unknown.
     */
    private void noteFailure(Connection c, MigrationScript s, int done, String direction, SQLException e, boolean marked) {
        Failures.quietly(() -> {
            if (c.isClosed() || Failures.isConnectionLost(e)) return;
            if (done >= s.segmentCount()) {
                if (marked) inTransaction(c, () -> history.record(c, s, 0, AppliedVersion.APPLIED));
                return;
            }
            history.progress(c, s, done, null, direction);
            history.recordError(c, s.version(), Lines.oneLine(e.getMessage()));
        });
    }

    private static String reached(MigrationScript s, int done, int n) {
        int full = s.version() - 1;
        return "the database is at version " + full + (done == 0 ? ""
                : done == n ? " plus all of " + s.id() : " plus segments 1-" + done + " of " + n + " of " + s.id());
    }

    /** Data the segments would destroy, counted now: one line per table or column holding any. */
    public static List<String> dataLoss(Connection c, Step step) throws SQLException {
        return DataLossCheck.losses(c, step.applied(), step.remaining());
    }

    private void refuseDataLoss(Connection c, List<Step> steps, boolean up) throws SQLException {
        List<String> losses = new ArrayList<>();
        for (Step step : steps) {
            List<String> found = up ? DataLossCheck.losses(c, step.applied(), step.remaining())
                    : DataLossCheck.losses(c, skippedDownSegments(step.script(), step.done()), downSegmentsFor(step.script(), step.done()));
            for (String loss : found) losses.add(step.script().id() + ": " + loss);
        }
        if (losses.isEmpty()) return;
        String list = String.join(", ", losses);
        throw new MigratorException(ExitCode.DESTRUCTIVE_REFUSED, (up ? "applying" : "reverting") + " would destroy data: "
                + (list.length() > 400 ? list.substring(0, 400) + "…" : list) + "; back it up, then rerun with "
                + (up ? "--allow-destructive" : "--force") + " (nothing was changed)");
    }

    /**
     * Fails when the database is ahead of this build, an applied script's checksum changed, or a partly applied
     * version's applied segments changed since they ran.
     */
    public static void checkApplied(HistoryState state, List<MigrationScript> scripts) {
        checkApplied(state.applied(), scripts);
        PartialVersion p = state.partial();
        if (p == null) return;
        if (p.version() != state.version() + 1 || p.version() > scripts.size()) {
            throw new MigratorException(ExitCode.INTEGRITY, "the history records " + p.describe() + " but the database is at version "
                    + state.version() + (p.version() > scripts.size() ? " and this build knows versions up to " + scripts.size()
                    + "; deploy a newer migrator" : "; the history was edited by hand: restore it"));
        }
        MigrationScript s = scripts.get(p.version() - 1);
        if (p.segmentsDone() > s.segmentCount()) {
            throw new MigratorException(ExitCode.INTEGRITY, s.id() + " has " + s.segmentCount() + " segments now but "
                    + p.segmentsDone() + " were applied; applied segments must not change: add a new script instead");
        }
        for (int k = 1; k <= p.segmentsDone(); k++) {
            if (!s.up().segments().get(k - 1).checksum().equals(p.segmentChecksums().get(k - 1))) {
                throw new MigratorException(ExitCode.INTEGRITY, s.id() + " segment " + k + " differs from the one applied on "
                        + p.updatedAt() + "; applied segments must not change (only the segments not yet applied may be fixed)");
            }
        }
    }

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

    private void reportDrift(Connection c, SchemaModel expected) throws SQLException {
        SchemaModel live = new CatalogInspector(options.appSchema()).inspect(c);
        for (String line : DriftReport.describe(expected, List.of(), live, outsideTheModel(c))) log.accept("warning: drift: " + line);
    }

    private List<UnmodelledObjects.Unmodelled> outsideTheModel(Connection c) throws SQLException {
        return new UnmodelledObjects(options.appSchema(), options.historySchema()).find(c);
    }

}
