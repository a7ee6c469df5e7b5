package org.somaagent01.migrator.plan;

import java.util.List;

/**
 * A unit of a planned change: statements that run together and the statements that revert them (either list may be
 * empty, e.g. a VALIDATE has nothing to revert). Segments are built from steps ({@link PlannedSegment#of}), so the
 * down script reverts the up script segment by segment.
 *
 * @param outsideTransaction the one up statement (and its one revert) must run outside a transaction block
 *                           (CREATE/DROP INDEX CONCURRENTLY): the step is a segment of its own
 * @param newSegment         must not share a segment with the step before it: that one must have committed first
 *                           (VALIDATE after ADD … NOT VALID, so the scan holds no write lock)
 * @param alone              a segment of its own, committed before the next one runs (a new enum value)
 * @param deferred           may run in any later transactional segment: it has nothing to revert and nothing
 *                           depends on it (a VALIDATE that ends its change); such steps join the next segment that
 *                           opens anyway instead of needing one of their own
 */
public record Step(List<String> up, List<String> down, boolean outsideTransaction, boolean newSegment, boolean alone,
                   boolean deferred) {
    public Step {
        up = List.copyOf(up);
        down = List.copyOf(down);
        if (deferred && !down.isEmpty()) throw new IllegalArgumentException("a deferred step has nothing to revert: " + down);
        if (outsideTransaction && (up.size() != 1 || down.size() != 1)) {
            throw new IllegalArgumentException("a step outside a transaction has one statement each way: " + up + " / " + down);
        }
    }

    static Step inTransaction(List<String> up, List<String> down) {
        return new Step(up, down, false, false, false, false);
    }

    /** Runs in a transaction after the previous step's has committed. */
    static Step later(List<String> up, List<String> down) {
        return new Step(up, down, false, true, false, false);
    }

    /** Runs after the previous step's segment has committed, in whichever transactional segment opens next. */
    static Step deferred(List<String> up) {
        return new Step(up, List.of(), false, true, false, true);
    }

    static Step outside(String up, String down) {
        return new Step(List.of(up), List.of(down), true, true, false, false);
    }

    /**
     * The steps of the inverse change, from the steps of a change: reverse order, up and down swapped, each
     * boundary kept between the same two steps. Dropping what a step list adds is thus as lock-safe as adding it,
     * both ways.
     */
    static List<Step> mirror(List<Step> steps) {
        int m = steps.size();
        java.util.ArrayList<Step> out = new java.util.ArrayList<>();
        for (int j = 0; j < m; j++) {
            Step s = steps.get(m - 1 - j);
            boolean boundary = j == 0 ? steps.get(0).newSegment() : steps.get(m - j).newSegment();
            // a deferred step's revert must stay before the step it followed: mirrored, it is not deferred
            out.add(new Step(s.down(), s.up(), s.outsideTransaction(), boundary || s.outsideTransaction(), s.alone(), false));
        }
        return out;
    }
}
