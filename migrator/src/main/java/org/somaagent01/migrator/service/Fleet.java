package org.somaagent01.migrator.service;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import java.util.function.ToIntFunction;
import org.somaagent01.migrator.ExitCode;
import org.somaagent01.migrator.MigratorException;
import org.somaagent01.migrator.connect.Dsn;

/**
 * One operation (apply, status, verify, plan) on many databases, at most {@code parallel} at a time. Each database
 * gets its own {@link Migrator}, hence its own connection, advisory lock and error: a database that is unreachable
 * or whose script fails yields a failed {@link Outcome} and nothing else; the others go on.
 */
public final class Fleet {
    /** The work on one database. */
    @FunctionalInterface
    public interface Operation<R> {
        R run(Migrator migrator) throws Exception;
    }

    /**
     * The result on one database: {@code result} when the operation returned (with {@code exitCode} 0, or 3 when
     * the result means changes pending / drift), else the {@code error} line and the exit code it failed with.
     */
    public record Outcome<R>(Dsn dsn, R result, int exitCode, String error, Exception failure, Duration elapsed) {
        public boolean ok() { return exitCode == 0; }
    }

    /**
     * Exit-code priority when databases failed differently: what is wrong for every tenant alike (a bug, the scripts,
     * the seed files) first, then failures while migrating, then each database's environment, then waiting and
     * pending changes. The fleet exits with the first of these codes that any database has.
     */
    public static final List<ExitCode> PRIORITY = List.of(ExitCode.INTERNAL, ExitCode.INTEGRITY, ExitCode.UNREADABLE_FILES,
            ExitCode.SEED_INVALID, ExitCode.MIGRATION_FAILED, ExitCode.CONNECTION_LOST, ExitCode.DESTRUCTIVE_REFUSED,
            ExitCode.PERMISSION_DENIED, ExitCode.READ_ONLY, ExitCode.CONFIGURATION, ExitCode.USAGE,
            ExitCode.DB_UNREACHABLE, ExitCode.LOCK_TIMEOUT, ExitCode.CHANGES_PENDING);

    /** All outcomes, in the order of the targets. */
    public record Report<R>(List<Outcome<R>> outcomes, Duration elapsed) {
        public List<Outcome<R>> notOk() { return outcomes.stream().filter(o -> !o.ok()).toList(); }

        /** 0 when every database is ok; else the highest-priority code among them ({@link #PRIORITY}). */
        public int exitCode() {
            for (ExitCode c : PRIORITY) {
                if (outcomes.stream().anyMatch(o -> o.exitCode() == c.code)) return c.code;
            }
            return outcomes.stream().mapToInt(Outcome::exitCode).filter(c -> c != 0).findFirst().orElse(0);
        }

        /** {@code 4 databases: 2 ok, 1 pending, 1 failed (exit 5: postgresql://…/b) in 1.2 s}. */
        public String summary() {
            long ok = outcomes.stream().filter(Outcome::ok).count();
            long pending = outcomes.stream().filter(o -> o.exitCode() == ExitCode.CHANGES_PENDING.code).count();
            List<String> failed = new ArrayList<>();
            for (Outcome<R> o : outcomes) {
                if (!o.ok() && o.exitCode() != ExitCode.CHANGES_PENDING.code) failed.add("exit " + o.exitCode() + ": " + o.dsn().redacted());
            }
            return outcomes.size() + " database" + (outcomes.size() == 1 ? "" : "s") + ": " + ok + " ok"
                    + (pending > 0 ? ", " + pending + " with changes pending or drift" : "")
                    + ", " + failed.size() + " failed" + (failed.isEmpty() ? "" : " (" + String.join("; ", failed) + ")")
                    + " in " + String.format(java.util.Locale.ROOT, "%.1f", elapsed.toMillis() / 1000.0) + " s";
        }
    }

    private final List<Dsn> targets;
    private final int parallel;
    private final Function<Dsn, Migrator> migrators;

    /**
     * @param migrators makes the Migrator of one database; called once per target, on the worker that runs it
     * @throws MigratorException (usage) for no targets, a parallelism below 1, or one database listed twice
     */
    public Fleet(List<Dsn> targets, int parallel, Function<Dsn, Migrator> migrators) {
        if (targets.isEmpty()) throw new MigratorException(ExitCode.USAGE, "no target databases: give --targets FILE or --dsn URL");
        if (parallel < 1) throw new MigratorException(ExitCode.USAGE, "--parallel must be at least 1");
        Map<String, Integer> seen = new HashMap<>();
        for (int i = 0; i < targets.size(); i++) {
            Dsn d = targets.get(i);
            // two workers on one database would only queue on its lock, and the report would count it twice
            Integer before = seen.put(d.host().toLowerCase() + ":" + d.port() + "/" + d.database(), i);
            if (before != null) throw new MigratorException(ExitCode.USAGE, "targets " + (before + 1) + " and " + (i + 1)
                    + " are the same database (" + d.redacted() + "): list each database once");
        }
        this.targets = List.copyOf(targets);
        this.parallel = parallel;
        this.migrators = migrators;
    }

    public List<Dsn> targets() { return targets; }

    /**
     * Runs {@code operation} on every target, {@code parallel} at a time, and waits for all of them.
     *
     * @param codeOf the exit code a returned result stands for (0, or 3 for pending changes / drift)
     */
    public <R> Report<R> run(Operation<R> operation, ToIntFunction<R> codeOf) {
        long start = System.nanoTime();
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(parallel, targets.size()), r -> {
            Thread t = new Thread(r, "fleet");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<Outcome<R>>> futures = new ArrayList<>();
            for (Dsn d : targets) futures.add(pool.submit(() -> one(d, operation, codeOf)));
            List<Outcome<R>> outcomes = new ArrayList<>();
            for (Future<Outcome<R>> f : futures) outcomes.add(get(f));
            return new Report<>(outcomes, Duration.ofNanos(System.nanoTime() - start));
        } finally {
            pool.shutdownNow();
        }
    }

    private <R> Outcome<R> one(Dsn dsn, Operation<R> operation, ToIntFunction<R> codeOf) {
        long start = System.nanoTime();
        try {
            R result = operation.run(migrators.apply(dsn));
            return new Outcome<>(dsn, result, codeOf.applyAsInt(result), null, null, Duration.ofNanos(System.nanoTime() - start));
        } catch (MigratorException e) {
            return new Outcome<>(dsn, null, e.exitCode().code, e.getMessage(), e, Duration.ofNanos(System.nanoTime() - start));
        } catch (Exception e) {
            // as the single-database CLI reports an unexpected exception: a bug, exit 1
            return new Outcome<>(dsn, null, ExitCode.INTERNAL.code, "internal error: " + e.getClass().getSimpleName() + ": "
                    + e.getMessage(), e, Duration.ofNanos(System.nanoTime() - start));
        }
    }

    private static <R> Outcome<R> get(Future<Outcome<R>> f) {
        try {
            return f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new MigratorException(ExitCode.INTERNAL, "interrupted while waiting for the fleet", e);
        } catch (ExecutionException e) {
            // one() catches every Exception: what arrives here is an Error (out of memory, …)
            if (e.getCause() instanceof Error err) throw err;
            throw new IllegalStateException(e.getCause());
        }
    }
}
