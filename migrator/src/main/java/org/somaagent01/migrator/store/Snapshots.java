package org.somaagent01.migrator.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import org.somaagent01.migrator.ExitCode;
import org.somaagent01.migrator.MigratorException;
import org.somaagent01.migrator.model.SchemaModel;

/** The schema model a script leads to, stored beside it as JSON so {@code generate} and {@code verify} can diff. */
public final class Snapshots {
    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);

    private Snapshots() {}

    public static String write(SchemaModel model) {
        try {
            return JSON.writeValueAsString(model) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialize schema snapshot", e);
        }
    }

    public static SchemaModel read(String json, String where) {
        try {
            return JSON.readValue(json, SchemaModel.class);
        } catch (JsonProcessingException e) {
            throw new MigratorException(ExitCode.INTEGRITY, "snapshot " + where + " is not a valid schema snapshot: "
                    + e.getOriginalMessage());
        }
    }

    /** The schema after the given scripts: the snapshot of the last one, or empty. */
    public static SchemaModel head(java.util.List<MigrationScript> scripts) {
        if (scripts.isEmpty()) return SchemaModel.EMPTY;
        MigrationScript last = scripts.get(scripts.size() - 1);
        if (last.snapshotJson() == null) {
            throw new MigratorException(ExitCode.INTEGRITY, last.id() + ScriptFiles.SNAPSHOT + " is missing; "
                    + "every script needs the snapshot 'generate' writes beside it");
        }
        return read(last.snapshotJson(), last.id() + ScriptFiles.SNAPSHOT);
    }
}
