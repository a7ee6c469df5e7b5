package org.somaagent01.migrator.apply;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.postgresql.PGConnection;
import org.somaagent01.migrator.store.SqlLexer;
import org.somaagent01.migrator.store.SqlLexer.Token;
import org.somaagent01.migrator.store.StatementFacts;

/**
 * Reports what a long statement (an index build, a VALIDATE, a table rewrite) is doing while it runs. The connection
 * running it is busy, so a thread polls the server's progress views on a second connection, opened only once the
 * statement has run for one interval: a statement that ends sooner costs a thread start and nothing on the server.
 * Progress is a courtesy: any failure of the polling ends the polling, never the statement.
 */
public final class ProgressMonitor {
    public static final Duration INTERVAL = Duration.ofMillis(500);

    /** Which kind of long work a statement is, and where the server reports on it. */
    enum Work {
        CREATE_INDEX, CLUSTER, VALIDATE, REWRITE
    }

    private final Supplier<Connection> connect;
    private final Consumer<ProgressEvent> sink;
    private final Duration interval;

    /**
     * @param connect opens the second connection (the same database as the statement's)
     * @param sink    receives the events, from one thread at a time
     */
    public ProgressMonitor(Supplier<Connection> connect, Consumer<ProgressEvent> sink) {
        this(connect, sink, INTERVAL);
    }

    ProgressMonitor(Supplier<Connection> connect, Consumer<ProgressEvent> sink, Duration interval) {
        this.connect = connect;
        this.sink = sink;
        this.interval = interval;
    }

    /** The kind of long work {@code sql} is, or null when it is not worth watching. */
    static Work work(StatementFacts facts, String sql) {
        switch (facts.kind()) {
            case "CREATE INDEX": case "REINDEX": return Work.CREATE_INDEX;
            case "CLUSTER": return Work.CLUSTER;
            case "VACUUM": return words(sql).contains("FULL") ? Work.CLUSTER : null;
            case "ALTER TABLE":
                List<String> w = words(sql);
                for (int i = 0; i + 1 < w.size(); i++) {
                    if (w.get(i).equals("VALIDATE") && w.get(i + 1).equals("CONSTRAINT")) return Work.VALIDATE;
                }
                return facts.typeChanges().isEmpty() ? null : Work.REWRITE;
            default: return null;
        }
    }

    /** Starts watching {@code sql} as {@code c} runs it; close the handle when it ends. Short statements: a no-op. */
    public Watch watch(Connection c, String segment, StatementFacts facts, String sql) {
        Work work = work(facts, sql);
        if (work == null) return Watch.NONE;
        int pid;
        try {
            pid = c.unwrap(PGConnection.class).getBackendPID();
        } catch (SQLException e) {
            return Watch.NONE;
        }
        String relation = facts.relations().isEmpty() ? null : facts.relations().get(0);
        Running r = new Running(new Poll(work, pid, segment, label(work, facts, sql), relation));
        r.thread.start();
        return r;
    }

    /** A statement being watched. */
    public interface Watch extends AutoCloseable {
        Watch NONE = () -> { };

        /** Stops the polling; when any progress was shown, reports the statement finished. */
        @Override
        void close();
    }

    private final class Running implements Watch {
        private final Poll poll;
        private final Thread thread;
        private final CountDownLatch stop = new CountDownLatch(1);
        private final long start = System.nanoTime();
        private ProgressEvent last; // guarded by this
        private boolean stopped;    // guarded by this

        Running(Poll poll) {
            this.poll = poll;
            this.thread = new Thread(this::run, "sa01-migrator-progress");
            thread.setDaemon(true);
        }

        private void run() {
            try {
                if (stop.await(interval.toMillis(), TimeUnit.MILLISECONDS)) return;
                try (Connection c = connect.get()) {
                    c.setAutoCommit(true);
                    try (Statement st = c.createStatement()) {
                        st.execute("SET application_name = 'sa01-migrator progress'");
                        st.execute("SET statement_timeout = 5000");
                        st.execute("SET lock_timeout = 200");
                    }
                    do {
                        ProgressEvent e = poll.read(c, elapsedMs());
                        if (e != null) emit(e);
                    } while (!stop.await(interval.toMillis(), TimeUnit.MILLISECONDS));
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (SQLException | RuntimeException e) {
                // a courtesy: the statement goes on without its progress report
            }
        }

        private synchronized void emit(ProgressEvent e) {
            if (stopped) return;
            last = e;
            sink.accept(e);
        }

        private long elapsedMs() { return (System.nanoTime() - start) / 1_000_000; }

        @Override
        public void close() {
            stop.countDown();
            try {
                // bounded: a poll stuck on a slow connect must not hold up the migration
                thread.join(2000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            synchronized (this) {
                stopped = true;
                if (last != null) sink.accept(last.finish(elapsedMs()));
            }
        }
    }

    /** One watched statement: the query of its kind, and the rate of its current phase for the estimate. */
    private static final class Poll {
        private final Work work;
        private final int pid;
        private final String segment;
        private final String statement;
        private final String relation;
        private Long bytes;
        private String phase;
        private long phaseStartMs;
        private long lastPollMs;

        Poll(Work work, int pid, String segment, String statement, String relation) {
            this.work = work;
            this.pid = pid;
            this.segment = segment;
            this.statement = statement;
            this.relation = relation;
        }

        /** The statement's state now; null when the server reports nothing (not started, or just ended). */
        ProgressEvent read(Connection c, long elapsedMs) throws SQLException {
            String phaseNow;
            String rel = relation;
            List<ProgressEvent.Counter> counters = new ArrayList<>();
            if (work == Work.CREATE_INDEX || work == Work.CLUSTER) {
                String sql = work == Work.CREATE_INDEX
                        ? "SELECT phase, relid::regclass::text, lockers_done, lockers_total, blocks_done, blocks_total, "
                          + "tuples_done, tuples_total, partitions_done, partitions_total "
                          + "FROM pg_stat_progress_create_index WHERE pid = ?"
                        : "SELECT phase, relid::regclass::text, 0, 0, heap_blks_scanned, heap_blks_total, "
                          + "heap_tuples_written, heap_tuples_scanned, 0, 0 FROM pg_stat_progress_cluster WHERE pid = ?";
                try (PreparedStatement ps = c.prepareStatement(sql)) {
                    ps.setInt(1, pid);
                    try (ResultSet rs = ps.executeQuery()) {
                        if (!rs.next()) return null;
                        phaseNow = rs.getString(1);
                        if (rs.getString(2) != null) rel = rs.getString(2);
                        // a wait counts the transactions waited for; the other counts are an earlier phase's
                        if (phaseNow.startsWith("waiting")) {
                            add(counters, "lockers", rs.getLong(3), rs.getLong(4));
                        } else {
                            add(counters, "blocks", rs.getLong(5), rs.getLong(6));
                            // CLUSTER: tuples written of tuples scanned
                            add(counters, "tuples", rs.getLong(7), rs.getLong(8));
                            add(counters, "partitions", rs.getLong(9), rs.getLong(10));
                        }
                    }
                }
            } else {
                try (PreparedStatement ps = c.prepareStatement("SELECT wait_event_type = 'Lock' AND state = 'active' "
                        + "FROM pg_stat_activity WHERE pid = ?")) {
                    ps.setInt(1, pid);
                    try (ResultSet rs = ps.executeQuery()) {
                        if (!rs.next()) return null;
                        phaseNow = rs.getBoolean(1) ? "waiting for a lock"
                                : work == Work.VALIDATE ? "validating" : "rewriting";
                    }
                }
                if (bytes == null && relation != null) bytes = size(c);
            }
            if (!phaseNow.equals(phase)) {
                phase = phaseNow;
                // it began after the previous poll, which saw the one before
                phaseStartMs = lastPollMs;
            }
            lastPollMs = elapsedMs;
            // a count at its total belongs to a phase that is over; the running one drives the estimate
            if (!phaseNow.startsWith("waiting")) counters.removeIf(k -> k.done() >= k.total());
            return new ProgressEvent(segment, statement, rel, phaseNow, counters, elapsedMs,
                    estimate(counters, elapsedMs - phaseStartMs), bytes, false);
        }

        /**
         * The table's size without waiting for its lock: a rewrite holds ACCESS EXCLUSIVE, which pg_relation_size
         * would queue behind, so then the planner's estimate (relpages) is read from the catalog instead.
         */
        private Long size(Connection c) throws SQLException {
            String sql = work == Work.VALIDATE ? "SELECT pg_relation_size(to_regclass(?))"
                    : "SELECT relpages::bigint * current_setting('block_size')::bigint FROM pg_class WHERE oid = to_regclass(?)";
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                ps.setString(1, relation);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() && rs.getObject(1) != null ? rs.getLong(1) : -1L;
                }
            } catch (SQLException e) {
                if (!LockRetry.isLockTimeout(e)) throw e;
                return -1L;
            }
        }

        private static void add(List<ProgressEvent.Counter> counters, String unit, long done, long total) {
            if (total > 0) counters.add(new ProgressEvent.Counter(unit, done, total));
        }

        /** The rest of the phase at its rate so far, when a count has started moving. */
        static Long estimate(List<ProgressEvent.Counter> counters, long inPhaseMs) {
            if (counters.isEmpty()) return null;
            ProgressEvent.Counter k = counters.get(0);
            if (k.done() <= 0 || k.done() >= k.total() || inPhaseMs <= 0) return null;
            return inPhaseMs * (k.total() - k.done()) / k.done();
        }
    }

    private static String label(Work work, StatementFacts facts, String sql) {
        switch (work) {
            case VALIDATE: return "VALIDATE CONSTRAINT";
            case REWRITE: return "ALTER TABLE … TYPE";
            case CLUSTER: return facts.kind().equals("VACUUM") ? "VACUUM FULL" : "CLUSTER";
            default: return words(sql).contains("CONCURRENTLY") ? facts.kind() + " CONCURRENTLY" : facts.kind();
        }
    }

    /** The statement's unquoted words, upper case, comments and strings left out. */
    private static List<String> words(String sql) {
        List<String> out = new ArrayList<>();
        for (Token t : SqlLexer.tokens(sql)) {
            if (t.kind() == SqlLexer.Kind.WORD) out.add(t.text().toUpperCase(java.util.Locale.ROOT));
        }
        return out;
    }
}
