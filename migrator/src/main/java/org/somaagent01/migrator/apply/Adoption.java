package org.somaagent01.migrator.apply;

import java.util.List;
import org.somaagent01.migrator.model.SchemaModel;
import org.somaagent01.migrator.store.MigrationScript;
import org.somaagent01.migrator.store.Snapshots;

/** Which version a schema without history already is: the newest script whose snapshot equals it, or 0. */
public final class Adoption {
    private Adoption() {}

    /** Nothing of ours there yet: a new database, not one to adopt. */
    static boolean isEmpty(SchemaModel live) {
        return live.tables().isEmpty() && live.enums().isEmpty();
    }

    public static int matchingVersion(SchemaModel live, List<MigrationScript> scripts, int upTo) {
        if (isEmpty(live)) return 0;
        for (int v = upTo; v >= 1; v--) {
            MigrationScript s = scripts.get(v - 1);
            if (s.snapshotJson() != null && Snapshots.read(s.snapshotJson(), s.id()).equals(live)) return v;
        }
        return 0;
    }
}
