package org.somaagent01.migrator.diff;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.somaagent01.migrator.model.FunctionModel;
import org.somaagent01.migrator.model.SchemaModel;

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
            } else if (recreated(f, target)) {
                out.add(new Change.DropFunction(f, true));
                out.add(new Change.CreateFunction(target, true));
            } else if (!target.equals(f)) {
                out.add(new Change.ReplaceFunction(f, target));
            }
        }
        for (FunctionModel f : cx.to().functions().values()) {
            if (!cx.from().functions().containsKey(f.signature())) out.add(new Change.CreateFunction(f));
        }
        return out;
    }

    /** The routines of {@code from} that go on the way to {@code to}: dropped, or dropped and created again. */
    static List<FunctionModel> going(SchemaModel from, SchemaModel to) {
        List<FunctionModel> out = new ArrayList<>();
        from.functions().forEach((signature, f) -> {
            if (goes(f, to.functions().get(signature))) out.add(f);
        });
        return out;
    }

    /** The routines of {@code to} that are created on the way from {@code from}: new, or created again. */
    static List<FunctionModel> coming(SchemaModel from, SchemaModel to) {
        List<FunctionModel> out = new ArrayList<>();
        to.functions().forEach((signature, f) -> {
            FunctionModel source = from.functions().get(signature);
            if (source == null || recreated(source, f)) out.add(f);
        });
        return out;
    }

    /** Whether {@code f} goes: it has no successor of its signature, or one that {@code CREATE OR REPLACE} cannot make. */
    static boolean goes(FunctionModel f, FunctionModel successor) {
        return successor == null || recreated(f, successor);
    }

    /** A routine changed so that it is dropped and created: its kind, result or arguments differ. */
    static boolean recreated(FunctionModel f, FunctionModel successor) {
        return !successor.equals(f) && !replaceable(f, successor);
    }

    static boolean replaceable(FunctionModel a, FunctionModel b) {
        return a.procedure() == b.procedure() && Objects.equals(a.returns(), b.returns())
                && a.arguments().equals(b.arguments());
    }
}
