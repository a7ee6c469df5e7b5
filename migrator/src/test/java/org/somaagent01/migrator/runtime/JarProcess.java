package org.somaagent01.migrator.runtime;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * {@code java -jar migrator/target/migrator.jar ARGS} in its own JVM, output kept in files. The jar comes from
 * package phase; the tests that use it are *IT classes, which failsafe runs after packaging (mvn verify),
 * in the migrator module directory, so it is target/migrator.jar.
 */
final class JarProcess {
    static final Path JAR = Path.of("target", "migrator.jar").toAbsolutePath();

    final Process process;
    private final Path out;
    private final Path err;

    private JarProcess(Process process, Path out, Path err) {
        this.process = process;
        this.out = out;
        this.err = err;
    }

    static JarProcess start(Path logDir, String name, String... args) throws IOException {
        if (!Files.isRegularFile(JAR)) {
            throw new IllegalStateException(JAR + " is missing: build it first with 'mvn -B -q -o install -DskipTests'");
        }
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", JAR.toString()));
        command.addAll(List.of(args));
        Path out = logDir.resolve(name + ".out");
        Path err = logDir.resolve(name + ".err");
        ProcessBuilder pb = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile());
        pb.environment().remove("SA01_DB_DSN");
        return new JarProcess(pb.start(), out, err);
    }

    /** Waits for the exit (bounded, so a hung migrator fails the test instead of hanging it) and returns it. */
    Cli.Run await() throws IOException, InterruptedException {
        if (!process.waitFor(5, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new AssertionError("migrator process did not exit; stderr so far:\n" + Files.readString(err));
        }
        return new Cli.Run(process.exitValue(), Files.readString(out), Files.readString(err));
    }
}
