package org.somaagent01.migrator.runtime;

import java.nio.file.Path;
import org.somaagent01.migrator.model.SchemaModel;
import org.somaagent01.migrator.store.ScriptStore;
import org.somaagent01.migrator.store.Snapshots;

/**
 * Script directories for the tests, written with {@link ScriptStore#write} so they are valid (sum file included)
 * until a test corrupts them. Snapshots are empty: these tests are about running scripts, not about drift.
 */
final class Fixtures {
    static final String EMPTY_SNAPSHOT = Snapshots.write(SchemaModel.EMPTY);

    private Fixtures() {}

    static void script(Path dir, int version, String name, String up, String down) {
        ScriptStore.write(dir, version, name, up, down, EMPTY_SNAPSHOT);
    }

    /** A script creating one table, reverted by dropping it. */
    static void table(Path dir, int version, String table) {
        script(dir, version, "create_" + table, "CREATE TABLE " + table + " (id integer PRIMARY KEY);\n",
                "DROP TABLE IF EXISTS " + table + ";\n");
    }
}
