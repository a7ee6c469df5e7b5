package org.somaagent01.migrator.diff;

import java.util.ArrayList;
import java.util.List;
import org.somaagent01.migrator.model.CollationModel;
import org.somaagent01.migrator.model.Extension;

/**
 * Extensions that come are created, extensions that go are dropped, one whose two known versions differ (between
 * two databases; a declared schema names none) is updated. Collations of the schema's own alike: created, dropped,
 * or replaced when defined anew.
 */
final class ExtensionDiffer {
    private ExtensionDiffer() {}

    static List<Change> diff(DiffContext cx) {
        List<Change> out = new ArrayList<>();
        cx.from().extensions().forEach((name, e) -> { if (!cx.to().extensions().containsKey(name)) out.add(new Change.DropExtension(e)); });
        cx.to().extensions().forEach((name, e) -> { if (!cx.from().extensions().containsKey(name)) out.add(new Change.CreateExtension(e)); });
        cx.from().extensions().forEach((name, e) -> {
            Extension target = cx.to().extensions().get(name);
            if (target != null && e.version() != null && target.version() != null && !e.version().equals(target.version())) {
                out.add(new Change.UpdateExtension(name, e.version(), target.version()));
            }
        });
        return out;
    }

    static List<Change> collations(DiffContext cx) {
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
