package org.somaagent01.migrator.diff;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.somaagent01.migrator.model.TableModel;
import org.somaagent01.migrator.model.TriggerModel;

/**
 * A changed trigger is dropped and created (with its new enabled state); one that differs only in that state is
 * enabled or disabled in place. A trigger on a recreated function, or whose {@code WHEN} or {@code UPDATE OF}
 * reads a column whose type changes or that goes, is dropped before and created after (PostgreSQL refuses the
 * column change under it).
 */
final class TriggerDiffer {
    private TriggerDiffer() {}

    static List<Change> diff(DiffContext cx) {
        List<Change> out = new ArrayList<>();
        Set<String> forced = new HashSet<>();
        for (TableModel t : cx.from().tables().values()) {
            TableModel target = cx.to().tables().get(t.name());
            for (TriggerModel trg : t.triggers().values()) {
                TriggerModel after = target == null ? null : target.triggers().get(trg.name());
                boolean force = cx.recreatedFunctions().contains(trg.function()) || target != null && readsTouched(cx, trg);
                if (force) forced.add(DiffContext.key(t.name(), trg.name()));
                if (force || after == null || !trg.sameButEnabled(after)) out.add(new Change.DropTrigger(trg));
            }
        }
        for (TableModel t : cx.to().tables().values()) {
            TableModel source = cx.from().tables().get(t.name());
            for (TriggerModel trg : t.triggers().values()) {
                TriggerModel before = source == null ? null : source.triggers().get(trg.name());
                if (forced.contains(DiffContext.key(t.name(), trg.name())) || before == null || !trg.sameButEnabled(before)) {
                    out.add(new Change.CreateTrigger(trg));
                } else if (!Objects.equals(before.enabled(), trg.enabled())) {
                    out.add(new Change.SetTriggerEnabled(trg, before.enabled(), trg.enabled()));
                }
            }
        }
        return out;
    }

    private static boolean readsTouched(DiffContext cx, TriggerModel trg) {
        // PostgreSQL pins the columns of UPDATE OF as it pins those of WHEN
        return trg.updateColumns().stream().anyMatch(c -> cx.retypedColumns().contains(DiffContext.key(trg.table(), c)))
                || trg.when() != null && cx.from().tables().get(trg.table())
                .columns().stream().anyMatch(c -> cx.retypedColumns().contains(DiffContext.key(trg.table(), c.name()))
                        && Identifiers.mentionsInTrigger(trg.when(), c.name()));
    }
}
