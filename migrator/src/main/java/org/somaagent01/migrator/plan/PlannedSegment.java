package org.somaagent01.migrator.plan;

import java.util.ArrayList;
import java.util.List;

/**
 * One segment of a planned script: the up statements, committed together (or one statement outside a transaction),
 * and the down statements that revert exactly them. Down segment {@code i} of a script is the down of up segment
 * {@code n + 1 - i}, so a partly applied version reverts exactly.
 */
public record PlannedSegment(boolean transactional, List<String> up, List<String> down) {
    /**
     * A segment needs a statement each way for the up and down scripts to keep the same number of segments; one whose
     * steps have nothing to do in a direction (a VALIDATE has nothing to revert) gets this statement there.
     */
    public static final String NOTHING = "SELECT 1";

    public PlannedSegment {
        up = List.copyOf(up.isEmpty() ? List.of(NOTHING) : up);
        down = List.copyOf(down.isEmpty() ? List.of(NOTHING) : down);
    }

    /**
     * Groups steps into segments: consecutive steps in a transaction share one unless a step needs a new one; a step
     * outside a transaction, or one that must be alone, is a segment by itself. Each segment's down is its steps'
     * reverts in reverse order.
     */
    public static List<PlannedSegment> of(List<Step> steps) {
        List<PlannedSegment> out = new ArrayList<>();
        List<String> deferred = new ArrayList<>();
        List<String> up = null;
        List<String> down = null;
        for (Step s : steps) {
            if (s.deferred()) {
                // after the open segment commits: in the next one that opens
                deferred.addAll(s.up());
                continue;
            }
            if (s.outsideTransaction() || s.alone() || s.newSegment() || up == null) {
                if (up != null) out.add(new PlannedSegment(true, up, down));
                up = null;
                down = null;
            }
            if (s.outsideTransaction()) {
                out.add(new PlannedSegment(false, s.up(), s.down()));
            } else if (s.alone()) {
                out.add(new PlannedSegment(true, s.up(), s.down()));
            } else {
                if (up == null) {
                    up = new ArrayList<>(deferred);
                    down = new ArrayList<>();
                    deferred.clear();
                }
                up.addAll(s.up());
                down.addAll(0, s.down());
            }
        }
        if (up != null) out.add(new PlannedSegment(true, up, down));
        if (!deferred.isEmpty()) out.add(new PlannedSegment(true, deferred, List.of()));
        return out;
    }
}
