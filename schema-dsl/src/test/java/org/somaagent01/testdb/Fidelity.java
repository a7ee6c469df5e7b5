package org.somaagent01.testdb;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * The legacy-schema fixtures of {@code shared/fidelity}, shipped in this test jar under {@code fidelity/}:
 * {@code legacy-dump.sql}, {@code reference-catalog.json}, {@code catalog.sql}, {@code reference-seed-rows.json}.
 */
public final class Fidelity {
    private Fidelity() {}

    public static String resource(String name) {
        try (InputStream in = Fidelity.class.getClassLoader().getResourceAsStream("fidelity/" + name)) {
            if (in == null) throw new IllegalStateException("test resource fidelity/" + name + " is missing");
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Restores {@code legacy-dump.sql} into {@code db} with psql (the dump uses COPY FROM stdin and psql
     * meta-commands). The password goes through the environment, not the command line.
     */
    public static void restoreLegacyDump(TestDatabase db) throws IOException, InterruptedException {
        Path dump = Files.createTempFile("legacy-dump", ".sql");
        try {
            Files.writeString(dump, resource("legacy-dump.sql"));
            TestServer server = TestServer.get();
            ProcessBuilder psql = new ProcessBuilder("psql", "-X", "-q", "-v", "ON_ERROR_STOP=1",
                    "-h", server.host(), "-p", String.valueOf(server.port()), "-U", db.user(), "-d", db.name(),
                    "-f", dump.toString()).redirectErrorStream(true);
            psql.environment().put("PGPASSWORD", db.password());
            Process p = psql.start();
            String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new IllegalStateException("restoring legacy-dump.sql failed: " + output);
            }
        } finally {
            Files.deleteIfExists(dump);
        }
    }
}
