package org.somaagent01.migrator.diff;

import java.util.ArrayList;
import java.util.List;
import org.somaagent01.migrator.model.CollationModel;

/**
 * Collations of the schema's own: created, dropped, or replaced when defined anew (swapped under the kept columns
 * that use them).
 */
final class CollationDiffer {
    private CollationDiffer() {}

    static List<Change> diff(DiffContext cx) {
        List<Change> out = new ArrayList<>();
        for (CollationModel c : cx.from().collations().values()) {
            CollationModel target = cx.to().collations().get(c.name());
            if (target == null) out.add(new Change.DropCollation(c));
            else if (!target.equals(c)) out.add(new Change.ReplaceCollation(c, target, DiffContext.collationUsers(cx.from(), cx.to(), c.name())));
        }
        for (CollationModel c : cx.to().collations().values()) {
            if (!cx.from().collations().containsKey(c.name())) out.add(new Change.CreateCollation(c));
        }
        return out;
    }
}
