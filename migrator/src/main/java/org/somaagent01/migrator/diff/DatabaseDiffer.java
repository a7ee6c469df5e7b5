package org.somaagent01.migrator.diff;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.somaagent01.migrator.model.DatabaseModel;
import org.somaagent01.migrator.model.Renames;
import org.somaagent01.migrator.model.SchemaModel;

/**
 * The pure differ of databases of several schemas. Schemas that come are created first and schemas that go are
 * dropped last (after their objects); in between, each schema is diffed by {@link Differ} and the schemas' phases
 * are interleaved phase by phase (schemas in name order within a phase), so that what one schema's objects use in
 * another (an enum type, an FK target) exists before them and goes after them, as within one schema.
 *
 * <p>The changes of one schema are written unqualified: each run of one schema's changes is opened by a
 * {@link Change.SetSearchPath} to it, and the last run is closed by one back to the session's default.
 */
public final class DatabaseDiffer {
    private DatabaseDiffer() {}

    public static List<Change> diff(DatabaseModel from, DatabaseModel to) {
        TreeSet<String> names = new TreeSet<>(from.schemas().keySet());
        names.addAll(to.schemas().keySet());
        List<String> schemas = List.copyOf(names);
        List<List<List<Change>>> phases = new ArrayList<>();
        for (String s : schemas) {
            phases.add(Differ.phases(from.schemas().getOrDefault(s, SchemaModel.EMPTY),
                    to.schemas().getOrDefault(s, SchemaModel.EMPTY), Renames.NONE));
        }
        List<Change> out = new ArrayList<>();
        for (String s : schemas) if (!from.schemas().containsKey(s)) out.add(new Change.CreateSchema(s));
        String current = null;
        int phaseCount = phases.isEmpty() ? 0 : phases.get(0).size();
        for (int p = 0; p < phaseCount; p++) {
            for (int i = 0; i < schemas.size(); i++) {
                List<Change> phase = phases.get(i).get(p);
                if (phase.isEmpty()) continue;
                if (!schemas.get(i).equals(current)) {
                    out.add(new Change.SetSearchPath(current, schemas.get(i)));
                    current = schemas.get(i);
                }
                out.addAll(phase);
            }
        }
        if (current != null) out.add(new Change.SetSearchPath(current, null));
        for (String s : schemas) if (!to.schemas().containsKey(s)) out.add(new Change.DropSchema(s));
        return List.copyOf(out);
    }
}
