package org.somaagent01.seeds;

import com.fasterxml.jackson.databind.node.ArrayNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;

/** Data directories for tests: the shipped files, then edited. */
final class TestDataDirs {
    private TestDataDirs() {}

    static Path copyShipped(Path dir) throws IOException {
        for (String table : SeedDatabases.TABLES) {
            try (InputStream in = TestDataDirs.class.getResourceAsStream("/seeds/" + table + ".json")) {
                Files.copy(in, dir.resolve(table + ".json"));
            }
        }
        return dir;
    }

    static void edit(Path dir, String table, Consumer<ArrayNode> change) throws IOException {
        Path file = dir.resolve(table + ".json");
        ArrayNode rows = (ArrayNode) SeedDatabases.JSON.readTree(file.toFile());
        change.accept(rows);
        SeedDatabases.JSON.writerWithDefaultPrettyPrinter().writeValue(file.toFile(), rows);
    }

    static void write(Path dir, String table, String text) throws IOException {
        Files.writeString(dir.resolve(table + ".json"), text);
    }
}
