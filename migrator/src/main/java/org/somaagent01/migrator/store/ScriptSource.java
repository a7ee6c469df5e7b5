package org.somaagent01.migrator.store;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** Where scripts live: a directory on disk (development, {@code generate}) or the classpath (the shipped jar). */
public interface ScriptSource {
    /** The file names present, or null when the source cannot list itself (then the sum file is the index). */
    List<String> list() throws IOException;

    /** The file's text, or null if absent. */
    String read(String fileName) throws IOException;

    String describe();

    static ScriptSource classpath(String prefix) {
        return new ScriptSource() {
            public List<String> list() { return null; }

            public String read(String fileName) throws IOException {
                try (InputStream in = ScriptSource.class.getClassLoader().getResourceAsStream(prefix + "/" + fileName)) {
                    return in == null ? null : new String(in.readAllBytes(), StandardCharsets.UTF_8);
                }
            }

            public String describe() { return "classpath:" + prefix; }
        };
    }

    static ScriptSource directory(Path dir) {
        return new ScriptSource() {
            public List<String> list() throws IOException {
                if (!Files.isDirectory(dir)) return List.of();
                try (Stream<Path> files = Files.list(dir)) {
                    return files.map(p -> p.getFileName().toString()).sorted().toList();
                }
            }

            public String read(String fileName) throws IOException {
                Path p = dir.resolve(fileName);
                return Files.exists(p) ? Files.readString(p) : null;
            }

            public String describe() { return dir.toString(); }
        };
    }
}
