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
import org.somaagent01.migrator.plan.PlannedSegment;
import org.somaagent01.migrator.plan.Planner;
import org.somaagent01.migrator.plan.RenderMode;
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
        return generate(dir, name, declared, renames, RenderMode.ONLINE);
    }

    public static Result generate(Path dir, String name, SchemaModel declared, Renames renames, RenderMode mode) {
        if (!NAME.matcher(name).matches()) {
            throw new MigratorException(ExitCode.USAGE, "script name '" + name
                    + "' is not valid: use lower-case letters, digits and underscores, starting with a letter");
        }
        List<MigrationScript> scripts = ScriptStore.load(ScriptSource.directory(dir));
        List<Change> changes = Differ.diff(Snapshots.head(scripts), declared, renames);
        if (changes.isEmpty()) return new Result(null, changes);
        int version = scripts.size() + 1;
        String stem = ScriptFiles.stem(version, name);
        Texts texts = texts(stem, changes, mode);
        // read back as apply will: a script generate writes must load (segments valid, down mirrors up)
        MigrationScript.of(version, name, texts.up(), texts.down(), "").validate();
        ScriptStore.write(dir, version, name, texts.up(), texts.down(), Snapshots.write(declared));
        return new Result(stem, changes);
    }

    /** The up and down script of a version. */
    public record Texts(String up, String down) {}

    /**
     * The script texts for {@code changes}: segments as the planner lays them out ({@link Planner}), each committed
     * on its own; the down script has the same segments in reverse, each reverting its up segment, so a partly
     * applied version reverts exactly.
     */
    public static Texts texts(String stem, List<Change> changes, RenderMode mode) {
        List<PlannedSegment> segments = Planner.segments(changes, mode);
        List<ScriptText.Part> up = new ArrayList<>();
        List<ScriptText.Part> down = new ArrayList<>();
        for (PlannedSegment s : segments) up.add(new ScriptText.Part(s.transactional(), s.up()));
        for (int i = segments.size() - 1; i >= 0; i--) {
            down.add(new ScriptText.Part(segments.get(i).transactional(), segments.get(i).down()));
        }
        return new Texts(ScriptText.render(stem, "up", up), ScriptText.render(stem, "down", down));
    }
}
