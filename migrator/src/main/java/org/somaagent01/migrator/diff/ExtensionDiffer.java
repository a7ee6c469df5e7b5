package org.somaagent01.migrator.diff;

import java.util.ArrayList;
import java.util.List;
import org.somaagent01.migrator.model.Extension;

/**
 * Extensions that come are created, extensions that go are dropped, one whose two known versions differ (between
 * two databases; a declared schema names none) is updated.
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
}
