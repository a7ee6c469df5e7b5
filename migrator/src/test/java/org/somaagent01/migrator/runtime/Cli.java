package org.somaagent01.migrator.runtime;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.somaagent01.migrator.cli.Main;

/** Runs the CLI in-process, as {@code java -jar migrator.jar ARGS} would, and keeps what it printed. */
final class Cli {
    /** Exit code, stdout and stderr of one run. */
    record Run(int code, String out, String err) {
        List<String> errLines() {
            return err.isEmpty() ? List.of() : Arrays.asList(err.split("\\R"));
        }

        @Override
        public String toString() {
            return "exit " + code + "\n--- stdout\n" + out + "--- stderr\n" + err;
        }
    }

    private Cli() {}

    /** {@code command more… --dsn DB --dir DIR --quiet}: a command on one test database and script directory. */
    static Run runOn(org.somaagent01.testdb.TestDatabase db, java.nio.file.Path dir, String command, String... more) {
        String[] args = new String[more.length + 6];
        args[0] = command;
        System.arraycopy(more, 0, args, 1, more.length);
        System.arraycopy(new String[] {"--dsn", db.uri(), "--dir", dir.toString(), "--quiet"}, 0, args, more.length + 1, 5);
        return run(args);
    }

    static Run run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        // an empty environment: a SA01_DB_DSN of the machine running the tests must not leak in
        int code = Main.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), Map.of());
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }
}
