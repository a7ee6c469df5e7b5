package org.somaagent01.migrator.history;

import java.util.List;

/**
 * What the history says about a database: the versions applied in full, in order, and at most one version applied
 * in part. {@link #version()} is the last version applied in full.
 */
public record HistoryState(List<AppliedVersion> applied, PartialVersion partial) {
    public static final HistoryState EMPTY = new HistoryState(List.of(), null);

    public HistoryState {
        applied = List.copyOf(applied);
    }

    public int version() { return applied.size(); }

    public boolean isPartial() { return partial != null; }

    /** One line for humans: "version 1 of 3" plus the partial version, if any. */
    public String describe(int head) {
        return "version " + version() + " of " + head + (partial == null ? "" : " (partial: " + partial.describe() + ")");
    }
}
