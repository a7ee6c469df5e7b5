package org.somaagent01.migrator.diff;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.somaagent01.migrator.model.FunctionModel;

/**
 * Routines keyed by signature: a changed one is replaced in place when PostgreSQL allows it (same kind, result
 * and arguments: {@code CREATE OR REPLACE} can change neither, nor remove a default), else dropped and created
 * (and the triggers on it with it: {@link TriggerDiffer}).
 */
final class RoutineDiffer {
    private RoutineDiffer() {}

    static List<Change> diff(DiffContext cx) {
        List<Change> out = new ArrayList<>();
        for (FunctionModel f : cx.from().functions().values()) {
            FunctionModel target = cx.to().functions().get(f.signature());
            if (target == null) {
                out.add(new Change.DropFunction(f));
            } else if (!target.equals(f) && replaceable(f, target)) {
                out.add(new Change.ReplaceFunction(f, target));
            } else if (!target.equals(f)) {
                out.add(new Change.DropFunction(f, true));
                out.add(new Change.CreateFunction(target, true));
            }
        }
        for (FunctionModel f : cx.to().functions().values()) {
            if (!cx.from().functions().containsKey(f.signature())) out.add(new Change.CreateFunction(f));
        }
        return out;
    }

    static boolean replaceable(FunctionModel a, FunctionModel b) {
        return a.procedure() == b.procedure() && Objects.equals(a.returns(), b.returns())
                && a.arguments().equals(b.arguments());
    }
}
