package org.somaagent01.migrator.store;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.somaagent01.migrator.ExitCode;
import org.somaagent01.migrator.MigratorException;

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

    /**
     * Scripts in {@code dir}. A file that is there but cannot be read (no permission, a directory or a dangling
     * symbolic link under a script's name, not UTF-8) fails with {@link ExitCode#UNREADABLE_FILES} naming it, rather
     * than passing for a missing file or ending as an internal error.
     */
    static ScriptSource directory(Path dir) {
        return new ScriptSource() {
            public List<String> list() {
                if (!Files.isDirectory(dir)) return List.of();
                try (Stream<Path> files = Files.list(dir)) {
                    return files.map(p -> p.getFileName().toString()).sorted().toList();
                } catch (IOException e) {
                    throw unreadable(dir, e);
                } catch (UncheckedIOException e) {
                    // an entry the listing could not read
                    throw unreadable(dir, e.getCause());
                }
            }

            public String read(String fileName) {
                Path p = dir.resolve(fileName);
                if (!Files.exists(p, LinkOption.NOFOLLOW_LINKS)) return null;
                if (Files.isSymbolicLink(p) && !Files.exists(p)) {
                    throw new MigratorException(ExitCode.UNREADABLE_FILES, "cannot read " + p + ": it is a symbolic link "
                            + "to " + target(p) + ", which does not exist; restore the file or remove the link");
                }
                if (Files.isDirectory(p)) {
                    throw new MigratorException(ExitCode.UNREADABLE_FILES, "cannot read " + p + ": it is a directory, "
                            + "not a file; scripts must be regular files (rename or remove the directory)");
                }
                try {
                    return Files.readString(p);
                } catch (CharacterCodingException e) {
                    throw new MigratorException(ExitCode.UNREADABLE_FILES, "cannot read " + p + ": it is not UTF-8 "
                            + "text; save it as UTF-8", e);
                } catch (IOException e) {
                    throw unreadable(p, e);
                }
            }

            public String describe() { return dir.toString(); }
        };
    }

    private static MigratorException unreadable(Path p, IOException e) {
        String reason = e instanceof AccessDeniedException ? "permission denied"
                : e instanceof NoSuchFileException ? "it disappeared while being read"
                : e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
        return new MigratorException(ExitCode.UNREADABLE_FILES, "cannot read " + p + ": " + reason
                + "; the migrator's user must be able to read the script directory and every file in it", e);
    }

    private static String target(Path link) {
        try {
            return Files.readSymbolicLink(link).toString();
        } catch (IOException e) {
            return "a missing file";
        }
    }
}
