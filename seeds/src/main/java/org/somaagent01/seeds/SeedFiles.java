package org.somaagent01.seeds;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.function.Function;

/**
 * The names of the shipped seed files and a fingerprint of their bytes. Deliberately free of Exposed and Jackson:
 * {@code apply} at container start compares this fingerprint with the last one seeded and skips the seeds when
 * nothing changed, so an up-to-date start does not pay for loading them.
 */
public final class SeedFiles {
    /** In the order the seeder writes them; {@code SeedTable.ALL} must list the same tables. */
    public static final List<String> NAMES = List.of("tool_catalog.json", "multimodal_capabilities.json", "prompts.json");

    private SeedFiles() {}

    /** SHA-256 over the shipped files' names and bytes. */
    public static String fingerprint() {
        return fingerprint(name -> SeedFiles.class.getResourceAsStream("/seeds/" + name), "the classpath /seeds/");
    }

    /** SHA-256 over the names and bytes of the data files in {@code dir} (a site's own catalog). */
    public static String fingerprint(Path dir) {
        return fingerprint(name -> {
            Path file = dir.resolve(name);
            try {
                return Files.exists(file) ? Files.newInputStream(file) : null;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }, dir.toString());
    }

    private static String fingerprint(Function<String, InputStream> open, String where) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (String name : NAMES) {
                try (InputStream in = open.apply(name)) {
                    if (in == null) throw new SeedValidationException(name + ": not found in " + where);
                    digest.update(name.getBytes(StandardCharsets.UTF_8));
                    digest.update(in.readAllBytes());
                }
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
