package org.somaagent01.migrator.plan;

import java.util.ArrayList;
import java.util.List;
import org.somaagent01.migrator.diff.Change;

/**
 * A plan over several schemas ({@link org.somaagent01.migrator.diff.DatabaseDiffer}'s changes): each run of one
 * schema's changes, between two {@link Change.SetSearchPath}, is planned by itself, so the online planner never pairs
 * objects of two schemas that share a name. A search-path change after a run that left a VALIDATE for a later segment
 * (a deferred step) opens a new segment, so that the VALIDATE still runs before it, in the run's own schema. The search path is a session
 * setting (not {@code SET LOCAL}), so it holds in the segments after it, inside a transaction or not.
 */
public record DatabasePlan(List<Change> changes) {
    public DatabasePlan {
        changes = List.copyOf(changes);
    }

    public Plan plan() { return new Plan(changes); }

    /** No change to any schema (search-path changes alone are nothing). */
    public boolean isEmpty() {
        return changes.stream().allMatch(c -> c instanceof Change.SetSearchPath);
    }

    public boolean destructive() { return plan().destructive(); }

    public List<Step> steps(RenderMode mode) {
        List<Step> out = new ArrayList<>();
        List<Change> run = new ArrayList<>();
        for (Change c : changes) {
            if (c instanceof Change.SetSearchPath) {
                List<Step> steps = Planner.steps(run, mode);
                out.addAll(steps);
                run.clear();
                List<String> up = SqlRenderer.render(c);
                List<String> down = SqlRenderer.render(c.inverse());
                // a VALIDATE the run left for a later segment must run before the search path changes
                out.add(steps.stream().anyMatch(Step::deferred) ? Step.later(up, down) : Step.inTransaction(up, down));
            } else {
                run.add(c);
            }
        }
        out.addAll(Planner.steps(run, mode));
        return out;
    }

    public List<PlannedSegment> segments(RenderMode mode) {
        return PlannedSegment.of(steps(mode));
    }

    public List<String> upStatements(RenderMode mode) {
        List<String> out = new ArrayList<>();
        for (Step s : steps(mode)) out.addAll(s.up());
        return out;
    }
}
