package org.somaagent01.migrator.apply;

import java.util.List;

/**
 * What a long statement was doing at one poll of the server's progress views ({@link ProgressMonitor}).
 *
 * @param segment       the segment it belongs to, as messages name it ("0002_x (up) segment 1/3")
 * @param statement     what the statement is: "CREATE INDEX", "REINDEX", "CLUSTER", "VACUUM FULL",
 *                      "VALIDATE CONSTRAINT", "ALTER TABLE … TYPE"
 * @param relation      the table (or index) it works on, when known
 * @param phase         the server's phase name (pg_stat_progress_create_index, pg_stat_progress_cluster), or for
 *                      statements without a progress view "validating" / "rewriting" / "waiting for a lock"
 * @param counters      work done of total, most telling first (the first one still running drives the estimate)
 * @param elapsedMs     since the statement started
 * @param estimateMs    time left in the current phase at its rate so far, when there is a count to go by
 * @param relationBytes the table's size, for the statements without counters (null when unknown)
 * @param finished      the last event of the statement: it has ended (successfully or not)
 */
public record ProgressEvent(String segment, String statement, String relation, String phase, List<Counter> counters,
                            long elapsedMs, Long estimateMs, Long relationBytes, boolean finished) {
    public ProgressEvent {
        counters = List.copyOf(counters);
    }

    /** {@code done} of {@code total} {@code unit}s ("blocks", "tuples", "lockers", "partitions"). */
    public record Counter(String unit, long done, long total) {}

    public ProgressEvent finish(long elapsed) {
        return new ProgressEvent(segment, statement, relation, phase, counters, elapsed, null, relationBytes, true);
    }
}
