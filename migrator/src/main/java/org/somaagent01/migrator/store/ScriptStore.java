package org.somaagent01.migrator.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import org.somaagent01.migrator.ExitCode;
import org.somaagent01.migrator.MigratorException;

/**
 * Reads and writes the numbered script directory. Loading fails fast, naming the files, on: a file edited
 * since the sum file was written, a file missing from or unknown to the sum file, two scripts with one number,
 * a gap in the numbering, or an up script without its down.
 */
public final class ScriptStore {
    public static final String CLASSPATH_PREFIX = "db/migration";

    private ScriptStore() {}

    public static List<MigrationScript> load(ScriptSource source) {
        try {
            return loadChecked(source);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<MigrationScript> loadChecked(ScriptSource source) throws IOException {
        String sumText = source.read(ScriptFiles.SUM_FILE);
        List<String> listed = source.list();
        if (listed != null) {
            for (String file : listed) {
                if (ScriptFiles.parse(file) == null && !ScriptFiles.isCompanion(file)) {
                    throw integrity(file + " in " + source.describe() + " is not a migration file: expected "
                            + ScriptFiles.PATTERN_HELP + ", " + ScriptFiles.SUM_FILE + " or a README; rename or remove it");
                }
            }
        }
        if (sumText == null) {
            boolean hasScripts = listed != null && listed.stream().anyMatch(f -> !ScriptFiles.isCompanion(f));
            if (hasScripts) throw integrity("no " + ScriptFiles.SUM_FILE + " in " + source.describe()
                    + "; scripts must be written by 'generate' (or restore the sum file from version control)");
            return List.of();
        }
        SumFile sum = SumFile.parse(sumText, source.describe());
        List<String> files = listed != null ? listed.stream().filter(f -> !f.equals(ScriptFiles.SUM_FILE)).toList()
                : List.copyOf(sum.files().keySet());
        Map<String, String> texts = new LinkedHashMap<>();
        for (String file : files) {
            Matcher m = ScriptFiles.parse(file);
            if (m == null) continue;
            String text = source.read(file);
            String expected = sum.files().get(file);
            if (expected == null) throw integrity(file + " in " + source.describe() + " is not in " + ScriptFiles.SUM_FILE
                    + "; write scripts with 'generate', or run 'generate --rehash' after a deliberate edit");
            if (text == null) throw integrity(file + " listed in " + ScriptFiles.SUM_FILE + " is missing from " + source.describe());
            if (!expected.equals(ScriptFiles.sha256(text))) throw integrity(file + " was edited after it was generated "
                    + "(checksum differs from " + ScriptFiles.SUM_FILE + "); revert it, or run 'generate --rehash' if the edit is deliberate");
            texts.put(file, text);
        }
        for (String file : sum.files().keySet()) {
            if (!texts.containsKey(file)) throw integrity(file + " listed in " + ScriptFiles.SUM_FILE + " is missing from " + source.describe());
        }
        return assemble(texts);
    }

    private static List<MigrationScript> assemble(Map<String, String> texts) {
        Map<Integer, String> stems = new TreeMap<>();
        for (String file : texts.keySet()) {
            Matcher m = ScriptFiles.parse(file);
            int version = Integer.parseInt(m.group(1));
            String stem = m.group(1) + "_" + m.group(2);
            String other = stems.putIfAbsent(version, stem);
            if (other != null && !other.equals(stem)) {
                throw integrity("two scripts with version " + version + ": " + other + " and " + stem + "; renumber one with 'generate'");
            }
        }
        List<MigrationScript> scripts = new ArrayList<>();
        int expected = 1;
        for (Map.Entry<Integer, String> e : stems.entrySet()) {
            String stem = e.getValue();
            if (e.getKey() != expected) throw integrity("script numbering has a gap: expected version " + expected
                    + " but found " + stem);
            String up = texts.get(stem + ScriptFiles.UP);
            String down = texts.get(stem + ScriptFiles.DOWN);
            if (up == null) throw integrity(stem + ScriptFiles.UP + " is missing (found its other files)");
            if (down == null) throw integrity(stem + ScriptFiles.DOWN + " is missing: every script needs its down");
            String name = stem.substring(stem.indexOf('_') + 1);
            String snapshot = texts.get(stem + ScriptFiles.SNAPSHOT);
            if (snapshot == null) throw integrity(stem + ScriptFiles.SNAPSHOT + " is missing: every script needs the "
                    + "snapshot 'generate' writes beside it (restore it from version control)");
            scripts.add(MigrationScript.of(e.getKey(), name, up, down, snapshot));
            expected++;
        }
        return List.copyOf(scripts);
    }

    /** Writes one new script's files and rewrites the sum file over the whole directory. */
    public static void write(Path dir, int version, String name, String up, String down, String snapshotJson) {
        try {
            Files.createDirectories(dir);
            String stem = ScriptFiles.stem(version, name);
            for (String suffix : List.of(ScriptFiles.UP, ScriptFiles.DOWN, ScriptFiles.SNAPSHOT)) {
                if (Files.exists(dir.resolve(stem + suffix))) {
                    throw integrity(dir.resolve(stem + suffix) + " already exists; refusing to overwrite a numbered script");
                }
            }
            Files.writeString(dir.resolve(stem + ScriptFiles.UP), up);
            Files.writeString(dir.resolve(stem + ScriptFiles.DOWN), down);
            Files.writeString(dir.resolve(stem + ScriptFiles.SNAPSHOT), snapshotJson);
            rehash(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Recomputes the sum file from the files present (after a deliberate, reviewed edit). */
    public static void rehash(Path dir) throws IOException {
        Map<String, String> sums = new TreeMap<>();
        for (String file : ScriptSource.directory(dir).list()) {
            if (ScriptFiles.parse(file) != null) sums.put(file, ScriptFiles.sha256(Files.readString(dir.resolve(file))));
        }
        Files.writeString(dir.resolve(ScriptFiles.SUM_FILE), SumFile.render(sums));
    }

    static MigratorException integrity(String message) {
        return new MigratorException(ExitCode.INTEGRITY, message);
    }
}
