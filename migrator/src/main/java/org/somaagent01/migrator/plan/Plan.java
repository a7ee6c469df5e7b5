package org.somaagent01.migrator.plan;

import java.util.ArrayList;
import java.util.List;
import org.somaagent01.migrator.diff.Change;

/** Ordered changes rendered both ways: {@code up} applies them, {@code down} undoes them exactly, in reverse. */
public record Plan(List<Change> changes) {
    public Plan {
        changes = List.copyOf(changes);
    }

    public boolean isEmpty() { return changes.isEmpty(); }

    public boolean destructive() { return changes.stream().anyMatch(Change::destructive); }

    public List<String> upStatements() {
        List<String> out = new ArrayList<>();
        for (Change c : changes) out.addAll(SqlRenderer.render(c));
        return out;
    }

    public List<String> downStatements() {
        List<String> out = new ArrayList<>();
        for (int i = changes.size() - 1; i >= 0; i--) out.addAll(SqlRenderer.render(changes.get(i).inverse()));
        return out;
    }

    /** The segments of this plan rendered in {@code mode}, each with the down statements that revert it. */
    public List<PlannedSegment> segments(RenderMode mode) {
        return Planner.segments(changes, mode);
    }

    /** The up statements in {@code mode}, in order (padding of empty segments left out). */
    public List<String> upStatements(RenderMode mode) {
        List<String> out = new ArrayList<>();
        for (Step s : Planner.steps(changes, mode)) out.addAll(s.up());
        return out;
    }

    /** Statements as a script: one per paragraph, each ending in a semicolon. */
    public static String script(String header, List<String> statements) {
        StringBuilder sb = new StringBuilder(header);
        for (String s : statements) sb.append('\n').append(s).append(";\n");
        return sb.toString();
    }
}
