package org.somaagent01.migrator.diff;

import java.util.ArrayList;
import java.util.List;

/** Extensions that come are created, extensions that go are dropped. */
final class ExtensionDiffer {
    private ExtensionDiffer() {}

    static List<Change> diff(DiffContext cx) {
        List<Change> out = new ArrayList<>();
        cx.from().extensions().forEach((name, e) -> { if (!cx.to().extensions().containsKey(name)) out.add(new Change.DropExtension(e)); });
        cx.to().extensions().forEach((name, e) -> { if (!cx.from().extensions().containsKey(name)) out.add(new Change.CreateExtension(e)); });
        return out;
    }
}
