package org.somaagent01.migrator.generate;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.somaagent01.migrator.ExitCode;
import org.somaagent01.migrator.MigratorException;
import org.somaagent01.migrator.diff.Change;
import org.somaagent01.migrator.diff.Differ;
import org.somaagent01.migrator.model.Renames;
import org.somaagent01.migrator.model.SchemaModel;
import org.somaagent01.migrator.plan.Plan;
import org.somaagent01.migrator.store.MigrationScript;
import org.somaagent01.migrator.store.ScriptFiles;
import org.somaagent01.migrator.store.ScriptSource;
import org.somaagent01.migrator.store.ScriptStore;
import org.somaagent01.migrator.store.Snapshots;

/** {@code generate NAME}: diffs the declared schema against the last snapshot and writes the next script. */
public final class ScriptGenerator {
    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9_]*");

    /** What happened: the new script's stem, or null when there was nothing to generate. */
    public record Result(String written, List<Change> changes) {}

    private ScriptGenerator() {}

    /** The changes between the last snapshot in {@code dir} and {@code declared}, without writing anything. */
    public static List<Change> pending(Path dir, SchemaModel declared, Renames renames) {
        return Differ.diff(Snapshots.head(ScriptStore.load(ScriptSource.directory(dir))), declared, renames);
    }

    public static Result generate(Path dir, String name, SchemaModel declared, Renames renames) {
        if (!NAME.matcher(name).matches()) {
            throw new MigratorException(ExitCode.USAGE, "script name '" + name
                    + "' is not valid: use lower-case letters, digits and underscores, starting with a letter");
        }
        List<MigrationScript> scripts = ScriptStore.load(ScriptSource.directory(dir));
        List<Change> changes = Differ.diff(Snapshots.head(scripts), declared, renames);
        if (changes.isEmpty()) return new Result(null, changes);
        int version = scripts.size() + 1;
        String stem = ScriptFiles.stem(version, name);
        List<Plan> segments = segments(changes);
        List<Plan> downSegments = new ArrayList<>();
        for (int i = segments.size() - 1; i >= 0; i--) downSegments.add(segments.get(i));
        String up = ScriptText.render(stem, "up", segments, Plan::upStatements);
        String down = ScriptText.render(stem, "down", downSegments, Plan::downStatements);
        // read back as apply will: a script generate writes must load (segments valid, down mirrors up)
        MigrationScript.of(version, name, up, down, "");
        ScriptStore.write(dir, version, name, up, down, Snapshots.write(declared));
        return new Result(stem, changes);
    }

    /**
     * Groups changes into segments, each committed on its own: a change whose result must be committed before use
     * (a new enum value) is a segment by itself; consecutive other changes share one. The down script has the same
     * segments in reverse, each reverting its up segment, so a partly applied version reverts exactly.
     */
    static List<Plan> segments(List<Change> changes) {
        List<Plan> out = new ArrayList<>();
        List<Change> current = new ArrayList<>();
        for (Change c : changes) {
            boolean alone = c.commitBeforeUse() || c.inverse().commitBeforeUse();
            if (alone && !current.isEmpty()) {
                out.add(new Plan(current));
                current = new ArrayList<>();
            }
            current.add(c);
            if (alone) {
                out.add(new Plan(current));
                current = new ArrayList<>();
            }
        }
        if (!current.isEmpty()) out.add(new Plan(current));
        return out;
    }
}
