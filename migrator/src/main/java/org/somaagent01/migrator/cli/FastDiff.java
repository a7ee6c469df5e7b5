package org.somaagent01.migrator.cli;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * {@code diff} without the command-line framework: the common argument forms are read here and {@link DiffCommand}
 * runs with its fields set as picocli would set them, so the output, warnings and exit codes are the command's own.
 * picocli's model of a command (reflection over its annotations, a few hundred classes) costs more than a tenth of
 * a second of a diff that should beat {@code pg_dump}. Anything this parser does not know for certain (help,
 * version, a number, a repeated single option, an argument file, an unknown or clustered option, an empty value or
 * one that looks like an option) goes to picocli, which reads it or explains the mistake.
 */
final class FastDiff {
    private static final Set<String> FLAGS = Set.of("--reverse", "--exit-code", "--plain", "--with-privileges",
            "-q", "--quiet", "-v", "--verbose");
    private static final Set<String> SINGLE = Set.of("--from", "--to", "--format", "--dev-url", "--dsn", "--history-schema");
    private static final Set<String> REPEATABLE = Set.of("--schema", "--exclude-schema");

    private FastDiff() {}

    /** The exit code when this path ran the command, or null when picocli must read the arguments. */
    static Integer attempt(String[] args, Console console) {
        DiffCommand command = parse(args);
        if (command == null) return null;
        command.console = console;
        try {
            return command.call();
        } catch (Exception e) {
            return Main.handle(e, console);
        }
    }

    /** A command with every field as picocli would set it from {@code args}, or null when unsure. */
    static DiffCommand parse(String[] args) {
        if (args.length == 0 || !args[0].equals("diff")) return null;
        Set<String> seen = new HashSet<>();
        DiffCommand c = defaults();
        for (int i = 1; i < args.length; i++) {
            String arg = args[i];
            if (arg.startsWith("@")) return null; // an argument file, which picocli expands
            String name = arg;
            String value = null;
            int eq = arg.indexOf('=');
            if (arg.startsWith("--") && eq > 0) {
                name = arg.substring(0, eq);
                value = arg.substring(eq + 1);
                if (value.isEmpty() || value.startsWith("-")) return null;
            }
            if (FLAGS.contains(name)) {
                if (value != null || !seen.add(canonical(name))) return null;
                flag(c, canonical(name));
                continue;
            }
            boolean single = SINGLE.contains(name);
            if (!single && !REPEATABLE.contains(name)) return null;
            if (single && !seen.add(name)) return null;
            if (value == null) {
                if (i + 1 >= args.length) return null;
                value = args[++i];
                if (value.isEmpty() || value.startsWith("-") || value.startsWith("@")) return null;
            }
            if (!option(c, name, value)) return null;
        }
        return c;
    }

    /** What picocli puts in the fields of a diff given no option: the annotations' default values. */
    private static DiffCommand defaults() {
        DiffCommand c = new DiffCommand();
        c.to = "declared";
        c.output = new FormatOption();
        c.output.format = OutputFormat.text;
        c.historySchema = "migrator";
        c.lockTimeoutSeconds = 120;
        c.ddlLockTimeoutSeconds = 2;
        c.ddlLockRetries = 10;
        c.connectTimeoutSeconds = 30;
        c.connectRetries = 5;
        return c;
    }

    private static String canonical(String flag) {
        if (flag.equals("-q")) return "--quiet";
        if (flag.equals("-v")) return "--verbose";
        return flag;
    }

    private static void flag(DiffCommand c, String name) {
        switch (name) {
            case "--reverse": c.reverse = true; break;
            case "--exit-code": c.exitCode = true; break;
            case "--plain": c.plain = true; break;
            case "--with-privileges": c.privileges.on = true; break;
            case "--quiet": c.quiet = true; break;
            case "--verbose": c.verbose = true; break;
            default: throw new IllegalStateException(name);
        }
    }

    private static boolean option(DiffCommand c, String name, String value) {
        switch (name) {
            case "--from": c.from = value; return true;
            case "--to": c.to = value; return true;
            case "--dev-url": c.devUrl = value; return true;
            case "--history-schema": c.historySchema = value; return true;
            case "--dsn":
                c.dsns = new ArrayList<>(List.of(value));
                return true;
            case "--schema": c.schemas.include.add(value); return true;
            case "--exclude-schema": c.schemas.exclude.add(value); return true;
            case "--format":
                // picocli matches enum constants by their exact name
                if (value.equals("text")) c.output.format = OutputFormat.text;
                else if (value.equals("json")) c.output.format = OutputFormat.json;
                else return false;
                return true;
            default: return false;
        }
    }
}
