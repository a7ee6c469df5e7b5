package org.somaagent01.seeds;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

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
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (String name : NAMES) {
                try (InputStream in = SeedFiles.class.getResourceAsStream("/seeds/" + name)) {
                    if (in == null) throw new SeedValidationException(name + ": not found in the classpath /seeds/");
                    digest.update(name.getBytes(java.nio.charset.StandardCharsets.UTF_8));
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
