package org.somaagent01.migrator.generate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.somaagent01.migrator.ExitCode;
import org.somaagent01.migrator.MigratorException;
import org.somaagent01.migrator.declared.DeclaredSchema;
import org.somaagent01.migrator.diff.Change;
import org.somaagent01.migrator.model.Renames;
import org.somaagent01.migrator.model.SchemaModel;
import org.somaagent01.migrator.model.TableModel;
import org.somaagent01.migrator.store.MigrationScript;
import org.somaagent01.migrator.store.ScriptSource;
import org.somaagent01.migrator.store.ScriptStore;
import org.somaagent01.migrator.store.Snapshots;

class ScriptGeneratorTest {
    @TempDir
    Path dir;

    private List<String> files() throws Exception {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void secondGenerateWritesNothing() throws Exception {
        SchemaModel declared = DeclaredSchema.soma();
        assertEquals("0001_initial", ScriptGenerator.generate(dir, "initial", declared, Renames.NONE).written());
        List<String> after = files();
        ScriptGenerator.Result again = ScriptGenerator.generate(dir, "again", declared, Renames.NONE);
        assertNull(again.written());
        assertEquals(List.of(), again.changes());
        assertEquals(after, files());
        assertEquals(List.of(), ScriptGenerator.pending(dir, declared, Renames.NONE));
    }

    @Test
    void aDeclaredChangeBecomesTheNextNumberWithASnapshotOfTheDeclaredSchema() throws Exception {
        SchemaModel declared = DeclaredSchema.soma();
        TreeMap<String, TableModel> fewer = new TreeMap<>(declared.tables());
        fewer.remove("session_embeddings");
        SchemaModel first = new SchemaModel(declared.extensions(), declared.enums(), fewer, declared.functions());
        ScriptGenerator.generate(dir, "initial", first, Renames.NONE);
        assertEquals(List.of("session_embeddings"), ScriptGenerator.pending(dir, declared, Renames.NONE).stream()
                .filter(c -> c instanceof Change.CreateTable).map(c -> ((Change.CreateTable) c).table().name()).toList());

        assertEquals("0002_add_session_embeddings", ScriptGenerator.generate(dir, "add_session_embeddings", declared, Renames.NONE).written());
        List<MigrationScript> scripts = ScriptStore.load(ScriptSource.directory(dir));
        assertEquals(2, scripts.size());
        assertEquals(declared, Snapshots.head(scripts));
        assertTrue(scripts.get(1).upSql().contains("CREATE TABLE IF NOT EXISTS session_embeddings"));
        assertTrue(scripts.get(1).downSql().contains("DROP TABLE IF EXISTS session_embeddings"));
    }

    @Test
    void badNamesAreRefusedBeforeAnythingIsWritten() throws Exception {
        MigratorException e = assertThrows(MigratorException.class,
                () -> ScriptGenerator.generate(dir, "Add Table!", DeclaredSchema.soma(), Renames.NONE));
        assertEquals(ExitCode.USAGE, e.exitCode());
        assertEquals(List.of(), files());
    }

    @Test
    void snapshotsRoundTripThroughJson() {
        SchemaModel declared = DeclaredSchema.soma();
        assertEquals(declared, Snapshots.read(Snapshots.write(declared), "test"));
    }
}
